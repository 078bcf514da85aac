"""The employers page: find, register and edit the employers the station works with."""

from station_app.ui.counter.employers.page import EmployersPage

__all__ = ["EmployersPage"]
