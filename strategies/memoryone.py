"""Memory-one strategies: the next move depends only on the last round."""

from cooptourney.strategy_api import (
    C,
    D,
    INFO_P,
    INFO_R,
    INFO_S,
    INFO_T,
    Param,
    random_choice,
    strategy,
)


@strategy(
    "Win-Stay Lose-Shift",
    aliases=["WSLS", "Pavlov", "Simpleton"],
    reciprocity="specific",
    memory_depth=1,
)
def win_stay_lose_shift(my, opp, t, state, params, info, rng):
    """Cooperates first; repeats its last move after R or T, switches after S or P. (Nowak & Sigmund 1993)

    specific: conditions each move on the last exchange only.
    """
    if t == 0:
        return C
    # the memory-one vector (1, 0, 0, 1): cooperate iff both played the same move
    return C if my[t - 1] == opp[t - 1] else D


@strategy(
    "Generous Tit For Tat",
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
        R = info[INFO_R]
        S = info[INFO_S]
        T = info[INFO_T]
        P = info[INFO_P]
        g = min(1.0 - (T - R) / (R - S), (R - P) / (T - P))
    return random_choice(rng, g)
