"""Plugins: a plugin's step cannot crash the process or corrupt a result, and a malformed
plugin is refused on one line naming the file and the strategy.

The bad plugins are data (tests/plugin_cases.py): each is written to a file, loaded, and
played against the same partner; the outcome is the exact exception class with a message
naming the strategy (and, for a fault while playing, its partner and the turn).
"""

import hashlib
import math
import textwrap
from pathlib import Path

import numpy as np
import pytest
from plugin_cases import CASES, PARTNER, TURNS

import cooptourney.registry as registry_module
from cooptourney import REGISTRY, Match, Player, Tournament, get_strategy, load_plugin
from cooptourney.core import dispatch
from cooptourney.core import layout as L
from cooptourney.registry import Registry, StrategyDefinitionError, StrategyRuntimeError, strategy


@pytest.fixture
def fresh_registry():
    """Undo every registration a test makes in the global registry, replaced ones too."""
    REGISTRY.ensure_loaded()
    specs, index = dict(REGISTRY._specs), dict(REGISTRY._index)
    yield
    REGISTRY._specs, REGISTRY._index = specs, index


def _write(tmp_path, source, name="plugin.py"):
    path = tmp_path / name
    path.write_text(source)
    return path


#: the exception classes the cases name
CLASSES = {
    "StrategyDefinitionError": StrategyDefinitionError,
    "StrategyRuntimeError": StrategyRuntimeError,
    "SyntaxError": SyntaxError,
    "RuntimeError": RuntimeError,
}


def _one_line(exc) -> str:
    text = str(exc)
    assert "\n" not in text.strip(), text
    return text


# -- every bad plugin, by its outcome -----------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_bad_plugin_is_refused_with_one_clear_line(case, tmp_path, fresh_registry):
    path = _write(tmp_path, case.source, "bad_plugin.py")
    before = set(REGISTRY._specs)
    if case.stage == "load":
        with pytest.raises(Exception) as info:
            load_plugin(path)
        assert type(info.value) is CLASSES[case.error]
        message = _one_line(info.value)
        assert case.fragment in message
        if case.error == "StrategyDefinitionError":
            assert str(path) in message  # names the file
            if case.name is not None:
                assert repr(case.name) in message
        assert set(REGISTRY._specs) == before  # nothing of the file is registered
        return
    (spec,) = load_plugin(path)
    assert spec.checked
    with pytest.raises(Exception) as info:
        Tournament([case.name, PARTNER], turns=TURNS, repetitions=2, seed=1).play()
    assert type(info.value) is CLASSES[case.error]
    message = _one_line(info.value)
    assert case.fragment in message
    assert repr(case.name) in message
    if case.error == "StrategyDefinitionError":
        assert str(path) in message
    else:
        assert f"against {PARTNER!r}" in message
        assert f"on turn {case.turn} " in message or f"on turn {case.turn};" in message


def test_a_fault_is_reported_by_match_and_by_the_command_line(tmp_path, fresh_registry, capsys):
    from cooptourney.cli import main

    case = next(c for c in CASES if c.id == "returns 2")
    path = _write(tmp_path, case.source, "two.py")
    load_plugin(path)
    with pytest.raises(StrategyRuntimeError, match=r"'Bad Step' returned 2 on turn 3 against 'Grudger'"):
        Match(("Bad Step", "Grudger"), turns=TURNS, seed=1).play()
    # as the second player, under noise (another turn loop): the same turn
    with pytest.raises(StrategyRuntimeError, match=r"'Bad Step' returned 2 on turn 3 against 'Defector'"):
        Tournament(["Defector", "Bad Step"], turns=TURNS, noise=0.3, repetitions=3, seed=2).play()
    capsys.readouterr()
    code = main(["run", "--plugin", str(path), "-p", "Bad Step", "Defector", "--turns", "8", "--no-progress"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and "returned 2 on turn 3" in err


def test_a_fault_in_multilateral_mode_names_the_turn(tmp_path, fresh_registry):
    from cooptourney.multilateral import MultilateralTournament

    case = next(c for c in CASES if c.id == "reads opp[t + 1]")
    load_plugin(_write(tmp_path, case.source, "ahead.py"))
    with pytest.raises(
        StrategyRuntimeError, match=r"'Bad Step' raised an exception in its step, first on turn 2 against"
    ):
        MultilateralTournament(["Bad Step", "Tit For Tat", "Defector"], turns=6, repetitions=1, seed=1).play()


def test_a_plugin_that_fails_part_way_registers_nothing(tmp_path, fresh_registry):
    good = textwrap.dedent('''
        from cooptourney.strategy_api import C, strategy

        @strategy("First Of Two", reciprocity="unconditional", memory_depth=0)
        def first(my, opp, t, state, params, info, rng):
            """Always C.

            unconditional: cooperates whatever happens.
            """
            return C
    ''')
    path = _write(tmp_path, good + "\nraise RuntimeError('then it breaks')\n")
    with pytest.raises(RuntimeError, match="then it breaks"):
        load_plugin(path)
    assert "First Of Two" not in REGISTRY
    path.write_text(good)
    assert [s.name for s in load_plugin(path)] == ["First Of Two"]
    # loading the same file again replaces its strategies: that is not a duplicate
    assert load_plugin(path) == [] and "First Of Two" in REGISTRY


# -- checked mode changes nothing for a correct step -------------------------------------------

_TWINS = textwrap.dedent('''
    from cooptourney.strategy_api import C, D, Param, strategy

    @strategy("Plugin TFT", reciprocity="specific", memory_depth=1)
    def plugin_tft(my, opp, t, state, params, info, rng):
        """Tit For Tat, as a plugin.

        specific: returns what it received.
        """
        if t == 0:
            return C
        return opp[t - 1]

    @strategy("Plugin Grudger", reciprocity="specific", memory_depth=math.inf, state=(0.0,))
    def plugin_grudger(my, opp, t, state, params, info, rng):
        """Grudger, as a plugin, remembering in its state.

        specific: answers a defection for ever.
        """
        if t > 0 and opp[t - 1] == D:
            state[0] = 1.0
        return D if state[0] > 0.0 else C

    @strategy(
        "Plugin Forgiver",
        reciprocity="diffuse",
        memory_depth=2,
        params={"patience": Param(int, 2, 1, 5)},
    )
    def plugin_forgiver(my, opp, t, state, params, info, rng):
        """Defects only after `patience` defections in a row.

        diffuse: lets a defection pass.
        """
        k = int(params[0])
        if t < k:
            return C
        for s in range(t - k, t):
            if opp[s] == C:
                return C
        return D
''')


def test_checked_mode_plays_a_correct_plugin_as_the_engine_plays_it_unchecked(tmp_path, fresh_registry):
    # A plugin and the same step registered as bundled (plain entry) play the same moves
    # under the same pre-drawn flips, in every turn loop the kernel has.
    path = _write(tmp_path, "import math\n" + _TWINS, "twins.py")
    specs = load_plugin(path)
    assert all(s.checked for s in specs)
    plain = Registry()
    for s in specs:
        fn = s.py_function
        twin = type(fn)(fn.__code__, fn.__globals__, fn.__name__)
        twin.__doc__ = fn.__doc__
        _as_bundled(twin)
        strategy(
            s.name,
            reciprocity=s.reciprocity,
            memory_depth=s.memory_depth,
            params=s.params,
            state=s.state,
            registry=plain,
        )(twin)
    flips = (np.random.default_rng(3).random((2, 60)) < 0.15).astype(np.int8)
    for s in specs:
        unchecked = plain.get(s.name)
        assert not unchecked.checked
        for partner in ("Alternator", "Grudger", "Tit For 2 Tats", "Defector"):
            checked = Match((Player(s), partner), turns=60, flips=flips, seed=1)
            same = Match((Player(unchecked), partner), turns=60, flips=flips, seed=1)
            assert checked.play() == same.play(), (s.name, partner)
            assert checked.scores() == same.scores()


# -- bundled strategies do not pay for it ---------------------------------------------------


def _entry_source(spec) -> str:
    """The text of the generated entry the kernels call for ``spec``."""
    return Path(dispatch.entry(spec).py_func.__code__.co_filename).read_text()


def _as_bundled(fn):
    """``fn`` under a module name of the package (so it plays unchecked), unique to its
    code (the generated entry's name, and so numba's cache of it, follows the name)."""
    fn.__module__ = "cooptourney.strategies._case_" + hashlib.blake2b(fn.__code__.co_code, digest_size=6).hexdigest()
    return fn


def test_bundled_strategies_do_not_pay_the_checked_mode():
    # Every bundled strategy plays through the plain entry: no bounds checks, no move
    # check, no read-only views; only plugins get the checked one. (Other tests in the
    # same process may have registered plugins of their own: only the library counts.)
    library = [s for s in REGISTRY.all(include_hidden=True) if s.module.startswith("cooptourney.strategies.")]
    assert len(library) > 200
    assert not [s.name for s in library if s.checked]
    for name in ("Tit For Tat", "Win-Stay Lose-Shift", "Generous Tit For Tat"):
        spec = get_strategy(name)
        source = _entry_source(spec)
        assert 'error_model="numpy"' in source
        assert "boundscheck" not in source and "read_only" not in source and "CTX_FAULT" not in source
        assert not dispatch.jit_options(spec.function).get("boundscheck")


def test_a_plugin_plays_through_the_checked_entry(tmp_path, fresh_registry):
    (spec,) = load_plugin(_write(tmp_path, next(c for c in CASES if c.id == "returns 2").source))
    source = _entry_source(spec)
    assert "boundscheck=True" in source and 'error_model="python"' in source
    assert "read_only(my[:t])" in source and "read_only(opp[:t])" in source and "read_only(params[:PARAMS])" in source


def test_a_bundled_step_returning_another_move_is_found_from_the_histories():
    # Without the checked entry, a move other than C or D is found after the match from
    # the OR of every move (match_metrics), at no cost per turn; noise keeps such a move
    # out of {0, 1}, so the turn is still the one the step chose it on.
    reg = Registry()

    def two_at_five(my, opp, t, state, params, info, rng):
        """Returns 2 on turn 5 (a test).

        other: a test case.
        """
        if t == 5:
            return 2
        return 0

    _as_bundled(two_at_five)
    strategy("Unchecked Two", reciprocity="other", memory_depth=0, registry=reg)(two_at_five)
    spec = reg.get("Unchecked Two")
    assert not spec.checked
    for kw in (dict(), dict(noise=0.4)):
        with pytest.raises(StrategyRuntimeError, match=r"'Unchecked Two' returned 2 on turn 5 against 'Cooperator'"):
            Tournament(["Cooperator", Player(spec)], turns=20, repetitions=2, seed=1, **kw).play()


def test_match_metrics_reports_the_first_move_that_is_neither_c_nor_d():
    from cooptourney.core.codegen import kernel_for

    metrics = kernel_for().module.match_metrics
    game = np.array([3.0, 0.0, 5.0, 1.0])
    for n, bad_a, bad_b in ((3, None, None), (40, (17, 2), (30, -1)), (40, None, (0, 64)), (1000, (999, 5), None)):
        a = np.random.default_rng(n).integers(0, 2, n).astype(np.int8)
        b = np.random.default_rng(n + 1).integers(0, 2, n).astype(np.int8)
        for hist, bad in ((a, bad_a), (b, bad_b)):
            if bad is not None:
                hist[bad[0]] = bad[1]
                hist[bad[0] + 1 :] = np.where(hist[bad[0] + 1 :] == 0, 3, hist[bad[0] + 1 :])  # later ones too
        out = np.full(L.OUT_SIZE, -7.0)
        played = L.Played(hist_a=a, hist_b=b, flips=np.zeros(n, dtype=np.int8), can_flip=False, turns=np.int64(n))
        metrics(played, L.Payoffs(game=game, perceived_a=game, perceived_b=game), out)
        for bad, fault, move in ((bad_a, L.OUT_FAULT_A, L.OUT_BAD_MOVE_A), (bad_b, L.OUT_FAULT_B, L.OUT_BAD_MOVE_B)):
            assert out[fault] == (0 if bad is None else bad[0] + 1)
            assert out[move] == (0 if bad is None else bad[1])


# -- declarations ---------------------------------------------------------------------------------


def test_memory_depth_accepts_whole_numbers_and_infinity():
    reg = Registry()
    for k, depth in enumerate((0, 3, 2.0, math.inf, np.int64(4))):

        def step(my, opp, t, state, params, info, rng):
            """A stub.

            other: a test case.
            """
            return 0

        strategy(f"Depth {k}", reciprocity="other", memory_depth=depth, registry=reg)(step)
    assert len(reg.all()) == 5


def test_reloading_a_module_in_place_replaces_its_strategies(tmp_path, monkeypatch, fresh_registry):
    # importlib.reload runs a module again in the same namespace: the same definitions
    # come again, which is not a duplicate
    import importlib
    import sys

    monkeypatch.syspath_prepend(str(tmp_path))
    _write(tmp_path, "import math\n" + _TWINS, "reloaded_twins.py")
    module = importlib.import_module("reloaded_twins")
    try:
        importlib.reload(module)
        assert get_strategy("Plugin TFT").function is module.plugin_tft  # the new definition
    finally:
        sys.modules.pop("reloaded_twins", None)
    assert registry_module.is_bundled(module.plugin_tft.py_func) is False
