"""CTranslate2 Whisper weights → an openai-whisper checkpoint (for the ``openai-whisper`` backend).

The default ASR model ships only in CTranslate2 format (see :mod:`qa.assets`). openai-whisper
cannot read that format, and nothing may be downloaded, so this module rebuilds the
openai-whisper checkpoint from the CTranslate2 ``model.bin`` (:mod:`qa.asr.models` caches it and
loads it):

1. :func:`read_ct2_model` parses CTranslate2's binary format (the reader of
   ``src/models/model.cc`` ``Model::load``, the writer of
   ``python/ctranslate2/specs/model_spec.py`` ``_serialize``). All integers are little-endian::

       u32 binary_version                       (1 … 6)
       str spec_name, u32 spec_revision         (binary_version >= 2)
       u32 n_variables, then n_variables times:
           str name; u8 rank; u32 dim × rank;
           u8 dtype_id; u32 n_bytes             (binary_version >= 4; older: u8 item size,
                                                 u32 element count)
           n_bytes of raw data
       u32 n_aliases, then (str alias, str target) × n_aliases   (binary_version >= 3)

   where ``str`` is a u16 byte length (including a trailing NUL) followed by the UTF-8 bytes and
   the NUL, and dtype ids are 0 float32, 1 int8, 2 int16, 3 int32, 4 float16, 5 bfloat16.

2. :func:`ct2_to_openai_state_dict` renames the variables: ctranslate2's Whisper converter
   (``ctranslate2/converters/transformers.py``, ``WhisperLoader`` + ``BartLoader``) in reverse.
   Self-attention ``linear_0`` is q, k, v stacked; cross-attention ``linear_0`` is q and
   ``linear_1`` is k, v stacked. openai-whisper's key projections have no bias; CTranslate2 stores
   a zero one, and a key bias adds the same constant to every logit of a softmax row, so dropping
   it is exact whatever its value. The output projection is tied to the token embeddings.

3. :func:`convert` writes ``{"dims": …, "model_state_dict": …}`` — what ``whisper.load_model(path)``
   reads — plus ``alignment_heads`` (the decoder cross-attention heads used for word timestamps,
   from the CTranslate2 ``config.json``). ``whisper.load_model`` ignores that extra key because
   openai-whisper keeps the heads in a non-persistent buffer;
   :func:`qa.asr.models.load_openai_whisper` applies them with ``Whisper.set_alignment_heads``.

Weights keep their stored precision (fp16 for the default model), exactly as openai-whisper's own
``.pt`` files, so the conversion is lossless.
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
import os
import re
import struct
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np

from qa.errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    import torch

__all__ = [
    "CT2Model",
    "read_ct2_model",
    "ct2_to_openai_state_dict",
    "alignment_heads_dump",
    "convert",
]

log = logging.getLogger(__name__)

_MAX_BINARY_VERSION = 6  # ctranslate2.specs.model_spec.CURRENT_BINARY_VERSION (4.x)
_DTYPES: tuple[str, ...] = ("float32", "int8", "int16", "int32", "float16", "bfloat16")
_ITEM_SIZES = {"float32": 4, "int8": 1, "int16": 2, "int32": 4, "float16": 2, "bfloat16": 2}
_LEGACY_DTYPE_BY_ITEM_SIZE = {4: "float32", 2: "int16", 1: "int8"}  # binary_version < 4
_MAX_RANK = 8
_MAX_COUNT = 1_000_000  # sanity bound on variable/alias counts: larger means a corrupt header
_GELU = 3  # ctranslate2.specs.common_spec.Activation.GELU


@dataclass(frozen=True)
class CT2Model:
    """The parsed contents of a CTranslate2 ``model.bin``.

    ``variables`` holds the stored arrays by name (bfloat16 is widened to float32, the only
    dtype numpy lacks; every other dtype is kept as stored). ``aliases`` maps an alias name to
    the variable it stands for (CTranslate2 stores a duplicated array once). Indexing the model
    resolves aliases: ``model["decoder/projection/weight"]``.
    """

    spec: str
    revision: int
    binary_version: int
    variables: dict[str, np.ndarray]
    aliases: dict[str, str] = field(default_factory=dict)

    def _resolve(self, name: str) -> str:
        seen = set()
        while name in self.aliases and name not in self.variables:
            if name in seen:
                raise ModelError(f"CTranslate2 model has an alias cycle at {name!r}")
            seen.add(name)
            name = self.aliases[name]
        return name

    def __getitem__(self, name: str) -> np.ndarray:
        """The array stored under ``name`` or under the variable ``name`` aliases."""
        resolved = self._resolve(name)
        try:
            return self.variables[resolved]
        except KeyError:
            raise KeyError(name) from None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._resolve(name) in self.variables

    def get(self, name: str, default: np.ndarray | None = None) -> np.ndarray | None:
        """Like ``dict.get``, resolving aliases."""
        return self[name] if name in self else default

    def scalar(self, name: str, default: int | float | None = None) -> int | float | None:
        """A rank-0 variable (flags, head counts) as a Python number, or ``default``."""
        value = self.get(name)
        if value is None:
            return default
        return value.reshape(-1)[0].item()


class _Reader:
    """Sequential little-endian reader that turns every short read into a :class:`ModelError`."""

    def __init__(self, fh: BinaryIO, path: Path) -> None:
        self._fh = fh
        self._path = path

    def _fail(self, what: str, size: int, got: int) -> ModelError:
        pos = self._fh.tell() - got
        return ModelError(
            f"{self._path} is not a complete CTranslate2 model: reading the {what} "
            f"({size} bytes at offset {pos}) found only {got} bytes; the file is truncated or "
            "damaged — delete it so it is rebuilt, or reinstall the model"
        )

    def bytes(self, size: int, what: str) -> bytes:
        data = self._fh.read(size)
        if len(data) != size:
            raise self._fail(what, size, len(data))
        return data

    def unpack(self, fmt: str, what: str) -> int:
        size = struct.calcsize("<" + fmt)
        return struct.unpack("<" + fmt, self.bytes(size, what))[0]

    def string(self, what: str) -> str:
        length = self.unpack("H", f"length of {what}")
        raw = self.bytes(length, what)
        if length == 0 or raw[-1] != 0:
            raise ModelError(
                f"{self._path} is not a valid CTranslate2 model: {what} is not NUL-terminated "
                f"(offset {self._fh.tell() - length}); the file is damaged"
            )
        try:
            return raw[:-1].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ModelError(
                f"{self._path} is not a valid CTranslate2 model: {what} is not UTF-8; "
                "the file is damaged"
            ) from exc


def _to_numpy(raw: bytes, dtype: str, shape: tuple[int, ...]) -> np.ndarray:
    if dtype == "bfloat16":  # widen exactly: bfloat16 is the top half of a float32
        halves = np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16
        return halves.view(np.float32).reshape(shape)
    return np.frombuffer(raw, dtype=np.dtype(dtype).newbyteorder("<")).reshape(shape).copy()


def read_ct2_model(model_bin: Path) -> CT2Model:
    """Parse a CTranslate2 ``model.bin`` (or a model directory) into arrays, spec and revision.

    Raises :class:`~qa.errors.ModelError` for a missing, truncated, or damaged file, or one
    written by a newer CTranslate2 than this parser knows.
    """
    model_bin = Path(model_bin)
    if model_bin.is_dir():
        model_bin = model_bin / "model.bin"
    if not model_bin.is_file():
        raise ModelError(f"CTranslate2 model file not found: {model_bin}")
    damaged = f"{model_bin} is not a valid CTranslate2 model"
    with model_bin.open("rb") as fh:
        rd = _Reader(fh, model_bin)
        version = rd.unpack("I", "binary version")
        if not 1 <= version <= _MAX_BINARY_VERSION:
            raise ModelError(
                f"{damaged}: binary version {version} is not 1…{_MAX_BINARY_VERSION} "
                "(a damaged file, not a model.bin, or one from a newer CTranslate2)"
            )
        spec, revision = "", 1
        if version >= 2:
            spec = rd.string("spec name")
            revision = rd.unpack("I", "spec revision")
        n_vars = rd.unpack("I", "variable count")
        if n_vars > _MAX_COUNT:
            raise ModelError(f"{damaged}: implausible variable count {n_vars}")
        variables: dict[str, np.ndarray] = {}
        for index in range(n_vars):
            name = rd.string(f"name of variable {index}")
            rank = rd.unpack("B", f"rank of {name}")
            if rank > _MAX_RANK:
                raise ModelError(f"{damaged}: variable {name!r} has rank {rank}")
            shape = struct.unpack(f"<{rank}I", rd.bytes(4 * rank, f"shape of {name}"))
            count = int(np.prod(shape, dtype=np.int64)) if rank else 1
            if version >= 4:
                type_id = rd.unpack("B", f"dtype of {name}")
                if type_id >= len(_DTYPES):
                    raise ModelError(f"{damaged}: variable {name!r} has unknown dtype id {type_id}")
                dtype = _DTYPES[type_id]
                n_bytes = rd.unpack("I", f"byte count of {name}")
            else:
                item_size = rd.unpack("B", f"item size of {name}")
                if item_size not in _LEGACY_DTYPE_BY_ITEM_SIZE:
                    raise ModelError(f"{damaged}: variable {name!r} has item size {item_size}")
                dtype = _LEGACY_DTYPE_BY_ITEM_SIZE[item_size]
                n_bytes = rd.unpack("I", f"element count of {name}") * item_size
            if n_bytes != count * _ITEM_SIZES[dtype]:
                raise ModelError(
                    f"{damaged}: variable {name!r} of shape {list(shape)} and dtype {dtype} "
                    f"declares {n_bytes} bytes, expected {count * _ITEM_SIZES[dtype]}"
                )
            if name in variables:
                raise ModelError(f"{damaged}: variable {name!r} appears twice")
            variables[name] = _to_numpy(rd.bytes(n_bytes, f"data of {name}"), dtype, shape)
        aliases: dict[str, str] = {}
        if version >= 3:
            n_aliases = rd.unpack("I", "alias count")
            if n_aliases > _MAX_COUNT:
                raise ModelError(f"{damaged}: implausible alias count {n_aliases}")
            for index in range(n_aliases):
                alias = rd.string(f"alias {index}")
                aliases[alias] = rd.string(f"target of alias {alias!r}")
        trailing = len(fh.read(1 << 16))
        if trailing:
            log.warning("%s: ignoring %s trailing byte(s) after the model", model_bin, trailing)
    for alias, target in aliases.items():
        if target not in variables:  # CTranslate2 ignores these too; say so.
            log.warning("%s: alias %s points to missing variable %s", model_bin, alias, target)
    log.debug(
        "read %s: %s rev %s, binary v%s, %d variables, %d aliases",
        model_bin,
        spec,
        revision,
        version,
        len(variables),
        len(aliases),
    )
    return CT2Model(spec, revision, version, variables, aliases)


def _float_weight(model: CT2Model, name: str) -> np.ndarray:
    """A weight as floating point, dequantizing int8/int16 CTranslate2 weights (lossy)."""
    value = model[name]
    if value.dtype.kind == "f":
        return value
    scale = model.get(name + "_scale")
    if scale is None:
        raise ModelError(f"CTranslate2 variable {name} is {value.dtype} without a {name}_scale")
    log.warning(
        "dequantizing %s %s: the openai-whisper weights will not be exact", value.dtype, name
    )
    scale = scale.astype(np.float32)
    if scale.ndim == 1:  # int8: one scale per output row
        scale = scale.reshape((-1,) + (1,) * (value.ndim - 1))
    return value.astype(np.float32) / scale


def _count_layers(model: CT2Model, prefix: str) -> int:
    pattern = re.compile(rf"^{re.escape(prefix)}/layer_(\d+)/")
    indices = {int(m.group(1)) for n in model.variables if (m := pattern.match(n))}
    if not indices or indices != set(range(len(indices))):
        raise ModelError(f"CTranslate2 Whisper model has layers {sorted(indices)} under {prefix}/")
    return len(indices)


def _dims(model: CT2Model) -> dict[str, int]:
    conv1 = model["encoder/conv1/weight"]
    embeddings = model["decoder/embeddings/weight"]
    dims = {
        "n_mels": int(conv1.shape[1]),
        "n_audio_ctx": int(model["encoder/position_encodings/encodings"].shape[0]),
        "n_audio_state": int(conv1.shape[0]),
        "n_audio_head": int(model.scalar("encoder/num_heads")),
        "n_audio_layer": _count_layers(model, "encoder"),
        "n_vocab": int(embeddings.shape[0]),
        "n_text_ctx": int(model["decoder/position_encodings/encodings"].shape[0]),
        "n_text_state": int(embeddings.shape[1]),
        "n_text_head": int(model.scalar("decoder/num_heads")),
        "n_text_layer": _count_layers(model, "decoder"),
    }
    for state, head in (("n_audio_state", "n_audio_head"), ("n_text_state", "n_text_head")):
        if dims[head] <= 0 or dims[state] % dims[head]:
            raise ModelError(
                f"CTranslate2 Whisper model: {state}={dims[state]} vs {head}={dims[head]}"
            )
    return dims


def _check_architecture(model: CT2Model) -> None:
    """Refuse models openai-whisper cannot represent exactly."""
    if model.spec != "WhisperSpec":
        raise ModelError(f"not a CTranslate2 Whisper model: spec is {model.spec or 'unnamed'!r}")
    expect = {
        "decoder/pre_norm": 1,
        "decoder/activation": _GELU,
        "decoder/alibi": 0,
        "decoder/scale_embeddings": 0,
    }
    for name, wanted in expect.items():
        value = model.scalar(name, wanted)
        if value != wanted:
            raise ModelError(
                f"CTranslate2 Whisper variant not supported: {name}={value} (need {wanted})"
            )
    if "decoder/projection/weight" in model:
        tied = model._resolve("decoder/projection/weight") == "decoder/embeddings/weight"
        if not tied and not np.array_equal(
            model["decoder/projection/weight"], model["decoder/embeddings/weight"]
        ):
            raise ModelError(
                "CTranslate2 Whisper model has an output projection not tied to the "
                "token embeddings; openai-whisper cannot represent it"
            )
    bias = model.get("decoder/projection/bias")
    if bias is not None and np.any(bias):
        raise ModelError("CTranslate2 Whisper model has an output bias; openai-whisper has none")


def _attention(
    model: CT2Model, ct2: str, oai: str, n_state: int, cross: bool
) -> Iterator[tuple[str, np.ndarray]]:
    """Split CTranslate2's fused attention projections into openai-whisper's q/k/v/out."""
    if cross:  # linear_0 = q; linear_1 = k, v stacked
        q_w, q_b = _float_weight(model, f"{ct2}/linear_0/weight"), model[f"{ct2}/linear_0/bias"]
        kv_w, kv_b = _float_weight(model, f"{ct2}/linear_1/weight"), model[f"{ct2}/linear_1/bias"]
        w, b = np.concatenate([q_w, kv_w]), np.concatenate([q_b, kv_b])
    else:  # linear_0 = q, k, v stacked
        w, b = _float_weight(model, f"{ct2}/linear_0/weight"), model[f"{ct2}/linear_0/bias"]
    if w.shape != (3 * n_state, n_state) or b.shape != (3 * n_state,):
        raise ModelError(f"CTranslate2 Whisper model: {ct2} q/k/v has shape {w.shape}, {b.shape}")
    out = f"{ct2}/linear_2" if cross else f"{ct2}/linear_1"
    if np.any(b[n_state : 2 * n_state]):
        # Exact anyway: q·b_k is the same for every key of a softmax row.
        log.debug("%s: dropping a non-zero key bias (softmax-invariant)", ct2)
    yield f"{oai}.query.weight", w[:n_state]
    yield f"{oai}.query.bias", b[:n_state]
    yield f"{oai}.key.weight", w[n_state : 2 * n_state]
    yield f"{oai}.value.weight", w[2 * n_state :]
    yield f"{oai}.value.bias", b[2 * n_state :]
    yield f"{oai}.out.weight", _float_weight(model, f"{out}/weight")
    yield f"{oai}.out.bias", model[f"{out}/bias"]


def _layer_norm(model: CT2Model, ct2: str, oai: str) -> Iterator[tuple[str, np.ndarray]]:
    yield f"{oai}.weight", model[f"{ct2}/gamma"]
    yield f"{oai}.bias", model[f"{ct2}/beta"]


def _block(
    model: CT2Model, ct2: str, oai: str, n_state: int, cross: bool
) -> Iterator[tuple[str, np.ndarray]]:
    yield from _attention(model, f"{ct2}/self_attention", f"{oai}.attn", n_state, cross=False)
    yield from _layer_norm(model, f"{ct2}/self_attention/layer_norm", f"{oai}.attn_ln")
    if cross:
        yield from _attention(model, f"{ct2}/attention", f"{oai}.cross_attn", n_state, cross=True)
        yield from _layer_norm(model, f"{ct2}/attention/layer_norm", f"{oai}.cross_attn_ln")
    for i, j in ((0, 0), (1, 2)):  # ffn/linear_0 → mlp.0 (then GELU = mlp.1), linear_1 → mlp.2
        yield f"{oai}.mlp.{j}.weight", _float_weight(model, f"{ct2}/ffn/linear_{i}/weight")
        yield f"{oai}.mlp.{j}.bias", model[f"{ct2}/ffn/linear_{i}/bias"]
    yield from _layer_norm(model, f"{ct2}/ffn/layer_norm", f"{oai}.mlp_ln")


def _openai_arrays(model: CT2Model, dims: Mapping[str, int]) -> Iterator[tuple[str, np.ndarray]]:
    for conv in ("conv1", "conv2"):
        yield f"encoder.{conv}.weight", _float_weight(model, f"encoder/{conv}/weight")
        yield f"encoder.{conv}.bias", model[f"encoder/{conv}/bias"]
    # A buffer in openai-whisper (sinusoids); CTranslate2 stores the same table.
    yield "encoder.positional_embedding", model["encoder/position_encodings/encodings"]
    for i in range(dims["n_audio_layer"]):
        yield from _block(
            model, f"encoder/layer_{i}", f"encoder.blocks.{i}", dims["n_audio_state"], cross=False
        )
    yield from _layer_norm(model, "encoder/layer_norm", "encoder.ln_post")
    yield "decoder.token_embedding.weight", _float_weight(model, "decoder/embeddings/weight")
    yield "decoder.positional_embedding", model["decoder/position_encodings/encodings"]
    for i in range(dims["n_text_layer"]):
        yield from _block(
            model, f"decoder/layer_{i}", f"decoder.blocks.{i}", dims["n_text_state"], cross=True
        )
    yield from _layer_norm(model, "decoder/layer_norm", "decoder.ln")


def ct2_to_openai_state_dict(
    model: CT2Model, config: Mapping[str, Any] | None = None
) -> tuple[dict[str, int], dict[str, torch.Tensor], list[list[int]] | None]:
    """Map a parsed CTranslate2 Whisper model onto openai-whisper's ``Whisper`` module.

    Returns ``(dims, state_dict, alignment_heads)``: the ``ModelDimensions`` fields derived from
    the array shapes and stored head counts, a state dict that ``Whisper(dims)`` loads with
    ``strict=True`` (tensors keep the stored precision), and the decoder alignment heads as
    ``[layer, head]`` pairs from ``config`` (CTranslate2's ``config.json``), or ``None``.
    """
    import torch

    _check_architecture(model)
    try:
        dims = _dims(model)
        arrays = dict(_openai_arrays(model, dims))
    except KeyError as exc:
        raise ModelError(f"CTranslate2 Whisper model lacks variable {exc.args[0]}") from None
    state = {name: torch.from_numpy(np.ascontiguousarray(a)) for name, a in arrays.items()}
    heads = None
    if config and config.get("alignment_heads"):
        heads = [[int(layer), int(head)] for layer, head in config["alignment_heads"]]
        bad = [
            h
            for h in heads
            if not (0 <= h[0] < dims["n_text_layer"] and 0 <= h[1] < dims["n_text_head"])
        ]
        if bad:
            raise ModelError(f"config.json alignment_heads out of range for the model: {bad}")
    return dims, state, heads


def alignment_heads_dump(heads: list[list[int]], n_text_layer: int, n_text_head: int) -> bytes:
    """Encode ``[layer, head]`` pairs as openai-whisper's ``set_alignment_heads`` argument."""
    mask = np.zeros((n_text_layer, n_text_head), dtype=bool)
    for layer, head in heads:
        mask[layer, head] = True
    return base64.b85encode(gzip.compress(mask.tobytes(), mtime=0))


def convert(ct2_dir: Path, out_path: Path) -> Path:
    """Convert the CTranslate2 Whisper model in ``ct2_dir`` to an openai-whisper checkpoint.

    Writes ``out_path`` atomically (a temporary sibling, then ``os.replace``) and returns it.
    The checkpoint holds ``dims``, ``model_state_dict`` and, when known, ``alignment_heads``.
    """
    import torch

    ct2_dir, out_path = Path(ct2_dir), Path(out_path)
    start = time.perf_counter()
    model = read_ct2_model(ct2_dir / "model.bin")
    config: dict[str, Any] = {}
    config_path = ct2_dir / "config.json"
    if config_path.is_file():
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read {config_path}: {exc}") from exc
    dims, state, heads = ct2_to_openai_state_dict(model, config)
    checkpoint: dict[str, Any] = {"dims": dims, "model_state_dict": state}
    if heads is not None:
        checkpoint["alignment_heads"] = heads
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=out_path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            torch.save(checkpoint, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, out_path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    log.info(
        "converted %s to openai-whisper %s in %.1f s (%s)",
        ct2_dir,
        out_path,
        time.perf_counter() - start,
        dims,
    )
    return out_path
