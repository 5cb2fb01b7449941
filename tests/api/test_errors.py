"""Errors are JSON with a code and a message: unknown things are 404, bad queries 422."""

from __future__ import annotations

from tests.api.conftest import h


def test_unknown_things_are_404_and_bad_queries_422(api):
    client, _store, keys = api
    key = h(keys["supervisor"])
    for path in ("/v1/calls/nope", "/v1/calls/nope/audio", "/v1/agents/nobody", "/v1/agents/nobody/scorecard", "/v1/jobs/nope"):
        r = client.get(path, headers=key)
        assert r.status_code == 404, path
        assert r.json()["error"] == "not_found" and r.json()["message"], path
    assert client.get("/v1/nothing-here", headers=key).status_code == 404
    for path, needle in (
        ("/v1/calls?from=2026-13-01", "from"),
        ("/v1/calls?to=last%20tuesday", "to"),
        ("/v1/calls?limit=0", "limit"),
        ("/v1/calls?min_score=101", "min_score"),
        ("/v1/agents?sort=height", "sort"),
        ("/v1/jobs?status=sleeping", "status"),
    ):
        r = client.get(path, headers=key)
        assert r.status_code == 422, path
        assert needle in r.json()["message"], (path, r.json())
