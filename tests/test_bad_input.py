"""Bad input is refused at the boundary with a cooptourney exception whose message says what is
wrong and what is allowed; nothing invalid reaches a numba kernel (no TypingError, no traceback
from inside numba)."""

import math

import numpy as np
import pytest

from cooptourney import (
    Game,
    Match,
    Player,
    SettingsError,
    Tournament,
    UnknownStrategyError,
)
from cooptourney.registry import REGISTRY


def _chain(exc):
    while exc is not None:
        yield exc
        exc = exc.__cause__ or exc.__context__


def check(call, exc_type, *fragments):
    """``call()`` raises ``exc_type`` whose message contains every fragment; nothing in the
    exception chain comes from numba."""
    with pytest.raises(Exception) as info:
        call()
    err = info.value
    assert isinstance(err, exc_type), f"{type(err).__module__}.{type(err).__name__}: {err}"
    for e in _chain(err):
        assert not type(e).__module__.startswith("numba"), f"numba error surfaced: {e!r}"
    msg = str(err)
    for fragment in fragments:
        assert fragment in msg, f"{fragment!r} not in {msg!r}"
    return msg


def match(**kw):
    kw.setdefault("players", ("Tit For Tat", "Defector"))
    return lambda: Match(**kw).play()


def tournament(**kw):
    kw.setdefault("players", ["Tit For Tat", "Defector"])
    return lambda: Tournament(**kw).play()


# -- strategies and players ---------------------------------------------------------------------


def test_unknown_strategy_suggests_names():
    msg = check(
        match(players=("Tit For Tatt", "Defector")),
        UnknownStrategyError,
        "unknown strategy 'Tit For Tatt'",
        "did you mean",
        "'Tit For Tat'",
    )
    assert isinstance(UnknownStrategyError(msg), LookupError)


def test_unknown_strategy_in_a_tournament():
    check(tournament(players=["Tit For Tat", "Grudgr"]), UnknownStrategyError, "'Grudgr'", "'Grudger'")


def test_player_unknown_parameter():
    check(
        lambda: Player("GTFT", genrosity=0.5),
        ValueError,
        "Generous Tit For Tat: unknown parameter 'genrosity'",
        "allowed parameters: generosity",
    )
    check(match(players=("GTFT(genrosity=0.5)", "TFT")), ValueError, "unknown parameter 'genrosity'")


def test_player_parameter_out_of_range():
    check(
        lambda: Player.parse("Random(p=1.5)"),
        ValueError,
        "parameter 'p' = 1.5 is out of range",
        "allowed is [0.0, 1.0]",
    )


def test_player_parameter_wrong_type():
    check(lambda: Player("GTFT", generosity=True), ValueError, "'generosity' must be float, got True")
    check(lambda: Player("GTFT", generosity="much"), ValueError, "'generosity' must be float, got 'much'")


def test_bad_move_sequence():
    check(lambda: Player.sequence("CXD"), ValueError, "only C and D", "'X'")
    check(lambda: Player.sequence(""), ValueError, "at least one move")


def test_player_of_wrong_type():
    check(
        match(players=("TFT", 42)),
        TypeError,
        "a player is a Player, a strategy name, a StrategySpec or an axelrod Player, got int",
    )


def test_unknown_reciprocity_tag_in_filter():
    check(
        lambda: REGISTRY.filter(reciprocity="generous"),
        ValueError,
        "unknown reciprocity tag 'generous'",
        "specific, diffuse, negative, unconditional, other",
    )


# -- payoffs ----------------------------------------------------------------------------------


def test_payoff_not_a_number():
    check(lambda: Game("a", 0, 5, 1), ValueError, "payoff R must be a number, got 'a'")


def test_payoff_not_finite():
    check(lambda: Game(3, 0, math.inf, 1), ValueError, "payoff T must be finite, got inf")
    check(lambda: Game.parse("3,0,5,nan"), ValueError, "payoff P must be finite")


def test_payoffs_too_few():
    check(lambda: Game.parse("3,0,5"), ValueError, "payoffs must be four numbers R,S,T,P (e.g. 3,0,5,1), got '3,0,5'")


def test_payoffs_not_numbers_in_text():
    check(lambda: Game.parse("3,0,five,1"), ValueError, "payoffs must be four numbers R,S,T,P", "'3,0,five,1'")


def test_game_of_wrong_type():
    check(tournament(game=(3, 0, 5, 1)), SettingsError, "game must be a cooptourney Game, got tuple")
    check(match(game="3,0,5,1"), SettingsError, "game must be a cooptourney Game, got str")


# -- probabilities ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_noise_out_of_range(value):
    check(match(noise=value), SettingsError, "noise must be a probability in [0, 1]", repr(value))
    check(tournament(noise=value), SettingsError, "noise must be a probability in [0, 1]", repr(value))


def test_noise_nan_or_text():
    check(match(noise=math.nan), SettingsError, "noise must be a probability in [0, 1]")
    check(tournament(noise="0.1"), SettingsError, "noise must be a number in [0, 1], got '0.1'")


def test_prob_end_out_of_range():
    check(match(prob_end=2), SettingsError, "prob_end must be a probability in (0, 1]", "got 2")
    check(tournament(prob_end=-0.5), SettingsError, "prob_end must be a probability", "got -0.5")


# -- lengths, repetitions, seeds ------------------------------------------------------------------


@pytest.mark.parametrize("turns", [0, -5])
def test_turns_not_positive(turns):
    check(match(turns=turns), SettingsError, f"turns must be >= 1, got {turns}")
    check(tournament(turns=turns), SettingsError, f"turns must be >= 1, got {turns}")


def test_turns_fractional():
    check(match(turns=2.5), SettingsError, "turns must be a whole number >= 1, got 2.5")
    check(tournament(turns="10"), SettingsError, "turns must be a whole number >= 1, got '10'")
    check(tournament(turns=True), SettingsError, "turns must be a whole number >= 1, got True")


def test_prob_end_zero_without_turns():
    check(match(prob_end=0, turns=None), SettingsError, "give the match length: turns >= 1, or prob_end in (0, 1]")


def test_repetitions_zero():
    check(tournament(repetitions=0), SettingsError, "repetitions must be >= 1, got 0")
    check(tournament(repetitions=1.5), SettingsError, "repetitions must be a whole number >= 1, got 1.5")


def test_seed_negative():
    check(match(seed=-1), SettingsError, "seed must be in [0, 2**64), got -1")
    check(tournament(seed=2**64), SettingsError, "seed must be in [0, 2**64)")


def test_seed_not_a_number():
    check(match(seed="x"), SettingsError, "seed must be a whole number in [0, 2**64), got 'x'")
    check(tournament(seed=1.0), SettingsError, "seed must be a whole number")


def test_match_repetition_negative():
    check(match(repetition=-1), SettingsError, "repetition must be a whole number >= 0, got -1")


# -- shapes -------------------------------------------------------------------------------------


def test_match_with_three_players():
    check(lambda: Match(("TFT", "TFT", "Defector")), SettingsError, "a match has exactly 2 players, got 3")


def test_tournament_without_players():
    check(tournament(players=[]), SettingsError, "at least one player")
    check(tournament(players="Tit For Tat"), SettingsError, "players must be a list of players")


@pytest.mark.parametrize(
    "flips",
    [np.zeros((3, 10)), np.zeros(10), np.zeros((2, 10, 1)), np.full((2, 10), 2)],
    ids=["3-rows", "1-d", "3-d", "not-0/1"],
)
def test_flips_of_wrong_shape(flips):
    check(match(turns=10, flips=flips), SettingsError, "flips must be an array of 0/1 with shape (2, turns)")


def test_flips_too_short():
    check(match(turns=10, flips=np.zeros((2, 5))), SettingsError, "flips cover 5 turns but the match has 10")


# -- valid but unusual types go through without numba errors ---------------------------------------


def test_numpy_scalars_are_accepted():
    m = Match(
        ("TFT", "Random"),
        turns=np.int32(20),
        noise=np.float32(0.1),
        seed=np.uint64(2**64 - 1),
        prob_end=np.float64(0.2),
    )
    m.play()
    assert 1 <= len(m) <= 20
    res = Tournament(
        ["TFT", "Random"],
        turns=np.int64(10),
        repetitions=np.int16(2),
        seed=np.uint64(2**63),
        noise=np.float32(0.05),
        game=Game(np.int64(3), 0, 5, 1),
    ).play()
    assert res.turns_matrix.max() == 10
    m = Match(("TFT", "TFT"), turns=5, flips=np.zeros((2, 5), dtype=bool))
    assert m.play() == [("C", "C")] * 5


# -- extreme but valid lengths ----------------------------------------------------------------


@pytest.mark.parametrize("p", [1e-17, 2.0**-60, 1e-300])
def test_tiny_prob_end_draws_geometric_lengths(p):
    """Below 2**-53, 1 - p rounds to 1; the length is still the geometric draw of mean 1/p
    (median ln 2 / p), and a draw beyond int64 is capped instead of wrapping round."""
    from cooptourney.core.streams import MAX_DRAWN_LENGTH, match_length

    draws = np.array([match_length(np.uint64(k * 0x9E3779B97F4A7C15 % 2**64), 0, p) for k in range(1, 2001)])
    assert (draws >= 1).all() and (draws <= MAX_DRAWN_LENGTH).all()
    if 1 / p < MAX_DRAWN_LENGTH / 100:
        # the sample median of 2000 exponential draws is within 10% of ln 2 / p (SE about 2.2%)
        assert abs(np.median(draws) * p / math.log(2) - 1) < 0.1
    capped = [match_length(np.uint64(k), 100, p) for k in range(1, 200)]
    assert all(n == 100 for n in capped)  # P(length < 100) = 1 - (1 - p)**99, about 99 p


def test_tiny_prob_end_plays_with_a_cap():
    r = Tournament(["Tit For Tat", "Grudger"], turns=7, prob_end=1e-300, repetitions=1, seed=1).play()
    assert (r.turns_matrix == 7).all() and np.isfinite(r.score_matrix).all()


def test_sizes_beyond_the_limits_are_refused_with_the_estimate(monkeypatch):
    check(lambda: Tournament(["TFT", "Grudger"], turns=10**12), SettingsError, "would play about 3e+13 turns")
    monkeypatch.setenv("COOPTOURNEY_WORK_LIMIT", "inf")
    monkeypatch.setenv("COOPTOURNEY_MEMORY_LIMIT", "1M")
    check(lambda: Tournament(["TFT", "Grudger"], turns=3, repetitions=10**4), SettingsError, "1 MiB", "about 18.3 MiB")
    monkeypatch.setenv("COOPTOURNEY_MEMORY_LIMIT", "lots")
    check(lambda: Tournament(["TFT"], turns=3), SettingsError, "COOPTOURNEY_MEMORY_LIMIT", "e.g. 4G")
