"""The city server's HTTP API: `create_app(settings)` (OpenAPI at /openapi.json).

Stations enrol with their one-time code, exchange their credentials for short-lived access
tokens and call the API with them (`Authorization: Bearer …`). Every error is JSON
`{"code": …, "message": …}` with a 4xx status; the code is stable, the message English.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from city_server import __version__, stations, tokens
from city_server.database import create_schema, make_engine, session_factory
from city_server.models import utc_now
from city_server.settings import ServerSettings
from city_server.stations import Credentials, NotEnrolled, RegistryError, Revoked

API_VERSION = 1
MAX_FIELD = 200  # no request field is longer (codes, ids, secrets, versions)


class EnrolRequest(BaseModel):
    code: str = Field(min_length=1, max_length=MAX_FIELD)


class EnrolResponse(BaseModel):
    station_id: str
    secret: str
    communities: list[str]


class TokenRequest(BaseModel):
    station_id: str = Field(min_length=1, max_length=MAX_FIELD)
    secret: str = Field(min_length=1, max_length=MAX_FIELD)
    app_version: str | None = Field(default=None, max_length=32)


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class StationResponse(BaseModel):
    station_id: str
    communities: list[str]


class ErrorResponse(BaseModel):
    code: str
    message: str


ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorResponse},
    401: {"model": ErrorResponse},
    403: {"model": ErrorResponse},
    422: {"model": ErrorResponse},
}


def create_app(settings: ServerSettings) -> FastAPI:
    """The API over the database of `settings` (its tables are made if missing)."""
    engine = make_engine(settings.database_url)
    create_schema(engine)
    sessions = session_factory(engine)
    with sessions() as session:
        tokens.ensure_key(session)
    app = FastAPI(title="Jieshou employment stations: city server", version=__version__)
    app.state.sessions = sessions
    app.state.settings = settings
    _add_error_handlers(app)

    @app.get("/v1/health", tags=["server"])
    def health() -> dict[str, object]:
        """The server answers (no credentials needed)."""
        return {"status": "ok", "api_version": API_VERSION, "server_version": __version__}

    @app.post("/v1/enrol", tags=["stations"], responses=ERRORS)
    def enrol(body: EnrolRequest, session: SessionDep) -> EnrolResponse:
        """Exchanges a one-time enrolment code for the station's id and secret (once)."""
        credentials = stations.enrol(session, body.code)
        station = stations.authenticate(session, credentials)
        session.commit()
        return EnrolResponse(
            station_id=credentials.station_id,
            secret=credentials.secret,
            communities=list(station.community_codes),
        )

    @app.post("/v1/token", tags=["stations"], responses=ERRORS)
    def token(body: TokenRequest, session: SessionDep) -> TokenResponse:
        """A short-lived access token for a station's credentials."""
        station = stations.authenticate(session, Credentials(body.station_id, body.secret))
        station.last_seen_at = utc_now()
        if body.app_version:
            station.app_version = body.app_version
        ttl = timedelta(seconds=settings.token_ttl_s)
        issued = tokens.issue(session, station, ttl)
        session.commit()
        return TokenResponse(access_token=issued.token, expires_in=settings.token_ttl_s)

    @app.get("/v1/station", tags=["stations"], responses=ERRORS)
    def whoami(claims: ClaimsDep) -> StationResponse:
        """The calling station and its scope, as the server sees them."""
        return StationResponse(station_id=claims.station_id, communities=list(claims.communities))

    return app


def _session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(_session)]


def _claims(
    session: SessionDep,
    authorization: Annotated[str | None, Header(max_length=1000)] = None,
) -> tokens.StationClaims:
    scheme, _, value = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise NotEnrolled("auth.missing_token", "send an access token: Authorization: Bearer …")
    return tokens.verify(session, value.strip())


ClaimsDep = Annotated[tokens.StationClaims, Depends(_claims)]


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RegistryError)
    def registry_error(_request: Request, error: RegistryError) -> JSONResponse:
        status = (
            403 if isinstance(error, Revoked) else 401 if isinstance(error, NotEnrolled) else 400
        )
        return JSONResponse({"code": error.code, "message": str(error)}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"code": f"http.{error.status_code}", "message": str(error.detail)},
            status_code=error.status_code,
            headers=error.headers,
        )

    @app.exception_handler(RequestValidationError)
    def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid request')}" if where else "invalid request"
        return JSONResponse({"code": "request.invalid", "message": message}, status_code=422)
