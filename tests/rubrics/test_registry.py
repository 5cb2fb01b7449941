"""The rubric registry: each item's title, outcomes and passing outcomes live in its registration.

The pages hold no list of items of their own: their titles, columns and outcome filter are the
registry's (an item registered in a test shows up on them).
"""

from __future__ import annotations

import pytest

from qa import rubrics
from qa.errors import InputError
from qa.rubrics import registry
from qa.types import Call, RubricResult, Span, Utterance

BUILTIN = ("interruption", "arguing", "last_word", "empathy_before_apology", "resolution")


@pytest.fixture
def temp_item():
    """Register items for one test and remove them afterwards."""
    names: list[str] = []

    def add(name, func, **kw):
        kw = {"options": dict, "version": "t1", "title": "Demo", **kw}
        rubrics.register(name, **kw)(func)
        names.append(name)

    yield add
    for n in names:
        registry._REGISTRY.pop(n, None)


def _call() -> Call:
    return Call("c", "ann", 2.0, "stereo", (Utterance("u000", "agent", Span(0, 1), "hello", language="en"),))


def test_builtin_items_in_display_order():
    assert tuple(rubrics.available()) == BUILTIN


def test_passing_outcomes_are_the_rubrics_passes():
    # RUBRIC.md: "pass" for interruption, arguing, last word, empathy-before-apology;
    # "specific" for offered resolution. The store and the pages read this.
    assert rubrics.passing_outcomes() == frozenset({"pass", "specific"})


# How the pages named the items and their outcomes before the registry held them.
PAGE_LABELS = {
    "interruption": ("Interruption", "Interrupt.", "Don't cut the customer off"),
    "arguing": ("Arguing", "Arguing", "Never argue with the customer"),
    "last_word": ("Last word", "Last word", "Don't score a point off the customer"),
    "empathy_before_apology": ("Empathy before apology", "Empathy", "Listen, empathise, then apologise"),
    "resolution": ("Offered resolution", "Resolution", "Lead to a solution and commit to it"),
}
OUTCOME_CHOICES = (
    ("pass", "any item passed"),
    ("interruption:interrupted", "Interruption: interrupted"),
    ("interruption:uncertain", "Interruption: uncertain"),
    ("arguing:arguing", "Arguing: arguing"),
    ("last_word:last_word", "Last word: last word"),
    ("empathy_before_apology:apology_first", "Empathy: apology first"),
    ("empathy_before_apology:no_empathy", "Empathy: no empathy"),
    ("empathy_before_apology:no_apology", "Empathy: no apology"),
    ("empathy_before_apology:neither", "Empathy: neither"),
    ("resolution:specific", "Resolution: specific"),
    ("resolution:vague", "Resolution: vague"),
    ("resolution:none", "Resolution: none"),
)


def test_titles_and_labels_are_the_pages_labels():
    assert rubrics.page_labels() == PAGE_LABELS
    assert list(rubrics.page_labels()) == list(PAGE_LABELS)  # the same order
    assert rubrics.titles() == {name: title for name, (title, _, _) in PAGE_LABELS.items()}


def test_outcome_choices_are_the_pages_outcome_filter():
    assert rubrics.outcome_choices() == OUTCOME_CHOICES


def test_the_pages_take_items_from_the_registry(temp_item, tmp_path):
    """An item registered now has its column on the agents page, its outcomes in the calls
    filter and its title and description on a call's page."""
    from datetime import UTC, datetime

    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.deps import COOKIE
    from api.settings import Settings
    from qa.store import Store
    from qa.types import CallScore

    temp_item(
        "demo_item",
        lambda c, o, x: RubricResult("demo_item", "t1", "kept", 100.0),
        outcomes=("kept", "lost"),
        passing=("kept",),
        title="Demo widget",
        short_title="Demo item",
        column_title="Demo col",
        about="Keep the demo going",
    )
    with Store.open(f"sqlite:///{tmp_path}/qa.db", data_dir=tmp_path / "data") as store:
        sha, _ = store.files.put(b"RIFF" + b"\x01" * 64, filename="a.wav")
        cid = store.calls.add(sha, agent_id="ann", call_time=datetime(2026, 3, 2, tzinfo=UTC))
        result = RubricResult("demo_item", "t1", "lost", 0.0)
        store.calls.save_score(cid, CallScore(cid, 0.0, (result,), "r1"), labeller_version="l1")
        app = create_app(Settings(warm_models=False, job_workers=0), store=store)
        with TestClient(app, follow_redirects=False) as client:
            client.cookies.set(COOKIE, store.keys.create("supervisor"))
            calls = client.get("/calls").text
            assert '<option value="demo_item:lost">Demo item: lost</option>' in calls
            assert '<option value="resolution:vague">Resolution: vague</option>' in calls
            agents = client.get("/agents")
            assert agents.status_code == 200
            assert 'data-sort="rate:demo_item"' in agents.text and "Demo col" in agents.text
            assert 'aria-label="Demo widget pass rate"' in agents.text
            assert client.get("/agents?sort=rate:demo_item&order=desc").status_code == 200
            call = client.get(f"/calls/{cid}").text
            assert "Demo widget" in call and "Keep the demo going" in call


def test_outcomes_as_rubric_md_lists_them():
    assert rubrics.outcomes("empathy_before_apology") == (
        "pass", "apology_first", "no_empathy", "no_apology", "neither"
    )
    assert rubrics.outcomes("resolution") == ("specific", "vague", "none")
    assert rubrics.outcomes("interruption") == ("pass", "interrupted", "uncertain")
    assert {"arguing", "last_word", "vague", "none", "uncertain"} <= rubrics.all_outcomes()
    assert "argument" not in rubrics.all_outcomes()  # one name per outcome (was "argument")
    assert rubrics.passing_outcomes() < rubrics.all_outcomes()


def test_unknown_item_lists_the_available_ones():
    with pytest.raises(InputError, match=r"unknown rubric item 'nope'; available: interruption, arguing"):
        rubrics.outcomes("nope")


@pytest.mark.parametrize(
    "outcomes,passing,match",
    [
        ((), (), "not empty"),
        (("pass", "pass"), ("pass",), "distinct"),
        (("pass", "fail"), ("ok",), r"passing outcomes \['ok'\] are not among"),
    ],
)
def test_register_checks_outcomes(outcomes, passing, match):
    with pytest.raises(ValueError, match=match):
        rubrics.register("bad_item", options=dict, version="1", title="Bad", outcomes=outcomes, passing=passing)
    assert "bad_item" not in rubrics.available()


def test_titles_default_to_the_title(temp_item):
    temp_item("demo_item", lambda c, o, x: RubricResult("demo_item", "t1", "pass", 1.0), outcomes=("pass",), passing=("pass",))
    spec = rubrics.get("demo_item")
    assert (spec.short_title, spec.column_title) == ("Demo", "Demo")
    assert rubrics.page_labels()["demo_item"] == ("Demo", "Demo", "")
    assert ("demo_item:pass", "Demo: pass") not in rubrics.outcome_choices()  # "pass" is the first choice


def test_an_unregistered_outcome_is_an_error(temp_item):
    temp_item(
        "demo_item",
        lambda c, o, x: RubricResult("demo_item", "t1", "maybe", 50.0),
        outcomes=("pass", "fail"),
        passing=("pass",),
    )
    with pytest.raises(RuntimeError, match="outcome 'maybe', not one of its registered outcomes"):
        rubrics.get("demo_item")(_call())


def test_a_new_items_passing_outcome_joins_the_union(temp_item):
    temp_item(
        "demo_item",
        lambda c, o, x: RubricResult("demo_item", "t1", "kept", 100.0),
        outcomes=("kept", "lost"),
        passing=("kept",),
        short_title="Demo item",
    )
    assert rubrics.passing_outcomes() == {"pass", "specific", "kept"}
    assert rubrics.outcome_choices()[-2:] == (("demo_item:kept", "Demo item: kept"), ("demo_item:lost", "Demo item: lost"))
