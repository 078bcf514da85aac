"""Station: the counter and kiosk software of Jieshou's community employment stations."""

__version__ = "0.1.0"
