"""Handshake: a secret opening C, D that reserves cooperation for its own kind.

Robson, A. J. (1990). "Efficiency in evolutionary games: Darwin, Nash and the secret
handshake". J. Theor. Biol. 144(3), 379-396.

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/handshake.py``) move for move, including its quirks, because
that library is the reference the tests check against
(``tests/strategies/test_handshake.py``).
"""

from cooptourney.strategy_api import C, D, strategy


@strategy("Handshake", oracle="moves", reciprocity="other")
def handshake(my, opp, t, state, params, info, rng):
    """Plays C, D; cooperates for ever if the partner also opened C, D, else defects for ever. (Robson 1990, "the secret handshake", J. Theor. Biol. 144(3); as in axelrod 4.13.1, handshake.py)

    other: a secret handshake: cooperation is reserved for its own kind, whatever the partner does later.
    """
    if t < 2:
        return C if t == 0 else D
    if opp[0] == C and opp[1] == D:
        return C
    return D
