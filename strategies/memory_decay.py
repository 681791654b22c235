"""Memory Decay: Tit For Tat for a few moves, then a verdict on a decaying memory of the partner.

Follows the Python library ``axelrod`` 4.13.1 (``MemoryDecay`` in
``axelrod/strategies/meta.py``, a meta player whose team is one Tit For Tat). It is
stochastic, so it is checked against axelrod statistically
(``tests/test_oracle_meta.py``).

axelrod keeps the memory as a list of the partner's moves and alters or deletes an
entry chosen uniformly at random. The verdict depends only on how many C's and D's
the list holds, and a uniform pick from a list is a C with probability (C's)/(length),
so two counts in ``state`` give the same distribution of play, at O(1) a move and
for any match length. Our draws differ from axelrod's (see the README): the two agree
in distribution, not draw by draw.

Turn counting: ``t`` is the number of moves already played, axelrod's
``len(self.history)``; the partner's move of the last turn is ``opp[t - 1]``, as
actually played (after noise).
"""

import math

from numba import njit

from cooptourney.strategies.titfortat import tit_for_tat
from cooptourney.strategy_api import C, D, Param, rand, strategy

# state: 0 C's in the memory, 1 D's in the memory


@strategy(
    "Memory Decay",
    oracle="statistics",
    reciprocity="diffuse",
    stochastic=True,
    params={
        "p_memory_delete": Param(float, 0.1, 0.0, 1.0, "chance per move that a remembered move is forgotten"),
        "p_memory_alter": Param(float, 0.03, 0.0, 1.0, "chance per move that a remembered move is turned round"),
        "loss_value": Param(float, -2.0, -math.inf, math.inf, "weight of a remembered D"),
        "gain_value": Param(float, 1.0, -math.inf, math.inf, "weight of a remembered C"),
        "start_strategy_duration": Param(int, 15, 1, math.inf, "moves played by Tit For Tat at the start"),
    },
    state=(0.0, 0.0),
)
def memory_decay(my, opp, t, state, params, info, rng):
    """Tit For Tat for 15 moves, then defects while the partner's remembered moves, C = +1 and D = -2, sum below 0; memories are altered (3%) and forgotten (10%) at random. (as in axelrod 4.13.1, ``MemoryDecay``)

    diffuse: judges the partner by its whole record, loosely kept, and lets defections pass while cooperations outweigh them two to one.

    Every move from the second on, the partner's last move is added to the memory.
    From move ``start_strategy_duration + 1`` on, before each verdict: with
    probability ``p_memory_alter`` one remembered move, picked uniformly, is turned
    round (C <-> D), then with probability ``p_memory_delete`` one is deleted; then
    it defects iff gain_value x (C's remembered) + loss_value x (D's remembered) < 0.
    Before that it plays what Tit For Tat plays. As in axelrod, each test is
    ``random() <= p`` and a pick draws once. The memory never empties: it grows by
    one move a turn and loses at most one. axelrod sums the weights one by one in
    the memory's order; with the integer weights of the defaults the two sums are
    exact and equal, with other weights they may round differently when the total is
    within rounding error of zero. axelrod's ``start_strategy`` (another team member
    than Tit For Tat) and its ``memory`` argument (a starting memory) are not offered;
    a duration of 0, which axelrod accepts but which makes it pick from an empty
    memory on the first move, is not allowed.
    """
    if t > 0:
        state[opp[t - 1]] += 1.0
    # Tit For Tat (stateless, no parameters) reads only the partner's history, so its
    # own history, which axelrod keeps apart, need not be. params[5::1] is a strided
    # view: this call compiles on its own, never the engine's overload of tit_for_tat.
    proposed = tit_for_tat(my, opp, t, state[0:0], params[5::1], info, rng)
    if t < params[4]:
        return proposed
    if rand(rng) <= params[1]:
        _pick_and_change(state, rng, 1.0)
    if rand(rng) <= params[0]:
        _pick_and_change(state, rng, 0.0)
    if params[3] * state[0] + params[2] * state[1] < 0.0:
        return D
    return C


@njit(cache=True)
def _pick_and_change(state, rng, alter):
    """Pick a remembered move uniformly; turn it round (``alter`` 1) or forget it (0)."""
    n = state[0] + state[1]
    if math.floor(rand(rng) * n) < state[0]:
        state[0] -= 1.0
        state[1] += alter
    else:
        state[1] -= 1.0
        state[0] += alter
