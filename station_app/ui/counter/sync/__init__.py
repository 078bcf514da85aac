"""The sync page: the link with the city server, enrolling, and the conflicts to resolve."""

from station_app.ui.counter.sync.page import SyncPage

__all__ = ["SyncPage"]
