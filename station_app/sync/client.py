"""The city server's API as the station calls it (httpx), with clear errors.

Every failure is a `SyncError` (a UserError) with a stable code that the UI translates: the
server cannot be reached, refuses the code or the station, or answers something unexpected.
The station's access token is asked for when needed and again when it expires; its life is
counted on this machine's monotonic clock, so a wrong station clock does not matter.
"""

from __future__ import annotations

import time
from typing import Any

import httpx
import orjson

from station_app import __version__
from station_app.errors import UserError
from station_app.sync.credentials import StationCredentials

TIMEOUT_S = 30.0
PREFIX = "/v1"
PROTOCOL_VERSION = 1
# The server's refusals this station explains in its own words (the others: "sync.refused").
REFUSALS = {
    "enrol.bad_code": "sync.bad_code",
    "station.revoked": "sync.revoked",
    "auth.bad_credentials": "sync.bad_credentials",
    "sync.resync": "sync.resync",
}


class SyncError(UserError):
    default_code = "error.sync"


class CityClient:
    """Talks to one city server. `http` may be given (tests pass one bound to the app)."""

    def __init__(self, server_url: str, http: httpx.Client | None = None) -> None:
        self.server_url = normalize_server_url(server_url)
        self._http = http or httpx.Client(base_url=self.server_url, timeout=TIMEOUT_S)

    def close(self) -> None:
        self._http.close()

    def sign_in(self, credentials: StationCredentials) -> None:
        """Uses these credentials for the sync calls (a token is asked for on the first)."""
        self._credentials = credentials
        self._token: str | None = None
        self._token_until = 0.0

    def hello(self, cursor: int) -> dict[str, Any]:
        return self._call(
            "/sync/hello",
            {"protocol": PROTOCOL_VERSION, "cursor": cursor, "app_version": __version__},
        )

    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        body = self._call("/sync/push", {"changes": changes})
        return self._results(body, changes)

    def push_with_hello(
        self, changes: list[dict[str, Any]], cursor: int
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """The hello's answer and the push's; the changes count only when the hello says "ok"
        (a server that does not fold hellos answers None for it, and applies them)."""
        hello = {"protocol": PROTOCOL_VERSION, "app_version": __version__, "cursor": cursor}
        body = self._call("/sync/push", {"changes": changes, "hello": hello})
        answer = body.get("hello")
        if isinstance(answer, dict) and answer.get("action") != "ok":
            return answer, []
        return (answer if isinstance(answer, dict) else None), self._results(body, changes)

    def _results(self, body: dict[str, Any], changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        results = body.get("results")
        if not isinstance(results, list) or len(results) != len(changes):
            raise self._unexpected("a push answer that does not answer every change")
        return results

    def pull(self, cursor: int, limit: int, *, hello: bool = False) -> dict[str, Any]:
        """A page after `cursor`; with `hello`, the hello's answer comes with it (and the page
        only when that answer is "ok")."""
        payload: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if hello:
            payload["hello"] = {"protocol": PROTOCOL_VERSION, "app_version": __version__}
        return self._call("/sync/pull", payload)

    def snapshot(
        self, scope: str, upto: int | None, after: dict[str, Any] | None, limit: int
    ) -> dict[str, Any]:
        payload = {"scope": scope, "upto": upto, "after": after, "limit": limit}
        return self._call("/sync/snapshot", payload)

    def _call(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        """A sync call with a valid token; an expired one is replaced once."""
        for attempt in range(2):
            token = self._access_token()
            try:
                return self._post(path, payload, token=token)
            except SyncError as error:
                if attempt == 0 and error.params.get("server_code") == "auth.expired_token":
                    self._token = None
                    continue
                raise
        raise AssertionError("unreachable")

    def _access_token(self) -> str:
        credentials = getattr(self, "_credentials", None)
        if credentials is None:
            raise RuntimeError("sign_in first")
        if self._token is None or time.monotonic() >= self._token_until:
            body = self._post(
                "/token",
                {
                    "station_id": credentials.station_id,
                    "secret": credentials.secret,
                    "app_version": __version__,
                },
            )
            try:
                self._token = str(body["access_token"])
                lifetime = float(body["expires_in"])
            except (KeyError, TypeError, ValueError):
                raise self._unexpected("a token answer without a token") from None
            self._token_until = time.monotonic() + max(lifetime - 30, lifetime / 2)
        return self._token

    def enrol(self, code: str) -> StationCredentials:
        """Exchanges a one-time enrolment code for the station's credentials."""
        body = self._post("/enrol", {"code": code.strip()})
        try:
            return StationCredentials(
                server_url=self.server_url,
                station_id=str(body["station_id"]),
                secret=str(body["secret"]),
                communities=tuple(str(c) for c in body["communities"]),
            )
        except (KeyError, TypeError) as error:
            raise self._unexpected(f"an enrolment answer without {error}") from None

    def _post(
        self, path: str, payload: dict[str, Any], *, token: str | None = None
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else None
        try:
            answer = self._http.post(PREFIX + path, json=payload, headers=headers)
        except httpx.HTTPError as error:
            raise SyncError(
                f"the city server {self.server_url} cannot be reached ({error})",
                code="sync.unreachable",
                params={"server": self.server_url},
            ) from None
        if answer.status_code == 503:
            raise SyncError(
                f"the city server {self.server_url} is busy; the sync is tried again shortly",
                code="sync.server_busy",
                params={"server": self.server_url},
            )
        if answer.status_code >= 500:
            raise SyncError(
                f"the city server {self.server_url} failed (HTTP {answer.status_code})",
                code="sync.server_failed",
                params={"server": self.server_url, "status": str(answer.status_code)},
            )
        if answer.status_code >= 400:
            raise self._refused(answer)
        try:
            body = orjson.loads(answer.content)
        except ValueError:
            raise self._unexpected("an answer that is not JSON") from None
        if not isinstance(body, dict):
            raise self._unexpected("an answer that is not a JSON object")
        return body

    def _refused(self, answer: httpx.Response) -> SyncError:
        try:
            body = answer.json()
            code, message = str(body["code"]), str(body["message"])
        except (ValueError, KeyError, TypeError):
            return self._unexpected(f"HTTP {answer.status_code}")
        return SyncError(
            f"the city server refused: {message}",
            code=REFUSALS.get(code, "sync.refused"),
            params={"server": self.server_url, "reason": message, "server_code": code},
        )

    def _unexpected(self, what: str) -> SyncError:
        return SyncError(
            f"the city server {self.server_url} sent {what}",
            code="sync.unexpected",
            params={"server": self.server_url},
        )


def normalize_server_url(url: str) -> str:
    """The server's address without a trailing slash; UserError if it is not http(s)."""
    text = url.strip().rstrip("/")
    try:
        parsed = httpx.URL(text) if text else None
    except httpx.InvalidURL:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise SyncError(
            f"not the address of a city server: {url!r} (e.g. https://city.example:8400)",
            code="sync.bad_url",
            params={"server": url},
        )
    return text
