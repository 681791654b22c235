"""Unconditional and simple patterned strategies."""

from cooptourney.strategy_api import C, D, Param, random_choice, strategy


@strategy("Cooperator", oracle="moves", aliases=["ALLC", "Always Cooperate"], reciprocity="unconditional", memory_depth=0)
def cooperator(my, opp, t, state, params, info, rng):
    """Always cooperates. (Axelrod 1984)

    unconditional: gives whatever it receives, no exchange is counted.
    """
    return C


@strategy("Defector", oracle="moves", aliases=["ALLD", "Always Defect"], reciprocity="unconditional", memory_depth=0)
def defector(my, opp, t, state, params, info, rng):
    """Always defects. (Axelrod 1984)

    unconditional: never reciprocates anything.
    """
    return D


@strategy(
    "Random", oracle="statistics",
    aliases=["Chaos", "Lunatic"],
    reciprocity="unconditional",
    memory_depth=0,
    stochastic=True,
    params={"p": Param(float, 0.5, 0.0, 1.0, "probability of cooperating")},
)
def random_player(my, opp, t, state, params, info, rng):
    """Cooperates with probability p (default 1/2). (Axelrod 1980, the RANDOM entry)

    unconditional: its moves ignore the partner entirely.
    """
    return random_choice(rng, params[0])


@strategy("Alternator", oracle="moves", reciprocity="unconditional", memory_depth=1)
def alternator(my, opp, t, state, params, info, rng):
    """Cooperates first, then alternates C and D. (Axelrod 1984)

    unconditional: a fixed pattern, independent of the partner.
    """
    if t == 0:
        return C
    return D if my[t - 1] == C else C


@strategy(
    "Sequence Player",
    reciprocity="other",
    memory_depth=0,
    hidden=True,
)
def sequence_player(my, opp, t, state, params, info, rng):
    """Replays the moves stored in its state vector (a test and teaching helper).

    Build it with ``Player.sequence("CCDC...")``; past the end of the sequence it
    keeps playing the last move.

    other: a recording, not a rule.
    """
    i = t if t < state.shape[0] else state.shape[0] - 1
    return D if state[i] > 0.5 else C
