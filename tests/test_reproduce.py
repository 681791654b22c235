"""Reproductions of published tournaments (cooptourney.reproduce) and match reuse."""

from __future__ import annotations

import pytest

from cooptourney import Tournament

# -- match reuse -----------------------------------------------------------------------------------
FIELD = ["Tit For Tat", "Grudger", "Gradual", "Random", "Defector", "Alternator", "First by Joss"]


def _play(reuse: bool, **kw):
    t = Tournament(FIELD, seed=11, reuse_matches=reuse, **kw)
    return t, t.play()


@pytest.mark.parametrize("kw", [dict(turns=30, repetitions=4), dict(turns=30, repetitions=3, noise=0.02)])
def test_reuse_gives_the_same_bits(kw):
    (_, on), (_, off) = _play(True, **kw), _play(False, **kw)
    for a, b in ((on.score_matrix, off.score_matrix), (on.wins, off.wins), (on.turns_matrix, off.turns_matrix)):
        assert a.tobytes() == b.tobytes()
    assert on.to_dataframe().equals(off.to_dataframe())


def test_reuse_accounts_for_every_turn():
    t, _ = _play(True, turns=30, repetitions=4)
    n = len(FIELD)
    pairs = n * (n + 1) // 2
    stochastic = {"Random", "First by Joss"}
    det = n - len(stochastic)
    det_pairs = det * (det + 1) // 2
    assert t.turns_accounted == pairs * 4 * 30
    # deterministic pairs once, every other pair four times
    assert t.turns_simulated == (det_pairs + (pairs - det_pairs) * 4) * 30
    off, _ = _play(False, turns=30, repetitions=4)
    assert off.turns_simulated == off.turns_accounted == t.turns_accounted


@pytest.mark.parametrize("kw", [dict(noise=0.01), dict(prob_end=0.1), dict(record_moves=True)])
def test_no_reuse_when_repetitions_can_differ(kw):
    t, _ = _play(True, turns=20, repetitions=3, **kw)
    assert t.turns_simulated == t.turns_accounted
