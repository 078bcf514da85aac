"""The users page: the administrator's list of accounts, with create, reset and deactivate."""

from station_app.ui.counter.users.page import UsersPage

__all__ = ["UsersPage"]
