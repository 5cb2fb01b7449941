"""The rubric registry: each item's title, outcomes and passing outcomes live in its registration.

The constants the store and the pages still hold (``PASS_OUTCOMES``, ``RUBRIC_LABELS``,
``OUTCOME_CHOICES``) must equal what the registry says, so they can be replaced by registry calls.
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


def test_titles_and_labels_equal_the_pages_labels():
    from api.pages import RUBRIC_LABELS

    assert rubrics.page_labels() == RUBRIC_LABELS
    assert list(rubrics.page_labels()) == list(RUBRIC_LABELS)  # the same order
    assert rubrics.titles() == {name: title for name, (title, _, _) in RUBRIC_LABELS.items()}


def test_outcome_choices_equal_the_pages_outcome_filter():
    from api.pages import OUTCOME_CHOICES

    assert rubrics.outcome_choices() == OUTCOME_CHOICES


def test_outcomes_as_rubric_md_lists_them():
    assert rubrics.outcomes("empathy_before_apology") == (
        "pass", "apology_first", "no_empathy", "no_apology", "neither"
    )
    assert rubrics.outcomes("resolution") == ("specific", "vague", "none")
    assert rubrics.outcomes("interruption") == ("pass", "interrupted", "uncertain")
    assert {"argument", "last_word", "vague", "none", "uncertain"} <= rubrics.all_outcomes()
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
