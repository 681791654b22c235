"""Grumpy: a mood driven by the partner's running balance of defections over cooperations.

Follows ``axelrod`` 4.13.1 (``axelrod/strategies/grumpy.py``) move for move
(checked in ``tests/strategies/test_grumpy.py``).

Parked under a leading underscore, so the registry does not load it: the name
"Grumpy" clashes with the alias "GRUMPY" of the plugin stub in
``tests/test_registry.py::test_load_plugin_registers_and_plays``. Once that stub
uses another alias, rename this file to ``grumpy.py``; the Grumpy tests then run.

Turn counting: ``t`` is the number of moves already played; the partner's
cooperations so far are ``info[INFO_OPP_COOPS]``, its defections ``t`` minus that.
"""

import math

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, Param, strategy

# state: 0 grumpy (1.0) or nice (0.0); set from the start_grumpy parameter on the first move


@strategy(
    "Grumpy",
    oracle="moves",
    reciprocity="diffuse",
    params={
        "start_grumpy": Param(bool, False, doc="start in the grumpy mood (axelrod's starting_state='Grumpy')"),
        "grumpy_threshold": Param(
            int, 10, -math.inf, math.inf, "turns grumpy when partner defections - cooperations exceed this"
        ),
        "nice_threshold": Param(
            int, -10, -math.inf, math.inf, "turns nice again when partner defections - cooperations fall below this"
        ),
    },
    state=(0.0,),
)
def grumpy(my, opp, t, state, params, info, rng):
    """Nice (C) until the partner's defections exceed its cooperations by more than 10, then grumpy (D) until its cooperations exceed its defections by more than 10. (Jason Young, in axelrod 4.13.1)

    diffuse: keeps a running balance with a credit line of 10 net defections, and demands a surplus of 10 cooperations before forgiving.

    g = partner defections - partner cooperations over the whole match. Nice: if
    g > grumpy_threshold it turns grumpy and defects, else cooperates. Grumpy: if
    g < nice_threshold it turns nice and cooperates, else defects. The test is
    made on every move including the first (g = 0 there), as in axelrod.
    """
    if t == 0:
        state[0] = params[0]
    g = t - 2.0 * info[INFO_OPP_COOPS]
    if state[0] < 0.5:
        if g > params[1]:
            state[0] = 1.0
            return D
        return C
    if g < params[2]:
        state[0] = 0.0
        return C
    return D
