"""Recordings: content-addressed files under the data directory, one row each.

A recording is stored at ``<data dir>/audio/ab/cd/<sha256><ext>``: streamed to a temporary file,
fsynced, then linked into place without replacing anything, *before* the row that refers to it
is committed. So nothing uploaded is lost or overwritten: a failed insert can leave a complete,
content-addressed file without a row, and the next upload of the same bytes adopts it. The same
bytes always give the same recording.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import logging
import mimetypes
import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from qa.errors import InputError
from qa.store.engine import Database
from qa.store.errors import NotFound, TooLarge
from qa.store.records import RecordingInfo
from qa.store.schema import Recording

__all__ = ["RecordingFiles", "check_sha256"]

log = logging.getLogger(__name__)

_CHUNK = 1 << 20


def check_sha256(sha: str) -> str:
    """``sha`` if it is a sha256 in hex (64 lowercase digits), else ``InputError``."""
    if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise InputError(f"{sha!r} is not a sha256 (64 lowercase hex digits)")
    return sha


def _sha256_of(path: Path) -> str:
    """The sha256 (hex) of a file's bytes, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def _extension(filename: str | None) -> str:
    suffix = Path(filename or "").suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class RecordingFiles:
    """The recordings: ``store.files``."""

    def __init__(self, db: Database, data_dir: Path) -> None:
        self._db = db
        self.data_dir = data_dir
        self.audio_dir = data_dir / "audio"
        self.audio_dir.mkdir(parents=True, exist_ok=True)

    def put(
        self,
        source: str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        max_bytes: int | None = None,
    ) -> tuple[str, bool]:
        """Store a recording's bytes content-addressed; returns ``(sha256, created)``.

        ``source`` is a path, the bytes, or a binary file object (read in chunks, so uploads are
        never held in memory whole). The same bytes again return the existing sha256 with
        ``created=False``; no file is ever overwritten. Raises :class:`TooLarge` past
        ``max_bytes`` and ``InputError`` for an empty recording (nothing is kept in either case).
        """
        if isinstance(source, (str, os.PathLike)):
            p = Path(source)
            if filename is None:
                filename = p.name
            try:
                fh = open(p, "rb")  # closed by the `with` below
            except FileNotFoundError:
                raise InputError(f"{p}: no such file") from None
            except IsADirectoryError:
                raise InputError(f"{p} is a directory, not a recording") from None
            with fh:
                return self._put_stream(fh, filename, content_type, max_bytes)
        if isinstance(source, (bytes, bytearray, memoryview)):
            return self._put_stream(io.BytesIO(bytes(source)), filename, content_type, max_bytes)
        if hasattr(source, "read"):
            return self._put_stream(source, filename, content_type, max_bytes)
        raise TypeError(f"expected a path, bytes or a binary file, got {type(source).__name__}")

    def get(self, sha256: str) -> RecordingInfo:
        """A stored recording (:class:`NotFound` if unknown)."""
        with self._db.read() as s:
            row = s.get(Recording, sha256)
            if row is None:
                raise NotFound(f"no recording {sha256}")
            return RecordingInfo(
                sha256=row.sha256,
                size=row.size,
                path=self.data_dir / row.path,
                filename=row.filename,
                content_type=row.content_type,
                created=row.created,
            )

    def remove_bytes(self, sha256: str) -> bool:
        """Delete a stored recording's file but keep its row (its sha256 still names the call
        made from it, so the same bytes uploaded again find that call). Used when a redacted
        copy replaces the original. Returns whether a file was deleted."""
        p = self.get(sha256).path
        with self._placing():
            try:
                p.unlink()
            except FileNotFoundError:
                return False
            _fsync_dir(p.parent)
        return True

    def remove_file(self, rel: str) -> bool:
        """Delete the file of a recording whose row is gone (a deleted call's), given its path
        relative to the data directory; returns whether a file was deleted. Left alone if the
        same bytes were stored again meanwhile (their row is back). ``OSError`` if it cannot
        be deleted."""
        p = (self.data_dir / rel).resolve()
        if not p.is_relative_to(self.audio_dir.resolve()):
            raise ValueError(f"{rel} is not a recording under {self.audio_dir}")
        with self._placing():
            with self._db.read() as s:
                if s.scalar(select(Recording.sha256).where(Recording.path == rel)) is not None:
                    return False
            try:
                p.unlink()
            except FileNotFoundError:
                return False
            _fsync_dir(p.parent)
        return True

    def path(self, sha256: str) -> Path:
        """Where a stored recording's bytes are (:class:`NotFound` if unknown)."""
        return self.get(sha256).path

    def _put_stream(
        self, fh: BinaryIO, filename: str | None, content_type: str | None, max_bytes: int | None
    ) -> tuple[str, bool]:
        tmp_dir = self.audio_dir / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        tmp = tmp_dir / f"{uuid.uuid4().hex}.part"
        h = hashlib.sha256()
        size = 0
        try:
            with open(tmp, "xb") as out:
                while True:
                    block = fh.read(_CHUNK)
                    if not block:
                        break
                    size += len(block)
                    if max_bytes is not None and size > max_bytes:
                        raise TooLarge(f"recording is larger than the limit of {max_bytes:,} bytes")
                    h.update(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            if size == 0:
                raise InputError("the recording is empty (0 bytes)")
            sha = h.hexdigest()
            with self._db.read() as s:
                row = s.get(Recording, sha)
                existing = (row.path,) if row is not None else None
            if existing is not None:
                # Known recording: make sure its file is there (restore it if it went missing).
                self._place(tmp, self.data_dir / existing[0], sha)
                return sha, False
            rel = self._place(tmp, self._target(sha, filename), sha)
            ctype = content_type or mimetypes.guess_type(filename or "")[0]
            rec = Recording(
                sha256=sha,
                size=size,
                path=rel,
                filename=(filename or "")[:512],
                content_type=(ctype or "application/octet-stream")[:128],
            )
            try:
                with self._db.write() as s:
                    if s.get(Recording, sha) is not None:
                        return sha, False
                    s.add(rec)
            except IntegrityError:
                # Another process stored the same bytes between our check and insert.
                with self._db.read() as s:
                    if s.get(Recording, sha) is not None:
                        return sha, False
                raise
            return sha, True
        finally:
            tmp.unlink(missing_ok=True)

    def _target(self, sha: str, filename: str | None) -> Path:
        folder = self.audio_dir / sha[:2] / sha[2:4]
        # A file left by an earlier upload whose insert failed was complete (fsynced before it
        # was linked): adopt it, whatever its extension (_place checks its bytes).
        own = re.compile(re.escape(sha) + r"(\.[a-z0-9]{1,8})?")
        for old in sorted(folder.iterdir()) if folder.is_dir() else ():
            if own.fullmatch(old.name):
                return old
        return folder / f"{sha}{_extension(filename)}"

    @contextmanager
    def _placing(self) -> Iterator[None]:
        """Serialise placing recordings (threads and processes sharing the data dir).

        Unlocked, an upload that found no file could see one appear (another upload's link)
        between its checks and move those good bytes aside as if damaged. The lock is held for
        a link, or for a hash when the same bytes arrive again.
        """
        lock_path = self.data_dir / ".place.lock"
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        with open(lock_path, "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def _place(self, tmp: Path, target: Path, sha: str) -> str:
        """Put ``tmp``'s bytes at ``target`` unless the same bytes are already there."""
        target.parent.mkdir(parents=True, exist_ok=True)
        with self._placing():
            present = target.exists()
            if present and _sha256_of(target) == sha:
                return target.relative_to(self.data_dir).as_posix()
            if present:
                # Other bytes under this content address (damaged?): keep them for inspection
                # rather than destroy them, and put the right bytes in their place.
                aside = target.with_name(target.name + f".corrupt-{uuid.uuid4().hex[:8]}")
                log.warning("recording %s does not match its sha256; moved to %s", target, aside)
                os.replace(target, aside)
            try:
                os.link(tmp, target)  # fails if the target exists: never overwrites
            except OSError:
                os.replace(tmp, target)  # no hard links on this filesystem; the lock is held
            _fsync_dir(target.parent)
        return target.relative_to(self.data_dir).as_posix()
