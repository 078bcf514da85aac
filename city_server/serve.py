"""The app uvicorn's workers build: `create_app` with the settings in the environment."""

from __future__ import annotations

from fastapi import FastAPI

from city_server.api import create_app
from city_server.settings import ServerSettings


def app_from_environment() -> FastAPI:
    return create_app(ServerSettings.from_environment())
