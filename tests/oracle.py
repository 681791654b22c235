"""The oracle harness: play a cooptourney strategy and its ``axelrod`` twin the same way.

Deterministic strategies must produce *identical* move sequences; stochastic ones
must agree statistically. Adding a strategy to the check is one line in a test
module::

    @pytest.mark.parametrize("name", ["Tit For Tat", ("Generous Tit For Tat", "GTFT")])
    def test_same_moves(name):
        assert_same_moves(name)

How the deterministic check works. ``axelrod`` plays the strategy against every
opponent of the panel in a small loop of our own that applies the same pre-drawn
noise flips as ``axelrod.Match`` would (``strategy()`` for both players, flip,
``update_history()`` for both). The opponent's moves as actually played are then
replayed on the cooptourney side by a ``Player.sequence``, with the same flips
applied to our strategy, and our strategy's moves must equal axelrod's turn by
turn. Stochastic opponents are fine: their moves are whatever axelrod drew.

The strategy tests (``tests/strategies/test_<module>.py``, one file per module of
``strategies/``) share the rest of the harness: draw-for-draw replays of axelrod's
own random draws (``replay_axelrod_draws``), axelrod's moves when the match length is
hidden (``axl_moves_unknown_length``), the exact Markov-chain payoffs of axelrod's
memory-one vectors (``axl_four_vector``, ``assert_same_payoffs_as_markov_chain``) and
cooperation rates at one turn (``cooperation_at``, ``assert_rate``). The test
directories find this module through ``tests/conftest.py``.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable
from functools import cache

import axelrod as axl
import numpy as np
from numba.core.registry import CPUDispatcher

from cooptourney.game import Game
from cooptourney.markov import expected_payoffs, memory_one_vector
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.registry import get_strategy
from cooptourney.strategy_api import (
    INFO_LENGTH,
    INFO_MY_COOPS,
    INFO_MY_SCORE,
    INFO_OPP_COOPS,
    INFO_OPP_SCORE,
    INFO_SIZE,
)
from cooptourney.tournament import Tournament

C, D = axl.Action.C, axl.Action.D

#: The panel: every strategy of the foundation issue, as named in ``axelrod``.
PANEL_NAMES = (
    "Cooperator",
    "Defector",
    "Random",
    "Alternator",
    "Tit For Tat",
    "Suspicious Tit For Tat",
    "Tit For 2 Tats",
    "Two Tits For Tat",
    "Grudger",
    "Win-Stay Lose-Shift",
    "GTFT",
    "Anti Tit For Tat",
    "Bully",
)
FIRST_TOURNAMENT_NAMES = tuple(s.name for s in axl.axelrod_first_strategies)


@cache
def _axl_classes() -> dict[str, type]:
    """Classes by class-level name and by instance name (they differ for Go By Majority: N)."""
    classes = {s.name: s for s in axl.all_strategies}
    classes.update({s().name: s for s in axl.all_strategies})
    return classes


def axl_player(name: str, **kwargs) -> axl.Player:
    """A fresh ``axelrod`` player by its ``axelrod`` name.

    axelrod's Darwin keeps its genome in a class attribute carried from match to match;
    it is compared from a fresh genome, the only start a reproducible engine can give
    every match (strategies/darwin.py).
    """
    cls = _axl_classes()[name]
    if name == "Darwin":
        cls.reset_genome()
    return cls(**kwargs)


def panel(extra: Iterable[str] = ()) -> list[str]:
    """Opponent names: the foundation panel, Axelrod's first tournament, plus ``extra``."""
    names = list(dict.fromkeys([*PANEL_NAMES, *FIRST_TOURNAMENT_NAMES, *extra]))
    return names


def _names(name: str | tuple[str, str]) -> tuple[str, str]:
    return (name, name) if isinstance(name, str) else name


def axl_play(
    player: axl.Player, opponent: axl.Player, turns: int, flips: np.ndarray | None, seed: int, game: Game
) -> tuple[list[int], list[int]]:
    """Play two ``axelrod`` players like ``axelrod.Match`` does, with pre-drawn flips.

    Returns the moves actually played, as 0/1 lists (0 = C).
    """
    axl_game = axl.Game(r=game.R, s=game.S, t=game.T, p=game.P)
    attrs = {"length": turns, "game": axl_game, "noise": 0}
    rng = np.random.default_rng(seed)
    for p in (player, opponent):
        p.reset()
        p.set_match_attributes(**attrs)
        if axl.Classifiers["stochastic"](p):
            p.set_seed(int(rng.integers(0, 2**32 - 1)))
    mine, theirs = [], []
    for t in range(turns):
        s1, s2 = player.strategy(opponent), opponent.strategy(player)
        if flips is not None:
            s1 = s1.flip() if flips[0, t] else s1
            s2 = s2.flip() if flips[1, t] else s2
        player.update_history(s1, s2)
        opponent.update_history(s2, s1)
        mine.append(0 if s1 == C else 1)
        theirs.append(0 if s2 == C else 1)
    return mine, theirs


def assert_same_moves(
    name: str | tuple[str, str],
    opponents: Iterable[str] | None = None,
    turns: int = 60,
    noise_levels: Iterable[float] = (0.0, 0.05, 0.2),
    seeds: Iterable[int] = (0, 1),
    params: dict | None = None,
    axl_kwargs: dict | None = None,
    game: Game | None = None,
) -> None:
    """Deterministic check: identical moves against every opponent, with and without flips.

    ``name`` is our name, or ``(our name, axelrod name)`` where they differ. For each
    opponent, noise level and seed, flips are drawn in advance with probability
    ``noise`` for both players (none at noise 0) and applied in both engines.
    """
    ours, theirs = _names(name)
    game = game or Game()
    opponents = panel() if opponents is None else list(opponents)
    seeds = list(seeds)
    for opp_name in opponents:
        for noise in noise_levels:
            # Without noise a deterministic opponent gives the same game for every seed.
            needed = seeds if noise > 0 or opp_name in _stochastic_names() else seeds[:1]
            for seed in needed:
                rng = np.random.default_rng([seed, int(noise * 1000)])
                flips = (rng.random((2, turns)) < noise).astype(np.int8) if noise > 0 else None
                a_moves, o_moves = axl_play(
                    axl_player(theirs, **(axl_kwargs or {})), axl_player(opp_name), turns, flips, seed, game
                )
                replay = Player.sequence(o_moves)
                our_flips = np.zeros((2, turns), dtype=np.int8)
                if flips is not None:
                    our_flips[0] = flips[0]
                m = Match((Player(ours, **(params or {})), replay), turns=turns, flips=our_flips, game=game, seed=seed)
                m.play()
                got = m.moves[:, 0].tolist()
                if got != a_moves:
                    t = next(k for k in range(turns) if got[k] != a_moves[k])
                    raise AssertionError(
                        f"{ours} vs {opp_name} (noise {noise}, seed {seed}): first difference at turn {t}\n"
                        f"  axelrod    : {_fmt(a_moves)}\n  cooptourney: {_fmt(got)}\n"
                        f"  opponent   : {_fmt(o_moves)}"
                    )


@cache
def _stochastic_names() -> frozenset[str]:
    return frozenset(n for n, cls in _axl_classes().items() if axl.Classifiers["stochastic"](cls()))


def _fmt(moves: list[int]) -> str:
    return "".join("CD"[m] for m in moves)


def assert_same_statistics(
    name: str | tuple[str, str],
    opponents: Iterable[str] = ("Cooperator", "Defector", "Tit For Tat", "Alternator", "Grudger"),
    turns: int = 40,
    matches: int = 300,
    z_max: float = 4.5,
    params: dict | None = None,
    axl_kwargs: dict | None = None,
) -> dict[str, tuple[float, float]]:
    """Stochastic check: cooperation rate and mean score agree within sampling error.

    For each opponent, ``matches`` seeded matches in each engine; the difference of
    the per-match means must be within ``z_max`` standard errors (pooled, with a
    floor so that two nearly deterministic samples do not demand exact equality).
    Both engines are seeded, so the check is itself reproducible.
    """
    ours, theirs = _names(name)
    report = {}
    for opp_name in opponents:
        ax_coop, ax_score = [], []
        for s in range(matches):
            mt = axl.Match((axl_player(theirs, **(axl_kwargs or {})), axl_player(opp_name)), turns=turns, seed=s)
            res = mt.play()
            ax_coop.append(sum(1 for a, _ in res if a == C) / turns)
            ax_score.append(mt.final_score()[0] / turns)
        t = Tournament([Player(ours, **(params or {})), Player(opp_name)], turns=turns, repetitions=matches, seed=12345)
        r = t.play()
        our_coop = r.coop_matrix[0, 1] / turns
        our_score = r.score_matrix[0, 1] / turns
        for label, a, b in (("cooperation", np.array(ax_coop), our_coop), ("score", np.array(ax_score), our_score)):
            se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b)) + 1e-3
            z = abs(a.mean() - b.mean()) / se
            report[f"{opp_name}:{label}"] = (float(a.mean()), float(b.mean()))
            if z > z_max:
                raise AssertionError(
                    f"{ours} vs {opp_name}: {label} differs: axelrod {a.mean():.4f}, "
                    f"cooptourney {b.mean():.4f} (z = {z:.1f} > {z_max})"
                )
    return report


def assert_same_tournament(names: list[str], turns: int = 50, repetitions: int = 2) -> None:
    """Deterministic strategies only: per-player scores equal axelrod's ResultSet exactly.

    The ranking is compared by player index: axelrod's ``ranked_names`` are
    ``str(player)``, which carries constructor and transformer arguments.
    """
    axl_players = [axl_player(n) for n in names]
    ar = axl.Tournament(axl_players, turns=turns, repetitions=repetitions, seed=1).play(processes=1, progress_bar=False)
    r = Tournament([Player(n) for n in names], turns=turns, repetitions=repetitions, seed=1).play()
    np.testing.assert_array_equal(np.array(ar.scores, dtype=float), r.scores)
    np.testing.assert_allclose(np.array(ar.payoff_matrix), r.payoff_matrix, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(np.array(ar.wins), r.wins)
    assert list(ar.ranking) == r.ranking().tolist()


# -- draw-for-draw replays ----------------------------------------------------------------------


_PAYOFF = {(0, 0): (3.0, 3.0), (0, 1): (0.0, 5.0), (1, 0): (5.0, 0.0), (1, 1): (1.0, 1.0)}


def replay_axelrod_draws(monkeypatch, name, opponent, turns, seed, params=None):
    """axelrod's moves, and ours when our step function gets axelrod's uniform draws in order.

    The step function runs as plain Python with ``rand`` and ``random_choice`` of its
    module (and its jitted helpers) patched through ``monkeypatch``, so each port must
    draw exactly when axelrod draws. Returns (axelrod's moves, ours, number of draws).
    """
    spec = get_strategy(name)
    player = axl_player(name, **(params or {}))
    draws = []

    def record(generator):
        draw = generator.random

        def recorded(*args, **kwargs):
            x = draw(*args, **kwargs)
            draws.append(float(x))
            return x

        generator.random = recorded  # RandomGenerator.random_choice draws through this too

    set_seed = player.set_seed

    def set_seed_and_record(s):
        set_seed(s)
        record(player._random)
        if hasattr(player, "joss_instance"):  # Calculator's opening is played by its own Joss
            record(player.joss_instance._random)

    player.set_seed = set_seed_and_record
    played = axl.Match((player, axl_player(opponent)), turns=turns, seed=seed).play()
    mine = [0 if a == axl.Action.C else 1 for a, _ in played]
    theirs = [0 if b == axl.Action.C else 1 for _, b in played]

    stream = iter(draws)

    def rand(rng):
        return next(stream)

    def random_choice(rng, p):
        if p <= 0.0:
            return 1
        if p >= 1.0:
            return 0
        return 0 if rand(rng) < p else 1

    module = importlib.import_module(spec.module)
    for attr, value in list(vars(module).items()):
        if isinstance(value, CPUDispatcher):  # helpers run as Python, so that they see the patched draws
            monkeypatch.setattr(module, attr, value.py_func)
    monkeypatch.setattr(module, "rand", rand, raising=False)  # a module imports only what it draws with
    monkeypatch.setattr(module, "random_choice", random_choice, raising=False)

    my = np.zeros(turns, dtype=np.int8)
    opp = np.zeros(turns, dtype=np.int8)
    state = np.array(spec.state, dtype=np.float64)
    values = {**{k: p.default for k, p in spec.params.items()}, **(params or {})}
    param_values = np.array([values[k] for k in spec.params], dtype=np.float64)
    info = np.zeros(INFO_SIZE)
    info[:4] = (3.0, 0.0, 5.0, 1.0)
    info[INFO_LENGTH] = turns
    ours = []
    for t in range(turns):
        ours.append(int(spec.py_function(my, opp, t, state, param_values, info, None)))
        my[t], opp[t] = mine[t], theirs[t]
        info[INFO_MY_SCORE] += _PAYOFF[mine[t], theirs[t]][0]
        info[INFO_OPP_SCORE] += _PAYOFF[mine[t], theirs[t]][1]
        info[INFO_MY_COOPS] += mine[t] == 0
        info[INFO_OPP_COOPS] += theirs[t] == 0
    return mine, ours, len(draws)


# -- matches of unknown length ------------------------------------------------------------------


def axl_moves_unknown_length(name, opponent, turns):
    """axelrod's moves with the length hidden (match attribute length = -1, as with prob_end)."""
    player, partner = axl_player(name), axl_player(opponent)
    for p in (player, partner):
        p.set_match_attributes(length=-1)
    mine, theirs = [], []
    for _ in range(turns):
        a, b = player.strategy(partner), partner.strategy(player)
        player.update_history(a, b)
        partner.update_history(b, a)
        mine.append(a.name)
        theirs.append(b.name)
    return "".join(mine), "".join(theirs)


# -- memory-one vectors and the Markov chain ----------------------------------------------------


OUTCOMES = [(C, C), (C, D), (D, C), (D, D)]


def axl_four_vector(name, game=None):
    """axelrod's own (four-vector, P(C) on move 1) for a memory-one strategy in ``game``."""
    game = game or Game()
    if name == "ALLCorALLD":  # not a MemoryOnePlayer: repeats its own move, opens C w.p. 0.6
        return (1.0, 1.0, 0.0, 0.0), 0.6
    p = axl_player(name)
    p.set_match_attributes(length=-1, game=axl.Game(r=game.R, s=game.S, t=game.T, p=game.P), noise=0)
    return tuple(float(p._four_vector[o]) for o in OUTCOMES), (1.0 if p._initial == C else 0.0)


# (opponent, settings): fixed length; noise with a game; prob_end with noise
MARKOV_SETTINGS = [
    ("Tit For Tat", dict(turns=40)),
    ("GTFT", dict(turns=30, noise=0.05, game=Game(3.2, 0, 4.5, 0.5))),
    ("Random", dict(prob_end=0.05, noise=0.02)),
]


def assert_same_payoffs_as_markov_chain(name: str) -> None:
    """Our simulated mean payoffs against the exact expectation from axelrod's vector.

    The expectation is exact, and our engine makes thousands of repetitions cheap,
    so this is a tight check: a wrong entry of the vector, a wrong first move or
    a vector computed from the wrong payoffs would show.
    """
    reps = 3000
    for opp, settings in MARKOV_SETTINGS:
        game = settings.get("game", Game())
        p, p0 = axl_four_vector(name, game)
        q, q0 = memory_one_vector(opp, game)
        ex = expected_payoffs(p, q, p0, q0, **settings)
        r = Tournament([name, opp], repetitions=reps, seed=7, **settings).play()
        for side, (i, j) in enumerate(((0, 1), (1, 0))):
            sim = r.score_matrix[i, j]
            se = sim.std(ddof=1) / math.sqrt(reps)
            assert abs(sim.mean() - ex.total[side]) < 4.5 * se + 1e-9, (opp, side, sim.mean(), ex.total[side], se)
        coop = r.coop_matrix[0, 1] / r.turns_matrix[0, 1]
        # per-turn cooperation of the strategy: compare the totals (ratio of means)
        sim_c = r.coop_matrix[0, 1].sum() / r.turns_matrix[0, 1].sum()
        assert abs(sim_c - ex.cooperation[0]) < 4.5 * coop.std(ddof=1) / math.sqrt(reps) + 1e-3, (opp, sim_c)


# -- cooperation rates at one turn --------------------------------------------------------------


def cooperation_at(a, b, turn, repetitions=4000, seed=11):
    r = Tournament([Player(a), Player(b)], turns=turn + 1, repetitions=repetitions, seed=seed, record_moves=True).play()
    moves = np.array([r.match_moves(0, 1, k)[turn, 0] for k in range(repetitions)])
    return float(np.mean(moves == 0)), repetitions


def assert_rate(observed, n, p):
    se = math.sqrt(p * (1 - p) / n)
    assert abs(observed - p) < 4.5 * se + 1e-12, (observed, p)


def oracle_claims_test(deterministic: Iterable[str], stochastic: Iterable[str]):
    """A test that each strategy of a module carries the oracle claim it should: ``moves``
    for the deterministic ones, ``statistics`` for the stochastic ones.

    A test module binds it to a name of its own, ``test_every_strategy_here_carries_its_oracle_claim
    = oracle_claims_test(DETERMINISTIC, STOCHASTIC)``; the default check of every claim runs
    once, in ``tests/test_oracle_library.py``. A name may be a pair (ours, axelrod's).
    """
    import pytest

    from cooptourney import REGISTRY

    cases = [*[(n, "moves") for n in deterministic], *[(n, "statistics") for n in stochastic]]

    @pytest.mark.parametrize("name,claim", cases)
    def test(name, claim):
        ours = name if isinstance(name, str) else name[0]
        assert REGISTRY.get(ours).oracle == claim

    return test


def play_moves(players, turns: int, flips=None, **kw) -> str:
    """The first player's moves in one seeded match (seed 0), as a string of C and D."""
    m = Match(players, turns=turns, seed=0, flips=flips, **kw)
    return "".join(a for a, _ in m.play())
