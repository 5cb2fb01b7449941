"""Rebuild the text of the real-text annotations from local repository snapshots.

The committed files hold only pointers (repository, commit, path, locator) and labels; the text
itself stays in the public source repositories. This script reads each pinned file from a bare git
snapshot under ``$QA_MIRROR`` (default ``/work/.mirror``, one ``owner+name`` folder per repository,
as the ``fetch`` tool lays them out), extracts every annotated utterance and the turn before it,
checks the sha1 of the text, and writes ``models/data/real/texts.jsonl`` (ignored by git).

    python models/data/real/prepare.py            # write texts.jsonl
    python models/data/real/prepare.py --check    # only verify that every pointer still resolves

Exit status: 0 ok, 1 some utterances missing or changed (sha1 drift), 2 a snapshot is missing.
Stdlib only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "annotations.jsonl"
TEXTS = HERE / "texts.jsonl"

# source key -> (GitHub owner/name, file format). Licences and details: SOURCES.md.
SOURCES: dict[str, tuple[str, str]] = {
    "sgd": ("google-research-datasets/dstc8-schema-guided-dialogue", "sgd"),
    "abcd": ("asappresearch/abcd", "abcd"),
    "marg": ("rafamestre/m-arg_multimodal-argumentation-dataset", "marg"),
    "crosswoz": ("thu-coai/CrossWOZ", "crosswoz"),
    "lccc": ("thu-coai/CDial-GPT", "lccc"),
    "kochat": ("songys/Chatbot_data", "kochat"),
    "counselchat": ("nbertagnolli/counsel-chat", "counselchat"),
}


@dataclass(frozen=True)
class Unit:
    """One utterance inside a source file, in file order."""

    locator: str
    conv: str
    role: str
    text: str


class MirrorMissingError(Exception):
    """A repository snapshot is not on this machine."""


def mirror_root() -> Path:
    return Path(os.environ.get("QA_MIRROR", "/work/.mirror"))


def git_dir_for(repo: str, root: Path | None = None) -> Path:
    """The bare git directory of ``owner/name`` under the mirror root."""
    base = (root or mirror_root()) / repo.replace("/", "+")
    for cand in (base / "repo", base / "repo" / ".git", base / ".git", base):
        if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
            return cand
    raise MirrorMissingError(
        f"no snapshot of {repo} under {base}; run the fetch tool with source 'github:{repo}' "
        f"(or set QA_MIRROR to the folder that holds '{repo.replace('/', '+')}')"
    )


_BLOBS: dict[tuple[str, str, str], bytes] = {}


def read_blob(repo: str, commit: str, path: str) -> bytes:
    key = (repo, commit, path)
    if key not in _BLOBS:
        gdir = git_dir_for(repo)
        proc = subprocess.run(
            ["git", f"--git-dir={gdir}", "show", f"{commit}:{path}"],
            capture_output=True,
            check=False,
        )
        if proc.returncode != 0:
            msg = proc.stderr.decode("utf-8", "replace").strip()
            raise MirrorMissingError(
                f"{repo}@{commit}:{path} is not readable from {gdir} ({msg}); "
                f"run the fetch tool with source 'github:{repo}' for a snapshot holding that commit"
            )
        _BLOBS[key] = proc.stdout
    return _BLOBS[key]


def _is_cjk_or_punct(ch: str) -> bool:
    if not ch:
        return False
    if ord(ch) < 128:
        return False
    cat = unicodedata.category(ch)
    return cat.startswith("L") or cat.startswith("P") or cat.startswith("S") or cat == "Nd"


def detok_zh(tokenised: str) -> str:
    """Undo LCCC's one-space-between-tokens layout: drop a space unless ASCII sits on both sides."""
    toks = tokenised.strip().split(" ")
    out = ""
    for tok in toks:
        if not tok:
            continue
        if out and not (_is_cjk_or_punct(out[-1]) or _is_cjk_or_punct(tok[0])):
            out += " " + tok
        else:
            out += tok
    return out


def _units_sgd(data: bytes, path: str) -> Iterator[Unit]:
    folder = path.split("/")[0]  # dialogue ids repeat across train/dev/test
    for dlg in json.loads(data):
        did = dlg["dialogue_id"]
        for i, turn in enumerate(dlg["turns"]):
            role = "agent" if turn["speaker"] == "SYSTEM" else "customer"
            yield Unit(f"{did}#t{i}", f"{folder}/{did}", role, turn["utterance"].strip())


def _units_abcd(data: bytes, path: str) -> Iterator[Unit]:
    for conv in json.loads(data):
        cid = str(conv["convo_id"])
        for i, (speaker, text) in enumerate(conv["original"]):
            if speaker not in ("agent", "customer"):
                continue  # system 'action' lines are not speech
            yield Unit(f"{cid}#o{i}", cid, speaker, text.strip())


def _units_marg(data: bytes, path: str) -> Iterator[Unit]:
    for row in csv.DictReader(io.StringIO(data.decode("utf-8"))):
        conv = f"debate{row['debate']}:{row['context']}"
        yield Unit(row["id"], conv, "unknown", row["text"].strip())


def _units_crosswoz(data: bytes, path: str) -> Iterator[Unit]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        dialogues = json.loads(zf.read(zf.namelist()[0]))
    for did, dlg in dialogues.items():
        for i, msg in enumerate(dlg["messages"]):
            role = "agent" if msg["role"] == "sys" else "customer"
            yield Unit(f"{did}#m{i}", did, role, msg["content"].strip())


def _units_lccc(data: bytes, path: str) -> Iterator[Unit]:
    if path.endswith(".txt"):
        yield from _units_lccc_txt(data, path)
        return
    splits = json.loads(data)
    for split in ("train", "valid", "test"):
        for i, dlg in enumerate(splits[split]):
            conv = f"{split}/{i}"
            for j, utt in enumerate(dlg):
                yield Unit(f"{conv}#u{j}", conv, "unknown", detok_zh(utt))


def _units_lccc_txt(data: bytes, path: str) -> Iterator[Unit]:
    """``data/toy_train.txt`` / ``toy_valid.txt``: one dialogue a line, turns separated by TAB.
    Locator ``l<line>#u<turn>`` (both 0-based), conversation ``<file stem>/l<line>``."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for n, line in enumerate(data.decode("utf-8").splitlines()):
        conv = f"{stem}/l{n}"
        for j, utt in enumerate(line.split("\t")):
            yield Unit(f"l{n}#u{j}", conv, "unknown", detok_zh(utt))


def _units_kochat(data: bytes, path: str) -> Iterator[Unit]:
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    for n, row in enumerate(rows):
        conv = f"r{n}"
        yield Unit(f"{conv}:Q", conv, "customer", row["Q"].strip())
        yield Unit(f"{conv}:A", conv, "agent", row["A"].strip())


# Tokens that end with a full stop without ending a sentence (compared lower-case, final dot dropped).
_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "ie", "eg", "u.s", "a.m", "p.m"}
)
# A sentence end: one or more of . ! ? with any closing quotes or brackets, then either space and a
# character that is not lower-case, or (scraped text often lost the space) an upper-case letter.
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[^a-z\s]|[A-Z])")


def split_sentences(text: str) -> list[str]:
    """Deterministic sentence splitter for scraped English prose (line breaks also end a unit)."""
    out: list[str] = []
    clean = text.replace("\u00a0", " ").replace("\r", "\n")
    for para in re.split(r"\s*\n\s*", clean):
        para = re.sub(r"[ \t\f\v]+", " ", para).strip()
        start = 0
        for m in _SENTENCE_END.finditer(para):
            before = para[start : m.start()].rsplit(" ", 1)[-1].lower()
            if m.group().startswith(".") and before.rstrip(".") in _ABBREVIATIONS:
                continue
            sent = para[start : m.end()].strip()
            if sent:
                out.append(sent)
            start = m.end()
        tail = para[start:].strip()
        if tail:
            out.append(tail)
    return out


def _units_counselchat(data: bytes, path: str) -> Iterator[Unit]:
    """CounselChat: ``q<questionID>`` the whole question (title, line break, text; the turn before
    an answer's first sentence), ``q<questionID>#s<k>`` its sentences (the asker), and
    ``a<row>#s<k>`` the sentences of the answer in data row ``row`` (0-based; the therapist)."""
    csv.field_size_limit(1 << 24)
    seen: set[str] = set()
    for n, row in enumerate(csv.DictReader(io.StringIO(data.decode("utf-8")))):
        conv = f"q{row['questionID']}"
        if conv not in seen:
            seen.add(conv)
            title = re.sub(r"\s+", " ", row["questionTitle"]).strip()
            body = re.sub(r"\s+", " ", row["questionText"].replace("\u00a0", " ")).strip()
            yield Unit(conv, conv, "customer", f"{title}\n{body}".strip())
            for k, sent in enumerate(split_sentences(row["questionText"])):
                yield Unit(f"{conv}#s{k}", conv, "customer", sent)
        for k, sent in enumerate(split_sentences(row["answerText"])):
            yield Unit(f"a{n}#s{k}", conv, "agent", sent)


_PARSERS: dict[str, Callable[[bytes, str], Iterator[Unit]]] = {
    "sgd": _units_sgd,
    "abcd": _units_abcd,
    "marg": _units_marg,
    "crosswoz": _units_crosswoz,
    "lccc": _units_lccc,
    "kochat": _units_kochat,
    "counselchat": _units_counselchat,
}

_UNITS: dict[tuple[str, str, str], dict[str, Unit]] = {}


def load_units(source: str, commit: str, path: str) -> dict[str, Unit]:
    """All utterances of one pinned file, keyed by locator (insertion order = file order)."""
    key = (source, commit, path)
    if key not in _UNITS:
        repo, fmt = SOURCES[source]
        _UNITS[key] = {u.locator: u for u in _PARSERS[fmt](read_blob(repo, commit, path), path)}
    return _UNITS[key]


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def split_for(source: str, conv: str) -> str:
    """Deterministic train/dev split by conversation: about 60% train, 40% dev."""
    h = int(hashlib.sha1(f"{source}:{conv}".encode()).hexdigest()[:8], 16)
    return "train" if h % 100 < 60 else "dev"


def build(check_only: bool = False) -> int:
    if not ANNOTATIONS.is_file():
        print(f"missing {ANNOTATIONS}", file=sys.stderr)
        return 1
    out: list[dict[str, object]] = []
    problems: list[str] = []
    with ANNOTATIONS.open(encoding="utf-8") as fh:
        anns = [json.loads(line) for line in fh if line.strip()]
    for ann in anns:
        try:
            units = load_units(ann["source"], ann["commit"], ann["path"])
        except MirrorMissingError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        unit = units.get(ann["locator"])
        if unit is None:
            problems.append(f"{ann['id']}: locator {ann['locator']} not found in {ann['path']}")
            continue
        if sha1(unit.text) != ann["sha1"]:
            problems.append(f"{ann['id']}: text changed (sha1 mismatch) at {ann['locator']}")
            continue
        prev_text = None
        if ann.get("prev_locator"):
            prev = units.get(ann["prev_locator"])
            if prev is None:
                problems.append(f"{ann['id']}: prev_locator {ann['prev_locator']} not found")
            else:
                prev_text = prev.text
        out.append(
            {
                "id": ann["id"],
                "text": unit.text,
                "prev_text": prev_text,
                "language": ann["language"],
                "role": ann["role"],
                "labels": ann["labels"],
                "split": ann["split"],
                "source": ann["source"],
                "conv": ann["conv"],
            }
        )
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    if not check_only:
        with TEXTS.open("w", encoding="utf-8") as fh:
            for row in out:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(out)} utterances to {TEXTS}")
    else:
        print(f"{len(out)} of {len(anns)} annotations resolve")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="verify pointers, write nothing")
    args = ap.parse_args(argv)
    return build(check_only=args.check)


if __name__ == "__main__":
    sys.exit(main())
