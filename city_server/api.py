"""The city server's HTTP API: `create_app(settings)` (OpenAPI at /openapi.json).

Stations enrol with their one-time code, exchange their credentials for short-lived access
tokens and call the API with them (`Authorization: Bearer …`). Every error is JSON
`{"code": …, "message": …}` with a 4xx status; the code is stable, the message English.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

import orjson
from fastapi import Depends, FastAPI, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, StringConstraints
from sqlalchemy import BindParameter, Table, bindparam, update
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from city_server import __version__, referrals, stations, sync, tokens
from city_server.body_limit import BodyLimit
from city_server.database import make_engine, session_factory
from city_server.models import Station, utc_now
from city_server.schema import upgrade_schema
from city_server.settings import ServerSettings
from city_server.stations import Credentials, NotEnrolled, RegistryError, Revoked

API_VERSION = 1
RETRY_AFTER_S = 5  # what a station is told to wait when its push found its records busy
MAX_FIELD = 200  # no request field is longer (codes, ids, secrets, versions)
NO_NUL = r"^[^\x00]*$"  # PostgreSQL keeps no NUL character in text: refused at the door


class EnrolRequest(BaseModel):
    code: str = Field(min_length=1, max_length=MAX_FIELD, pattern=NO_NUL)


class EnrolResponse(BaseModel):
    station_id: str
    secret: str
    communities: list[str]


class TokenRequest(BaseModel):
    station_id: str = Field(min_length=1, max_length=MAX_FIELD, pattern=NO_NUL)
    secret: str = Field(min_length=1, max_length=MAX_FIELD, pattern=NO_NUL)
    app_version: str | None = Field(default=None, max_length=32, pattern=NO_NUL)


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class StationResponse(BaseModel):
    station_id: str
    communities: list[str]


Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]{1,36}$")]
EntityName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,31}$")]
FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Text = Annotated[str, StringConstraints(max_length=10_000, pattern=r"^[^\x00]*$")]
Number = Annotated[float, Field(allow_inf_nan=False)]
Version = Annotated[int, Field(ge=0, le=2**62)]
FieldValue = bool | int | Number | Text | list[Text] | None


class HelloRequest(BaseModel):
    protocol: int = Field(ge=0, le=1000)
    app_version: str = Field(default="", max_length=32, pattern=NO_NUL)
    cursor: Version = 0
    station_time: datetime | None = None


class HelloResponse(BaseModel):
    action: Literal["ok", "upgrade", "resync"]
    message: str
    protocol: int
    station_id: str
    communities: list[str]
    scopes: list[str]
    server_seq: int
    horizon: int
    server_time: datetime


class HelloFold(BaseModel):
    """A hello sent with a pull or a push, so a usual sync needs no request of its own
    (a pull's hello is about the pull's cursor, a push's about `cursor`)."""

    protocol: int = Field(ge=0, le=1000)
    app_version: str = Field(default="", max_length=32, pattern=NO_NUL)
    cursor: Version = 0


class ChangeIn(BaseModel):
    change_id: Identifier
    entity: EntityName
    id: Identifier
    scope_id: Identifier
    op: Literal["create", "update", "delete"]
    fields: dict[FieldName, FieldValue] = Field(default_factory=dict, max_length=100)
    base_version: Version = 0
    actor: str = Field(default="", max_length=64, pattern=NO_NUL)
    changed_at: datetime | None = None


class PushRequest(BaseModel):
    changes: list[ChangeIn] = Field(max_length=sync.MAX_PUSH)
    hello: HelloFold | None = None


class ChangeResult(BaseModel):
    change_id: str
    status: Literal["applied", "conflict", "duplicate", "ignored", "rejected"]
    first_status: str | None = None
    seq: int | None
    reason: str
    conflicts: list[str]


class PushResponse(BaseModel):
    results: list[ChangeResult]
    # Only when the request carried a hello; the changes are applied only when it says "ok".
    hello: HelloResponse | None = None


class PullRequest(BaseModel):
    cursor: Version = 0
    limit: int = Field(default=1000, ge=1, le=sync.MAX_PAGE)
    hello: HelloFold | None = None


class ItemOut(BaseModel):
    seq: int
    entity: str
    id: str
    scope_id: str
    op: Literal["put", "exit"]
    deleted: bool
    fields: dict[str, Any]


class PullResponse(BaseModel):
    items: list[ItemOut]
    cursor: int
    more: bool
    # Only when the request carried a hello; a page comes with it only when it says "ok".
    hello: HelloResponse | None = None


class SnapshotKeyModel(BaseModel):
    rank: int = Field(ge=0, le=1000)
    entity: EntityName
    id: Identifier


class SnapshotRequest(BaseModel):
    scope: Identifier
    upto: Version | None = None
    after: SnapshotKeyModel | None = None
    limit: int = Field(default=1000, ge=1, le=sync.MAX_PAGE)


class SnapshotResponse(BaseModel):
    upto: int
    items: list[ItemOut]
    next: SnapshotKeyModel | None


class VerifyRequest(BaseModel):
    serial: str = Field(min_length=1, max_length=40, pattern=NO_NUL)
    check: str = Field(min_length=1, max_length=20, pattern=NO_NUL)


class VerifyResponse(BaseModel):
    genuine: bool
    station: str | None = None  # the station that issued it, when genuine


class ErrorResponse(BaseModel):
    code: str
    message: str


ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorResponse},
    401: {"model": ErrorResponse},
    403: {"model": ErrorResponse},
    410: {"model": ErrorResponse},
    413: {"model": ErrorResponse},
    422: {"model": ErrorResponse},
    503: {"model": ErrorResponse},
}


def create_app(settings: ServerSettings) -> FastAPI:
    """The API over the database of `settings` (brought to the newest schema first)."""
    engine = make_engine(settings.database_url)
    upgrade_schema(engine)
    sessions = session_factory(engine)
    with sessions() as session:
        tokens.ensure_key(session)
        sync.ensure_counter(session)
    app = FastAPI(title="Jieshou employment stations: city server", version=__version__)
    app.add_middleware(BodyLimit)
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

    # The sync's endpoints read the token's header on the event loop, then do all their
    # database work in one call on a worker thread: its session, the token's check against
    # the register, the work and the commit (one thread hop per request, not one per
    # dependency). Their answers are JSON written with orjson, in the shape of their models.

    @app.post("/v1/sync/hello", tags=["sync"], responses=ERRORS, response_model=HelloResponse)
    async def sync_hello(body: HelloRequest, token: TokenDep) -> Response:
        """Whether the station may sync (ok), must update its app, or must resync; its scope."""

        def work(session: Session, claims: tokens.StationClaims) -> Response:
            answer = _hello(session, claims, body.protocol, body.cursor)
            _touch(session, claims.station_id, seen=True, app_version=body.app_version)
            session.commit()
            return _json(answer)

        return await _in_thread(sessions, token, work)

    @app.post("/v1/sync/push", tags=["sync"], responses=ERRORS, response_model=PushResponse)
    async def sync_push(body: PushRequest, token: TokenDep) -> Response:
        """Applies the station's changes in order, all in one transaction; one answer each.
        With a hello, its answer too, and the changes applied only when it says "ok"."""
        changes = [
            sync.IncomingChange(
                change_id=c.change_id,
                entity=c.entity,
                id=c.id,
                scope_id=c.scope_id,
                op=c.op,
                fields=c.fields,
                base_version=c.base_version,
                actor=c.actor,
                changed_at=_naive_utc(c.changed_at),
            )
            for c in body.changes
        ]

        def work(session: Session, claims: tokens.StationClaims) -> Response:
            hello = None
            version = body.hello.app_version if body.hello else ""
            if body.hello is not None:
                hello = _hello(session, claims, body.hello.protocol, body.hello.cursor)
                if hello["action"] != "ok":
                    _touch(session, claims.station_id, seen=True, app_version=version)
                    session.commit()
                    return _json({"results": [], "hello": hello})
            station = sync.StationScope(claims.station_id, claims.communities)
            # The station noted first: the push's last statements hold the counter's lock.
            results = sync.push_when_free(
                session,
                station,
                changes,
                before_each=lambda: _touch(
                    session,
                    station.station_id,
                    seen=hello is not None,
                    app_version=version,
                    synced=True,
                ),
            )
            session.commit()
            answers = [{**result, "first_status": result.get("first_status")} for result in results]
            return _json({"results": answers, "hello": hello})

        return await _in_thread(sessions, token, work)

    @app.post("/v1/sync/pull", tags=["sync"], responses=ERRORS, response_model=PullResponse)
    async def sync_pull(body: PullRequest, token: TokenDep) -> Response:
        """The changes in the station's scopes after its cursor, oldest first. With a hello,
        its answer too, and the page only when the answer is "ok"."""

        def work(session: Session, claims: tokens.StationClaims) -> Response:
            hello = None
            if body.hello is not None:
                hello = _hello(session, claims, body.hello.protocol, body.cursor)
            page = sync.Page([], body.cursor, False)
            if hello is None or hello["action"] == "ok":
                station = sync.StationScope(claims.station_id, claims.communities)
                page = sync.pull(session, station, body.cursor, body.limit)
            _touch(
                session,
                claims.station_id,
                seen=hello is not None,
                app_version=body.hello.app_version if body.hello else "",
                synced=(hello is None or hello["action"] == "ok") and not page.more,
            )
            session.commit()
            head: dict[str, Any] = {"cursor": page.cursor, "more": page.more}
            if hello is not None:
                head["hello"] = hello
            return _page_response(head, page.items)

        return await _in_thread(sessions, token, work)

    @app.post("/v1/sync/snapshot", tags=["sync"], responses=ERRORS, response_model=SnapshotResponse)
    async def sync_snapshot(body: SnapshotRequest, token: TokenDep) -> Response:
        """One page of a scope's live records as of one sequence number, for a new station."""
        after = (
            sync.SnapshotKey(body.after.rank, body.after.entity, body.after.id)
            if body.after
            else None
        )

        def work(session: Session, claims: tokens.StationClaims) -> Response:
            station = sync.StationScope(claims.station_id, claims.communities)
            shot = sync.snapshot(session, station, body.scope, body.upto, after, body.limit)
            head = {"upto": shot.upto, "next": shot.next.__dict__ if shot.next else None}
            return _page_response(head, shot.items)

        return await _in_thread(sessions, token, work)

    @app.post("/v1/referrals/verify", tags=["referrals"], responses=ERRORS)
    def verify_referral(body: VerifyRequest, session: SessionDep) -> VerifyResponse:
        """Whether a referral slip's serial and check code are genuine (no credentials needed:
        an employer scans the slip's QR code)."""
        verdict = referrals.verify(session, body.serial, body.check)
        return VerifyResponse(genuine=verdict.genuine, station=verdict.station_name)

    return app


def _hello(
    session: Session, claims: tokens.StationClaims, protocol: int, cursor: int
) -> dict[str, Any]:
    """The hello's answer, in the shape of `HelloResponse`."""
    station = sync.StationScope(claims.station_id, claims.communities)
    answer = sync.hello(session, protocol, cursor)
    return {
        "action": answer.action,
        "message": answer.message,
        "protocol": sync.PROTOCOL_VERSION,
        "station_id": claims.station_id,
        "communities": list(claims.communities),
        "scopes": sorted(station.scopes),
        "server_seq": answer.server_seq,
        "horizon": answer.horizon,
        "server_time": utc_now().isoformat(),
    }


def _touch(
    session: Session,
    station_id: str,
    *,
    seen: bool = False,
    app_version: str = "",
    synced: bool = False,
) -> None:
    """Notes in the register, in one statement, that the station was seen (a hello, with its
    app version) or synced (a push, or a pull to the end); not yet committed."""
    now = utc_now()
    values: dict[str, Any] = {}
    if seen:
        values["last_seen_at"] = now
        if app_version:
            values["app_version"] = app_version
    if synced:
        values["last_sync_at"] = now
    if values:
        session.connection().execute(
            update(_STATIONS).where(_STATIONS.c.id == _STATION_ID).values(**values),
            {"claims_id": station_id},
        )


_STATIONS = typing.cast(Table, Station.__table__)
_STATION_ID: BindParameter[str] = bindparam("claims_id")


def _json(content: Any) -> Response:
    return Response(orjson.dumps(content), media_type="application/json")


def _page_response(head: dict[str, Any], items: list[sync.Item]) -> Response:
    """A page as JSON, each record's stored fields copied in as they are (not re-encoded).

    Its shape is the endpoint's response model (a test compares them).
    """
    parts = [
        b'{"seq":%d,"entity":%b,"id":%b,"scope_id":%b,"op":"%b","deleted":%b,"fields":%b}'
        % (
            item.seq,
            orjson.dumps(item.entity),
            orjson.dumps(item.id),
            orjson.dumps(item.scope_id),
            item.op.encode(),
            b"true" if item.deleted else b"false",
            item.fields.encode(),
        )
        for item in items
    ]
    body = orjson.dumps(head)[:-1] + b',"items":[' + b",".join(parts) + b"]}"
    return Response(body, media_type="application/json")


def _naive_utc(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.sessions
    with factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(_session)]


def _claims(session: SessionDep, token: TokenDep) -> tokens.StationClaims:
    return tokens.verify(session, token)


async def _bearer(
    authorization: Annotated[str | None, Header(max_length=1000)] = None,
) -> str:
    """The access token of the Authorization header (checked later, on the worker thread)."""
    scheme, _, value = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise NotEnrolled("auth.missing_token", "send an access token: Authorization: Bearer …")
    return value.strip()


TokenDep = Annotated[str, Depends(_bearer)]
ClaimsDep = Annotated[tokens.StationClaims, Depends(_claims)]


async def _in_thread(
    sessions: sessionmaker[Session],
    token: str,
    work: Callable[[Session, tokens.StationClaims], Response],
) -> Response:
    """`work` with a session and the token's claims, on one of the worker threads."""

    def run() -> Response:
        with sessions() as session:
            return work(session, tokens.verify(session, token))

    return await run_in_threadpool(run)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RegistryError)
    def registry_error(_request: Request, error: RegistryError) -> JSONResponse:
        if isinstance(error, sync.StillBusy):
            return JSONResponse(
                {"code": error.code, "message": str(error)},
                status_code=503,
                headers={"Retry-After": str(RETRY_AFTER_S)},
            )
        status = (
            403
            if isinstance(error, Revoked | sync.OutsideScope)
            else 401
            if isinstance(error, NotEnrolled)
            else 410
            if isinstance(error, sync.ResyncNeeded)
            else 400
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
