"""A real `city-server serve` process on a free loopback port, for the end-to-end tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

START_TIMEOUT_S = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get_json(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=2) as answer:
        return dict(json.loads(answer.read()))


@contextmanager
def running_server(
    database_url: str, *, workers: int = 1, port: int | None = None
) -> Iterator[str]:
    """Serves `database_url` until the block ends; yields the server's base URL."""
    port = port or free_port()
    command = [sys.executable, "-m", "city_server", "--db", database_url, "serve"]
    command += ["--port", str(port), "--workers", str(workers)]
    # Its log goes to a file: a pipe nobody reads fills up and blocks the server's workers.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        server = subprocess.Popen(
            command,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while True:
                try:
                    get_json(f"{base_url}/v1/health")
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        server.kill()
                        server.wait()
                        log.seek(0)
                        raise AssertionError(log.read()) from None
                    time.sleep(0.1)
            yield base_url
        finally:
            server.terminate()
            server.wait(timeout=30)
