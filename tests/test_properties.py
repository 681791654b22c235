"""Properties that must hold for any players, game, length, noise and seed (hypothesis).

The exact (bitwise) symmetries follow from the reproducibility contract (docs/model.md, "Game"):
every random stream is keyed by (seed, pair, repetition, player identity), never by position
or scheduling order.
"""

import hashlib
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cooptourney import REGISTRY, Game, Match, Player, Tournament

HERE = Path(__file__).resolve().parent
# every strategy that plays in an ordinary tournament (group strategies need multilateral mode)
NAMES = sorted(s.name for s in REGISTRY.all() if not s.group)
DETERMINISTIC = sorted(s.name for s in REGISTRY.filter(stochastic=False) if not s.group)
STOCHASTIC = sorted(s.name for s in REGISTRY.filter(stochastic=True) if not s.group)
GTFT = "Generous Tit For Tat"

PROPS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

payoff = st.floats(-20, 20, allow_nan=False, allow_infinity=False)


@st.composite
def games(draw):
    R, S, T, P = draw(st.tuples(payoff, payoff, payoff, payoff))
    assume(len({R, S, T, P}) > 1)
    return Game(R, S, T, P)


def gtft_safe(game, names):
    """Every game is safe: Game GTFT leaves out undefined terms of its generosity (see below)."""
    return True


lengths = st.one_of(
    st.builds(lambda t: {"turns": t}, st.integers(1, 100)),
    st.builds(lambda p, t: {"prob_end": p, "turns": t}, st.floats(0.02, 1.0), st.integers(1, 100)),
)
noises = st.one_of(st.just(0.0), st.floats(0.0, 0.5))
seeds = st.integers(0, 2**64 - 1)


# -- score bounds ---------------------------------------------------------------------------


@PROPS
@given(
    names=st.lists(st.sampled_from(NAMES), min_size=1, max_size=4),
    game=games(),
    length=lengths,
    noise=noises,
    seed=seeds,
)
def test_scores_within_payoff_bounds(names, game, length, noise, seed):
    assume(gtft_safe(game, names))
    lo, hi = min(game.as_array()), max(game.as_array())
    res = Tournament(names, game=game, noise=noise, repetitions=2, seed=seed, record_moves=True, **length).play()
    n = res.turns_matrix
    tol = 1e-9 * (1 + np.abs(game.as_array()).max()) * n
    assert (n >= 1).all() and (n <= length["turns"]).all()
    assert (res.score_matrix >= lo * n - tol).all()
    assert (res.score_matrix <= hi * n + tol).all()
    assert ((res.coop_matrix >= 0) & (res.coop_matrix <= n)).all()
    # off the diagonal, each score is the sum of the game's payoffs over the moves played
    table = game.as_array()
    k = len(names)
    for i in range(k):
        for j in range(k):
            if i != j:
                mv = res.match_moves(i, j, 0).astype(int)
                np.testing.assert_allclose(
                    res.score_matrix[i, j, 0], table[2 * mv[:, 0] + mv[:, 1]].sum(), rtol=1e-12, atol=1e-9
                )


@PROPS
@given(
    pair=st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES)),
    game=games(),
    turns=st.integers(1, 100),
    noise=noises,
    seed=seeds,
)
def test_match_scores_within_payoff_bounds(pair, game, turns, noise, seed):
    assume(gtft_safe(game, pair))
    lo, hi = min(game.as_array()), max(game.as_array())
    m = Match(pair, turns=turns, noise=noise, game=game, seed=seed)
    tol = 1e-9 * (1 + np.abs(game.as_array()).max()) * turns
    for s in m.scores():
        assert lo * turns - tol <= s <= hi * turns + tol


@pytest.mark.parametrize(
    "game, generosity",
    # R == S: only (R-P)/(T-P) = 1/2 is defined. T == P: only 1 - (T-R)/(R-S) = 5/3 is
    # defined, clipped to 1 (probabilities stop at 1).
    [(Game(1, 1, 2, 0), 0.5), (Game(3, 0, 1, 1), 1.0)],
    ids=["R=S", "T=P"],
)
def test_game_gtft_in_degenerate_games_plays(game, generosity):
    from cooptourney.markov import memory_one_vector

    p, _ = memory_one_vector("Game GTFT", game)
    assert p[1] == generosity
    m = Match(("Game GTFT", "Defector"), turns=2001, game=game, seed=1)
    m.play()
    # Against Defector every move after the first follows a D, so the C rate is g.
    coop_rate = 1.0 - m.moves[1:, 0].mean()
    assert abs(coop_rate - generosity) <= 5 * (0.25 / 2000) ** 0.5
    res = Tournament(["Game GTFT", "Defector"], turns=20, repetitions=1, game=game, seed=1).play()
    assert res.turns_matrix.min() == 20


# -- symmetry under swapping and permuting --------------------------------------------------------


@PROPS
@given(
    pair=st.lists(st.sampled_from(NAMES), min_size=2, max_size=2, unique=True),
    length=lengths,
    noise=noises,
    seed=seeds,
    rep=st.integers(0, 5),
)
def test_swapping_match_players_swaps_moves_and_scores(pair, length, noise, seed, rep):
    a = Match(pair, noise=noise, seed=seed, repetition=rep, **length)
    b = Match(pair[::-1], noise=noise, seed=seed, repetition=rep, **length)
    a.play()
    b.play()
    np.testing.assert_array_equal(a.moves, b.moves[:, ::-1])
    assert a.scores() == b.scores()[::-1]
    assert a.cooperation() == b.cooperation()[::-1]


def relabelled(players, perm):
    """The permutation that maps the new list to the old one with identical players kept in
    order of appearance (copies of one player are interchangeable; their keys are numbered
    by occurrence)."""
    ids = [p.identity() for p in players]
    old_positions = defaultdict(list)
    for k, ident in enumerate(ids):
        old_positions[ident].append(k)
    taken = defaultdict(int)
    out = []
    for k in perm:
        ident = ids[k]
        out.append(old_positions[ident][taken[ident]])
        taken[ident] += 1
    return np.array(out)


player_pool = NAMES + ["Random(p=0.2)", "GTFT(generosity=0.6)"]


@PROPS
@given(
    names=st.lists(st.sampled_from(player_pool), min_size=2, max_size=5),
    data=st.data(),
    length=lengths,
    noise=noises,
    seed=seeds,
)
def test_permuting_players_permutes_results(names, data, length, noise, seed):
    players = [Player.parse(n) for n in names]
    perm = data.draw(st.permutations(range(len(players))))
    kw = dict(noise=noise, repetitions=2, seed=seed, **length)
    base = Tournament(players, **kw).play()
    moved = Tournament([players[k] for k in perm], **kw).play()
    q = relabelled(players, perm)
    ix = np.ix_(q, q)
    for attr in ("score_matrix", "turns_matrix", "coop_matrix", "utility_matrix", "contingency"):
        np.testing.assert_array_equal(getattr(moved, attr), getattr(base, attr)[ix], err_msg=attr)
    np.testing.assert_array_equal(moved.payoff_matrix, base.payoff_matrix[ix])
    np.testing.assert_array_equal(moved.cooperation_rate, base.cooperation_rate[q])
    np.testing.assert_array_equal(moved.scores, base.scores[q])  # integer totals: summation order is exact
    np.testing.assert_array_equal(moved.wins, base.wins[q])
    assert moved.players == [base.players[k] for k in q]


# -- seeds --------------------------------------------------------------------------------------


@PROPS
@given(
    names=st.lists(st.sampled_from(DETERMINISTIC), min_size=1, max_size=4),
    turns=st.integers(1, 100),
    s1=seeds,
    s2=seeds,
)
def test_deterministic_players_without_noise_ignore_the_seed(names, turns, s1, s2):
    a = Tournament(names, turns=turns, repetitions=2, seed=s1, record_moves=True).play()
    b = Tournament(names, turns=turns, repetitions=2, seed=s2, record_moves=True).play()
    np.testing.assert_array_equal(a.moves, b.moves)
    np.testing.assert_array_equal(a.score_matrix, b.score_matrix)
    # and every repetition is the same game
    np.testing.assert_array_equal(a.moves[:, 0], a.moves[:, 1])
    pair = (names[0], names[-1])
    assert Match(pair, turns=turns, seed=s1).play() == Match(pair, turns=turns, seed=s2).play()


ARRAYS = ("score_matrix", "utility_matrix", "turns_matrix", "coop_matrix", "contingency")


@PROPS
@given(seed=seeds, other=seeds, noise=noises, length=lengths)
def test_same_seed_same_results_different_seed_different(seed, other, noise, length):
    assume(seed != other)
    field = ["Random", GTFT, "Tit For Tat", "Defector"]
    kw = dict(noise=noise, repetitions=2, **length)
    a = Tournament(field, seed=seed, **kw).play()
    b = Tournament(field, seed=seed, **kw).play()
    for attr in ARRAYS:
        np.testing.assert_array_equal(getattr(a, attr), getattr(b, attr), err_msg=attr)
    assert a.ranked_names() == b.ranked_names()
    if length.get("prob_end") is None and length["turns"] >= 20:
        # Random's 2 x 10 x 20 moves alone make a coincidence (2^-400) impossible
        c = Tournament(field, seed=other, **kw).play()
        assert not np.array_equal(a.coop_matrix, c.coop_matrix)


# -- thread count ----------------------------------------------------------------------------------

THREAD_SETTINGS = dict(
    players=[
        "Random",
        "Generous Tit For Tat",
        "Tit For Tat",
        "Grudger",
        "Random(p=0.8)",
        "Win-Stay Lose-Shift",
        "Alternator",
    ],
    prob_end=0.02,
    turns=150,
    noise=0.03,
    repetitions=7,
    seed=20240601,
)


def result_hash(res):
    h = hashlib.sha256()
    for attr in ("score_matrix", "coop_matrix", "turns_matrix", "contingency"):
        h.update(np.ascontiguousarray(getattr(res, attr)).tobytes())
    return h.hexdigest()


def test_results_identical_on_one_and_two_threads():
    script = HERE / "thread_hash.py"
    hashes = {}
    for threads in ("1", "2"):
        env = {**os.environ, "NUMBA_NUM_THREADS": threads}
        proc = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        got_threads, digest = proc.stdout.split()
        assert got_threads == threads  # the setting really reached numba
        hashes[threads] = digest
    res = Tournament(**THREAD_SETTINGS).play()
    assert hashes["1"] == hashes["2"] == result_hash(res)
