"""The residents page: search the register, register and edit residents."""

from station_app.ui.counter.residents.page import ResidentsPage

__all__ = ["ResidentsPage"]
