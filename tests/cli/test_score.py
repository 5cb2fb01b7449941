"""``qa score`` as a user runs it."""

import json

from tests.cli.run import qa


def test_score_prints_transcript_and_results_section(two_party_wav):
    res = qa("score", two_party_wav, "--agent", "sam", "--json", "-q")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["call"]["agent_id"] == "sam"
    assert "results" in data["score"] and "rubric_version" in data["score"]
