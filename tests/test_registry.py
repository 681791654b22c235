"""The strategy registry: lookup, suggestions, filters, tags, isolation, plugins, parameters."""

import importlib
import importlib.metadata
import json
import math
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import cooptourney.registry as registry_module
from cooptourney import (
    REGISTRY,
    Match,
    Player,
    UnknownStrategyError,
    get_strategy,
    load_plugin,
    strategy,
)
from cooptourney.registry import (
    ENTRY_POINT_GROUP,
    RECIPROCITY_TAGS,
    Registry,
    StrategyDefinitionError,
)


@pytest.fixture
def restore_registry():
    """Undo any registrations a test makes in the global registry (so later tests see the
    usual strategy set and reuse the already compiled kernel)."""
    REGISTRY.ensure_loaded()
    before = dict(REGISTRY._specs)
    yield
    for name in [n for n in REGISTRY._specs if n not in before]:
        REGISTRY._remove(REGISTRY._specs[name])


# -- lookup ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,name",
    [
        ("tit for tat", "Tit For Tat"),
        ("TitForTat", "Tit For Tat"),
        ("TFT", "Tit For Tat"),
        ("tit-for-tat", "Tit For Tat"),
        ("  TIT_FOR  TAT ", "Tit For Tat"),
        ("gtft", "Generous Tit For Tat"),
        ("generous tit-for-tat", "Generous Tit For Tat"),
        ("win stay lose shift", "Win-Stay Lose-Shift"),
        ("pavlov", "Win-Stay Lose-Shift"),
        ("alld", "Defector"),
        ("grim trigger", "Grudger"),
    ],
)
def test_lookup_ignores_case_spacing_hyphens_and_knows_aliases(text, name):
    assert get_strategy(text).name == name
    assert text in REGISTRY


def test_unknown_name_suggests_close_names():
    with pytest.raises(UnknownStrategyError) as exc:
        get_strategy("Tit For Tatt")
    msg = str(exc.value)
    assert "'Tit For Tatt'" in msg  # names what was asked for
    assert "did you mean" in msg and "'Tit For Tat'" in msg


def test_unknown_name_substring_suggestions():
    with pytest.raises(UnknownStrategyError, match="Grudger"):
        get_strategy("grudg")


def test_unknown_name_without_suggestions_says_where_to_look():
    with pytest.raises(UnknownStrategyError, match="cooptourney list"):
        get_strategy("qqqqqqqqqqqq")


def test_hidden_strategies_not_suggested_or_listed():
    assert "Sequence Player" not in [s.name for s in REGISTRY.all()]
    assert "Sequence Player" in [s.name for s in REGISTRY.all(include_hidden=True)]
    with pytest.raises(UnknownStrategyError) as exc:
        get_strategy("Sequence Playr")
    assert "Sequence Player" not in str(exc.value)


# -- filters --------------------------------------------------------------------------------


def _partition_check(selected, criterion):
    """Every selected strategy meets the criterion and every other one does not."""
    names = {s.name for s in selected}
    for s in REGISTRY.all():
        assert criterion(s) == (s.name in names), s.name


def test_filter_by_reciprocity_tag():
    neg = REGISTRY.filter(reciprocity="negative")
    assert {"Anti Tit For Tat", "Bully"} <= {s.name for s in neg}
    _partition_check(neg, lambda s: s.reciprocity == "negative")
    both = REGISTRY.filter(reciprocity=["specific", "diffuse"])
    assert {"Tit For Tat", "Grudger", "Generous Tit For Tat"} <= {s.name for s in both}
    _partition_check(both, lambda s: s.reciprocity in ("specific", "diffuse"))


def test_filter_rejects_unknown_tag():
    with pytest.raises(ValueError, match=r"unknown reciprocity tag 'specfic'.*specific, diffuse"):
        REGISTRY.filter(reciprocity="specfic")


def test_filter_by_stochastic():
    sto = REGISTRY.filter(stochastic=True)
    assert {"Random", "Generous Tit For Tat"} <= {s.name for s in sto}
    assert "Tit For Tat" not in {s.name for s in sto}
    _partition_check(sto, lambda s: s.stochastic)
    _partition_check(REGISTRY.filter(stochastic=False), lambda s: not s.stochastic)


def test_filter_by_memory_depth():
    m1 = REGISTRY.filter(max_memory_depth=1)
    names = {s.name for s in m1}
    assert {"Cooperator", "Defector", "Tit For Tat", "Win-Stay Lose-Shift"} <= names
    assert "Grudger" not in names  # unbounded memory
    assert "Tit For 2 Tats" not in names  # reads two turns
    _partition_check(m1, lambda s: s.memory_depth <= 1)
    zero = {s.name for s in REGISTRY.filter(max_memory_depth=0)}
    assert {"Cooperator", "Defector"} <= zero and "Tit For Tat" not in zero


def test_filter_by_uses_game_and_combined():
    ug = REGISTRY.filter(uses_game=True)
    assert "Game Generous Tit For Tat" in {s.name for s in ug}
    assert "Generous Tit For Tat" not in {s.name for s in ug}  # 1/3 in every game
    _partition_check(ug, lambda s: s.uses_game)
    combo = REGISTRY.filter(reciprocity="unconditional", stochastic=False, max_memory_depth=0)
    assert {"Cooperator", "Defector"} <= {s.name for s in combo}
    _partition_check(combo, lambda s: s.reciprocity == "unconditional" and not s.stochastic and s.memory_depth <= 0)


# -- tags and docstrings ---------------------------------------------------------------------


@pytest.mark.parametrize("spec", REGISTRY.all(include_hidden=True), ids=lambda s: s.name)
def test_every_strategy_has_valid_tag_and_reason_line(spec):
    assert spec.reciprocity in RECIPROCITY_TAGS
    lines = [ln.strip() for ln in spec.doc.splitlines()]
    assert any(ln.startswith(f"{spec.reciprocity}: ") and len(ln) > len(spec.reciprocity) + 5 for ln in lines), (
        f"{spec.name}: docstring needs a line '{spec.reciprocity}: <reason>'"
    )
    assert spec.reason  # what the listing shows


def test_known_tags_of_reference_strategies():
    # docs/model.md, "Reciprocity": TFT is the purest specific reciprocity; GTFT extends credit (diffuse)
    assert get_strategy("TFT").reciprocity == "specific"
    assert get_strategy("GTFT").reciprocity == "diffuse"
    assert get_strategy("Cooperator").reciprocity == "unconditional"
    assert get_strategy("Bully").reciprocity == "negative"


def test_bad_tag_raises_and_names_the_allowed_tags():
    with pytest.raises(StrategyDefinitionError, match="reciprocity must be one of specific, diffuse, negative"):

        @strategy("Bad Tag Strategy", reciprocity="generous", registry=Registry())
        def bad(my, opp, t, state, params, info, rng):
            """other: x"""
            return 0

    assert "Bad Tag Strategy" not in REGISTRY


def test_non_param_parameter_declaration_raises():
    with pytest.raises(StrategyDefinitionError, match="must be a Param"):

        @strategy("Bad Param Strategy", reciprocity="other", params={"x": 0.5}, registry=Registry())
        def bad(my, opp, t, state, params, info, rng):
            """other: x"""
            return 0


def _fn(module):
    def step(my, opp, t, state, params, info, rng):
        return 0

    # a reason for whichever tag the test declares
    step.__doc__ = "A test stub.\n\n" + "\n".join(f"{tag}: a test stub." for tag in RECIPROCITY_TAGS)
    step.__module__ = module
    return step


def test_duplicate_name_from_another_module_raises():
    reg = Registry()
    strategy("Foo", reciprocity="other", registry=reg)(_fn("mod_a"))
    with pytest.raises(StrategyDefinitionError, match=r"'foo'.*already registered by 'Foo'"):
        strategy("foo", reciprocity="other", registry=reg)(_fn("mod_b"))
    assert reg._specs["Foo"].module == "mod_a"


def test_duplicate_alias_raises():
    reg = Registry()
    strategy("Foo", aliases=["F1"], reciprocity="other", registry=reg)(_fn("mod_a"))
    with pytest.raises(StrategyDefinitionError, match="already registered"):
        strategy("Bar", aliases=["f-1"], reciprocity="other", registry=reg)(_fn("mod_b"))
    with pytest.raises(StrategyDefinitionError, match="already registered"):
        strategy("Baz", aliases=["foo"], reciprocity="other", registry=reg)(_fn("mod_b"))
    assert "Bar" not in reg._specs and "Baz" not in reg._specs


def test_duplicate_of_a_bundled_name_or_alias_raises_in_global_registry():
    before = dict(REGISTRY._specs)
    with pytest.raises(StrategyDefinitionError, match="already registered by 'Tit For Tat'"):
        strategy("tit-for-tat", reciprocity="specific")(_fn("my_plugin"))
    with pytest.raises(StrategyDefinitionError, match="already registered by 'Generous Tit For Tat'"):
        strategy("My GTFT", aliases=["GTFT"], reciprocity="diffuse")(_fn("my_plugin"))
    assert REGISTRY._specs == before


def test_separate_registry_does_not_leak_into_global():
    reg = Registry()
    strategy("Private Strategy", aliases=["PRIV"], reciprocity="other", registry=reg)(_fn("private_mod"))
    assert reg._specs["Private Strategy"].name == "Private Strategy"
    assert "Private Strategy" not in REGISTRY and "PRIV" not in REGISTRY
    with pytest.raises(UnknownStrategyError):
        get_strategy("Private Strategy")
    assert "Private Strategy" not in [s.name for s in REGISTRY.all(include_hidden=True)]


# -- plugins ------------------------------------------------------------------------------------


def test_entry_point_plugin_is_loaded(tmp_path, monkeypatch):
    REGISTRY.ensure_loaded()  # bundled modules imported now, into the real registry
    modname = "cooptourney_test_ep_plugin"
    (tmp_path / f"{modname}.py").write_text(
        textwrap.dedent('''
        from cooptourney.strategy_api import C, strategy

        @strategy("Entry Point Strategy", aliases=["EPS"], reciprocity="other", memory_depth=0)
        def eps(my, opp, t, state, params, info, rng):
            """Always C.

            other: a plugin test stub.
            """
            return C
    ''')
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    fresh = Registry()
    # the decorator registers into the module-level REGISTRY; point it at the fresh one
    monkeypatch.setattr(registry_module, "REGISTRY", fresh)

    class FakeEntryPoint:
        name = "test-plugin"
        group = ENTRY_POINT_GROUP

        def load(self):
            return importlib.import_module(modname)

    groups = []

    def fake_entry_points(**kw):
        groups.append(kw.get("group"))
        return [FakeEntryPoint()] if kw.get("group") == ENTRY_POINT_GROUP else []

    monkeypatch.setattr(importlib.metadata, "entry_points", fake_entry_points)
    try:
        assert fresh.get("eps").name == "Entry Point Strategy"
        assert groups == [ENTRY_POINT_GROUP]
        assert "Entry Point Strategy" in fresh
    finally:
        sys.modules.pop(modname, None)
    assert "Entry Point Strategy" not in REGISTRY._specs  # the real registry never saw it


def test_load_plugin_registers_and_plays(tmp_path, restore_registry):
    path = tmp_path / "my-plugin.py"
    path.write_text(
        textwrap.dedent('''
        from cooptourney.strategy_api import C, D, strategy

        @strategy("Plugin Grumpy", aliases=["PLUGIN-GRUMPY"], reciprocity="negative", memory_depth=1)
        def grumpy(my, opp, t, state, params, info, rng):
            """Defects first, then defects after the partner cooperated and cooperates after D.

            negative: answers cooperation with defection.
            """
            if t == 0:
                return D
            return D if opp[t - 1] == C else C
    ''')
    )
    specs = load_plugin(path)
    assert [s.name for s in specs] == ["Plugin Grumpy"]
    assert get_strategy("plugin-grumpy").reciprocity == "negative"
    # Grumpy vs TFT, hand-derived: G: D, then !TFT[t-1]; TFT: C, then G[t-1]
    # t0: G D, T C; t1: G D (T was C), T D; t2: G C, T D; t3: G C, T C; t4: G D, T C; ...
    m = Match(("Plugin Grumpy", "Tit For Tat"), turns=8, seed=0)
    assert "".join(a for a, _ in m.play()) == "DDCCDDCC"
    assert "".join(b for _, b in m.play()) == "CDDCCDDC"
    # loading the same file again replaces, not duplicates
    assert [s.name for s in load_plugin(path)] == []
    assert get_strategy("Plugin Grumpy").name == "Plugin Grumpy"


def test_load_plugin_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_plugin(tmp_path / "nope.py")


# -- player parameters --------------------------------------------------------------------------


def test_player_parameters_by_keyword_and_text_agree():
    a = Player("GTFT", generosity=0.2)
    b = Player.parse("GTFT(generosity=0.2)")
    c = Player.parse("  generous tit for tat ( generosity = 0.2 ) ")
    for p in (a, b, c):
        assert p.spec.name == "Generous Tit For Tat"
        np.testing.assert_array_equal(p.param_values, [0.2])
    assert a == b == c and hash(a) == hash(b)
    assert a.name == b.name == "Generous Tit For Tat(generosity=0.2)"
    assert Player("GTFT", generosity=0.2) != Player("GTFT", generosity=0.3)


def test_same_value_as_text_or_number_gives_same_name():
    # "0.20" and 0.2 are one player; a default value spelled out is the plain strategy
    assert Player.parse("GTFT(generosity=0.20)").name == Player("GTFT", generosity=0.2).name
    assert Player.parse("Random(p=0.50)").name == Player("Random").name == "Random"
    assert Player.parse("Random(p=0.50)") == Player("Random")


def test_parameter_default_from_game_is_nan_and_name_is_plain():
    p = Player("GTFT")
    assert math.isnan(p.param_values[0])
    assert p.name == "Generous Tit For Tat"
    assert Player("Random", p=0.5).name == "Random"  # default value not shown


def test_parameter_changes_behaviour():
    # GTFT(generosity=1) always forgives: all C against a Defector; generosity=0 is TFT
    m = Match((Player("GTFT", generosity=1.0), "Defector"), turns=30, seed=3)
    assert all(a == "C" for a, _ in m.play())
    m = Match((Player.parse("GTFT(generosity=0)"), "Defector"), turns=30, seed=3)
    assert [a for a, _ in m.play()] == ["C"] + ["D"] * 29


def test_unknown_parameter_names_the_allowed_ones():
    with pytest.raises(ValueError, match=r"unknown parameter 'generositi'; allowed parameters: generosity"):
        Player("GTFT", generositi=0.2)
    with pytest.raises(ValueError, match=r"unknown parameter 'p'; allowed parameters: none"):
        Player.parse("TFT(p=0.1)")


@pytest.mark.parametrize("value", [1.5, -0.1, "2", math.nan])
def test_out_of_range_parameter_names_the_range(value):
    with pytest.raises(ValueError, match=r"generosity.*out of range; allowed is \[0\.0, 1\.0\]"):
        Player("GTFT", generosity=value)


def test_non_numeric_parameter_text():
    with pytest.raises(ValueError, match=r"parameter 'generosity' must be float, got 'lots'"):
        Player.parse("GTFT(generosity=lots)")
    with pytest.raises(ValueError, match="key=value"):
        Player.parse("GTFT(0.2)")


# -- tables and oracle claims ---------------------------------------------------------------


def test_table_constants_follow_the_declared_params_and_are_read_lazily(tmp_path, restore_registry):
    calls = []
    plugin = tmp_path / "table_plugin.py"
    plugin.write_text(
        textwrap.dedent('''
        from cooptourney.strategy_api import C, D, Param, strategy
        import table_calls

        def cycle():
            table_calls.calls.append(1)
            return [0, 0, 1, 1, 1]

        @strategy("Table Cycle Test", reciprocity="other", params={"offset": Param(int, 0, 0, 4)}, table=cycle)
        def step(my, opp, t, state, params, info, rng):
            """Plays the table's cycle from an offset.

            other: a test stub.
            """
            return C if params[1 + (t + int(params[0])) % 5] < 0.5 else D
    ''')
    )
    sys.modules["table_calls"] = type(sys)("table_calls")
    sys.modules["table_calls"].calls = calls
    (_spec,) = load_plugin(plugin)
    assert calls == []  # nothing read at registration
    m = Match((Player("Table Cycle Test", offset=2), Player("Cooperator")), turns=7)
    m.play()
    assert "".join("CD"[x] for x in m.moves[:, 0]) == "DDDCCDD"
    Player("Table Cycle Test")
    assert calls == [1]  # read once, on first use
    np.testing.assert_array_equal(Player("Table Cycle Test").param_values, [0, 0, 0, 1, 1, 1])


def test_non_finite_table_is_an_authors_error():
    reg = Registry()
    strategy("NaN Table", reciprocity="other", table=[0.0, math.nan], registry=reg)(_fn("mod_t"))
    with pytest.raises(StrategyDefinitionError, match="non-finite"):
        reg._specs["NaN Table"].table_values()


def test_oracle_claim_must_be_moves_or_statistics():
    with pytest.raises(StrategyDefinitionError, match="oracle must be 'moves', 'statistics' or None"):
        strategy("Bad Claim", reciprocity="other", oracle="yes", registry=Registry())(_fn("mod_c"))


# -- the library index ------------------------------------------------------------------------------
LIBRARY_PROBE = """
import json, sys
from cooptourney.registry import REGISTRY
found = [REGISTRY.get(n).name for n in sys.argv[1:]]
modules = sorted(m for m in sys.modules if m.startswith("cooptourney.strategies."))
print(json.dumps({"found": found, "modules": modules, "all": [s.name for s in REGISTRY.all(include_hidden=True)]}))
"""


def _probe(cache, *names):
    env = {**os.environ, "COOPTOURNEY_CACHE_DIR": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", LIBRARY_PROBE, *names], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout)


def test_library_index_is_complete_and_imports_only_the_modules_asked_for(tmp_path):
    """A full load writes the index; with it a name imports its own module (and what that
    module imports), and listing the registry afterwards gives the order of a full load."""
    REGISTRY.ensure_loaded()
    scratch = _probe(tmp_path)  # no index yet: a full load, which writes it
    # (this process's registry may hold test strategies, and modules imported in another
    # order, so the full load compared with is the new process's)
    library = {s.name for s in REGISTRY._specs.values() if s.module.startswith("cooptourney.strategies.")}
    assert library <= set(scratch["all"])
    index = json.loads(next((tmp_path / "registry").glob("*.json")).read_text())
    for spec in REGISTRY._specs.values():
        if spec.module.startswith("cooptourney.strategies."):  # every name and alias, to its own module
            for name in (spec.name, *spec.aliases):
                assert index["names"][registry_module.name_key(name)] == spec.module, name
    lazy = _probe(tmp_path, "tft", "Grudger")
    assert lazy["found"] == ["Tit For Tat", "Grudger"]
    assert lazy["all"] == scratch["all"]  # all() loads the rest, listed as a full load lists them
    lookup = _probe(tmp_path, "tft")
    assert lookup["modules"] == ["cooptourney.strategies.titfortat"]


def test_an_index_out_of_date_falls_back_to_a_full_load(tmp_path):
    full = _probe(tmp_path)  # a full load, which writes the index
    path = next((tmp_path / "registry").glob("*.json"))
    index = json.loads(path.read_text())
    index["names"]["titfortat"] = "cooptourney.strategies.grudger"  # as if TFT had moved
    del index["names"]["grudger"]
    path.write_text(json.dumps(index))
    probe = _probe(tmp_path, "Tit For Tat", "Grudger")
    assert probe["found"] == ["Tit For Tat", "Grudger"]
    assert probe["all"] == full["all"]
