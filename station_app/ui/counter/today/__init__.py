"""The home page ("today"): contacts due, jobs about to expire, each opening its record."""

from station_app.ui.counter.today.page import TodayPage

__all__ = ["TodayPage"]
