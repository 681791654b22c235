"""A single match: results without a move record, the record on request, and its cap."""

import tracemalloc

import numpy as np
import pytest

import cooptourney.match as match_module
from cooptourney import Game, Match
from cooptourney.cli import main
from cooptourney.match import MOVE_RECORD_CAP
from cooptourney.settings import SettingsError

CASES = [
    dict(players=("Tit For Tat", "Random"), turns=300, noise=0.1, seed=5),
    dict(players=("Win-Stay Lose-Shift", "Grudger"), turns=97, noise=0.05, seed=2, game=Game(4, -1, 6, 0)),
    dict(players=("Gears", "Alternator"), turns=80, seed=1),  # traces its gear
    dict(players=("Tit For 2 Tats", "Random"), prob_end=0.02, seed=11),
    dict(players=("Grudger", "Defector"), prob_end=0.1, turns=5, seed=3),
]


def payoffs_of(moves: np.ndarray, game: Game) -> tuple[float, float]:
    """Total payoffs of int8[turns, 2] moves, from the game's table."""
    g = game.as_array()
    a, b = moves[:, 0].astype(int), moves[:, 1].astype(int)
    return float(g[2 * a + b].sum()), float(g[2 * b + a].sum())


@pytest.mark.parametrize("case", CASES, ids=lambda c: " vs ".join(c["players"]))
def test_results_without_a_record_are_those_of_the_recorded_moves(case):
    game = case.get("game", Game())
    streamed = Match(**case)
    scores, coop, n = streamed.scores(), streamed.cooperation(), len(streamed)
    assert streamed._moves.shape == (0, 2)  # nothing of the moves was kept
    recorded = Match(**case)
    moves = np.array([["CD".index(x), "CD".index(y)] for x, y in recorded.play()])
    assert len(moves) == n
    assert scores == payoffs_of(moves, game)
    assert coop == tuple((moves == 0).mean(axis=0))
    # the moves property of the streamed match plays it again, with the same moves
    assert np.array_equal(streamed.moves, moves)
    assert streamed.scores() == scores


@pytest.mark.parametrize("case", CASES, ids=lambda c: " vs ".join(c["players"]))
def test_first_moves_are_the_opening_of_the_record(case):
    full = Match(**case).moves
    for k in (0, 1, 17, len(full), len(full) + 5):
        m = Match(**case)
        head = m.first_moves(k)
        assert np.array_equal(head, full[:k])
        assert len(m) == len(full)
        assert m.scores() == payoffs_of(full, case.get("game", Game()))


def test_trace_is_recorded_on_request():
    m = Match(("Gears", "Alternator"), turns=40, seed=1)
    m.scores()  # no record yet
    gear = m.trace["Gears: gear"]
    assert gear.shape == (40,) and np.isfinite(gear).all()
    assert Match(("Tit For Tat", "Alternator"), turns=5).trace == {}


def test_results_of_a_long_match_keep_no_moves():
    """Peak allocation of a long match's results is the engine's own: two int8 histories
    and its five-byte-a-turn workspace (allocated, touched only under noise or elections).
    A record (float64 traces, a copy of the moves, a tuple per turn) takes more than 25
    bytes a turn, and nothing of the match may stay allocated after it."""
    n = 2_000_000
    m = Match(("Tit For Tat", "Grudger"), turns=n, seed=1)
    m.scores()  # compile and play once outside the measurement
    tracemalloc.start()
    try:
        m = Match(("Tit For Tat", "Grudger"), turns=n, seed=1)
        before = tracemalloc.get_traced_memory()[0]
        scores = m.scores()
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert scores == (3.0 * n, 3.0 * n)
    assert peak - before < 7.5 * n
    assert kept - before < 100_000


def test_a_record_beyond_the_cap_is_refused_before_playing(monkeypatch):
    def no_play(*args, **kwargs):
        raise AssertionError("the match was played")

    monkeypatch.setattr(match_module, "pack", no_play)
    m = Match(("Tit For Tat", "Grudger"), turns=MOVE_RECORD_CAP + 1)
    with pytest.raises(SettingsError, match=f"at most {MOVE_RECORD_CAP:,} turns, and this match has 1,000,001"):
        m.play()
    with pytest.raises(SettingsError, match="at most"):
        m.moves  # noqa: B018  (the property plays)
    # under prob_end the drawn length decides, still before playing
    long = Match(("Tit For Tat", "Grudger"), prob_end=1e-8, seed=1)
    assert long._length() > MOVE_RECORD_CAP
    with pytest.raises(SettingsError, match="records every move"):
        long.play()
    with pytest.raises(SettingsError, match="first_moves takes a whole number of turns from 0 to"):
        m.first_moves(MOVE_RECORD_CAP + 1)
    with pytest.raises(SettingsError, match="first_moves"):
        m.first_moves(-1)


def test_a_record_at_the_cap_is_played():
    m = Match(("Cooperator", "Defector"), turns=MOVE_RECORD_CAP)
    moves = m.play()
    assert len(moves) == MOVE_RECORD_CAP and moves[0] == moves[-1] == ("C", "D")
    assert m.scores() == (0.0, 5.0 * MOVE_RECORD_CAP)


def test_cli_match_shows_the_first_turns_and_summarises_all(capsys):
    n = 25_000
    assert main(["match", "Tit For Tat", "Random", "--turns", str(n), "--noise", "0.02", "--seed", "4"]) == 0
    out = capsys.readouterr().out
    m = Match(("Tit For Tat", "Random"), turns=n, noise=0.02, seed=4)
    head = m.first_moves(10_000)
    lines = out.splitlines()
    blocks = [line.split() for line in lines if line.split()[:1] and line.split()[0][0].isdigit()]
    assert blocks[-1][0] == "9951-10000"
    assert float(blocks[-1][-1]) == payoffs_of(head, Game())[0]
    assert "Turns 10,001 to 25,000 are not shown (--show-turns 10,000); the summary covers all 25,000 turns." in out
    a, b = m.scores()
    assert f"Score {a:.12g} {b:.12g}".split() == next(line.split() for line in lines if line.startswith("Score "))


def test_cli_match_show_turns(capsys):
    assert main(["match", "Tit For Tat", "Alternator", "--turns", "9", "--show-turns", "3"]) == 0
    out = capsys.readouterr().out
    assert "Turns 4 to 9 are not shown (--show-turns 3)" in out
    assert [line.split()[0] for line in out.splitlines() if line[:4].strip().isdigit()] == ["1", "2", "3"]
    assert main(["match", "Tit For Tat", "Alternator", "--show-turns", str(MOVE_RECORD_CAP + 1)]) == 2
    assert "--show-turns: must be a whole number from 0 to 1,000,000" in capsys.readouterr().err
