"""Where a station keeps what it got from enrolling: the server, its id, and its secret.

The server's address, the station's id and its communities go to `sync.json` in the data
folder. The secret goes to the OS keyring when there is one (Windows' credential manager, the
desktop's secret service); elsewhere to `sync-secret` beside it, readable by its owner only.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from station_app.errors import UserError

KEYRING_SERVICE = "station-app city server"
CONFIG_NAME = "sync.json"
SECRET_NAME = "sync-secret"


@dataclass(frozen=True)
class StationCredentials:
    server_url: str
    station_id: str
    secret: str
    communities: tuple[str, ...]


class CredentialsError(UserError):
    default_code = "error.sync_credentials"


def save_credentials(data_dir: Path, credentials: StationCredentials) -> str:
    """Keeps the credentials; returns where the secret went ("keyring" or the file's path)."""
    where = store_secret(data_dir, credentials.station_id, credentials.secret)
    config = {
        "server_url": credentials.server_url,
        "station_id": credentials.station_id,
        "communities": list(credentials.communities),
        "secret_in": "keyring" if where == "keyring" else "file",
    }
    path = data_dir / CONFIG_NAME
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(json.dumps(config, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temporary, path)
    return where


def load_credentials(data_dir: Path) -> StationCredentials | None:
    """The kept credentials; None before the station enrolled."""
    path = data_dir / CONFIG_NAME
    if not path.exists():
        return None
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
        station_id = str(config["station_id"])
        server_url = str(config["server_url"])
        communities = tuple(str(c) for c in config.get("communities", ()))
        in_keyring = config.get("secret_in") == "keyring"
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CredentialsError(
            f"the sync settings {path} cannot be read ({error}); enroll the station again",
            code="sync.credentials_unreadable",
            params={"path": str(path)},
        ) from None
    secret = kept_secret(data_dir, station_id, in_keyring=in_keyring)
    if not secret:
        raise CredentialsError(
            f"the station's secret is missing ({'keyring' if in_keyring else SECRET_NAME}); "
            "enroll the station again",
            code="sync.credentials_unreadable",
            params={"path": str(path)},
        )
    return StationCredentials(server_url, station_id, secret, communities)


def store_secret(
    data_dir: Path,
    station_id: str,
    secret: str,
    *,
    service: str = KEYRING_SERVICE,
    file_name: str = SECRET_NAME,
) -> str:
    """Keeps a secret in the keyring, else in an owner-only file; returns "keyring" or the
    file's path."""
    keyring = _usable_keyring()
    if keyring is not None:
        try:
            keyring.set_password(service, station_id, secret)
            (data_dir / file_name).unlink(missing_ok=True)
            return "keyring"
        except Exception:  # a locked or broken keyring: the file will do
            pass
    path = data_dir / file_name
    temporary = path.with_name(path.name + ".new")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(secret)
    os.replace(temporary, path)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    return str(path)


def kept_secret(
    data_dir: Path,
    station_id: str,
    *,
    in_keyring: bool,
    service: str = KEYRING_SERVICE,
    file_name: str = SECRET_NAME,
) -> str | None:
    """A secret `store_secret` kept; None when it is missing."""
    if in_keyring:
        return _keyring_secret(station_id, service)
    return _file_secret(data_dir, file_name)


def _keyring_secret(station_id: str, service: str) -> str | None:
    keyring = _usable_keyring()
    if keyring is None:
        return None
    try:
        secret = keyring.get_password(service, station_id)
    except Exception:  # a locked or broken keyring: as if nothing were kept there
        return None
    return str(secret) if secret else None


def _file_secret(data_dir: Path, file_name: str) -> str | None:
    try:
        return (data_dir / file_name).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def _usable_keyring() -> ModuleType | None:
    """The keyring module if it has a real backend here, else None."""
    if os.environ.get("STATION_APP_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring
