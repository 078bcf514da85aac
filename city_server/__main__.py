"""`python -m city_server` is `city-server`."""

from city_server.cli import main

raise SystemExit(main())
