"""Darwin: plays a remembered genome of best responses by move number.

Written by Paul Slavin for the Python library ``axelrod``. axelrod's genome is shared
by all instances and carried from match to match; here every match starts from a
fresh genome (the strategy's docstring says why).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/darwin.py``) move for move, including its quirks, because that
library is the reference the tests check against
(``tests/strategies/test_darwin.py``).
"""

from cooptourney.strategy_api import C, strategy


@strategy(
    "Darwin",
    reciprocity="specific",
    memory_depth=1,
    oracle="moves",
)
def darwin(my, opp, t, state, params, info, rng):
    """Plays its remembered 'genome' of best responses by move number; with a fresh genome, as in every match here, that is Tit For Tat. (Paul Slavin, in axelrod 4.13.1, darwin.py)

    specific: within a match it returns the partner's last move, in strict sequence.

    axelrod's Darwin keeps a genome (one response per move number) shared by all
    its instances and carried from match to match: at move k it plays genome[k]
    when that exists, else the partner's last move (appended to the genome); after
    each move whose own payoff was below 3 it flips its stored response for the
    previous move. Only a later match reads the flipped entries, so in a match
    that starts from the fresh genome [C] it plays exactly Tit For Tat. The state
    of a cooptourney strategy is reset every match, so this port is that first
    match: Tit For Tat, under Darwin's name. It is checked move for move against
    axelrod's Darwin from a fresh genome (``Darwin.reset_genome()`` before each
    match); axelrod's learning across matches is not reproduced, because results here
    must not depend on the order in which matches are played.
    """
    if t == 0:
        return C
    return opp[t - 1]
