"""The ``qa`` command line.

Every user-facing failure (bad file, bad option, missing model) ends with one ``qa: error: …``
line on stderr and a non-zero exit status, never a traceback (``-v`` adds one for bug reports).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from qa import __version__
from qa.errors import QAError

__all__ = ["main", "build_parser"]

log = logging.getLogger("qa")


def _add_common(p: argparse.ArgumentParser, top: bool = False) -> None:
    # Accepted before or after the command; the command's copy only overrides when given.
    dflt = (lambda v: v) if top else (lambda v: argparse.SUPPRESS)
    p.add_argument("-v", "--verbose", action="count", default=dflt(0), help="more logging (-vv: debug)")
    p.add_argument("-q", "--quiet", action="store_true", default=dflt(False), help="no progress output")


def _add_audio_options(p: argparse.ArgumentParser) -> None:
    _add_common(p)
    p.add_argument("audio", metavar="AUDIO", help="recording: WAV, MP3, FLAC, OGG/Opus, M4A …")
    _add_pipeline_options(p)
    p.add_argument("--call-id", help="identifier for the call (default: from the audio's sha256)")
    p.add_argument("--json", action="store_true", help="print the machine form (see README)")


def _add_pipeline_options(p: argparse.ArgumentParser) -> None:
    from qa.asr import CHINESE_SCRIPTS
    layout = p.add_mutually_exclusive_group()
    layout.add_argument("--mono", action="store_true", help="one channel (or both parties on one): separate the two voices")
    layout.add_argument("--stereo", action="store_true", help="one party per channel (default for two-channel files)")
    p.add_argument("--agent-channel", choices=("0", "1", "auto"), default="0", help="stereo: the agent's channel, or auto to decide it from what each side says (default 0)")
    p.add_argument("--language", metavar="XX", help="language hint (en, zh, ko, ms …); default: detected over the call")
    p.add_argument("--model", default="base", help="Whisper model: 'base' (shipped), a CTranslate2 model directory, or a faster-whisper model name")
    p.add_argument("--backend", choices=("faster-whisper", "openai-whisper"), default="faster-whisper")
    p.add_argument("--beam-size", type=int, default=1, metavar="N")
    p.add_argument("--asr-batch", type=int, default=8, metavar="N", help="Whisper windows decoded together (default 8; 1: one at a time)")
    p.add_argument("--zh-script", choices=CHINESE_SCRIPTS, default="simplified", help="Mandarin transcripts in one script (default simplified; Whisper mixes both)")
    p.add_argument("--compute-type", default="int8", help="CTranslate2 compute type (int8, float32 …)")
    p.add_argument("--device", default="cpu", help="cpu or cuda")
    p.add_argument("--max-duration", type=float, metavar="SECONDS", help="refuse longer recordings (default 7200, or $QA_MAX_DURATION)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qa", description="Offline quality-assurance scoring for recorded complaint calls."
    )
    parser.add_argument("--version", action="version", version=f"qa {__version__}")
    _add_common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    t = sub.add_parser("transcribe", help="split agent from customer and transcribe with word timings")
    _add_audio_options(t)
    t.set_defaults(func=cmd_transcribe)

    s = sub.add_parser("score", help="transcribe and score a call against the rubric")
    _add_audio_options(s)
    s.add_argument("--agent", default="unknown", metavar="ID", help="agent identifier")
    s.add_argument("--rubric", metavar="FILE", help="rubric configuration file (default: shipped qa/rubric.toml)")
    s.set_defaults(func=cmd_score)

    st = sub.add_parser("score-transcript", help="score a transcript that already exists (JSON)")
    _add_common(st)
    st.add_argument("transcript", metavar="TRANSCRIPT", help="JSON: this tool's --json output or {utterances: [{role,start,end,text,words?}]}")
    st.add_argument("--agent", metavar="ID", help="agent identifier (default: the transcript's)")
    st.add_argument("--rubric", metavar="FILE", help="rubric configuration file")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_score_transcript)

    lb = sub.add_parser("label", help="label utterances (empathy, apology, resolution, arguing …) from JSONL")
    _add_common(lb)
    lb.add_argument("--input", required=True, metavar="FILE", help='JSONL, one {"id", "text", "language"?, "role"?} per line')
    lb.add_argument("--output", metavar="FILE", help="JSONL out (default: stdout)")
    lb.add_argument("--batch-size", type=int, default=64)
    lb.set_defaults(func=cmd_label)

    r = sub.add_parser("rubrics", help="list the rubric items and their options")
    _add_common(r)
    r.set_defaults(func=cmd_rubrics)
    _add_server_commands(sub)
    _add_batch_commands(sub)
    return parser


def _pipeline_options(args: argparse.Namespace) -> Any:
    from qa.asr import TranscriptionOptions
    from qa.pipeline import PipelineOptions

    overrides: dict[str, Any] = {
        "layout": "mono" if args.mono else "stereo" if args.stereo else "auto",
        "agent_channel": args.agent_channel,
        "language": args.language,
        "transcription": TranscriptionOptions(
            backend=args.backend,
            model=args.model,
            beam_size=args.beam_size,
            batch_size=args.asr_batch,
            chinese_script=args.zh_script,
            compute_type=args.compute_type,
            device=args.device,
        ),
    }
    if args.max_duration is not None:
        overrides["max_duration"] = args.max_duration
    return PipelineOptions.from_env(**overrides)


class _ProgressLine:
    """Progress on stderr: a live line on a terminal, nothing when piped (logs say enough)."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.enabled:
            log.debug("%s %.0f%%", stage, fraction * 100)
            return
        bar = "#" * int(fraction * 20)
        end = "\n" if fraction >= 1.0 else ""
        self.stream.write(f"\r[{bar:<20}] {fraction:4.0%} {stage:<12}{end}")
        self.stream.flush()


def _fmt_time(t: float) -> str:
    m, s = divmod(max(0.0, t), 60)
    return f"{int(m):02d}:{s:05.2f}"


def print_call(call: Any, out: TextIO) -> None:
    """The human form of a transcript."""
    meta = call.meta
    layout = meta.get("layout", call.source)
    if layout == "stereo":
        where = f"stereo, agent on channel {meta.get('speakers', {}).get('agent_channel', 0)}"
    elif layout == "transcript":
        where = "from a transcript"
    else:
        where = f"mono, voices separated (role confidence {meta.get('speakers', {}).get('role_confidence', '?')})"
    lang = meta.get("language") or call.language or "?"
    out.write(
        f"call {call.id} · agent {call.agent_id} · {call.duration:.1f} s · {where} · "
        f"language {lang} ({meta.get('language_source', '?')}, p={meta.get('language_probability', 0):.2f})\n"
    )
    for note in meta.get("notes", ()):
        out.write(f"note: {note}\n")
    if not call.utterances:
        out.write("(no speech recognised)\n")
    for u in call.utterances:
        out.write(
            f"{u.id} [{_fmt_time(u.span.start)}–{_fmt_time(u.span.end)}] {u.role.upper():<8} "
            f"({u.language or '?'}) {u.text}\n"
        )
        words = " ".join(f"{w.text}@{w.span.start:.2f}-{w.span.end:.2f}" for w in u.words)
        out.write(f"      words: {words}\n")


def print_score(score: Any, out: TextIO) -> None:
    out.write("\nrubric results")
    out.write(f" (rubric {score.rubric_version})\n" if score.rubric_version else "\n")
    if not score.results:
        out.write("  no rubric items are registered yet: transcript only\n")
    for r in score.results:
        sub = "—" if r.score is None else f"{r.score:5.1f}"
        n_review = len(r.review_findings)
        review = f"  ({n_review} for review)" if n_review else ""
        out.write(f"  {r.rubric:<24} {r.outcome:<16} {sub}{review}\n")
        for f in r.findings:
            mark = "[for review] " if f.status == "review" else ""
            out.write(
                f"      {mark}{f.kind} [{_fmt_time(f.span.start)}–{_fmt_time(f.span.end)}] "
                f"{', '.join(f.utterance_ids)} \"{f.evidence}\" (confidence {f.confidence:.2f})\n"
            )
        if r.note:
            out.write(f"      note: {r.note}\n")
    total = "—" if score.score is None else f"{score.score:.1f}"
    capped = f" (capped by critical item: {', '.join(score.capped_by)})" if score.capped_by else ""
    out.write(f"call score: {total}{capped}\n")
    quality = getattr(score, "quality", None)
    if quality is not None and quality.needs_review:
        out.write(f"NEEDS REVIEW: {'; '.join(quality.reasons)}\n")


def cmd_transcribe(args: argparse.Namespace) -> int:
    from qa.pipeline import transcribe_call
    from qa.types import to_dict

    progress = _ProgressLine(sys.stderr, not args.quiet)
    call = transcribe_call(args.audio, _pipeline_options(args), call_id=args.call_id, progress=progress)
    if args.json:
        json.dump(to_dict(call), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_call(call, sys.stdout)
    return 0


def _emit_scored(call: Any, score: Any, *, as_json: bool) -> None:
    from qa.types import to_dict

    if as_json:
        json.dump({"call": to_dict(call), "score": to_dict(score)}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_call(call, sys.stdout)
        print_score(score, sys.stdout)


def cmd_score(args: argparse.Namespace) -> int:
    from qa.config import load_rubric_config
    from qa.pipeline import score_audio

    config = load_rubric_config(args.rubric)  # a bad rubric file fails before any audio work
    progress = _ProgressLine(sys.stderr, not args.quiet)
    call, score = score_audio(
        args.audio,
        _pipeline_options(args),
        rubric_config=config,
        call_id=args.call_id,
        agent_id=args.agent,
        progress=progress,
    )
    _emit_scored(call, score, as_json=args.json)
    return 0


def cmd_score_transcript(args: argparse.Namespace) -> int:
    import dataclasses

    from qa.config import load_rubric_config
    from qa.errors import InputError
    from qa.scoring import score_call
    from qa.types import call_from_dict

    config = load_rubric_config(args.rubric)
    try:
        with open(args.transcript, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise InputError(f"{args.transcript}: no such file") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{args.transcript}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except UnicodeDecodeError:
        raise InputError(f"{args.transcript}: not UTF-8 text") from None
    call = call_from_dict(data)
    if args.agent:
        call = dataclasses.replace(call, agent_id=args.agent)
    score = score_call(call, config)
    _emit_scored(call, score, as_json=args.json)
    return 0


def cmd_label(args: argparse.Namespace) -> int:
    from qa.labeller import label_jsonl

    report = label_jsonl(args.input, args.output, batch_size=args.batch_size)
    for err in report.errors:
        print(f"qa: {args.input}: {err}", file=sys.stderr)
    if not args.quiet:
        print(
            f"qa: labelled {report.labelled} utterance(s), {len(report.errors)} bad line(s), "
            f"{report.per_second:.0f} utterances/s",
            file=sys.stderr,
        )
    return 1 if report.errors else 0


def cmd_rubrics(args: argparse.Namespace) -> int:
    import dataclasses

    from qa import rubrics

    names = rubrics.available()
    if not names:
        print("no rubric items are registered")
    for name in names:
        spec = rubrics.get(name)
        print(f"{name} (version {spec.version}): {spec.description}")
        for f in dataclasses.fields(spec.options_cls):
            default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
            print(f"    {f.name} = {default!r}")
    return 0


def _add_store_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", help="database URL (default: $QA_DATABASE_URL or a SQLite file in the data dir)")
    p.add_argument("--data-dir", metavar="DIR", help="where recordings and the SQLite file live (default: $QA_DATA_DIR or ./var)")


def _add_server_commands(sub: Any) -> None:
    sv = sub.add_parser("serve", help="run the web API and pages (scorecards, calls, uploads)")
    _add_common(sv)
    _add_store_options(sv)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.add_argument("--job-workers", type=int, metavar="N", help="scoring threads in the server (default 1; 0: accept uploads only)")
    sv.add_argument("--max-upload-mb", type=float, metavar="MB", help="largest accepted upload (default 512, or $QA_MAX_UPLOAD_MB)")
    sv.add_argument("--rubric", metavar="FILE", help="rubric configuration file for new scores")
    sv.add_argument("--no-warm", action="store_true", help="load models on the first job instead of at start-up")
    sv.add_argument("--processes", type=int, default=1, metavar="N", help="server processes (each loads the models once and runs its own job workers; default 1)")
    sv.set_defaults(func=cmd_serve)

    k = sub.add_parser("keys", help="manage API keys (roles: qa_lead, supervisor, admin)")
    _add_common(k)
    ksub = k.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    kc = ksub.add_parser("create", help="create a key and print it (it is shown only once)")
    _add_common(kc)
    _add_store_options(kc)
    kc.add_argument("--role", required=True, choices=("qa_lead", "supervisor", "admin"))
    kc.add_argument("--label", default="", help="who or what the key is for")
    kc.set_defaults(func=cmd_keys_create)
    kl = ksub.add_parser("list", help="list keys (never the keys themselves)")
    _add_common(kl)
    _add_store_options(kl)
    kl.set_defaults(func=cmd_keys_list)
    kr = ksub.add_parser("revoke", help="revoke a key by its id (from `qa keys list`)")
    _add_common(kr)
    _add_store_options(kr)
    kr.add_argument("key_id", type=int, metavar="ID")
    kr.set_defaults(func=cmd_keys_revoke)


def _open_store(args: argparse.Namespace) -> Any:
    import os

    from qa.store import Store

    return Store.open(args.db or os.environ.get("QA_DATABASE_URL") or None, data_dir=args.data_dir)


def cmd_keys_create(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        key = store.keys.create(args.role, label=args.label)
    print(key)
    if not args.quiet:
        print(f"qa: created a {args.role} key; it is shown only this once", file=sys.stderr)
    return 0


def cmd_keys_list(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        keys = store.keys.list()
    if not keys:
        print("no API keys (create one with: qa keys create --role admin)")
    for k in keys:
        state = f"revoked {k.revoked:%Y-%m-%d %H:%M}" if k.revoked else "active"
        print(f"{k.id:>4}  {k.prefix}…  {k.role:<10}  {state:<24}  {k.label}")
    return 0


def cmd_keys_revoke(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        store.keys.revoke(args.key_id)
    print(f"revoked key {args.key_id}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
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
    )
    # Open once here: a bad URL fails now with one line, and a first run gets a key to sign in.
    from qa.store import Store

    with Store.open(settings.database_url, data_dir=settings.data_dir) as store:
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


def _add_batch_commands(sub: Any) -> None:
    b = sub.add_parser("batch", help="score an archive (folders and/or a CSV manifest) into the database; resumable")
    _add_common(b)
    _add_store_options(b)
    b.add_argument("paths", nargs="*", metavar="PATH", help="recordings, or folders walked for audio files")
    b.add_argument("--manifest", metavar="CSV", help="one row per recording: path, agent_id, call_time, channel_layout, agent_channel, language, queue, customer_ref …")
    b.add_argument("--name-pattern", metavar="PATTERN", help="metadata from file names, e.g. '{agent}_{date}_{id}.wav' (fields: agent, date, time, datetime, language, layout, queue …)")
    b.add_argument("--timezone", metavar="TZ", help="zone of call times written without a UTC offset (default UTC)")
    b.add_argument("--engine", choices=("local", "ray"), help="local worker processes (default) or a Ray cluster")
    b.add_argument("--ray-address", metavar="ADDR", help="Ray cluster to use (auto, or HOST:PORT); default: start a local Ray")
    b.add_argument("--workers", type=int, metavar="N", help="worker processes / Ray actors (default: one per core)")
    b.add_argument("--threads", type=int, metavar="N", help="compute threads per worker (default: cores / workers)")
    b.add_argument("--call-timeout", type=float, metavar="SECONDS", help="fail a call that takes longer than this (default: no limit)")
    b.add_argument("--rubric", metavar="FILE", help="rubric configuration file (default: shipped qa/rubric.toml)")
    b.add_argument("--out", metavar="FILE", help="also write per-call results: FILE.jsonl or FILE.csv")
    b.add_argument("--failures", metavar="FILE", default="qa-batch-failures.csv", help="CSV of files that failed and why (default: %(default)s)")
    _add_pipeline_options(b)
    b.set_defaults(func=cmd_batch)

    r = sub.add_parser("rescore", help="re-run the rubric over stored transcripts (no ASR); earlier scores stay as history")
    _add_common(r)
    _add_store_options(r)
    r.add_argument("--agent", metavar="ID", help="only this agent's calls")
    r.add_argument("--from", dest="date_from", metavar="DATE", help="calls from this date/time (ISO)")
    r.add_argument("--to", dest="date_to", metavar="DATE", help="calls up to this date (whole day) or date-time")
    r.add_argument("--rubric", metavar="FILE", help="the edited rubric configuration (default: $QA_RUBRIC or the shipped one)")
    r.add_argument("--workers", type=int, metavar="N", help="processes (default: one per core for large jobs)")
    r.add_argument("--no-audio", action="store_true", help="do not decode recordings: faster, but the loudness signal is left out")
    r.add_argument("--out", metavar="FILE", help="also write per-call results: FILE.jsonl or FILE.csv")
    r.set_defaults(func=cmd_rescore)


def cmd_batch(args: argparse.Namespace) -> int:
    from qa.archive import discover
    from qa.batch import ProgressPrinter, format_summary, run_batch, write_results
    from qa.config import load_rubric_config
    from qa.errors import InputError

    if not args.paths and not args.manifest:
        raise InputError("give recordings or folders to score, or --manifest CSV")
    if args.out and not args.out.lower().endswith((".jsonl", ".ndjson", ".csv")):
        raise InputError(f"--out {args.out}: the results file must end in .jsonl or .csv")
    config = load_rubric_config(args.rubric)  # a bad rubric file fails before any audio work
    found = discover(args.paths, manifest=args.manifest, name_pattern=args.name_pattern, timezone=args.timezone)
    printer = None if args.quiet else ProgressPrinter(sys.stderr)
    report = run_batch(
        found,
        db=args.db,
        data_dir=args.data_dir,
        options=_pipeline_options(args),
        rubric=config,
        engine=args.engine or ("ray" if args.ray_address else "local"),
        workers=args.workers,
        threads=args.threads,
        ray_address=args.ray_address,
        call_timeout=args.call_timeout,
        failures=args.failures,
        progress=printer,
    )
    if printer is not None:
        printer.close()
    if args.out:
        write_results(report.results, args.out)
    sys.stdout.write(format_summary(report))
    if args.out:
        print(f"results: {args.out}")
    if report.interrupted:
        return 130
    return 1 if report.count("failed") or report.count("invalid") else 0


def cmd_rescore(args: argparse.Namespace) -> int:
    from qa.batch import ProgressPrinter, format_rescore_summary, rescore, write_results
    from qa.config import load_rubric_config

    config = load_rubric_config(args.rubric)
    printer = None if args.quiet else ProgressPrinter(sys.stderr, noun="calls")
    report = rescore(
        db=args.db,
        data_dir=args.data_dir,
        rubric=config,
        agent=args.agent,
        date_from=args.date_from,
        date_to=args.date_to,
        workers=args.workers,
        audio=not args.no_audio,
        progress=printer,
    )
    if printer is not None:
        printer.close()
    if args.out:
        write_results(report.results, args.out)
    sys.stdout.write(format_rescore_summary(report))
    if report.interrupted:
        return 130
    return 1 if report.count("failed") else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except QAError as exc:
        if args.verbose:
            log.exception("failed")
        print(f"qa: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("qa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - a bug: say so in one line, details with -v
        if args.verbose:
            log.exception("internal error")
        print(f"qa: internal error: {type(exc).__name__}: {exc} (run with -v for details)", file=sys.stderr)
        return 70


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
