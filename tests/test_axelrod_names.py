"""The ResultSet answers to ``axelrod.ResultSet``'s names with ``axelrod``'s meanings.

Every value is compared with what ``axelrod`` 4.13.1 computes for the same deterministic
tournament (the same strategies, lengths and repetitions), never with our own output.
Stochastic tournaments draw different random numbers in the two engines; they are
compared in distribution.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from cooptourney import Match, Player, Tournament
from cooptourney.players import display_names

axl = pytest.importorskip("axelrod")

# Deterministic strategies with every kind of pairing: mutual C, mutual D, alternation,
# a grudge, an exploiter; Alternator makes the state-to-action counts non-trivial.
NAMES = ["Tit For Tat", "Defector", "Alternator", "Grudger", "Cooperator", "Suspicious Tit For Tat"]
AXL = [axl.TitForTat, axl.Defector, axl.Alternator, axl.Grudger, axl.Cooperator, axl.SuspiciousTitForTat]
TURNS, REPS = 20, 2


@pytest.fixture(scope="module")
def both():
    ours = Tournament(NAMES, turns=TURNS, repetitions=REPS, seed=1, record_moves=True).play()
    theirs = axl.Tournament([c() for c in AXL], turns=TURNS, repetitions=REPS, seed=1).play(progress_bar=False)
    return ours, theirs


ARRAYS = [
    "ranking",
    "wins",
    "scores",
    "normalised_scores",
    "payoffs",
    "payoff_matrix",
    "payoff_stddevs",
    "score_diffs",
    "payoff_diffs_means",
    "match_lengths",
    "cooperation",
    "normalised_cooperation",
    "vengeful_cooperation",
    "cooperating_rating",
    "good_partner_matrix",
    "good_partner_rating",
    "initial_cooperation_count",
    "initial_cooperation_rate",
]


@pytest.mark.parametrize("name", ARRAYS)
def test_array_equals_axelrods(both, name):
    ours, theirs = both
    expected = np.asarray(getattr(theirs, name), dtype=float)
    got = np.asarray(getattr(ours, name), dtype=float)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("name", ["eigenjesus_rating", "eigenmoses_rating"])
def test_eigen_ratings_equal_axelrods_within_its_power_iteration_tolerance(both, name):
    # axelrod stops its power iteration when successive vectors differ by less than 1e-3
    ours, theirs = both
    np.testing.assert_allclose(getattr(ours, name), getattr(theirs, name), atol=5e-3)
    assert np.linalg.norm(getattr(ours, name)) == pytest.approx(1.0)


def test_ranked_names_is_a_list_and_still_callable(both):
    ours, theirs = both
    assert isinstance(ours.ranked_names, list)
    assert ours.ranked_names == theirs.ranked_names
    # a ported print(results.ranked_names) prints the names, nothing else
    assert repr(ours.ranked_names) == repr(list(theirs.ranked_names))
    assert ours.ranked_names() == theirs.ranked_names
    self_play = ours.ranked_names("score_with_self_play")
    assert sorted(self_play) == sorted(NAMES)
    assert list(ours.ranking) == list(theirs.ranking)
    assert ours.ranking("score").tolist() == list(theirs.ranking)
    with pytest.raises(ValueError, match=r"cannot rank by 'x\.png'"):
        ours.ranked_names("x.png")


def _plain(table):
    """axelrod's Counters keyed by Actions -> keyed by "C"/"D"."""

    def key(k):
        return (tuple(map(str, k[0])), str(k[1])) if isinstance(k[0], tuple) else tuple(map(str, k))

    return [[{key(k): v for k, v in c.items()} for c in row] for row in table]


@pytest.mark.parametrize(
    "name", ["state_distribution", "normalised_state_distribution", "state_to_action_distribution"]
)
def test_state_distributions_equal_axelrods(both, name):
    ours, theirs = both
    assert _plain(getattr(ours, name)) == _plain(getattr(theirs, name))


def test_summarise_equals_axelrods(both):
    ours, theirs = both
    rows, expected = ours.summarise(), theirs.summarise()
    assert rows[0]._fields == expected[0]._fields
    for row, exp in zip(rows, expected):
        assert (row.Rank, row.Name) == (exp.Rank, exp.Name)
        np.testing.assert_allclose(np.array(row[2:], dtype=float), np.array(exp[2:], dtype=float), rtol=1e-12)


def test_without_moves_the_state_columns_are_nan_and_the_states_are_refused(both):
    _, theirs = both
    ours = Tournament(NAMES, turns=TURNS, repetitions=REPS, seed=1).play()
    for row, exp in zip(ours.summarise(), theirs.summarise()):
        assert row.Name == exp.Name
        np.testing.assert_allclose(np.array(row[2:6], dtype=float), np.array(exp[2:6], dtype=float), rtol=1e-12)
        assert all(math.isnan(x) for x in row[6:])
    with pytest.raises(ValueError, match="record_moves=True"):
        _ = ours.state_distribution


def _axelrod_reading(ours, path):
    """axelrod's ResultSet of our matches: every match's moves go through axelrod's own
    per-match results and interactions file (``Tournament._calculate_results`` and
    ``_write_interactions_to_file``), then its ResultSet aggregates them."""
    n, reps = ours.n_players, ours.repetitions
    t = axl.Tournament([axl.Cooperator() for _ in range(n)], repetitions=reps)
    t.filename = str(path)
    action = {0: axl.Action.C, 1: axl.Action.D}
    played = {}
    for i, j in sorted(ours.pair_index, key=ours.pair_index.get):
        played[(i, j)] = []
        for r in range(reps):
            interaction = [(action[a], action[b]) for a, b in ours.match_moves(i, j, r).tolist()]
            played[(i, j)].append([interaction, t._calculate_results(interaction)])
    fh, writer = t._get_file_objects(build_results=True)
    t._write_interactions_to_file(played, writer)
    fh.close()
    return axl.ResultSet(str(path), players=ours.players, repetitions=reps, progress_bar=False)


@pytest.fixture(scope="module")
def noisy(tmp_path_factory):
    # noise and random lengths: repetitions differ, so spreads, medians and ties are exercised
    ours = Tournament(
        ["Tit For Tat", "Defector", "Grudger", "Random"],
        prob_end=0.1,
        turns=60,
        noise=0.1,
        repetitions=5,
        seed=7,
        record_moves=True,
    ).play()
    return ours, _axelrod_reading(ours, tmp_path_factory.mktemp("axl") / "interactions.csv")


@pytest.mark.parametrize("name", ARRAYS)
def test_array_equals_axelrods_reading_of_the_same_noisy_matches(noisy, name):
    ours, theirs = noisy
    np.testing.assert_allclose(
        np.asarray(getattr(ours, name), dtype=float), np.asarray(getattr(theirs, name), dtype=float), rtol=1e-12
    )


def test_summary_and_states_equal_axelrods_reading_of_the_same_noisy_matches(noisy):
    ours, theirs = noisy
    assert ours.payoff_stddevs.max() > 0  # the repetitions differ
    for name in ("state_distribution", "state_to_action_distribution"):
        assert _plain(getattr(ours, name)) == _plain(getattr(theirs, name))
    for row, exp in zip(ours.summarise(), theirs.summarise()):
        assert row.Name == exp.Name
        np.testing.assert_allclose(np.array(row[2:], dtype=float), np.array(exp[2:], dtype=float), rtol=1e-12)


def test_normalised_scores_agree_in_distribution_under_noise():
    # Random flips come from different generators: compare the mean normalised score of
    # each player over 40 repetitions with a Welch z-bound of 5 standard errors.
    names, classes = ["Tit For Tat", "Defector", "Grudger"], [axl.TitForTat, axl.Defector, axl.Grudger]
    reps, turns, noise = 40, 30, 0.1
    ours = Tournament(names, turns=turns, noise=noise, repetitions=reps, seed=3).play().normalised_scores
    theirs = np.array(
        axl.Tournament([c() for c in classes], turns=turns, noise=noise, repetitions=reps, seed=3)
        .play(progress_bar=False)
        .normalised_scores
    )
    se = np.sqrt(ours.var(axis=1, ddof=1) / reps + theirs.var(axis=1, ddof=1) / reps)
    z = np.abs(ours.mean(axis=1) - theirs.mean(axis=1)) / se
    assert (z < 5).all(), z


def test_short_repr_and_html(both):
    ours, _ = both
    text = repr(ours)
    assert len(text) < 300 and "6 players" in text and "Tit For Tat" in text
    page = ours._repr_html_()
    assert page.count("<tr") == len(NAMES) + 1 and "median score per turn" in page
    assert len(page) < 5000
    t = Tournament(NAMES, turns=TURNS, repetitions=REPS, seed=1)
    assert len(repr(t)) < 300 and "6 players" in repr(t)
    assert "<table" in t._repr_html_()
    m = Match(("Tit For Tat", "Alternator"), turns=4, seed=1)
    assert repr(m) == "<Match: Tit For Tat vs Alternator, 4 turns, noise 0, seed 1>"
    assert "not played" in m._repr_html_()
    m.play()
    assert "8" in m._repr_html_() and "13" in m._repr_html_()
    assert "<table" in Player("Generous Tit For Tat", generosity=0.2)._repr_html_()


def test_duplicate_players_get_distinct_display_names():
    assert display_names(["A", "B", "A", "A"]) == ["A", "B", "A #2", "A #3"]
    # a suffix never collides with a name already there
    assert display_names(["A", "A #2", "A"]) == ["A", "A #2", "A #3"]
    r = Tournament(["Tit For Tat", "Defector", "Tit For Tat"], turns=10, repetitions=1, seed=0).play()
    assert r.players == ["Tit For Tat", "Defector", "Tit For Tat #2"]
    assert len(set(r.ranked_names)) == 3
    assert set(r.to_dataframe()["player"]) == {"Tit For Tat", "Defector", "Tit For Tat #2"}
    m = Match(("Tit For Tat", "Tit For Tat"), turns=3, seed=0)
    assert "Tit For Tat vs Tit For Tat #2" in repr(m)
    from cooptourney.multilateral import MultilateralTournament

    multi = MultilateralTournament(["Tit For Tat", "Tit For Tat", "Defector"], turns=5, repetitions=1, seed=0).play()
    assert multi.results.players == ["Tit For Tat", "Tit For Tat #2", "Defector"]


def test_play_takes_axelrods_progress_bar_and_processes():
    """A ported ``tournament.play(progress_bar=False, processes=1)`` runs, gives the same bits
    as ``play()`` on any thread cap, leaves the thread count as it found it, and refuses a
    negative ``processes`` before playing."""
    import numba

    from cooptourney.settings import SettingsError

    t = Tournament(["Tit For Tat", "Random", "Grudger"], turns=30, noise=0.05, repetitions=3, seed=4)
    before = numba.get_num_threads()
    plain = t.play()
    for processes in (1, 2, 0):
        ported = t.play(progress_bar=False, processes=processes)
        assert numba.get_num_threads() == before
        assert ported.payoff_matrix.tobytes() == plain.payoff_matrix.tobytes()
        assert ported.normalised_scores.tobytes() == plain.normalised_scores.tobytes()
    with pytest.raises(SettingsError, match="processes"):
        t.play(processes=-1)


def test_axelrods_top_level_names_import_on_first_use():
    """``cooptourney.MoranProcess`` and ``cooptourney.Plot`` are there as in ``axelrod``,
    without ``import cooptourney`` loading matplotlib (a fresh process checks)."""
    import subprocess
    import sys

    code = (
        "import sys, cooptourney; assert 'matplotlib' not in sys.modules; "
        "from cooptourney import MoranProcess, Plot, Standings; "
        "from cooptourney.evolution.moran import MoranProcess as M; assert MoranProcess is M; "
        "print(Plot.__name__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Plot"
