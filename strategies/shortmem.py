"""ShortMem: judges the partner by its last ten moves.

Andre, C., Coquio, M., Lamiraux, P. and Vinet, A. (2013). "Strategies for the
iterated prisoner's dilemma" (student report, the source axelrod cites).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/shortmem.py``) move for move, including its quirks, because that
library is the reference the tests check against
(``tests/strategies/test_shortmem.py``).

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; the partner's defections so far are
``t - info[INFO_OPP_COOPS]``. All histories are the moves actually played (after noise).
"""

from cooptourney.strategy_api import C, D, strategy


@strategy("ShortMem", oracle="moves", reciprocity="diffuse", memory_depth=10)
def short_mem(my, opp, t, state, params, info, rng):
    """Cooperates for 11 moves; then C if the partner's last ten moves hold at least 3 more Cs than Ds, D if at least 3 more Ds, else tit for tat. (Andre et al. 2013; as in axelrod 4.13.1, shortmem.py)

    diffuse: judges the partner by its recent record, so a single defection amid cooperation passes.

    axelrod's docstring says it starts analysing "from the tenth round on"; its
    code, reproduced here, cooperates while the partner has played at most 10
    moves, i.e. on moves 1-11. axelrod classifies it as long memory; it reads
    only the last ten moves (and the move number).
    """
    if t <= 10:
        return C
    defections = 0
    for i in range(t - 10, t):
        defections += opp[i]
    cooperations = 10 - defections
    if cooperations - defections >= 3:
        return C
    if defections - cooperations >= 3:
        return D
    return opp[t - 1]
