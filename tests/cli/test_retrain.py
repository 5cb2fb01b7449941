"""``qa calibrate --retrain`` end to end: reviews that mark the machine's arguing findings on polite
sentences wrong give site heads in the data dir that score those sentences lower, the shipped
heads stay byte for byte, and ``qa label`` says which heads it used (real subprocesses, a real
store, the real encoder)."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from qa.labeller import (
    HEADS_FILE,
    LABELS,
    MANIFEST_FILE,
    default_heads_dir,
    load_labeller,
    read_heads,
    site_heads,
)
from qa.review.model import HumanFinding, ReviewAction
from qa.store import Store
from qa.types import Call, CallScore, Finding, RubricResult
from tests.cli.run import qa
from tests.cli.test_calibrate import put, utt

WHEN = datetime(2026, 3, 2, 10, tzinfo=UTC)
#: Polite sentences the shipped heads score as arguing (0.72–1.0): reviewers mark them wrong.
POLITE = (
    "No, you did nothing wrong, the mistake was ours.",
    "Not at all, that's not a silly question.",
    "No no, you don't need to pay anything, it's all covered.",
    "You don't need to do that, I've already sent it.",
)
#: Near-identical polite sentences no review saw.
NEAR = (
    "No, you did nothing wrong, the mistake was ours, sorry.",
    "Not at all, that is not a silly question!",
    "No, no, you don't need to pay anything, it is all covered.",
)
ARGUING = "You are wrong, I never said that."  # marked right
MISSED = (
    "Well, as I said, the policy is thirty days."  # added by a reviewer (the machine missed it)
)
STILL_ARGUING = ("That's your problem, not ours.", "You are wrong, I never told you that.")


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reviewed_call(cid: str, agent_line: str, opening: str = "Thank you for calling Acme.") -> Call:
    return Call(
        cid, "a1", 12.0, "stereo",
        (utt("u000", "agent", 0.2, 2.5, opening),
         utt("u001", "customer", 3.0, 6.0, "I was charged twice for my order."),
         utt("u002", "agent", 6.5, 9.5, agent_line),
         utt("u003", "customer", 10.0, 11.5, "Okay, thank you.")),
        {"language": "en"},
    )  # fmt: skip


def arguing_score(call: Call) -> CallScore:
    u = call.utterances[2]
    found = Finding(
        "arguing", "arguing", u.span, (u.id,), f"agent: {u.text}", 0.95, 1.0, "confirmed"
    )
    result = RubricResult(
        "arguing", "1.1", "arguing", 70.0, (found,), options={"confirm_at_used": 0.92}
    )
    return CallScore(call.id, 70.0, (result,), rubric_version="synthetic")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A store whose reviews mark four polite "arguing" findings wrong (two calls each), one
    real one right, and add one the machine missed; then ``qa calibrate --retrain``."""
    tmp = tmp_path_factory.mktemp("retrain")
    url, data = f"sqlite:///{tmp / 'qa.db'}", tmp / "data"
    lines = [*POLITE, *POLITE, ARGUING, "Let me check that for you."]
    with Store.open(url, data_dir=data) as store:
        for n, line in enumerate(lines):
            cid = put(store, f"call{n}", "a1", n)
            missed = line == "Let me check that for you."
            call = reviewed_call(cid, line, MISSED) if missed else reviewed_call(cid, line)
            store.calls.save_transcript(call)
            store.calls.save_score(cid, arguing_score(call), labeller_version="lab")
            if missed:
                span = call.utterances[0].span
                marks = [
                    ReviewAction("arguing", "finding_wrong", finding=0),
                    ReviewAction(
                        "arguing",
                        "finding_added",
                        added=HumanFinding(span.start, span.end, ("u000",), "", "missed"),
                    ),
                ]
            else:
                verdict = "finding_right" if line == ARGUING else "finding_wrong"
                marks = [ReviewAction("arguing", verdict, finding=0)]
            store.reviews.add(cid, marks, role="qa_lead")
    shipped = default_heads_dir()
    before = {p: sha(p) for p in (shipped / HEADS_FILE, shipped.parent / MANIFEST_FILE)}
    res = qa("calibrate", "--retrain", "--out", tmp / "cal.toml", "--db", url, "--data-dir", data)
    return url, data, res, before


def test_retrain_writes_site_heads_and_leaves_the_shipped_ones(site):
    url, data, res, before = site
    assert res.returncode == 0, res.stderr
    assert "no configuration written" in res.stderr  # too few findings to move confirm_at
    assert "labeller retrained from 11 reviewed sentence(s) in 10 call(s)" in res.stdout
    assert "arguing                2 with the label, 9 without" in res.stdout
    for path, digest in before.items():
        assert sha(path) == digest, f"{path} changed"
    (heads,) = site_heads(data)
    manifest = json.loads((heads.parent / MANIFEST_FILE).read_text(encoding="utf-8"))
    shipped = load_labeller(default_heads_dir())
    assert manifest["base"] == {
        "version": shipped.version,
        "heads_sha256": sha(default_heads_dir() / HEADS_FILE),
        "heads": str(default_heads_dir().resolve()),
    }
    assert manifest["heads"][0]["sha256"] == sha(heads / HEADS_FILE)
    assert manifest["reviewed"]["by_source"] == {
        "finding_added": 1,
        "finding_right": 1,
        "finding_wrong": 9,
    }
    assert manifest["changed_labels"] == ["arguing"]
    assert manifest["version"] == f"{shipped.version}+site-{manifest['heads'][0]['sha256'][:8]}"
    assert f"wrote labeller heads {manifest['version']} to {heads.parent}" in res.stdout
    # Shipped: 2 of the 11 reviewed sentences labelled as reviewed; site heads: 9 or more.
    agree = manifest["reviewed_sentences_labelled_as_reviewed"]
    assert agree["before"] == round(2 / 11, 4) and agree["after"] >= round(9 / 11, 4), agree
    # Labels nobody reviewed keep the shipped weights bit for bit; arguing's moved.
    new, old = read_heads(heads / HEADS_FILE), read_heads(default_heads_dir() / HEADS_FILE)
    j = LABELS.index("arguing")
    for name in ("dense_weights", "ngram_weights", "word_weights"):
        keep = [i for i in range(len(LABELS)) if i != j]
        assert np.array_equal(new[name][keep], old[name][keep])
        assert not np.array_equal(new[name][j], old[name][j])
    assert new["meta"]["thresholds"] == old["meta"]["thresholds"]
    assert new["meta"]["confirm_at"] == old["meta"]["confirm_at"]
    with Store.open(url, data_dir=data) as store:
        (entry,) = store.audit.list(action="labeller.retrain")
    assert entry.target_id == manifest["version"] and entry.detail["sentences"] == 11


def test_site_heads_score_near_identical_polite_sentences_lower(site):
    _, data, _, _ = site
    (heads,) = site_heads(data)
    ours, shipped = load_labeller(heads), load_labeller(default_heads_dir())
    assert ours.source == "site" and shipped.source == "shipped"
    t = shipped.thresholds["arguing"]
    before = [p["arguing"] for p in shipped.predict(list(NEAR))]
    after = [p["arguing"] for p in ours.predict(list(NEAR))]
    assert all(b >= t for b in before), before  # the shipped heads call them arguing
    assert all(a < b - 0.2 for a, b in zip(after, before, strict=True)), (before, after)
    assert sum(a < t for a in after) >= 2, after
    # Real arguing stays arguing, and the sentence a reviewer added is now labelled so.
    for text in (*STILL_ARGUING, MISSED):
        assert ours.predict([text])[0]["arguing"] >= t, text
    assert shipped.predict([MISSED])[0]["arguing"] < t


def test_qa_label_says_which_heads_and_scoring_uses_them(site, tmp_path, monkeypatch):
    _, data, _, _ = site
    (heads,) = site_heads(data)
    version = json.loads((heads.parent / MANIFEST_FILE).read_text(encoding="utf-8"))["version"]
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": NEAR[0]}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = qa("label", "--input", src, "--output", out, "--data-dir", data)
    assert res.returncode == 0, res.stderr
    assert f"qa: labeller {version} (site heads, {heads})" in res.stderr
    site_p = json.loads(out.read_text(encoding="utf-8"))["scores"]["arguing"]

    monkeypatch.setenv("QA_LABELLER", "shipped")
    res = qa("label", "--input", src, "--output", out, "--data-dir", data)
    assert res.returncode == 0, res.stderr
    shipped = load_labeller(default_heads_dir())
    assert f"qa: labeller {shipped.version} (shipped heads," in res.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["scores"]["arguing"] > site_p
    monkeypatch.delenv("QA_LABELLER")

    # Without --data-dir and no site heads in $QA_DATA_DIR: the shipped heads.
    monkeypatch.setenv("QA_DATA_DIR", str(tmp_path / "empty"))
    res = qa("label", "--input", src, "--output", out)
    assert res.returncode == 0 and "(shipped heads," in res.stderr
    monkeypatch.setenv("QA_DATA_DIR", str(data))
    res = qa("label", "--input", src, "--output", out)
    assert res.returncode == 0 and f"qa: labeller {version} (site heads" in res.stderr
    monkeypatch.setenv("QA_LABELLER", "site")
    monkeypatch.setenv("QA_DATA_DIR", str(tmp_path / "empty"))
    res = qa("label", "--input", src, "--output", out)
    assert res.returncode != 0 and "no site heads" in res.stderr and "Traceback" not in res.stderr


def test_rescore_stores_the_site_labeller_version(site):
    url, data, _, _ = site
    (heads,) = site_heads(data)
    version = json.loads((heads.parent / MANIFEST_FILE).read_text(encoding="utf-8"))["version"]
    res = qa("rescore", "--agent", "a1", "--no-audio", "-q", "--db", url, "--data-dir", data)
    assert res.returncode == 0, res.stderr
    with Store.open(url, data_dir=data) as store:
        calls, total = store.calls.list(agent="a1")
        assert total == 10
        scored = {store.calls.get(c.id).score.labeller_version for c in calls}
    assert scored == {version}


def test_refit_on_a_sentence_the_shipped_heads_already_get_right_barely_moves(site, tmp_path):
    """The real corpora's rows are not on this machine; they enter through their gradient at
    the shipped weights, so a review that agrees with the shipped heads changes almost nothing
    (dropping those rows instead would move every weight)."""
    from models.site import ReviewedSentence, fit_site_heads

    _, data, _, _ = site
    shutil.copytree(data / "labeller" / "cache", tmp_path / "labeller" / "cache")  # no re-encoding
    fit = fit_site_heads(
        [ReviewedSentence(ARGUING, "arguing", True, "x", "finding_right")],
        tmp_path,
        now=WHEN + timedelta(days=1),
    )
    assert fit.directory.name.startswith("site-20260303T100000Z-")
    new = read_heads(fit.directory / "heads" / HEADS_FILE)
    old = read_heads(default_heads_dir() / HEADS_FILE)
    j = LABELS.index("arguing")
    moved = np.abs(new["ngram_weights"][j] - old["ngram_weights"][j]).max()
    assert moved < 0.05, moved
    assert fit.seconds < 60


def test_a_review_of_no_weight_gives_back_the_shipped_weights(site, tmp_path):
    """With the unreadable rows' first-order term the shipped weights are the optimum of the
    shipped objective on the rows at hand: nothing to learn, nothing moves (refitting on the
    readable rows alone would move arguing's weights by several units)."""
    from models.site import ReviewedSentence, fit_site_heads

    _, data, _, _ = site
    shutil.copytree(data / "labeller" / "cache", tmp_path / "labeller" / "cache")
    fit = fit_site_heads(
        [ReviewedSentence(POLITE[0], "arguing", False)], tmp_path, review_weight=0.0
    )
    assert fit.manifest["reviewed"]["by_label"]["arguing"]["iterations"] == 0
    new = read_heads(fit.directory / "heads" / HEADS_FILE)
    old = read_heads(default_heads_dir() / HEADS_FILE)
    for name in ("dense_weights", "ngram_weights", "word_weights", "bias"):
        assert np.array_equal(new[name], old[name]), name


def test_site_heads_fitted_on_other_shipped_heads_are_ignored(site, tmp_path, caplog):
    from qa.labeller import heads_dir_for

    _, data, _, _ = site
    (heads,) = site_heads(data)
    copy = tmp_path / "labeller" / heads.parent.name
    shutil.copytree(heads.parent, copy)
    assert heads_dir_for(tmp_path) == copy / "heads"
    manifest = json.loads((copy / MANIFEST_FILE).read_text(encoding="utf-8"))
    manifest["base"]["heads_sha256"] = "0" * 64  # an upgrade replaced the shipped heads
    (copy / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    assert site_heads(tmp_path) == []
    assert heads_dir_for(tmp_path) == default_heads_dir()
    assert "fitted on other shipped heads" in caplog.text
