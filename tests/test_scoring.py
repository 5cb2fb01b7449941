"""The rubric registry, the configuration file and how sub-scores combine."""

from dataclasses import dataclass

import pytest

from qa import rubrics
from qa.config import ItemConfig, RubricConfig, load_rubric_config
from qa.errors import InputError
from qa.rubrics import registry
from qa.scoring import combine, score_call
from qa.types import Call, RubricResult, Span, Utterance


@dataclass(frozen=True)
class _Opts:
    threshold: float = 0.5


@pytest.fixture
def temp_rubric():
    """Register a rubric for one test and remove it afterwards."""
    names = []

    def add(name, func, **kw):
        kw = {"title": name.capitalize(), "outcomes": ("pass", "fail"), "passing": ("pass",), **kw}
        rubrics.register(name, options=_Opts, version="t1", **kw)(func)
        names.append(name)

    yield add
    for n in names:
        registry._REGISTRY.pop(n, None)


def _call():
    u = Utterance("u000", "agent", Span(0, 1), "hello", language="en")
    return Call("c", "ann", 2.0, "stereo", (u,))


def test_unknown_rubric_lists_the_available_ones(temp_rubric):
    temp_rubric("demo_item", lambda call, o, ctx: RubricResult("demo_item", "t1", "pass", 100.0))
    with pytest.raises(InputError, match="unknown rubric item 'nope'.*demo_item"):
        rubrics.get("nope")


def test_options_accept_dict_and_reject_unknown_fields(temp_rubric):
    seen = {}

    def fn(call, opts, ctx):
        seen["t"] = opts.threshold
        return RubricResult("demo_item", "t1", "pass", 80.0, options={"threshold": opts.threshold})

    temp_rubric("demo_item", fn)
    spec = rubrics.get("demo_item")
    spec(_call(), {"threshold": 0.9})
    assert seen["t"] == 0.9
    with pytest.raises(InputError, match="unknown _Opts field"):
        spec(_call(), {"treshold": 0.9})


def test_weighted_mean_and_uncertain_left_out():
    cfg = RubricConfig(items={"a": ItemConfig(weight=3), "b": ItemConfig(weight=1)})
    results = (
        RubricResult("a", "1", "pass", 100.0),
        RubricResult("b", "1", "fail", 0.0),
        RubricResult("c", "1", "uncertain", None),
    )
    score, capped = combine(results, cfg)
    assert score == 75.0 and capped == ()


def test_critical_failure_caps_the_call():
    cfg = RubricConfig(
        critical_cap=40, items={"a": ItemConfig(weight=1), "b": ItemConfig(weight=1, critical=True, critical_below=50)}
    )
    score, capped = combine((RubricResult("a", "1", "pass", 100.0), RubricResult("b", "1", "x", 45.0)), cfg)
    assert score == 40 and capped == ("b",)


def test_nothing_counted_gives_no_score():
    assert combine((RubricResult("a", "1", "uncertain", None),), RubricConfig()) == (None, ())


def test_score_call_runs_registered_items_with_configured_options(temp_rubric, tmp_path):
    temp_rubric(
        "demo_item",
        lambda call, o, ctx: RubricResult("demo_item", "t1", "pass", 100 * o.threshold, options={"threshold": o.threshold}),
    )
    cfg_file = tmp_path / "rubric.toml"
    cfg_file.write_text('version = "lead-1"\n[items.demo_item]\nweight = 2\n[items.demo_item.options]\nthreshold = 0.7\n')
    result = score_call(_call(), str(cfg_file))
    assert result.result("demo_item").score == pytest.approx(70.0)
    assert result.rubric_version.startswith("lead-1+")
    assert result.rubric_version == load_rubric_config(cfg_file).full_version


def test_full_version_is_the_version_and_the_settings_digest():
    cfg = load_rubric_config()
    assert cfg.full_version == f"{cfg.version}+{cfg.digest}"
    heavier = RubricConfig(version=cfg.version, items={**cfg.items, "arguing": ItemConfig(weight=9)})
    assert heavier.full_version.split("+")[0] == cfg.version
    assert heavier.full_version != cfg.full_version  # an edited weight is another rubric version


def test_shipped_configuration_loads():
    cfg = load_rubric_config()
    assert {"interruption", "arguing", "last_word", "empathy_before_apology", "resolution"} <= set(cfg.items)


@pytest.mark.parametrize(
    "text,match",
    [
        ("version = \n", "not valid TOML"),
        ("[items.a]\nweight = -1\n", "weight must be >= 0"),
        ("[items.a]\nwieght = 1\n", "unknown ItemConfig field"),
    ],
)
def test_bad_configuration_files(tmp_path, text, match):
    p = tmp_path / "r.toml"
    p.write_text(text)
    with pytest.raises(InputError, match=match):
        load_rubric_config(p)


def test_missing_configuration_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_rubric_config(tmp_path / "missing.toml")
