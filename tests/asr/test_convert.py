"""The openai-whisper backend: CTranslate2 model.bin parser and lossless conversion.

The numerical tests compare openai-whisper (fp32 compute from the converted fp16 weights) with
CTranslate2 (compute_type float32) on a short espeak-ng English clip: encoder outputs, decoder
logits along the greedy path, and the greedy transcripts of both full pipelines.
"""

from __future__ import annotations

import base64
import gzip
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from qa.asr.convert import alignment_heads_dump, read_ct2_model
from qa.asr.models import DEFAULT_CHECKPOINT_NAME, load_openai_whisper, openai_checkpoint
from qa.assets import whisper_base_dir
from qa.audio import decode_audio
from qa.errors import ModelError

pytestmark = pytest.mark.slow

CLIP_TEXT = (
    "Hello, thank you for calling customer support. I am sorry to hear that your order "
    "arrived damaged. I will send you a replacement today."
)
BASE_DIMS = {
    "n_mels": 80,
    "n_audio_ctx": 1500,
    "n_audio_state": 512,
    "n_audio_head": 8,
    "n_audio_layer": 6,
    "n_vocab": 51865,
    "n_text_ctx": 448,
    "n_text_state": 512,
    "n_text_head": 8,
    "n_text_layer": 6,
}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def ct2_dir() -> Path:
    return whisper_base_dir()


@pytest.fixture(scope="module")
def cache(tmp_path_factory, ct2_dir):
    """A private QA cache that sees the real CTranslate2 model (symlinked, not copied)."""
    root = tmp_path_factory.mktemp("qa-cache")
    (root / "whisper-base-ct2").symlink_to(ct2_dir, target_is_directory=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("QA_CACHE_DIR", str(root))
        yield root


@pytest.fixture(scope="module")
def checkpoint(cache) -> Path:
    start = time.perf_counter()
    path = openai_checkpoint()
    print(f"conversion: {time.perf_counter() - start:.2f} s")
    return path


@pytest.fixture(scope="module")
def oai_model(checkpoint):
    return load_openai_whisper()


@pytest.fixture(scope="module")
def ct2_model(ct2_dir):
    import ctranslate2

    return ctranslate2.models.Whisper(str(ct2_dir), device="cpu", compute_type="float32")


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng); needed to make audio")
    path = tmp_path_factory.mktemp("audio") / "clip.wav"
    subprocess.run([espeak, "-v", "en-us", "-w", str(path), CLIP_TEXT], check=True)
    return path


@pytest.fixture(scope="module")
def samples(clip):
    # Decoded with PyAV as the product does: openai-whisper's load_audio() shells out to ffmpeg.
    return decode_audio(clip).mono()


@pytest.fixture(scope="module")
def mel(samples):
    import whisper

    return whisper.log_mel_spectrogram(whisper.pad_or_trim(samples))


# --------------------------------------------------------------------------- parser


def test_parser_reads_shipped_model(ct2_dir):
    model = read_ct2_model(ct2_dir / "model.bin")
    assert (model.spec, model.revision, model.binary_version) == ("WhisperSpec", 3, 6)
    assert len(model.variables) == 212
    assert model.aliases == {"decoder/projection/weight": "decoder/embeddings/weight"}
    assert model["decoder/projection/weight"] is model["decoder/embeddings/weight"]
    assert model["decoder/embeddings/weight"].shape == (51865, 512)
    assert model["decoder/embeddings/weight"].dtype == np.float16
    assert model.scalar("encoder/num_heads") == 8
    # CTranslate2 stores a zero key bias in the fused self-attention projection.
    assert not np.any(model["encoder/layer_0/self_attention/linear_0/bias"][512:1024])


def _string(s: str) -> bytes:
    raw = s.encode() + b"\0"
    return struct.pack("<H", len(raw)) + raw


def _model_bin(variables: dict[str, tuple[int, np.ndarray]], aliases=(), version=6) -> bytes:
    """A model.bin as ctranslate2's ModelSpec._serialize writes it: {name: (dtype_id, array)}."""
    out = struct.pack("<I", version) + _string("TestSpec") + struct.pack("<I", 2)
    out += struct.pack("<I", len(variables))
    for name, (type_id, array) in variables.items():
        data = array.tobytes()
        out += _string(name) + struct.pack("<B", array.ndim)
        out += struct.pack(f"<{array.ndim}I", *array.shape)
        out += struct.pack("<BI", type_id, len(data)) + data
    out += struct.pack("<I", len(aliases))
    for alias, target in aliases:
        out += _string(alias) + _string(target)
    return out


def test_parser_dtypes_and_aliases(tmp_path):
    f32 = np.arange(6, dtype=np.float32).reshape(2, 3) - 2.5
    bf16 = (f32.view(np.uint32) >> 16).astype(np.uint16)  # exact: these values fit bfloat16
    path = tmp_path / "model.bin"
    path.write_bytes(
        _model_bin(
            {
                "a/f32": (0, f32),
                "a/i8": (1, np.array([-3, 7], dtype=np.int8)),
                "a/f16": (4, f32.astype(np.float16)),
                "a/bf16": (5, bf16),
                "a/flag": (1, np.array(1, dtype=np.int8)),
            },
            aliases=[("b/f32", "a/f32")],
        )
    )
    model = read_ct2_model(path)
    assert (model.spec, model.revision) == ("TestSpec", 2)
    np.testing.assert_array_equal(model["a/f32"], f32)
    np.testing.assert_array_equal(model["a/i8"], [-3, 7])
    assert model["a/f16"].dtype == np.float16
    np.testing.assert_array_equal(model["a/bf16"], f32)  # widened to float32 exactly
    assert model.scalar("a/flag") == 1
    assert model["b/f32"] is model["a/f32"] and "b/f32" in model and "nope" not in model


@pytest.mark.parametrize(
    "mangle, message",
    [
        (lambda b: b"", "truncated"),
        (lambda b: b[:3], "truncated"),
        (lambda b: b[: len(b) // 2], "truncated"),
        (lambda b: b[:-1], "truncated"),
        (lambda b: struct.pack("<I", 99) + b[4:], "binary version 99"),
        (lambda b: b"<!DOCTYPE html>" + b, "binary version"),
    ],
    ids=["empty", "3-bytes", "half", "last-byte-missing", "future-version", "not-a-model"],
)
def test_parser_rejects_damaged_synthetic(tmp_path, mangle, message):
    good = _model_bin({"w": (0, np.ones((4, 4), np.float32))}, aliases=[("v", "w")])
    path = tmp_path / "model.bin"
    path.write_bytes(mangle(good))
    with pytest.raises(ModelError, match=message):
        read_ct2_model(path)


def test_parser_rejects_inconsistent_sizes(tmp_path):
    data = bytearray(_model_bin({"w": (0, np.ones((4, 4), np.float32))}))
    offset = data.index(b"w\0") + 2 + 1 + 8  # name, rank, 2 dims
    data[offset] = 9  # unknown dtype id
    (tmp_path / "model.bin").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="unknown dtype id 9"):
        read_ct2_model(tmp_path / "model.bin")
    data[offset] = 4  # float16: 16 elements need 32 bytes, 64 are declared
    (tmp_path / "model.bin").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="declares 64 bytes, expected 32"):
        read_ct2_model(tmp_path / "model.bin")


def test_parser_rejects_truncated_real_model(tmp_path, ct2_dir):
    path = tmp_path / "model.bin"
    with (ct2_dir / "model.bin").open("rb") as src:
        path.write_bytes(src.read(5_000_000))
    with pytest.raises(ModelError, match=r"truncated or damaged") as info:
        read_ct2_model(path)
    assert "decoder/embeddings/weight" in str(info.value)  # says where it broke


def test_missing_model_file(tmp_path):
    with pytest.raises(ModelError, match="not found"):
        read_ct2_model(tmp_path / "model.bin")


# --------------------------------------------------------------------------- conversion


def test_checkpoint_is_cached_and_complete(cache, checkpoint):
    assert checkpoint == cache / DEFAULT_CHECKPOINT_NAME
    assert [p.name for p in cache.iterdir() if p.name.startswith(".")] == []  # no temp files
    mtime = checkpoint.stat().st_mtime_ns
    start = time.perf_counter()
    assert openai_checkpoint() == checkpoint
    assert openai_checkpoint(cache / "whisper-base-ct2") == checkpoint
    assert time.perf_counter() - start < 0.5
    assert checkpoint.stat().st_mtime_ns == mtime


def test_checkpoint_format(checkpoint):
    import torch
    from whisper.model import ModelDimensions, Whisper

    ckpt = torch.load(checkpoint, map_location="cpu", weights_only=True)
    assert ckpt["dims"] == BASE_DIMS
    assert ckpt["alignment_heads"] == [
        [3, 1],
        [4, 2],
        [4, 3],
        [4, 7],
        [5, 1],
        [5, 2],
        [5, 4],
        [5, 6],
    ]
    state = ckpt["model_state_dict"]
    assert all(t.dtype == torch.float16 for t in state.values())  # stored precision kept
    model = Whisper(ModelDimensions(**ckpt["dims"]))
    model.load_state_dict(state, strict=True)  # every key present, none extra


def test_converted_tensors_equal_ct2(checkpoint, ct2_dir):
    import torch

    state = torch.load(checkpoint, map_location="cpu", weights_only=True)["model_state_dict"]
    ct2 = read_ct2_model(ct2_dir / "model.bin")
    qkv = ct2["decoder/layer_2/self_attention/linear_0/weight"]
    kv = ct2["decoder/layer_2/attention/linear_1/weight"]
    pairs = {
        "decoder.blocks.2.attn.query.weight": qkv[:512],
        "decoder.blocks.2.attn.key.weight": qkv[512:1024],
        "decoder.blocks.2.attn.value.weight": qkv[1024:],
        "decoder.blocks.2.cross_attn.query.weight": ct2[
            "decoder/layer_2/attention/linear_0/weight"
        ],
        "decoder.blocks.2.cross_attn.key.weight": kv[:512],
        "decoder.blocks.2.cross_attn.value.weight": kv[512:],
        "decoder.blocks.2.cross_attn.value.bias": ct2["decoder/layer_2/attention/linear_1/bias"][
            512:
        ],
        "encoder.blocks.5.mlp.2.weight": ct2["encoder/layer_5/ffn/linear_1/weight"],
        "encoder.ln_post.weight": ct2["encoder/layer_norm/gamma"],
        "encoder.conv1.weight": ct2["encoder/conv1/weight"],
        "encoder.positional_embedding": ct2["encoder/position_encodings/encodings"],
        "decoder.positional_embedding": ct2["decoder/position_encodings/encodings"],
        "decoder.token_embedding.weight": ct2["decoder/projection/weight"],
    }
    for name, expected in pairs.items():
        np.testing.assert_array_equal(state[name].numpy(), expected, err_msg=name)


def test_alignment_heads_match_openai_base(oai_model):
    import whisper

    official = np.frombuffer(
        gzip.decompress(base64.b85decode(whisper._ALIGNMENT_HEADS["base"])), dtype=bool
    ).reshape(6, 8)
    np.testing.assert_array_equal(oai_model.alignment_heads.to_dense().numpy(), official)
    ours = alignment_heads_dump(np.argwhere(official).tolist(), 6, 8)
    assert gzip.decompress(base64.b85decode(ours)) == official.tobytes()


def test_missing_openai_whisper_is_actionable(monkeypatch):
    monkeypatch.setitem(sys.modules, "whisper", None)  # makes `import whisper` fail
    with pytest.raises(ModelError, match=r"pip install -e '\.\[openai\]'"):
        load_openai_whisper()


# --------------------------------------------------------------------------- lossless


def test_encoder_matches_ctranslate2(oai_model, ct2_model, mel):
    import ctranslate2
    import torch

    with torch.no_grad():
        ours = oai_model.embed_audio(mel[None]).numpy()
    features = ctranslate2.StorageView.from_array(np.ascontiguousarray(mel[None].numpy()))
    theirs = np.array(ct2_model.encode(features, to_cpu=True))
    assert ours.shape == theirs.shape == (1, 1500, 512)
    diff = np.abs(ours - theirs).max()
    print(f"encoder max abs diff {diff:.3g} (max |x| {np.abs(theirs).max():.3g})")
    assert diff < 2e-3


def test_decoder_logits_match_ctranslate2(oai_model, ct2_model, mel):
    """Greedy decoding from the same features: same tokens, same logits at every step."""
    import ctranslate2
    import torch
    import whisper

    tokenizer = whisper.tokenizer.get_tokenizer(True, language="en", task="transcribe")
    prompt = list(tokenizer.sot_sequence_including_notimestamps)
    features = ctranslate2.StorageView.from_array(np.ascontiguousarray(mel[None].numpy()))
    result = ct2_model.generate(
        features,
        [prompt],
        beam_size=1,
        suppress_blank=False,
        suppress_tokens=[],
        return_logits_vocab=True,
    )[0]
    ids = result.sequences_ids[0]
    theirs = np.stack([np.array(step).reshape(-1) for step in result.logits[0]])
    with torch.no_grad():
        audio = oai_model.embed_audio(mel[None])
        ours = oai_model.logits(torch.tensor([prompt + ids]), audio)[0].numpy()
    ours = ours[len(prompt) - 1 : len(prompt) - 1 + len(theirs)]
    diff = np.abs(ours - theirs).max()
    print(f"decoder logits max abs diff {diff:.3g} over {len(theirs)} steps")
    assert diff < 1e-2
    options = whisper.DecodingOptions(
        language="en", without_timestamps=True, suppress_tokens="", suppress_blank=False, fp16=False
    )
    assert whisper.decode(oai_model, mel, options).tokens == ids


def test_transcripts_match_faster_whisper(oai_model, ct2_dir, clip, samples):
    from faster_whisper import WhisperModel

    ours = oai_model.transcribe(samples, language="en", temperature=0, beam_size=None, fp16=False)[
        "text"
    ]
    segments, _ = WhisperModel(str(ct2_dir), device="cpu", compute_type="float32").transcribe(
        str(clip), beam_size=1, language="en", temperature=0
    )
    theirs = "".join(s.text for s in segments)
    print(f"openai-whisper: {ours!r}\nfaster-whisper: {theirs!r}")
    assert ours.split() == theirs.split()
    assert "customer support" in ours.lower()
