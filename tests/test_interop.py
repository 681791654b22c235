"""Interop with axelrod: our strategies as axelrod players, our results in axelrod's format."""

import axelrod as axl
import numpy as np
import pytest

from cooptourney import Match, Tournament
from cooptourney.interop import AxelrodPlayer, write_axelrod_interactions
from cooptourney.politics import ActorProfile

C, D = axl.Action.C, axl.Action.D


def moves_of(result, k):
    return "".join(str(pair[k]) for pair in result)


@pytest.mark.parametrize(
    "ours, theirs",
    [
        ("Tit For Tat", axl.TitForTat),
        ("Grudger", axl.Grudger),
        ("First by Davis", axl.FirstByDavis),
        ("Gradual", axl.Gradual),
    ],
)
def test_wrapped_strategy_plays_like_axelrods_own(ours, theirs):
    for opponent in (axl.Alternator(), axl.CyclerCCD(), axl.SuspiciousTitForTat(), axl.Random(0.3)):
        a = axl.Match((AxelrodPlayer(ours), opponent.clone()), turns=60, seed=3).play()
        b = axl.Match((theirs(), opponent.clone()), turns=60, seed=3).play()
        assert moves_of(a, 0) == moves_of(b, 0)


@pytest.mark.parametrize("x, y", [("Ledger", "Gears"), ("Diffuse Ledger", "Standing CTFT"), ("Gears", "Alternator")])
def test_new_strategies_play_the_same_in_axelrod(x, y):
    # deterministic strategies without noise: axelrod's loop and our kernel agree move for move
    a = axl.Match((AxelrodPlayer(x), AxelrodPlayer(y)), turns=80, seed=1).play()
    m = Match((x, y), turns=80, seed=1)
    m.play()
    assert moves_of(a, 0) == "".join("CD"[v] for v in m.moves[:, 0])
    assert moves_of(a, 1) == "".join("CD"[v] for v in m.moves[:, 1])


def test_transformed_player_perceives_relative_gains_in_axelrod():
    # Ledger(tau=5) vs C, D, C, C, ...: plain it forgives one exploitation; a rival (k=1)
    # counts it twice (see tests/test_new_strategies.py) and retaliates once at turn 3.
    class Seq(axl.Player):
        name = "seq"

        def strategy(self, opponent):
            return D if len(self.history) == 1 else C

    plain = axl.Match((AxelrodPlayer("Ledger", {"tau": 5}), Seq()), turns=6).play()
    rival = axl.Match((AxelrodPlayer("Ledger", {"tau": 5}, profile=ActorProfile(k=1.0)), Seq()), turns=6).play()
    assert moves_of(plain, 0) == "CCCCCC"
    assert moves_of(rival, 0) == "CCDCCC"


def test_wrapped_players_run_in_axelrod_tournaments_and_moran_processes():
    players = [AxelrodPlayer("Gears"), AxelrodPlayer("Ledger"), axl.TitForTat(), axl.Defector()]
    res = axl.Tournament(players, turns=50, repetitions=2, seed=1).play(processes=1, progress_bar=False)
    assert sorted(res.ranked_names) == sorted(str(p) for p in players)
    # Defector takes over from Cooperators (wrapped): fixation is certain here
    mp = axl.MoranProcess([AxelrodPlayer("Cooperator")] * 3 + [AxelrodPlayer("Defector")], turns=20, seed=2)
    mp.play()
    assert mp.winning_strategy_name == "Defector"


def test_tournament_in_axelrods_interactions_format_gives_the_same_scores(tmp_path):
    names = ["Tit For Tat", "Random", "Generous Tit For Tat", "Gears", "Defector"]
    r = Tournament(names, turns=40, noise=0.05, repetitions=3, seed=4, record_moves=True).play()
    path = write_axelrod_interactions(r, tmp_path / "interactions.csv")
    ar = axl.ResultSet(str(path), players=r.players, repetitions=r.repetitions, progress_bar=False)
    np.testing.assert_allclose(np.array(ar.scores, dtype=float), r.scores, rtol=0, atol=1e-9)
    np.testing.assert_allclose(np.array(ar.normalised_scores), r.normalised_scores, rtol=0, atol=1e-12)
    np.testing.assert_allclose(np.array(ar.payoff_matrix), r.payoff_matrix, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(np.array(ar.wins), r.wins)
    assert list(ar.ranking) == r.ranking().tolist()


def test_interactions_need_recorded_moves(tmp_path):
    r = Tournament(["Tit For Tat", "Defector"], turns=5, repetitions=1, seed=1).play()
    with pytest.raises(ValueError, match="record_moves=True"):
        write_axelrod_interactions(r, tmp_path / "x.csv")


# -- axelrod players inside cooptourney tournaments -------------------------------------------


def test_python_path_pairs_are_axelrods_own_matches():
    from cooptourney.interop import python_match_seed
    from cooptourney.players import as_player, player_keys

    entrants = [axl.TitForTat(), "Grudger", axl.Random(0.4), "Gears", axl.FirstByJoss()]
    r = Tournament(entrants, turns=40, noise=0.05, repetitions=2, seed=9, record_moves=True).play()
    players = [as_player(p) for p in entrants]
    keys = player_keys(players)
    for i, j in [(0, 1), (2, 3), (0, 2), (4, 4), (1, 4)]:
        for rep in range(2):
            seed = python_match_seed(9, keys[i], keys[j], rep)
            a = entrants[i].clone() if not isinstance(entrants[i], str) else AxelrodPlayer(entrants[i])
            b = entrants[j].clone() if not isinstance(entrants[j], str) else AxelrodPlayer(entrants[j])
            expected = axl.Match((a, b), turns=40, noise=0.05, seed=seed).play()
            got = r.match_moves(i, j, rep)
            assert moves_of(expected, 0) == "".join("CD"[m] for m in got[:, 0])
            assert moves_of(expected, 1) == "".join("CD"[m] for m in got[:, 1])


def test_mixed_tournament_is_one_result_set_with_native_pairs_unchanged():
    # Native pairs give exactly the same rows as a tournament without the Python player,
    # and Python-path rows are accounted by the engine (scores equal the payoff sums).
    native = ["Grudger", "Gears", "Random"]
    mixed = Tournament(
        [*native, axl.TitForTat()], turns=30, noise=0.02, repetitions=3, seed=5, record_moves=True
    ).play()
    alone = Tournament(native, turns=30, noise=0.02, repetitions=3, seed=5).play()
    np.testing.assert_array_equal(mixed.score_matrix[:3, :3], alone.score_matrix)
    game = np.array([3.0, 0.0, 5.0, 1.0])
    for j in range(4):
        moves = mixed.match_moves(3, j, 0)
        assert mixed.score_matrix[3, j, 0] == game[2 * moves[:, 0] + moves[:, 1]].sum()
    assert mixed.players[3] == "Tit For Tat" and mixed.reciprocity[3] == "other"
    assert len(mixed.to_dataframe()) == 4


def test_a_single_match_with_an_axelrod_player_is_axelrods_match():
    from cooptourney.interop import python_match_seed
    from cooptourney.players import as_player, player_keys

    m = Match((axl.FirstByJoss(), "Gears"), turns=50, noise=0.1, seed=4)
    m.play()
    keys = player_keys([as_player(axl.FirstByJoss()), as_player("Gears")])
    expected = axl.Match(
        (axl.FirstByJoss(), AxelrodPlayer("Gears")), turns=50, noise=0.1, seed=python_match_seed(4, keys[0], keys[1], 0)
    ).play()
    assert moves_of(expected, 0) + moves_of(expected, 1) == "".join("CD"[x] for x in m.moves[:, 0]) + "".join(
        "CD"[x] for x in m.moves[:, 1]
    )
    assert m.scores()[0] == sum({(C, C): 3, (C, D): 0, (D, C): 5, (D, D): 1}[o] for o in expected)
