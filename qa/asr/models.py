"""Loading the Whisper models: where the weights are, and the model objects the backends use.

Nothing here downloads. The default model is the multilingual Whisper base shipped in pinned
wheels (:func:`qa.assets.whisper_base_dir`); faster-whisper reads it as it is, and openai-whisper
reads a checkpoint converted from it once (:mod:`qa.asr.convert`) and cached. The decoding
algorithms take the loaded model as a parameter; backends are cached per process by
:func:`qa.asr.load_backend`.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa import assets
from qa.asr.convert import alignment_heads_dump, convert
from qa.asr.types import TranscriptionOptions
from qa.errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    from faster_whisper import WhisperModel

__all__ = [
    "DEFAULT_CHECKPOINT_NAME",
    "resolve_model",
    "load_faster_whisper",
    "load_openai_model",
    "openai_checkpoint",
    "load_openai_whisper",
]

log = logging.getLogger(__name__)

DEFAULT_CHECKPOINT_NAME = "whisper-base-openai.pt"


def resolve_model(model: str) -> str:
    """What faster-whisper is given for ``--model``: the shipped base model's directory for
    "base" (or "default"/empty), a local CTranslate2 model directory as it is, or else a
    faster-whisper model name (which needs a network or a warm hub cache)."""
    if model in ("base", "default", "", None):
        return str(assets.whisper_base_dir())
    path = Path(model).expanduser()
    if path.exists():
        if not (path / "model.bin").is_file():
            raise ModelError(f"{path} is not a CTranslate2 Whisper model directory (no model.bin)")
        return str(path)
    return model


def load_faster_whisper(options: TranscriptionOptions) -> WhisperModel:
    """A ``faster_whisper.WhisperModel`` for these options; :class:`~qa.errors.ModelError` with
    advice when it cannot be loaded."""
    try:
        from faster_whisper import WhisperModel
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ModelError("faster-whisper is not installed: pip install -e .") from exc
    resolved = resolve_model(options.model)
    try:
        return WhisperModel(
            resolved,
            device=options.device,
            compute_type=options.compute_type,
            cpu_threads=options.cpu_threads,
        )
    except Exception as exc:  # noqa: BLE001 - ctranslate2/hub raise many types
        raise ModelError(
            f"could not load Whisper model {options.model!r} ({type(exc).__name__}: {exc}). "
            "Without a network, use the shipped default (--model base) or a local "
            "CTranslate2 model directory."
        ) from None


def load_openai_model(options: TranscriptionOptions) -> Any:
    """An openai-whisper ``Whisper`` for these options: the shipped base model or a local
    CTranslate2 directory (converted once), or else an openai-whisper model name."""
    if options.model in ("base", "default", ""):
        return load_openai_whisper(None, device=options.device)
    path = Path(options.model).expanduser()
    if path.is_dir():
        return load_openai_whisper(path, device=options.device)
    import whisper

    return whisper.load_model(options.model, device=options.device)


def _checkpoint_path(ct2_dir: Path | None) -> Path:
    cache = assets.cache_dir()
    if ct2_dir is None:
        return cache / DEFAULT_CHECKPOINT_NAME
    ct2_dir = Path(ct2_dir).resolve()
    if ct2_dir == (cache / "whisper-base-ct2").resolve():
        return cache / DEFAULT_CHECKPOINT_NAME
    model_bin = ct2_dir / "model.bin"
    try:
        st = model_bin.stat()
    except OSError as exc:
        raise ModelError(f"CTranslate2 model file not found: {model_bin}") from exc
    # Another model (or a rewritten one) gets another file: key on its path, size and mtime.
    key = hashlib.sha256(f"{ct2_dir}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()[:12]
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", ct2_dir.name).strip("-") or "model"
    return cache / f"whisper-{slug}-{key}-openai.pt"


def openai_checkpoint(ct2_dir: Path | None = None) -> Path:
    """The openai-whisper checkpoint for ``ct2_dir`` (default: the shipped Whisper base).

    Converts once into :func:`qa.assets.cache_dir` (``whisper-base-openai.pt`` for the default
    model) and afterwards returns the cached file at once.
    """
    target = _checkpoint_path(ct2_dir)
    if target.is_file() and target.stat().st_size > 0:
        return target
    source = assets.whisper_base_dir() if ct2_dir is None else Path(ct2_dir)
    log.info("building openai-whisper checkpoint %s from %s (once)", target, source)
    return convert(source, target)


def load_openai_whisper(ct2_dir: Path | None = None, device: str = "cpu") -> Any:
    """Load the Whisper model with the ``openai-whisper`` package, converting it first if needed.

    Returns a ``whisper.model.Whisper`` (float32 on CPU) with the model's alignment heads set.
    Raises :class:`~qa.errors.ModelError` when openai-whisper is not installed.
    """
    try:
        import whisper
    except ImportError as exc:
        raise ModelError(
            "the openai-whisper backend needs the `openai-whisper` package: "
            "pip install -e '.[openai]'"
        ) from exc
    import torch

    path = openai_checkpoint(ct2_dir)
    try:
        model = whisper.load_model(str(path), device=device)
        # Cheap: mmap maps the tensors without reading them; only the small keys are parsed.
        meta = torch.load(str(path), map_location="cpu", mmap=True, weights_only=True)
    except Exception as exc:  # a damaged cache file: say how to recover
        raise ModelError(
            f"cannot load openai-whisper checkpoint {path}: {exc}; delete it to rebuild it"
        ) from exc
    heads = meta.get("alignment_heads")
    if heads:
        dims = meta["dims"]
        model.set_alignment_heads(
            alignment_heads_dump(heads, dims["n_text_layer"], dims["n_text_head"])
        )
        model.to(device)
    return model
