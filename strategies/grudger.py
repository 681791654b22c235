"""Trigger strategies: one defection ends cooperation."""

from cooptourney.strategy_api import C, D, INFO_OPP_COOPS, strategy


@strategy(
    "Grudger", oracle="moves",
    aliases=["Grim Trigger", "Grim", "Friedman", "Spiteful"],
    reciprocity="specific",
)
def grudger(my, opp, t, state, params, info, rng):
    """Cooperates until the partner defects once, then defects for ever. (Friedman 1971; Axelrod 1980)

    specific: a strict account that one default closes for good.
    """
    if info[INFO_OPP_COOPS] < t:
        return D
    return C
