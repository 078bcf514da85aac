"""The jobs page (岗位归集): find jobs by kind, status, occupation, place and pay; register them."""

from station_app.ui.counter.jobs.page import JobsPage

__all__ = ["JobsPage"]
