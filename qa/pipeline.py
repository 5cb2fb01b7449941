"""One call, end to end: audio → speakers → speech regions → words → utterances → scores."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np

from qa.asr import (
    SUPPORTED_LANGUAGES,
    RawWord,
    TranscriptionOptions,
    load_backend,
    transcribe_speech,
    widen,
)
from qa.audio import DEFAULT_MAX_DURATION, Audio, decode_audio
from qa.config import coerce_options
from qa.errors import AudioError, InputError
from qa.speakers import SpeakerOptions, assign_roles, diarize
from qa.types import ROLES, Call, CallScore, Role, Span, Utterance
from qa.vad import VadOptions, drop_crosstalk, speech_regions, total_duration

__all__ = ["PipelineOptions", "transcribe_call", "score_audio", "build_utterances", "Progress"]

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
"""A progress callback: (stage name, fraction of the whole call done in [0, 1])."""

# A channel with less speech than this is treated as silent.
_MIN_CHANNEL_SPEECH_S = 0.5


@dataclass(frozen=True)
class PipelineOptions:
    """Everything that decides how a recording becomes a transcript (echoed into its meta)."""

    layout: Literal["auto", "stereo", "mono"] = "auto"
    #: Stereo: the agent's channel, or "auto" to decide it from what each side says.
    agent_channel: int | Literal["auto"] = 0
    #: Stereo: how sure what each side says must be before it overrides (auto) or contradicts
    #: (a given channel: a warning) the channel.
    channel_check_confidence: float = 0.8
    language: str | None = None
    max_duration: float | None = DEFAULT_MAX_DURATION
    # Speech of one party separated by at most this much silence is one utterance, unless the
    # other party spoke in between.
    turn_gap_s: float = 0.8
    transcription: TranscriptionOptions = field(default_factory=TranscriptionOptions)
    vad: VadOptions = field(default_factory=VadOptions)
    speakers: SpeakerOptions = field(default_factory=SpeakerOptions)

    def __post_init__(self) -> None:
        if self.layout not in ("auto", "stereo", "mono"):
            raise InputError(f"layout must be auto, stereo or mono, got {self.layout!r}")
        channel = self.agent_channel
        if isinstance(channel, str) and channel.strip().lower() in ("0", "1", "auto", "left", "right"):
            channel = {"left": 0, "right": 1, "auto": "auto"}.get(channel.strip().lower(), channel)
            channel = channel if channel == "auto" else int(channel)
            object.__setattr__(self, "agent_channel", channel)
        if channel not in (0, 1, "auto") or isinstance(channel, bool):
            raise InputError(f"agent channel must be 0, 1 or auto, got {self.agent_channel!r}")
        for name, cls in (
            ("transcription", TranscriptionOptions),
            ("vad", VadOptions),
            ("speakers", SpeakerOptions),
        ):
            object.__setattr__(self, name, coerce_options(cls, getattr(self, name)))
        if self.language:
            object.__setattr__(self, "language", _normalise_language(self.language))

    @classmethod
    def from_env(cls, **overrides: Any) -> PipelineOptions:
        """Defaults, then ``QA_MAX_DURATION`` from the environment, then ``overrides``."""
        env_max = os.environ.get("QA_MAX_DURATION")
        if env_max and "max_duration" not in overrides:
            overrides["max_duration"] = float(env_max)
        return cls(**overrides)


_LANGUAGE_NAMES = {
    "english": "en", "chinese": "zh", "mandarin": "zh", "zh-cn": "zh", "zh-tw": "zh",
    "cmn": "zh", "korean": "ko", "malay": "ms", "bahasa": "ms", "ms-my": "ms",
}


def _normalise_language(code: str) -> str:
    c = code.strip().lower()
    c = _LANGUAGE_NAMES.get(c, c)
    if not (2 <= len(c) <= 3 and c.isalpha()):
        raise InputError(f"language must be a code such as en, zh, ko or ms, got {code!r}")
    if c not in SUPPORTED_LANGUAGES:
        # The rubric reads English, Mandarin, Korean and Malay only; decoding in another language
        # would be scored as if it were one of them (or as Whisper's translation into one).
        raise InputError(
            f"language {code!r} is not one qa scores ({', '.join(SUPPORTED_LANGUAGES)})"
        )
    return c


def _noop(_stage: str, _fraction: float) -> None:
    return None


def _channels_identical(audio: Audio) -> bool:
    a, b = audio.samples[0], audio.samples[1]
    if not np.any(a) and not np.any(b):
        return True
    return float(np.max(np.abs(a - b))) < 1e-3


def transcribe_call(
    source: str | os.PathLike[str] | Audio,
    options: PipelineOptions | Mapping[str, Any] | None = None,
    *,
    call_id: str | None = None,
    agent_id: str = "unknown",
    meta: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> Call:
    """Decode, separate, detect speech and transcribe one recording into a :class:`Call`."""
    opts = coerce_options(PipelineOptions, options)
    report = progress or _noop
    timings: dict[str, float] = {}
    t0 = time.perf_counter()

    report("decode", 0.0)
    audio = source if isinstance(source, Audio) else decode_audio(source, max_duration=opts.max_duration)
    timings["decode"] = time.perf_counter() - t0
    name = Path(audio.path).name if audio.path else "recording"

    layout = opts.layout
    notes: list[str] = []
    # Reasons a reader should not take the transcript at face value (the quality flag shows them).
    quality_warnings: list[str] = []
    if layout == "auto":
        layout = "stereo" if audio.n_channels == 2 else "mono"
        if layout == "stereo" and _channels_identical(audio):
            layout = "mono"
            notes.append("both channels carry the same signal: processed as a mono call")
    if layout == "stereo" and audio.n_channels != 2:
        raise AudioError(
            f"{name}: --stereo needs a two-channel recording, this one has {audio.n_channels}; "
            "use --mono"
        )

    report("vad", 0.05)
    t = time.perf_counter()
    crosstalk: list[tuple[Role, Span]] = []
    if layout == "stereo":
        # With "auto", channel 0 stands in for the agent until what each side says decides.
        first = 0 if opts.agent_channel == "auto" else int(opts.agent_channel)
        channel_of: dict[Role, int] = {"agent": first, "customer": 1 - first}
        signals = {role: audio.channel(ch) for role, ch in channel_of.items()}
        regions = {role: speech_regions(sig, opts.vad) for role, sig in signals.items()}
        regions, crosstalk = drop_crosstalk(signals, regions, opts.vad)
        if crosstalk:
            for role in ROLES:
                spans = [s for r, s in crosstalk if r == role]
                if spans:
                    notes.append(
                        f"{sum(s.duration for s in spans):.1f}s on the {role} channel was the other "
                        "party leaking across (crosstalk/echo) and was left out"
                    )
        for role in ROLES:
            if total_duration(regions[role]) < _MIN_CHANNEL_SPEECH_S:
                other = "agent" if role == "customer" else "customer"
                if total_duration(regions[other]) < _MIN_CHANNEL_SPEECH_S:
                    raise AudioError(f"{name}: no speech was detected in the recording")
                raise AudioError(
                    f"{name}: the {role} channel (channel {channel_of[role]}) is silent, so the "
                    f"call cannot be split by channel. If both parties are on channel "
                    f"{channel_of[other]}, run with --mono; if the channels are swapped, set "
                    f"--agent-channel."
                )
    else:
        mono = audio.mono()
        mono_regions = speech_regions(mono, opts.vad)
        if total_duration(mono_regions) < _MIN_CHANNEL_SPEECH_S:
            raise AudioError(f"{name}: no speech was detected in the recording")
    timings["vad"] = time.perf_counter() - t

    report("transcribe", 0.1)
    t = time.perf_counter()
    backend = load_backend(opts.transcription)
    timings["load_models"] = time.perf_counter() - t
    t = time.perf_counter()
    hint = opts.language or opts.transcription.language
    if layout == "stereo":
        heard = {role: _for_asr(spans, opts.vad, audio.duration) for role, spans in regions.items()}
        asr = transcribe_speech(
            backend, signals, heard, opts.transcription, hint, lambda f: report("transcribe", 0.1 + 0.8 * f)
        )
        timings["asr"] = time.perf_counter() - t
        check = check_agent_channel(asr.words, channel_of, opts.channel_check_confidence)
        asr_words: Mapping[Role, Sequence[RawWord]] = asr.words
        speaker_meta: dict[str, Any] = {"method": "channels", "channel_check": check}
        if opts.agent_channel == "auto":
            speaker_meta.update(method="channels+content", role_confidence=check["confidence"])
            if check["agrees"] is False:  # the other channel is the agent: swap the roles
                channel_of = {"agent": 1 - first, "customer": first}
                regions = {"agent": regions["customer"], "customer": regions["agent"]}
                heard = {"agent": heard["customer"], "customer": heard["agent"]}
                asr_words = {"agent": asr.words["customer"], "customer": asr.words["agent"]}
                crosstalk = [("agent" if r == "customer" else "customer", s) for r, s in crosstalk]
                check = {**check, "agrees": True, "agent_channel": channel_of["agent"]}
                speaker_meta["channel_check"] = check
            elif check["agrees"] is None:
                notes.append(
                    "which channel is the agent could not be told from what was said "
                    f"(confidence {check['confidence']:.2f}); channel {first} was taken as the agent"
                )
        elif check["agrees"] is False:
            notes.append(
                f"what each side says suggests the agent is on channel {check['agent_channel']}, "
                f"not channel {channel_of['agent']} as given (confidence {check['confidence']:.2f}): "
                "roles may be swapped; check --agent-channel"
            )
        speaker_meta["agent_channel"] = channel_of["agent"]
        utterances = build_utterances(
            regions, asr_words, language=asr.language, gap=opts.turn_gap_s, channels=channel_of
        )
        speech = regions
        transcribed: Mapping[str, Sequence[Span]] = heard
    else:
        transcribed = {"mono": _for_asr(mono_regions, opts.vad, audio.duration)}
        asr = transcribe_speech(
            backend,
            {"mono": mono},
            transcribed,
            opts.transcription,
            hint,
            lambda f: report("transcribe", 0.1 + 0.75 * f),
        )
        timings["asr"] = time.perf_counter() - t
        report("speakers", 0.85)
        t = time.perf_counter()
        diar = diarize(mono, mono_regions, opts.speakers)
        pieces = diar.split(mono_regions)
        by_label: dict[int, list[RawWord]] = {0: [], 1: []}
        for w in asr.words["mono"]:
            by_label[diar.label_at((w.start + w.end) / 2)[0]].append(w)
        texts = {k: "".join(w.text for w in ws) for k, ws in by_label.items()}
        mapping, role_confidence, cues = assign_roles(texts, asr.language)
        speech = {mapping[k]: [s for s, lab in pieces if lab == k] for k in (0, 1)}
        words = {mapping[k]: ws for k, ws in by_label.items()}
        utterances = build_utterances(speech, words, language=asr.language, gap=opts.turn_gap_s)
        utterances = [
            replace(u, speaker_confidence=round(role_confidence * diar.label_at(u.span.middle)[1], 3))
            for u in utterances
        ]
        timings["speakers"] = time.perf_counter() - t
        speaker_meta = {
            "method": "resemblyzer+kmeans",
            "role_confidence": round(role_confidence, 3),
            "role_cues": {mapping[k]: {"agent": v[0], "customer": v[1]} for k, v in cues.items()},
            "voice_similarity": round(diar.centroid_similarity, 3),
            "speech_share": {mapping[k]: round(diar.shares[k], 3) for k in (0, 1)},
        }
        if diar.centroid_similarity > opts.speakers.close_voices_similarity:
            quality_warnings.append(
                f"the two voices are hard to tell apart (similarity {diar.centroid_similarity:.2f}): "
                "turns and roles may be mixed up"
            )
        if role_confidence < 0.6:
            notes.append(
                "which voice is the agent could not be told from what was said "
                f"(confidence {role_confidence:.2f}); roles may be swapped"
            )

    notes.extend(_language_notes(asr, opts.transcription))
    timings["total"] = time.perf_counter() - t0
    report("done", 1.0)
    call_meta: dict[str, Any] = {
        "audio": audio.describe(),
        "layout": layout,
        "language": asr.language,
        "language_probability": round(float(asr.language_probability), 4),
        "language_top": {k: round(v, 4) for k, v in asr.language_top.items()},
        "language_source": asr.language_source,
        "language_margin": None if asr.language_margin is None else round(asr.language_margin, 4),
        **({"language_check": dict(asr.language_check)} if asr.language_check else {}),
        **({"languages": dict(asr.language_seconds)} if len(asr.language_seconds) > 1 else {}),
        "asr": {
            "backend": backend.name,
            "model": backend.model_name,
            "mean_logprob": None if asr.mean_logprob is None else round(asr.mean_logprob, 4),
        },
        "speakers": speaker_meta,
        "speech": {role: [[round(s.start, 3), round(s.end, 3)] for s in speech[role]] for role in ROLES},
        "crosstalk": [[role, round(s.start, 3), round(s.end, 3)] for role, s in crosstalk],
        # What Whisper was given: the speech regions widened a little (VadOptions.asr_pad_ms).
        "transcribed": {
            k: [[round(s.start, 3), round(s.end, 3)] for s in spans] for k, spans in transcribed.items()
        },
        "options": asdict(opts),
        "timings": {k: round(v, 3) for k, v in timings.items()},
        "notes": notes,
        "quality_warnings": quality_warnings,
        **dict(meta or {}),
    }
    return Call(
        id=call_id or (audio.sha256[:16] if audio.sha256 else "call"),
        agent_id=agent_id,
        duration=audio.duration,
        source="stereo" if layout == "stereo" else "diarized",
        utterances=tuple(utterances),
        meta=call_meta,
    )


def _for_asr(spans: Sequence[Span], vad: VadOptions, duration: float) -> list[Span]:
    return widen(spans, vad.asr_pad_ms / 1000, duration)


def check_agent_channel(
    words: Mapping[str, Sequence[RawWord]], channel_of: Mapping[Role, int], min_confidence: float
) -> dict[str, Any]:
    """Which channel is the agent, judged from what each side says (as for mono calls).

    Returns ``agent_channel`` (by content), ``confidence`` in [0.5, 1], ``agrees`` (True/False
    when the content is at least ``min_confidence`` sure, else None) and the cue counts.
    """
    texts = {channel_of[role]: "".join(w.text for w in words.get(role, ())) for role in ROLES}
    mapping, confidence, cues = assign_roles(texts)
    by_content = next(ch for ch, role in mapping.items() if role == "agent")
    sure = confidence >= min_confidence
    return {
        "agent_channel": by_content,
        "confidence": round(confidence, 3),
        "agrees": (by_content == channel_of["agent"]) if sure else None,
        "cues": {str(ch): {"agent": c[0], "customer": c[1]} for ch, c in cues.items()},
    }


def _language_notes(asr: Any, options: TranscriptionOptions) -> list[str]:
    """What a reader of the call should know about how its language was decided."""
    notes: list[str] = []
    check = asr.language_check
    if check:
        scores = ", ".join(
            f"{k} {v:.2f}" if v is not None else f"{k} -" for k, v in check["logprob"].items()
        )
        notes.append(
            f"language detection was close between {' and '.join(check['contenders'])} "
            f"(margin {asr.language_margin:.2f}); decoding in each chose {check['chosen']} "
            f"(mean log-probability {scores})"
        )
    elif asr.language_margin is not None and asr.language_margin < options.language_margin:
        notes.append(
            f"language detection was close (margin {asr.language_margin:.2f}); "
            f"{asr.language} was used: give the call's language if it is wrong"
        )
    if len(asr.language_seconds) > 1:
        parts = ", ".join(f"{k} {v:.0f} s" for k, v in sorted(asr.language_seconds.items(), key=lambda kv: -kv[1]))
        notes.append(f"speech in more than one language ({parts}): each turn keeps its own")
    return notes


def build_utterances(
    speech: Mapping[Role, Sequence[Span]],
    words: Mapping[Role, Sequence[RawWord]],
    *,
    language: str | None,
    gap: float = 0.8,
    channels: Mapping[Role, int] | None = None,
) -> list[Utterance]:
    """Group each party's speech regions into turns and put each word in its turn.

    A party's regions join into one utterance when the silence between them is at most ``gap``
    and the other party did not start speaking in it. Turns in which nothing was recognised are
    left out of the transcript (their timing stays in the call's ``speech`` meta).
    """
    turns: list[tuple[Role, Span]] = []
    for role in ROLES:
        other = [s for r, spans in speech.items() if r != role for s in spans]
        current: Span | None = None
        for s in sorted(speech.get(role, ())):
            if current is not None and s.start - current.end <= gap and not any(
                current.end <= o.start < s.start for o in other
            ):
                current = current | s
            else:
                if current is not None:
                    turns.append((role, current))
                current = s
        if current is not None:
            turns.append((role, current))

    grouped: dict[int, list[RawWord]] = {i: [] for i in range(len(turns))}
    for role in ROLES:
        mine = [i for i, (r, _) in enumerate(turns) if r == role]
        for w in words.get(role, ()):
            mid = (w.start + w.end) / 2
            best = min(
                mine,
                key=lambda i: 0.0 if mid in turns[i][1] else min(
                    abs(mid - turns[i][1].start), abs(mid - turns[i][1].end)
                ),
                default=None,
            )
            if best is not None:
                grouped[best].append(w)

    utterances: list[Utterance] = []
    for i, (role, span) in enumerate(turns):
        ws = sorted(grouped[i], key=lambda w: w.start)
        if not ws:
            continue
        text = "".join(w.text for w in ws).strip()
        if not text:
            continue
        spoken = [w.language for w in ws if w.language]
        # Code-switched calls: a turn keeps the language most of its words were decoded in.
        own = max(set(spoken), key=spoken.count) if spoken else language
        word_objs = tuple(w.to_word() for w in ws if w.text.strip())
        full = span
        for w in word_objs:
            full = full | w.span
        utterances.append(
            Utterance(
                id="",
                role=role,
                span=full,
                text=text,
                words=word_objs,
                language=own,
                channel=None if channels is None else channels[role],
            )
        )
    utterances.sort(key=lambda u: (u.span.start, u.span.end))
    return [replace(u, id=f"u{i:03d}") for i, u in enumerate(utterances)]


def score_audio(
    source: str | os.PathLike[str] | Audio,
    options: PipelineOptions | Mapping[str, Any] | None = None,
    *,
    rubric_config: Any = None,
    call_id: str | None = None,
    agent_id: str = "unknown",
    meta: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> tuple[Call, CallScore]:
    """Transcribe a recording and score it with every registered rubric."""
    from qa.scoring import score_call

    opts = coerce_options(PipelineOptions, options)
    audio = source if isinstance(source, Audio) else decode_audio(source, max_duration=opts.max_duration)
    call = transcribe_call(
        audio, opts, call_id=call_id, agent_id=agent_id, meta=meta, progress=progress
    )
    return call, score_call(call, rubric_config, audio=audio)
