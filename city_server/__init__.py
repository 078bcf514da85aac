"""The city server: the stations enrol with it and (next) sync through it."""

__version__ = "0.1.0"
