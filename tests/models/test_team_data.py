"""The team's written training/dev lines (``models/data/team/*.jsonl``): schema, provenance, and
clear errors (file name and line number) on a malformed line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from models.data import build_data
from models.data.build_data import LANGUAGES, SOURCE, SPLITS, SourceError, read_source, source_path
from qa.labeller import LABELS


def test_every_source_file_is_valid_and_nothing_else_is_there():
    files = {source_path(lang, split) for lang in LANGUAGES for split in SPLITS}
    assert set(build_data.TEAM_DIR.glob("*.jsonl")) == files
    for lang in LANGUAGES:
        for split in SPLITS:
            rows = read_source(source_path(lang, split), lang, split)
            assert len(rows) >= 150, (lang, split)
            assert {r["language"] for r in rows} == {lang}
            assert {r["split"] for r in rows} == {split}
            assert {r["source"] for r in rows} == {SOURCE}
            assert {lab for r in rows for lab in r["labels"]} == set(LABELS)
            assert {r["role"] for r in rows} == {"agent", "customer"}


def test_provenance_batches_and_sections_are_kept():
    en = read_source(source_path("en", "train"), "en", "train")
    batches = list(dict.fromkeys(r["batch"] for r in en))
    assert batches[0] == "original list (2026-11)"
    assert any("fourth batch" in b for b in batches) and len(batches) == 5
    assert en[0]["section"] == "empathy (agent)"
    dev = read_source(source_path("ko", "dev"), "ko", "dev")
    assert {r["batch"] for r in dev} == {"dev list (2026-11), written separately from the training lists"}
    notes = [r for r in en if "note" in r]
    assert notes and all(r["note"].strip() for r in notes)


def _good_lines() -> list[str]:
    return source_path("en", "train").read_text(encoding="utf-8").splitlines()[:3]


def _with_line2(tmp_path: Path, change) -> Path:
    lines = _good_lines()
    obj = json.loads(lines[1])
    new = change(obj)
    lines[1] = new if isinstance(new, str) else json.dumps(new, ensure_ascii=False)
    path = tmp_path / "train_en.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _set(key, value):
    def change(obj):
        obj[key] = value
        return obj
    return change


def _drop(key):
    def change(obj):
        del obj[key]
        return obj
    return change


MALFORMED = [
    ("not-json", lambda obj: '{"text": "Oops", "language": "en",', "not valid JSON"),
    ("not-object", lambda obj: json.dumps([obj]), "expected a JSON object, got list"),
    ("missing-role", _drop("role"), "missing role"),
    ("missing-batch", _drop("batch"), "missing batch"),
    ("unknown-key", _set("lables", ["empathy"]), "unknown keys lables"),
    ("unknown-label", _set("labels", ["sarcasm"]), "unknown labels ['sarcasm']"),
    ("label-order", _set("labels", ["apology", "empathy"]), "out of order"),
    ("label-repeat", _set("labels", ["empathy", "empathy"]), "repeat or are out of order"),
    ("labels-string", _set("labels", "empathy"), "labels must be a list"),
    ("other-language", _set("language", "zh"), "language 'zh' in the 'en' file"),
    ("unknown-language", _set("language", "fr"), "language 'fr'"),
    ("other-split", _set("split", "dev"), "split 'dev' in the 'train' file"),
    ("bad-role", _set("role", "supervisor"), "role 'supervisor'"),
    ("other-source", _set("source", "copied from a dataset"), "source 'copied from a dataset'"),
    ("empty-text", _set("text", "  "), "text must be"),
    ("padded-text", _set("text", "Okay. "), "text must be"),
    ("two-line-text", _set("text", "Okay.\nRight."), "text must be"),
    ("line-separator-in-text", _set("text", "Okay.\u2028Right."), "text must be"),
    ("empty-note", _set("note", ""), "note must be a non-empty string"),
    ("empty-section", _set("section", None), "section must be a non-empty string"),
]


@pytest.mark.parametrize(("change", "message"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_a_malformed_line_is_named_by_file_and_line(tmp_path, change, message):
    path = _with_line2(tmp_path, change)
    with pytest.raises(SourceError) as err:
        read_source(path, "en", "train")
    assert f"{path}:2: " in str(err.value)
    assert message in str(err.value)
    assert ":1:" not in str(err.value) and ":3:" not in str(err.value)


def test_the_good_lines_pass_and_blank_lines_are_skipped(tmp_path):
    path = tmp_path / "train_en.jsonl"
    path.write_text("\n".join(_good_lines()[:1] + ["", *_good_lines()[1:]]) + "\n", encoding="utf-8")
    rows = read_source(path, "en", "train")
    assert [r["text"] for r in rows] == [json.loads(x)["text"] for x in _good_lines()]


def test_every_bad_line_of_a_file_is_reported(tmp_path):
    lines = _good_lines()
    lines[0] = lines[0].replace('"role": "agent"', '"role": "boss"')
    lines[2] = "not json"
    path = tmp_path / "train_en.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        read_source(path, "en", "train")
    assert str(err.value).splitlines() == [
        f"{path}:1: role 'boss' is not one of agent, customer",
        f"{path}:3: not valid JSON (Expecting value, column 1)",
    ]


@pytest.fixture
def team_copy(tmp_path, monkeypatch) -> Path:
    team = tmp_path / "team"
    shutil.copytree(build_data.TEAM_DIR, team)
    monkeypatch.setattr(build_data, "TEAM_DIR", team)
    return team


def test_the_build_stops_on_a_malformed_line_with_its_place(team_copy, capsys):
    path = team_copy / "dev_ko.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[41] = lines[41].replace('"labels": [', '"labels": ["rudeness", ', 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"dev_ko\.jsonl:42: unknown labels \['rudeness'\]"):
        build_data.build()
    assert build_data.main(["--check"]) == 1
    assert "dev_ko.jsonl:42: unknown labels" in capsys.readouterr().err


def test_the_build_stops_on_a_missing_or_stray_file(team_copy):
    (team_copy / "dev_ms.jsonl").rename(team_copy / "dev_my.jsonl")
    with pytest.raises(SourceError, match=r"not a source file .*: dev_my\.jsonl"):
        build_data.build()
    (team_copy / "dev_my.jsonl").unlink()
    with pytest.raises(SourceError, match=r"dev_ms\.jsonl: cannot read"):
        build_data.build()

