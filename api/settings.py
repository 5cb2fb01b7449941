"""Server settings: defaults for a laptop, every one overridable from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from qa.audio import DEFAULT_MAX_DURATION
from qa.redact.modes import check_mode
from qa.timezones import ENV as TZ_ENV
from qa.timezones import site_zone

__all__ = ["Settings", "ACCESS_LOG_FORMATS"]

ACCESS_LOG_FORMATS = ("text", "json", "off")


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"${name} must be a number, got {raw!r}") from None


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() not in ("0", "false", "no", "off")


def _env_zone() -> str | None:
    raw = (os.environ.get(TZ_ENV) or "").strip()
    if raw:
        site_zone()  # names $QA_TIMEZONE in the error
    return raw or None


@dataclass(frozen=True)
class Settings:
    """How the server runs.

    ``database_url``/``data_dir`` default to the embedded store (``./var/qa.db``, ``./var``).
    ``job_workers`` scoring threads run inside each server process (0: accept uploads only and
    let another process score them); ``warm_models`` loads every model at start-up so no
    request or job pays for it. A ``running`` job whose worker stops sending heartbeats for
    ``stale_after`` seconds is taken over by another worker. A valid API key's role is
    remembered for ``key_cache_s`` seconds (a key revoked elsewhere, e.g. by ``qa keys revoke``,
    stops working within that time; one revoked through this server, at once).
    ``redaction`` is the site's redaction mode for new calls (``off``, ``text``, ``text+audio``;
    ``$QA_REDACTION``; an upload's ``redact`` field overrides it) and ``keep_original_audio``
    (``$QA_KEEP_ORIGINAL_AUDIO``) keeps the original recording beside its redacted copy.
    ``timezone`` is the site's zone (``$QA_TIMEZONE``, an IANA name; ``None``: UTC): the weeks
    trends group by, the pages' default display zone and what API dates mean; an unknown name
    fails here, at start-up.
    ``access_log`` (``$QA_ACCESS_LOG``): one line per request on the ``qa.access`` logger, as
    ``text`` (default), ``json`` lines, or ``off``. ``retention_days`` (``$QA_RETENTION_DAYS``;
    ``None``, the default: off) deletes calls older than that many days, once at start-up and
    then every ``retention_interval_s`` seconds (a day).
    """

    database_url: str | None = None
    data_dir: Path | None = None
    max_upload_bytes: int = 512 * 1024 * 1024
    max_duration: float | None = DEFAULT_MAX_DURATION
    job_workers: int = 1
    warm_models: bool = True
    stale_after: float = 120.0
    poll_interval: float = 0.5
    rubric: str | None = None
    key_cache_s: float = 5.0
    redaction: str = "off"
    keep_original_audio: bool = False
    timezone: str | None = None
    access_log: str = "text"
    retention_days: float | None = None
    retention_interval_s: float = 86400.0
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "redaction", check_mode(self.redaction))
        if self.timezone is not None:
            site_zone(self.timezone)  # an unknown zone: InputError now
        if self.access_log not in ACCESS_LOG_FORMATS:
            raise ValueError(
                f"access log must be one of {', '.join(ACCESS_LOG_FORMATS)}; got {self.access_log!r}"
            )
        if self.retention_days is not None and self.retention_days <= 0:
            raise ValueError(f"retention days must be more than 0; got {self.retention_days}")

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Settings from ``QA_*`` environment variables, then ``overrides`` (None = keep)."""
        data_dir = os.environ.get("QA_DATA_DIR")
        base = cls(
            database_url=os.environ.get("QA_DATABASE_URL") or None,
            data_dir=Path(data_dir) if data_dir else None,
            max_upload_bytes=int(_env_float("QA_MAX_UPLOAD_MB", 512) * 1024 * 1024),
            max_duration=_env_float("QA_MAX_DURATION", DEFAULT_MAX_DURATION),
            job_workers=int(_env_float("QA_JOB_WORKERS", 1)),
            warm_models=_env_bool("QA_WARM_MODELS", True),
            stale_after=_env_float("QA_JOB_STALE_AFTER", 120.0),
            rubric=os.environ.get("QA_RUBRIC") or None,
            key_cache_s=_env_float("QA_KEY_CACHE_S", 5.0),
            redaction=check_mode(os.environ.get("QA_REDACTION") or None),
            keep_original_audio=_env_bool("QA_KEEP_ORIGINAL_AUDIO", False),
            timezone=_env_zone(),
            access_log=(os.environ.get("QA_ACCESS_LOG") or "text").strip().lower(),
            retention_days=_env_float("QA_RETENTION_DAYS", 0.0) or None,
        )
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})
