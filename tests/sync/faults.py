"""A transport that loses requests and answers, answers 5xx and cuts bodies short, by chance."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import httpx

FAULTS = ("drop_request", "drop_response", "error_before", "error_after", "cut_body")


@dataclass
class FaultyTransport(httpx.BaseTransport):
    """Wraps a transport; each request fails with probability `rate`, in one of FAULTS' ways.

    `drop_response`, `error_after` and `cut_body` let the server do the work first: the
    station cannot tell whether its push was applied.
    """

    inner: httpx.BaseTransport
    rng: random.Random
    rate: float = 0.3
    seen: list[str] = field(default_factory=list)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        fault = self.rng.choice(FAULTS) if self.rng.random() < self.rate else "none"
        self.seen.append(fault)
        if fault == "drop_request":
            raise httpx.ConnectError("connection refused (injected)", request=request)
        if fault == "error_before":
            return httpx.Response(503, json={"code": "http.503", "message": "injected"})
        response = self.inner.handle_request(request)
        body = response.read()
        if fault == "drop_response":
            raise httpx.ReadError("connection reset (injected)", request=request)
        if fault == "error_after":
            return httpx.Response(502, content=b"bad gateway")
        if fault == "cut_body":
            return httpx.Response(
                response.status_code, headers=response.headers, content=body[: len(body) // 2]
            )
        return httpx.Response(response.status_code, headers=response.headers, content=body)


def faulty_client(test_client: httpx.Client, rng: random.Random, rate: float) -> httpx.Client:
    """A client to the same app whose requests fail by chance."""
    inner: httpx.BaseTransport = test_client._transport  # the in-process app
    return httpx.Client(
        base_url=str(test_client.base_url), transport=FaultyTransport(inner, rng, rate)
    )
