"""A batch file whose bytes are already another agent's call is reported as a duplicate, not
scored into (or silently attributed to) that call; under the same agent it is skipped or
scored as before. Real worker state (store and labeller), real SQLite; no ASR is reached."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from qa.archive import BatchItem
from qa.batch.results import BatchReport
from qa.batch.run import _settings
from qa.batch.tasks import score_file
from qa.batch.worker import WorkerState
from qa.cli.summary import format_summary
from qa.store import Store
from tests.conftest import tone, write_wav


def test_same_bytes_under_another_agent_are_reported_not_attributed(tmp_path):
    db, data = f"sqlite:///{tmp_path / 'qa.db'}", tmp_path / "data"
    wav = write_wav(tmp_path / "a.wav", np.stack([tone(1.0, 300.0), tone(1.0, 450.0)]))
    with Store.open(db, data_dir=data) as store:
        sha, _ = store.files.put(wav, filename="a.wav")
        cid = store.calls.add(sha, agent_id="ann", call_time=datetime(2026, 3, 2, tzinfo=UTC))
    state = WorkerState(_settings(db, data, None, None, 1))
    try:
        got = score_file(BatchItem(path=str(wav), agent_id="bob", where="manifest line 2"), state)
        assert (got.status, got.call_id, got.agent_id, got.duplicate_of) == ("duplicate", cid, "ann", f"call {cid}")
        assert "agent ann" in got.error and "not bob" in got.error
        assert state.store.calls.get(cid).agent_id == "ann"
        assert [a.id for a in state.store.calls.agents()] == ["ann"]
        assert state.store.jobs.list() == [] and state.store.calls.get(cid).score is None
    finally:
        state.close()
    report = BatchReport(results=(got,), seconds=1.0, engine="local", workers=1, threads=1, total=1)
    text = format_summary(report)
    assert "duplicate" in text and f"call {cid}" in text and "not bob" in text
