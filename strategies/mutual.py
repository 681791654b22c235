"""Desperate, Hopeless and Willing: memory-one players that answer mutual outcomes.

van den Berg, P. and Weissing, F. J. (2015). "The importance of mechanisms for the
evolution of cooperation". Proc. R. Soc. B 282, 20151382.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/mutual.py``) in distribution (each draws exactly when axelrod
draws: on the first move), including its quirks, because that library is the reference
the tests check against (``tests/strategies/test_mutual.py``).
"""

from cooptourney.strategy_api import C, D, random_choice, strategy


@strategy("Desperate", oracle="statistics", reciprocity="negative", memory_depth=1, stochastic=True)
def desperate(my, opp, t, state, params, info, rng):
    """Random first move; then cooperates only after a mutual defection. (van den Berg & Weissing 2015, Proc. R. Soc. B 282; as in axelrod 4.13.1, mutual.py)

    negative: meets the partner's cooperation with defection, always.

    The memory-one player (0, 0, 0, 1). One draw, on the first move.
    """
    if t == 0:
        return random_choice(rng, 0.5)
    if my[t - 1] == D and opp[t - 1] == D:
        return C
    return D


@strategy("Hopeless", oracle="statistics", reciprocity="other", memory_depth=1, stochastic=True)
def hopeless(my, opp, t, state, params, info, rng):
    """Random first move; then defects only after a mutual cooperation. (van den Berg & Weissing 2015, Proc. R. Soc. B 282; as in axelrod 4.13.1, mutual.py)

    other: it breaks mutual cooperation and restores it after anything else; it does not answer the partner's move as such.

    The memory-one player (0, 1, 1, 1). One draw, on the first move.
    """
    if t == 0:
        return random_choice(rng, 0.5)
    if my[t - 1] == C and opp[t - 1] == C:
        return D
    return C


@strategy("Willing", oracle="statistics", reciprocity="diffuse", memory_depth=1, stochastic=True)
def willing(my, opp, t, state, params, info, rng):
    """Random first move; then defects only after a mutual defection. (van den Berg & Weissing 2015, Proc. R. Soc. B 282; as in axelrod 4.13.1, mutual.py)

    diffuse: cooperates after any round in which either side cooperated, so a partner's defection against its C goes unanswered.

    The memory-one player (1, 1, 1, 0). One draw, on the first move.
    """
    if t == 0:
        return random_choice(rng, 0.5)
    if my[t - 1] == D and opp[t - 1] == D:
        return D
    return C
