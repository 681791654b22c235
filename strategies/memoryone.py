"""Memory-one strategies: the next move depends only on the last round."""

from cooptourney.game import game_generosity
from cooptourney.strategy_api import (
    C,
    INFO_P,
    INFO_R,
    INFO_S,
    INFO_T,
    Param,
    payoff,
    random_choice,
    strategy,
)


@strategy(
    "Win-Stay Lose-Shift", oracle="moves",
    aliases=["WSLS", "Pavlov", "Simpleton"],
    reciprocity="specific",
    memory_depth=1,
    uses_game=True,
    params={
        "aspiration": Param(
            float, None, -float("inf"), float("inf"),
            "payoff that counts as a win; default (R + P) / 2 of the perceived game",
        )
    },
)
def win_stay_lose_shift(my, opp, t, state, params, info, rng):
    """Cooperates first; repeats its last move after a win, switches after a loss. (Nowak & Sigmund 1993)

    specific: conditions each move on the last exchange only.

    A win is a last payoff at or above the aspiration level, by default halfway between
    the (perceived) R and P. In a prisoner's dilemma R and T win and S and P lose, which
    is the memory-one vector (1, 0, 0, 1) of ``axelrod``'s Win-Stay Lose-Shift; under a
    politics transformer the player's perceived payoffs decide what counts as a win.
    """
    if t == 0:
        return C
    a = params[0]
    if a != a:  # NaN: derive from the perceived game
        a = 0.5 * (info[INFO_R] + info[INFO_P])
    if payoff(info, my[t - 1], opp[t - 1]) >= a:
        return my[t - 1]
    return 1 - my[t - 1]


@strategy(
    "Generous Tit For Tat", oracle="statistics",
    aliases=["GTFT"],
    reciprocity="diffuse",
    memory_depth=1,
    stochastic=True,
    uses_game=True,
    params={
        "generosity": Param(
            float, None, 0.0, 1.0,
            "probability of cooperating after a defection; default from the game: "
            "min(1 - (T-R)/(R-S), (R-P)/(T-P)), 1/3 at 3, 0, 5, 1",
        )
    },
)
def generous_tit_for_tat(my, opp, t, state, params, info, rng):
    """Tit For Tat that forgives a defection with probability g. (Nowak & Sigmund 1992; Molander 1985)

    diffuse: extends credit after a defection instead of settling the account.

    The default g = min(1 - (T-R)/(R-S), (R-P)/(T-P)) is computed from the payoffs
    the player perceives, so it follows the game being played.
    """
    if t == 0:
        return C
    if opp[t - 1] == C:
        return C
    g = params[0]
    if g != g:  # NaN: derive from the (perceived) game
        g = game_generosity(info[INFO_R], info[INFO_S], info[INFO_T], info[INFO_P])
    return random_choice(rng, g)


@strategy(
    "Generic Memory One Player",
    aliases=["Memory One", "MemoryOne"],
    reciprocity="other",
    memory_depth=1,
    stochastic=True,
    params={
        "p_cc": Param(float, 1.0, 0.0, 1.0, "P(C) after mutual cooperation"),
        "p_cd": Param(float, 0.0, 0.0, 1.0, "P(C) after being exploited (own C, partner D)"),
        "p_dc": Param(float, 0.0, 0.0, 1.0, "P(C) after exploiting (own D, partner C)"),
        "p_dd": Param(float, 1.0, 0.0, 1.0, "P(C) after mutual defection"),
        "initial": Param(float, 1.0, 0.0, 1.0, "P(C) on the first move"),
    },
)
def memory_one(my, opp, t, state, params, info, rng):
    """Any memory-one vector (p_CC, p_CD, p_DC, p_DD) with a first-move probability. (Nowak & Sigmund 1990)

    other: its tag depends on the vector (TFT's (1,0,1,0) is specific, GTFT's diffuse),
    so the generic player is not tagged by itself.

    Without parameters it is Win-Stay Lose-Shift's vector (1, 0, 0, 1) opening with C,
    as ``axelrod``'s ``MemoryOnePlayer()``; draws are made only for probabilities
    strictly between 0 and 1.
    """
    if t == 0:
        return random_choice(rng, params[4])
    return random_choice(rng, params[2 * my[t - 1] + opp[t - 1]])
