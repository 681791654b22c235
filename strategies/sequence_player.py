"""Sequence players: play a fixed sequence of moves whatever the partner does.

The hidden Sequence Player replays a given sequence (a test and teaching helper,
``Player.sequence``); ThueMorse and ThueMorseInverse, written by Geraint Palmer for
the Python library ``axelrod``, play the Thue-Morse sequence.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/sequence_player.py``) move for move, including its quirks,
because that library is the reference the tests check against
(``tests/strategies/test_sequence_player.py``).
"""

from numba import njit

from cooptourney.strategy_api import C, D, strategy


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


@njit(cache=True, inline="always")
def _thue_morse(n):
    """Term n of the Thue-Morse sequence 0 1 1 0 1 0 0 1 ...: the parity of the 1-bits of n."""
    bits = 0
    while n > 0:
        bits ^= n & 1
        n >>= 1
    return bits


@strategy("ThueMorse", oracle="moves", reciprocity="unconditional")
def thue_morse(my, opp, t, state, params, info, rng):
    """Plays the Thue-Morse sequence with 0 as D and 1 as C: D C C D C D D C ... (Geraint Palmer, as in axelrod 4.13.1, sequence_player.py)

    unconditional: a schedule of the move number, independent of the partner.
    """
    return D if _thue_morse(t) == 0 else C


@strategy("ThueMorseInverse", oracle="moves", reciprocity="unconditional")
def thue_morse_inverse(my, opp, t, state, params, info, rng):
    """Plays the Thue-Morse sequence with 0 as C and 1 as D: C D D C D C C D ... (Geraint Palmer, as in axelrod 4.13.1, sequence_player.py)

    unconditional: a schedule of the move number, independent of the partner.
    """
    return C if _thue_morse(t) == 0 else D
