"""Grudges with a free pass: the first defection is forgiven, the next one is not.

Follows ``axelrod`` 4.13.1 (``axelrod/strategies/oncebitten.py``) move for move
(checked in ``tests/test_oracle_tft_variants.py``).

Turn counting: ``t`` is the number of moves already played; the partner's
defections so far are ``t - info[INFO_OPP_COOPS]`` (axelrod's ``opponent.defections``).
"""

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, strategy


@strategy("Fool Me Once", oracle="moves", reciprocity="specific")
def fool_me_once(my, opp, t, state, params, info, rng):
    """Forgives the partner's first defection and defects for ever after its second. (Marc Harper, in axelrod 4.13.1)

    specific: a strict account with one default's credit; the second default closes it for good.

    The two defections need not be consecutive; it defects from the turn after the
    second one on.
    """
    if t - info[INFO_OPP_COOPS] > 1.0:
        return D
    return C
