"""Actors inside a state: the wheel, the twin check, elections, reproducibility, the result.

The driver's share is checked against ``p = s' (2 - s')`` with a binomial bound; a state
whose two actors play one strategy is checked move by move against ``axelrod``'s twin;
the named result (bureaucrat-led selection keeps specific reciprocity, more of it than
politician-led selection) is guarded as an effect whose 95% interval excludes zero.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from oracle import assert_same_moves

from cooptourney.cli import main
from cooptourney.evolution.drivers import driver_matrices, driver_selection, state_player
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.politics.state import driver_probability, effective_salience, politician_share
from cooptourney.settings import SettingsError
from cooptourney.tournament import Tournament

TURNS = 4000


def _state(politician: str, bureaucrat: str, **params) -> Player:
    return Player(state_player(politician, bureaucrat), **params)


# -- the driver probability -------------------------------------------------------------------------


def test_driver_probability_is_zero_one_and_saturating():
    assert driver_probability(0.0, 0.0) == 0.0
    assert driver_probability(1.0, 0.0) == 1.0
    assert driver_probability(0.5, 0.0) == 0.75
    grid = np.linspace(0.0, 1.0, 41)
    p = np.array([driver_probability(s, 0.0) for s in grid])
    assert np.all(np.diff(p) > 0)  # increasing
    assert np.all(np.diff(p, 2) < 0)  # saturating: concave
    assert np.allclose(politician_share(grid), p)
    # pressure from the back seat shifts the salience, then clips
    assert driver_probability(0.25, 0.25) == driver_probability(0.5, 0.0)
    assert driver_probability(0.2, -0.5) == 0.0
    assert driver_probability(0.8, 0.5) == 1.0
    assert effective_salience(0.8, 0.5) == 1.0


@pytest.mark.parametrize(("salience", "pressure"), [(0.3, 0.0), (0.1, 0.3)])
def test_the_politician_drives_with_probability_p(salience, pressure):
    """A Cooperator politician and a Defector bureaucrat: each C is a politician's turn."""
    m = Match((_state("Cooperator", "Defector", salience=salience, pressure=pressure), "Tit For Tat"), turns=TURNS)
    m.play()
    share = float(np.mean(m.moves[:, 0] == 0))
    p = driver_probability(salience, pressure)
    bound = 4.0 * math.sqrt(p * (1 - p) / TURNS)  # 4 binomial standard errors
    assert abs(share - p) < bound, (share, p)
    # the trace records who drove every move
    (driver,) = m.trace.values()
    assert np.array_equal(driver == 1, m.moves[:, 0] == 0)


def test_salience_zero_is_the_bureaucrat_one_the_politician():
    for salience, pressure, expected in ((0.0, 0.0, "D"), (1.0, 0.0, "C"), (0.0, 1.0, "C"), (1.0, -1.0, "D")):
        m = Match((_state("Cooperator", "Defector", salience=salience, pressure=pressure), "Cooperator"), turns=200)
        assert {a for a, _ in m.play()} == {expected}, (salience, pressure)


# -- a state of twins is its strategy ---------------------------------------------------------------

OPPONENTS = ("Cooperator", "Defector", "Alternator", "Random", "Grudger", "Suspicious Tit For Tat")


@pytest.mark.parametrize("name", ["Tit For Tat", "Grudger"])
def test_a_state_of_twins_plays_axelrods_twin(name):
    """Both seats hold one strategy: whoever drives, the move is the strategy's, with
    and without noise, at every salience (no elections: the politician never restarts)."""
    for salience in (0.0, 0.5, 1.0):
        assert_same_moves(
            (state_player(name, name).name, name),
            opponents=OPPONENTS,
            params={"salience": salience, "term": 0, "k": 0.0},
            noise_levels=(0.0, 0.1),
            seeds=(0,),
        )


def test_an_election_restarts_the_politician_and_not_the_bureaucrat():
    """Tit For Tat in office against a Defector: each successor (every 10 turns, no
    re-election) opens with C; a bureaucrat driving keeps defecting."""
    m = Match((_state("Tit For Tat", "Tit For Tat", salience=1.0, term=10, reelection=0.0), "Defector"), turns=60)
    moves = "".join(a for a, _ in m.play())
    assert moves == ("C" + "D" * 9) * 6
    m = Match((_state("Tit For Tat", "Tit For Tat", salience=0.0, term=10, reelection=0.0), "Defector"), turns=60)
    assert "".join(a for a, _ in m.play()) == "C" + "D" * 59
    m = Match((_state("Tit For Tat", "Tit For Tat", salience=1.0, term=10, reelection=1.0), "Defector"), turns=60)
    assert "".join(a for a, _ in m.play()) == "C" + "D" * 59
    # a successor that keeps the record (memory 1) plays on as its predecessor would
    m = Match(
        (_state("Tit For Tat", "Tit For Tat", salience=1.0, term=10, reelection=0.0, memory=1.0), "Defector"), turns=60
    )
    assert "".join(a for a, _ in m.play()) == "C" + "D" * 59


def test_the_politician_reads_relative_gains():
    """Game Generous Tit For Tat forgives with the generosity of the payoffs it reads
    (Nowak & Sigmund 1992): 1/3 at 3, 0, 5, 1; a politician with k = 0.3 reads
    U = pi - 0.3 pi_partner, i.e. 2.1, -1.5, 5, 0.7, and forgives with
    min(1 - 2.9/3.6, 1.4/4.3) = 0.194. Against a Defector, its cooperation rate after
    the first turn is its generosity."""
    expected = {0.0: 1.0 / 3.0, 0.3: 1.0 - 2.9 / 3.6}
    for k, g in expected.items():
        m = Match((_state("Game GTFT", "Defector", salience=1.0, term=0, k=k), "Defector"), turns=TURNS, seed=3)
        m.play()
        rate = float(np.mean(m.moves[1:, 0] == 0))
        assert abs(rate - g) < 4.0 * math.sqrt(g * (1 - g) / TURNS), (k, rate, g)


# -- reproducibility -------------------------------------------------------------------------------


def test_same_seed_same_bits_on_one_and_two_threads():
    """The same tournament of states on one numba thread and on two gives the same bits
    (in this process: the thread count is read when the kernel runs)."""
    import numba

    a = Player(state_player("Tit For Tat", "Tit For Tat"), salience=0.4, term=7)
    b = Player(state_player("Cooperator", "Defector"), salience=0.7, pressure=0.1)
    before = numba.get_num_threads()
    got = []
    try:
        for threads in (1, min(2, numba.config.NUMBA_NUM_THREADS)):
            numba.set_num_threads(threads)
            res = Tournament([a, b, "Tit For Tat", "Random"], turns=50, repetitions=20, noise=0.05, seed=5).play()
            got.append(np.ascontiguousarray(res.payoff_matrix).tobytes())
    finally:
        numba.set_num_threads(before)
    assert got[0] == got[1]


# -- the result -------------------------------------------------------------------------------------


#: A small repertoire with both kinds of reciprocity and a defector, so the check stays cheap.
SMALL = ("Tit For Tat", "Contrite Tit For Tat (standing)", "Generous Tit For Tat", "Diffuse Ledger", "Defector")


def test_bureaucrat_led_selection_keeps_more_specific_reciprocity_than_politician_led():
    """The named result as an effect with its 95% bounds: bureaucrat-led selection keeps
    specific reciprocity (diffuse - specific < 0), and keeps more of it than
    politician-led selection (the difference of the two, from independent runs)."""
    m = driver_matrices(SMALL, repetitions=10000, seed=0)
    res = driver_selection(
        saliences=(0.0, 1.0), repertoire=SMALL, matrices=m, runs=60, population=30, generations=300, seed=0
    )
    t = res.table.set_index("salience")
    bur, pol = t.loc[0.0], t.loc[1.0]
    assert bur["fitness"].startswith("bureaucrat") and pol["fitness"].startswith("politician")
    assert bur["diffuse_minus_specific_hi"] < 0, res.table
    diff = pol["diffuse_minus_specific"] - bur["diffuse_minus_specific"]
    half = math.hypot(
        bur["diffuse_minus_specific_hi"] - bur["diffuse_minus_specific"],
        pol["diffuse_minus_specific_hi"] - pol["diffuse_minus_specific"],
    )
    assert diff - half > 0, res.table


# -- bad input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"salience": 1.5}, "'salience' = 1.5 is out of range"),
        ({"pressure": -2}, "'pressure' = -2 is out of range"),
        ({"term": -1}, "'term' = -1 is out of range"),
        ({"reelection": 2.0}, "'reelection' = 2.0 is out of range"),
        ({"memory": -0.5}, "'memory' = -0.5 is out of range"),
    ],
)
def test_bad_state_parameters_are_refused(params, message):
    with pytest.raises(ValueError, match=message):
        _state("Tit For Tat", "Defector", **params)


def test_bad_actors_and_saliences_are_refused():
    from cooptourney.registry import StrategyDefinitionError, UnknownStrategyError

    with pytest.raises(StrategyDefinitionError, match="group strategy; a state plays pairwise"):
        state_player("Unconditional MFN", "Tit For Tat")
    with pytest.raises(UnknownStrategyError, match="Nobody"):
        state_player("Tit For Tat", "Nobody")
    for bad in (1.5, -0.1, float("nan"), "high", [0.2, 2.0], True):
        with pytest.raises(SettingsError, match="salience must be"):
            politician_share(bad)
    with pytest.raises(SettingsError, match="pressure must be"):
        politician_share(0.5, pressure=1.5)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"saliences": (1.2,)}, "salience must be a number in"),
        ({"saliences": ()}, "at least one salience"),
        ({"pressure": 3}, "pressure must be a number in"),
        ({"runs": 0}, "runs"),
        ({"repertoire": ("Tit For Tat",)}, "at least two distinct"),
        ({"repertoire": "Tit For Tat"}, "not one name"),
    ],
)
def test_bad_selection_settings_fail_before_work(kwargs, message):
    with pytest.raises(SettingsError, match=message):
        driver_selection(**kwargs)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["state", "--salience", "2"], "salience must be a number in [0, 1]"),
        (["state", "--pressure", "-1.5"], "pressure must be a number in [-1, 1]"),
        (["state", "--runs", "1"], "--runs must be at least 2"),
        (["state", "--repertoire", "Tit For Tat", "Nobody"], "Nobody"),
        (["state", "-o", "out.txt"], "ending in .csv"),
        (["state", "--plot", "out.txt"], "a plot file name must end in"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err, err


def test_cli_prints_the_table_with_fitness_and_writes_csv(capsys, tmp_path):
    pol, bur = driver_matrices(("Tit For Tat", "Generous Tit For Tat", "Defector"), repetitions=2, seed=0)
    assert pol.shape == bur.shape == (3, 3)
    out = tmp_path / "state.csv"
    argv = ["state", "--repertoire", "Tit For Tat", "Generous Tit For Tat", "Defector", "--runs", "3"]
    argv += ["--generations", "20", "--population", "12", "--repetitions", "20", "--no-positions", "-o", str(out)]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "politician's perceived utility" in text and "bureaucrat's material payoff" in text
    import pandas as pd

    table = pd.read_csv(out)
    assert list(table["salience"]) == [0.0, 1.0]
    assert table["fitness"].str.contains("material payoff").iloc[0]
    assert table["fitness"].str.contains("perceived utility").iloc[1]
