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


def test_one_table_maps_every_error_the_most_specific_row_first():
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    from api.deps import Forbidden, NotSignedIn
    from api.errors import PageError, problem_for
    from qa.errors import AudioError, InputError, ModelError, QAError
    from qa.store import NotFound, TooLarge

    cases = [
        (NotFound("no call x"), 404, "no call x"),  # a QAError, but not a 503
        (TooLarge("too big"), 413, "too big"),  # an InputError, but not a 422
        (InputError("date_from is after date_to"), 422, "from is after to"),
        (AudioError("a.wav: not a readable audio file (x)"), 415, "a.wav: not a readable audio file (x)"),
        (AudioError("a.wav: truncated"), 422, "a.wav: truncated"),
        (ModelError("no model"), 503, "no model"),
        (QAError("database down"), 503, "database down"),
        (NotSignedIn(expired=True), 401, "the API key is not valid or was revoked"),
        (Forbidden("supervisor", ("admin",)), 403, "the role 'supervisor' may not do this (needs admin)"),
        (HTTPException(405, "Method Not Allowed"), 405, "Method Not Allowed"),
        (RequestValidationError([{"loc": ("query", "limit"), "msg": "too small", "type": "x"}]), 422, "limit: too small"),
        (PageError(422, "Bad period", "from is not a date"), 422, "from is not a date"),
        (KeyError("bug"), 500, "internal error; the server log has the details"),
    ]  # fmt: skip
    for exc, status, message in cases:
        problem = problem_for(exc)
        assert (problem.status, problem.message) == (status, message), exc
        assert problem.bug == (status == 500), exc
    assert problem_for(NotSignedIn(expired=False)).headers == {"WWW-Authenticate": "Bearer"}
    # A page words some problems for a person: the role names as the pages write them.
    forbidden = problem_for(Forbidden("qa_lead", ("supervisor", "admin")))
    assert forbidden.title == "Not for your role"
    assert forbidden.page_message == "Your role (QA lead) can't open this page; it needs supervisor or admin."
    assert problem_for(PageError(422, "Bad period", "x")).title == "Bad period"
