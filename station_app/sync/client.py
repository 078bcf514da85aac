"""The city server's API as the station calls it (httpx), with clear errors.

Every failure is a `SyncError` (a UserError) with a stable code that the UI translates: the
server cannot be reached, refuses the code or the station, or answers something unexpected.
"""

from __future__ import annotations

from typing import Any

import httpx

from station_app.errors import UserError
from station_app.sync.credentials import StationCredentials

TIMEOUT_S = 10.0
PREFIX = "/v1"


class SyncError(UserError):
    default_code = "error.sync"


class CityClient:
    """Talks to one city server. `http` may be given (tests pass one bound to the app)."""

    def __init__(self, server_url: str, http: httpx.Client | None = None) -> None:
        self.server_url = normalize_server_url(server_url)
        self._http = http or httpx.Client(base_url=self.server_url, timeout=TIMEOUT_S)

    def close(self) -> None:
        self._http.close()

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

    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            answer = self._http.post(PREFIX + path, json=payload)
        except httpx.HTTPError as error:
            raise SyncError(
                f"the city server {self.server_url} cannot be reached ({error})",
                code="sync.unreachable",
                params={"server": self.server_url},
            ) from None
        if answer.status_code >= 400:
            raise self._refusal(answer)
        try:
            body = answer.json()
        except ValueError:
            raise self._unexpected("an answer that is not JSON") from None
        if not isinstance(body, dict):
            raise self._unexpected("an answer that is not a JSON object")
        return body

    def _refusal(self, answer: httpx.Response) -> SyncError:
        try:
            body = answer.json()
            code, message = str(body["code"]), str(body["message"])
        except (ValueError, KeyError, TypeError):
            return self._unexpected(f"HTTP {answer.status_code}")
        known = {
            "enrol.bad_code": "sync.bad_code",
            "station.revoked": "sync.revoked",
            "auth.bad_credentials": "sync.bad_credentials",
        }
        return SyncError(
            f"the city server refused: {message}",
            code=known.get(code, "sync.refused"),
            params={"server": self.server_url, "reason": message},
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
