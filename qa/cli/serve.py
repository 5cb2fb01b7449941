"""``qa serve``: run the web API and pages. The one command that loads the web layer (``api``):
nothing else in ``qa`` imports it."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qa.cli.common import add_common, add_redaction_options, add_store_options

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    sv = sub.add_parser("serve", help="run the web API and pages (scorecards, calls, uploads)")
    add_common(sv)
    add_store_options(sv)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.add_argument("--job-workers", type=int, metavar="N", help="scoring threads in the server (default 1; 0: accept uploads only)")
    sv.add_argument("--max-upload-mb", type=float, metavar="MB", help="largest accepted upload (default 512, or $QA_MAX_UPLOAD_MB)")
    sv.add_argument("--rubric", metavar="FILE", help="rubric configuration file for new scores")
    add_redaction_options(sv)
    sv.add_argument("--no-warm", action="store_true", help="load models on the first job instead of at start-up")
    sv.add_argument("--processes", type=int, default=1, metavar="N", help="server processes (each loads the models once and runs its own job workers; default 1)")
    sv.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Open the store once (a bad URL fails now; a first run gets an admin key), then serve the
    web app (``--processes`` > 1: uvicorn workers, each building its app from the environment)."""
    import uvicorn

    from api.app import NoDelayH11Protocol, create_app
    from api.settings import Settings

    settings = Settings.from_env(
        database_url=args.db,
        data_dir=args.data_dir,
        job_workers=args.job_workers,
        max_upload_bytes=None if args.max_upload_mb is None else int(args.max_upload_mb * 1024 * 1024),
        rubric=args.rubric,
        warm_models=False if args.no_warm else None,
        redaction=args.redact,
        keep_original_audio=args.keep_original_audio,
    )
    # Open once here: a bad URL fails now with one line, and a first run gets a key to sign in.
    from qa.store import Store

    with Store.open(
        settings.database_url, data_dir=settings.data_dir, timezone=settings.timezone or "UTC"
    ) as store:
        where = store.engine.url.render_as_string(hide_password=True)
        if not any(k.revoked is None for k in store.keys.list()):
            key = store.keys.create("admin", label="created by the first `qa serve`")
            print(
                f"qa: no API keys yet; created an admin key (shown only now):\n  {key}\n"
                "    sign in at the pages with it, or create others: qa keys create --role supervisor",
                file=sys.stderr,
            )
    print(f"qa: serving on http://{args.host}:{args.port}/  (API docs at /docs; database {where})", file=sys.stderr)
    log_level = "info" if args.verbose else "warning"
    if args.processes > 1:
        # Each process builds its app from the environment (uvicorn imports the factory).
        import os

        env = {
            "QA_DATABASE_URL": settings.database_url,
            "QA_DATA_DIR": None if settings.data_dir is None else str(settings.data_dir),
            "QA_JOB_WORKERS": str(settings.job_workers),
            "QA_MAX_UPLOAD_MB": str(settings.max_upload_bytes / (1024 * 1024)),
            "QA_RUBRIC": settings.rubric,
            "QA_WARM_MODELS": "1" if settings.warm_models else "0",
            "QA_REDACTION": settings.redaction,
            "QA_KEEP_ORIGINAL_AUDIO": "1" if settings.keep_original_audio else "0",
            "QA_TIMEZONE": settings.timezone,
        }
        os.environ.update({k: v for k, v in env.items() if v is not None})
        uvicorn.run(
            "api.app:app_factory",
            factory=True,
            workers=args.processes,
            host=args.host,
            port=args.port,
            log_level=log_level,
            http=NoDelayH11Protocol,
        )
        return 0
    uvicorn.run(
        create_app(settings), host=args.host, port=args.port, log_level=log_level, http=NoDelayH11Protocol
    )
    return 0
