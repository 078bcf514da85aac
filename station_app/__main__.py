"""Allows `python -m station_app`."""

from station_app.cli import main

raise SystemExit(main())
