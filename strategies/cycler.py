"""Cyclers: fixed cycles of moves, and AntiCycler, a sequence that never becomes periodic.

Each follows the Python library ``axelrod`` 4.13.1 (``axelrod/strategies/cycler.py``)
move for move (checked in ``tests/strategies/test_cycler.py``). A Cycler's cycle is its
``table`` (0.0 = C, 1.0 = D), read by one interpreter, ``_cycle``: a new cycler is one
decorated function with its cycle as the table.

As in axelrod, the cycle advances by one every move whatever was actually played, so
a noise flip does not shift the phase. axelrod's memory depth for a cycle of length k
is k - 1 (the own last moves show the phase when there is no noise).

Turn counting: ``t`` is the number of moves already played; move ``t`` of the match
(from 0) is entry ``t mod k`` of the cycle.
"""

from numba import njit

from cooptourney.strategy_api import C, D, strategy


def _moves(cycle):
    """A cycle written "CCD" as the table (0.0, 0.0, 1.0)."""
    return tuple(0.0 if ch == "C" else 1.0 for ch in cycle)


@njit(cache=True, inline="always")
def _cycle(t, table, length):
    """The move at turn ``t`` of the cycle of ``length`` moves held in ``table[:length]``.

    The length is passed, not read from ``table.shape``: in a tournament the engine pads
    every player's ``params`` row to the longest one.
    """
    return C if table[t % length] < 0.5 else D


@strategy("Cycler DC", oracle="moves", reciprocity="unconditional", memory_depth=1, table=_moves("DC"))
def cycler_dc(my, opp, t, state, params, info, rng):
    """Repeats D, C. (Marc Harper, as in axelrod 4.13.1)

    unconditional: a fixed pattern, independent of the partner.
    """
    return _cycle(t, params, 2)


@strategy("Cycler CCD", oracle="moves", reciprocity="unconditional", memory_depth=2, table=_moves("CCD"))
def cycler_ccd(my, opp, t, state, params, info, rng):
    """Repeats C, C, D. (Marc Harper, as in axelrod 4.13.1)

    unconditional: a fixed pattern, independent of the partner.
    """
    return _cycle(t, params, 3)


@strategy("Cycler DDC", oracle="moves", reciprocity="unconditional", memory_depth=2, table=_moves("DDC"))
def cycler_ddc(my, opp, t, state, params, info, rng):
    """Repeats D, D, C. (Marc Harper, as in axelrod 4.13.1)

    unconditional: a fixed pattern, independent of the partner.
    """
    return _cycle(t, params, 3)


@strategy("Cycler CCCD", oracle="moves", reciprocity="unconditional", memory_depth=3, table=_moves("CCCD"))
def cycler_cccd(my, opp, t, state, params, info, rng):
    """Repeats C, C, C, D. (Marc Harper, as in axelrod 4.13.1)

    unconditional: a fixed pattern, independent of the partner.
    """
    return _cycle(t, params, 4)


@strategy("Cycler CCCCCD", oracle="moves", reciprocity="unconditional", memory_depth=5, table=_moves("CCCCCD"))
def cycler_cccccd(my, opp, t, state, params, info, rng):
    """Repeats C, C, C, C, C, D. (Marc Harper, as in axelrod 4.13.1)

    unconditional: a fixed pattern, independent of the partner.
    """
    return _cycle(t, params, 6)


@strategy("Cycler CCCDCD", oracle="moves", reciprocity="unconditional", memory_depth=5, table=_moves("CCCDCD"))
def cycler_cccdcd(my, opp, t, state, params, info, rng):
    """Repeats C, C, C, D, C, D. (Marc Harper, as in axelrod 4.13.1)

    unconditional: a fixed pattern, independent of the partner.
    """
    return _cycle(t, params, 6)


# state: 0 length of the current run of C's, 1 C's played in it so far


@strategy("AntiCycler", oracle="moves", reciprocity="unconditional", state=(1.0, 0.0))
def anti_cycler(my, opp, t, state, params, info, rng):
    """Plays C, D, D, then runs of one, two, three, ... C's each closed by a D: CDD CD CCD CCCD CCCCD ... (Marc Harper, as in axelrod 4.13.1)

    unconditional: a schedule of the move number, independent of the partner.

    The sequence never becomes periodic, so no cycle detector (e.g. Cycle Hunter)
    settles on it.
    """
    if t < 3:
        return C if t == 0 else D
    if state[1] < state[0]:
        state[1] += 1.0
        return C
    state[0] += 1.0
    state[1] = 0.0
    return D
