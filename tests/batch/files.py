"""What the batch tests share: a file-name pattern and a quick way to make a file."""

from __future__ import annotations

from pathlib import Path

PATTERN = "{agent}_{date}-{time}_{id}.*"


def touch(path: Path, data: bytes = b"RIFF-not-really-audio") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
