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


@pytest.mark.parametrize("ours, theirs", [("Tit For Tat", axl.TitForTat), ("Grudger", axl.Grudger),
                                          ("First by Davis", axl.FirstByDavis), ("Gradual", axl.Gradual)])
def test_wrapped_strategy_plays_like_axelrods_own(ours, theirs):
    for opponent in (axl.Alternator(), axl.CyclerCCD(), axl.SuspiciousTitForTat(), axl.Random(0.3)):
        a = axl.Match((AxelrodPlayer(ours), opponent.clone()), turns=60, seed=3).play()
        b = axl.Match((theirs(), opponent.clone()), turns=60, seed=3).play()
        assert moves_of(a, 0) == moves_of(b, 0)


@pytest.mark.parametrize("x, y", [("Ledger", "Gears"), ("Diffuse Ledger", "Standing CTFT"),
                                  ("Gears", "Alternator")])
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
