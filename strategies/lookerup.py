"""Lookup tables: the move is read from a table keyed by the recent and the opening moves.

Sources: Harper, M., Knight, V., Jones, M., Koutsovoulos, G., Glynatsis, N. E. and
Campbell, O. (2017). "Reinforcement learning produces dominant strategies for the
iterated prisoner's dilemma". PLoS ONE 12(12), e0188046; Mathieu & Delahaye (2015),
AAMAS (Winner12, Winner21).

A LookerUp with depths (a, b, c) looks up its own last a moves, the partner's last b
moves and the partner's first c moves; before it has d = max(a, b, c) moves of
history it plays its fixed opening moves instead. The rules follow the Python
library ``axelrod`` 4.13.1 (``axelrod/strategies/lookerup.py``) move for move; the
tables are in ``data/lookerup.json``, written from the installed ``axelrod`` by
``data/generate_tables.py``. Every table is one decorated function over the shared
interpreter :func:`lookup_position`, which the stochastic tables of ``gambler.py``
share too.

Table order (``data/generate_tables.py`` states it): keys run over own moves, then
the partner's last moves, then the partner's first moves, each oldest first, C before
D, as binary digits with C = 0 and D = 1; so with depths (1, 2, 0) the entry for
"own last D, partner's last two C then D" is number 0b101 = 5.

Turn counting: ``t`` is the number of moves already played (axelrod's
``len(opponent.history)``, which its LookerUp compares with the opening length).
The keys are the moves actually played (after noise).

Memory depth: max(a, b, c) when c = 0; with opening moves in the key it is unbounded.

axelrod's base ``LookerUp`` (a Tit For Tat table) is not in ``axelrod.all_strategies``
and has no counterpart here: a table of free length is not a scalar parameter.
"""

import functools

from numba import njit

from cooptourney.strategies.fsm import trained_tables
from cooptourney.strategy_api import at, strategy

_MOVE = {"C": 0.0, "D": 1.0}


def lookup_table(filename, name, probabilities=False, depths=None):
    """One table as the flat layout :func:`lookup_position` reads; ``depths``, when
    given, is the (a, b, c) that the table's step passes to :func:`lookup_position`
    (checked against the data).

    Layout: own depth a, partner depth b, opening depth c, d = max(a, b, c), the d
    opening entries, then the 2 ** (a + b + c) table entries. Entries are moves
    (0 = C, 1 = D), or with ``probabilities`` the probability of playing C (an
    opening C is then 1.0).

    Keep the layout and the order of the entries: ``Player.identity`` lists the table
    values in this order, and the identity keys the player's random streams (its noise,
    a gambler's draws, a meta player's picks), so a reordered table changes results
    even where it plays the same moves.
    """
    spec = trained_tables(filename)[name]
    a, b, c = spec["own_depth"], spec["op_depth"], spec["op_openings_depth"]
    d = max(a, b, c)
    openings = spec["initial_actions"]
    pattern = spec["pattern"]
    if len(openings) != d or len(pattern) != 2 ** (a + b + c):
        raise ValueError(f"{name}: {len(openings)} opening moves and {len(pattern)} entries for depths {a, b, c}")
    if depths is not None and tuple(depths) != (a, b, c):
        raise ValueError(f"{name}: its step passes depths {tuple(depths)}, the table has {a, b, c}")
    if probabilities:
        entries = [1.0 - _MOVE[m] for m in openings] + [float(p) for p in pattern]
    else:
        entries = [_MOVE[m] for m in openings] + [_MOVE[m] for m in pattern]
    return [float(a), float(b), float(c), float(d)] + entries


# inlined into each step: a call would pass every array as numba's seven-field struct
@njit(cache=True, inline="always")
def lookup_position(my, opp, t, params, k, a, b, c):
    """Index into ``params`` of the entry that decides this turn (table at ``params[k]``).

    ``a``, ``b``, ``c`` are the table's depths. Each step passes its table's as
    constants (:func:`lookup_table` checks them against the data): then the loops that
    build the key unroll and every offset is a compile-time constant.
    """
    d = max(a, b, c)
    if t < d:
        return k + 4 + t
    key = 0
    for i in range(a):
        key = 2 * key + at(my, t - a + i)
    for i in range(b):
        key = 2 * key + at(opp, t - b + i)
    for i in range(c):
        key = 2 * key + at(opp, i)
    return k + 4 + d + key


@njit(cache=True, inline="always")
def lookup_entry(my, opp, t, params, a, b, c):
    """The entry that decides this turn, for the table at ``params[0]`` of depths a, b, c."""
    return at(params, lookup_position(my, opp, t, params, 0, a, b, c))


def _table(name, depths):
    return functools.partial(lookup_table, "lookerup.json", name, depths=depths)


# No declared parameters: every table starts at params[0].


@strategy(
    "EvolvedLookerUp1_1_1", reciprocity="specific", table=_table("EvolvedLookerUp1_1_1", (1, 1, 1)), oracle="moves"
)
def evolved_lookerup_1_1_1(my, opp, t, state, params, info, rng):
    """A lookup table on its own last move, the partner's last move and the partner's first move, evolved to score well against axelrod's strategies. (Marc Harper, in Harper et al. 2017, PLoS ONE; as in axelrod 4.13.1)

    specific: against a partner that opened with C it is a grudger (one defection closes the account for good).

    Opens with C. Then, keyed (own last, partner's last, partner's first):
    CCC -> C, CCD -> D, CDC -> D, CDD -> D, DCC -> D, DCD -> C, DDC -> D, DDD -> D.
    """
    return int(lookup_entry(my, opp, t, params, 1, 1, 1))


@strategy(
    "EvolvedLookerUp2_2_2", reciprocity="specific", table=_table("EvolvedLookerUp2_2_2", (2, 2, 2)), oracle="moves"
)
def evolved_lookerup_2_2_2(my, opp, t, state, params, info, rng):
    """A lookup table on its own last two moves, the partner's last two and the partner's first two, evolved to score well against axelrod's strategies; table in data/lookerup.json. (Marc Harper, in Harper et al. 2017, PLoS ONE; as in axelrod 4.13.1)

    specific: never defects first against a cooperator and meets persistent defection with defection.

    Opens with C, C; the 64 entries are in the order of the module docstring.
    """
    return int(lookup_entry(my, opp, t, params, 2, 2, 2))


@strategy("Winner12", reciprocity="specific", memory_depth=2, table=_table("Winner12", (1, 2, 0)), oracle="moves")
def winner12(my, opp, t, state, params, info, rng):
    """After its own C plays Tit For Tat; after its own D cooperates only if the partner's last two moves were C then D. (Mathieu & Delahaye 2015, AAMAS; as in axelrod 4.13.1)

    specific: copies the partner's last move while at peace and needs a particular sequence to stop retaliating.

    Opens with C, C. Then, keyed (own last, partner's second-last, partner's last):
    CCC -> C, CCD -> D, CDC -> C, CDD -> D, DCC -> D, DCD -> C, DDC -> D, DDD -> D.
    """
    return int(lookup_entry(my, opp, t, params, 1, 2, 0))


@strategy("Winner21", reciprocity="specific", memory_depth=2, table=_table("Winner21", (1, 2, 0)), oracle="moves")
def winner21(my, opp, t, state, params, info, rng):
    """After its own C plays Tit For Tat; after its own D cooperates only if the partner cooperated on both of its last two moves. (Mathieu & Delahaye 2015, AAMAS; as in axelrod 4.13.1)

    specific: copies the partner's last move while at peace and asks for two cooperations before it stops retaliating.

    Opens with D, C. Then, keyed (own last, partner's second-last, partner's last):
    CCC -> C, CCD -> D, CDC -> C, CDD -> D, DCC -> C, DCD -> D, DDC -> D, DDD -> D.
    """
    return int(lookup_entry(my, opp, t, params, 1, 2, 0))
