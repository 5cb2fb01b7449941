"""Archives (qa/archive.py): manifests, call times, name patterns and folder discovery, without
models."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from qa.archive import NamePattern, discover, parse_call_time, read_manifest
from qa.errors import InputError
from tests.batch.files import PATTERN, touch


def test_manifest_rows_each_report_their_own_problem(tmp_path):
    touch(tmp_path / "a.wav", b"a" * 10)
    touch(tmp_path / "b.wav", b"b" * 11)
    touch(tmp_path / "sub" / "c.mp3", b"c" * 12)
    touch(tmp_path / "d.wav", b"d" * 13)
    (tmp_path / "calls.csv").write_text(
        "\ufeffPath;Agent ID;Call Time;Channel Layout;Agent Channel;Language;Campaign\n"
        "a.wav;ann;2026-02-14T09:30:00;stereo-agent-right;;en;spring\n"
        "missing.wav;bob;2026-02-14;;;;\n"
        "b.wav;ann;yesterday;quad;;;\n"
        "sub/c.mp3;cat;2026-02-15 10:00;mono;1;;\n"
        "a.wav;ann;2026-02-14;;;;\n"
        "b.wav;too;many;fields;;;;;\n"
        "\n"
        "# a comment line\n"
        "d.wav;dan;20260216T080000Z;;left;klingon;\n",
        encoding="utf-8",
    )
    items, problems = read_manifest(tmp_path / "calls.csv")
    assert [Path(i.path).name for i in items] == ["a.wav"]
    a = items[0]
    assert (a.agent_id, a.layout, a.agent_channel, a.language) == ("ann", "stereo", 1, "en")
    assert a.call_time == datetime(2026, 2, 14, 9, 30, tzinfo=UTC)
    assert a.meta == {"manifest": {"campaign": "spring"}} and a.where == "manifest line 2"
    by_line = {p.where: p.error for p in problems}
    assert set(by_line) == {f"manifest line {n}" for n in (3, 4, 5, 6, 7, 10)}
    assert "no such file" in by_line["manifest line 3"]
    assert "'yesterday' is not a date/time" in by_line["manifest line 4"]
    assert "channel layout 'quad'" in by_line["manifest line 4"]  # every problem of a row
    assert "agent channel is given but the layout is mono" in by_line["manifest line 5"]
    assert "the same file as manifest line 2" in by_line["manifest line 6"]
    assert "9 fields, but the header has 7" in by_line["manifest line 7"]
    assert "language must be a code" in by_line["manifest line 10"]


def test_manifest_that_cannot_be_read_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_manifest(tmp_path / "nope.csv")
    (tmp_path / "m.csv").write_text("agent,time\nann,2026-01-01\n")
    with pytest.raises(InputError, match="no 'path' column"):
        read_manifest(tmp_path / "m.csv")
    (tmp_path / "m.csv").write_bytes(b"path\n\xff\xfe.wav\n")
    with pytest.raises(InputError, match="not UTF-8"):
        read_manifest(tmp_path / "m.csv")
    (tmp_path / "m.csv").write_text("path,agent,agent_id\nx.wav,a,b\n")
    with pytest.raises(InputError, match="agent_id more than once"):
        read_manifest(tmp_path / "m.csv")


def test_a_broken_csv_row_does_not_stop_the_others(tmp_path):
    touch(tmp_path / "a.wav", b"a" * 10)
    touch(tmp_path / "b.wav", b"b" * 11)
    (tmp_path / "m.csv").write_text('path,agent\na.wav,ann\n"b.wav,bob\n', encoding="utf-8")
    items, problems = read_manifest(tmp_path / "m.csv")
    # The unterminated quote swallows the rest of the file: that row is reported, a.wav stays.
    assert [Path(i.path).name for i in items] == ["a.wav"]
    assert len(problems) == 1 and problems[0].where.startswith("manifest line")
    assert "not valid CSV" in problems[0].error


def test_call_times():
    assert parse_call_time("2026-02-14T09:30:00Z") == datetime(2026, 2, 14, 9, 30, tzinfo=UTC)
    assert parse_call_time("2026-02-14 09:30") == datetime(2026, 2, 14, 9, 30, tzinfo=UTC)
    assert parse_call_time("20260214T093000") == datetime(2026, 2, 14, 9, 30, tzinfo=UTC)
    assert parse_call_time("2026-02-14_09-30-00") == datetime(2026, 2, 14, 9, 30, tzinfo=UTC)
    assert parse_call_time("2026/02/14") == datetime(2026, 2, 14, tzinfo=UTC)
    # A time without an offset is in the given zone (London is UTC+1 in summer).
    assert parse_call_time("2026-07-01T10:00", "Europe/London") == datetime(2026, 7, 1, 9, tzinfo=UTC)
    given = parse_call_time("2026-07-01T10:00+02:00", "Europe/London")
    assert given.astimezone(UTC).hour == 8
    # The offset it was given with stays, for the call to record (calls.tz_offset).
    assert given.utcoffset().total_seconds() == 7200
    for bad in ("", "yesterday", "2026-13-01", "14/02/2026"):
        with pytest.raises(ValueError):
            parse_call_time(bad)
    with pytest.raises(InputError, match="unknown time zone"):
        parse_call_time("2026-01-01", "Mars/Olympus")


def test_name_patterns():
    p = NamePattern("{agent}_{date}-{time}_{id}.wav")
    assert p.match("/x/agent-ann_20260214-0930_c1.WAV") == {
        "agent_id": "agent-ann", "date": "20260214", "time": "0930", "id": "c1",
    }
    assert p.match("/x/agent-ann_20260214_c1.wav") is None
    q = NamePattern("{queue}/{agent}-{datetime}.*")
    assert q.match("/a/billing/bob-2026-02-14_09-30-00.mp3") == {
        "queue": "billing", "agent_id": "bob", "call_time": "2026-02-14_09-30-00",
    }
    for bad, why in (("plain.wav", "no {field}"), ("{a}_{a}.wav", "twice"), ("{a b}.wav", "not a field")):
        with pytest.raises(InputError, match=why):
            NamePattern(bad)


def test_discovery_walks_folders_merges_metadata_and_finds_duplicates(tmp_path):
    arch = tmp_path / "arch"
    touch(arch / "ann_20260214-0930_c1.wav", b"one" * 50)
    touch(arch / "q2" / "bob_20260215-101500_c2.flac", b"two" * 50)
    touch(arch / "q2" / "copy-of-c1.wav", b"one" * 50)  # same bytes as c1
    touch(arch / "nobody.mp3", b"three" * 40)
    touch(arch / "notes.txt", b"not audio")
    touch(arch / ".hidden.wav", b"hidden" * 9)
    touch(arch / "bad_20261399-0000_c9.wav", b"four" * 33)
    (tmp_path / "m.csv").write_text("path,agent\narch/nobody.mp3,carol\n")
    d = discover([arch], manifest=tmp_path / "m.csv", name_pattern=PATTERN, timezone="UTC")
    names = {Path(i.path).name: i for i in d.items}
    assert set(names) == {"nobody.mp3", "ann_20260214-0930_c1.wav", "bob_20260215-101500_c2.flac"}
    assert names["nobody.mp3"].agent_id == "carol"  # the manifest's metadata
    c1 = names["ann_20260214-0930_c1.wav"]
    assert (c1.agent_id, c1.call_time, c1.call_time_source) == (
        "ann", datetime(2026, 2, 14, 9, 30, tzinfo=UTC), "file name",
    )
    assert c1.meta == {"name": {"id": "c1"}}
    assert names["bob_20260215-101500_c2.flac"].call_time == datetime(2026, 2, 15, 10, 15, tzinfo=UTC)
    assert [(Path(a.path).name, Path(b).name) for a, b in d.duplicates] == [
        ("copy-of-c1.wav", "ann_20260214-0930_c1.wav")
    ]
    assert [Path(u).name for u in d.unmatched] == []  # copy-of-c1 is a duplicate, not scored
    assert [(Path(p.path).name, p.where) for p in d.problems] == [("bad_20261399-0000_c9.wav", "file name")]
    assert d.total == 5
    with pytest.raises(InputError, match="no such file or folder"):
        discover([tmp_path / "typo"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no audio files found"):
        discover([tmp_path / "empty"])


def test_manifest_agent_channel_auto_and_bad_values(tmp_path):
    touch(tmp_path / "a.wav", b"a" * 10)
    touch(tmp_path / "b.wav", b"b" * 11)
    (tmp_path / "calls.csv").write_text(
        "path,agent_id,agent_channel\na.wav,ann,auto\nb.wav,bob,both\n", encoding="utf-8"
    )
    items, problems = read_manifest(tmp_path / "calls.csv")
    assert [(Path(i.path).name, i.agent_channel) for i in items] == [("a.wav", "auto")]
    assert "must be 0 (left), 1 (right) or auto" in problems[0].error
