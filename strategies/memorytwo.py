"""Memory-two strategies: the all-or-none rules AON2 and Delayed AON1, and MEM2.

Sources: Hilbe, C., Martinez-Vaquero, L. A., Chatterjee, K. and Nowak, M. A. (2017).
"Memory-n strategies of direct reciprocity". PNAS 114(18), 4715-4720 (AON2, Delayed
AON1); Li, Hingston & Kendall (2014) (MEM2).

Each follows the Python library ``axelrod`` 4.13.1 (``axelrod/strategies/memorytwo.py``)
move for move (checked in ``tests/strategies/test_memorytwo.py``).

AON2 and Delayed AON1 are deterministic memory-two players: a table of 16
probabilities of C (the ``table`` here), indexed by the last two rounds, in axelrod's
order: P(C | own moves I J, partner's K L) for (I, J, K, L) running through CCCC, CCCD,
CCDC, ..., DDDD, where J and L are the last round and I and K the round before.

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t`` and the last two rounds are ``t - 2`` and ``t - 1``.
All histories are the moves actually played (after noise).
"""

from numba import njit

from cooptourney.strategy_api import C, D, random_choice, strategy


@njit(cache=True, inline="always")
def _memory_two(my, opp, t, table, rng):
    """C, C on the first two moves, then C with the probability the table gives the last two rounds."""
    if t < 2:
        return C
    key = 8 * my[t - 2] + 4 * my[t - 1] + 2 * opp[t - 2] + opp[t - 1]
    return random_choice(rng, table[key])


@strategy(
    "AON2",
    oracle="moves",
    reciprocity="specific",
    memory_depth=2,
    table=(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1),
)
def aon2(my, opp, t, state, params, info, rng):
    """All-or-none memory two: cooperates only when both players made the same moves in each of the last two rounds (CC,CC / CD,CD / DC,DC / DD,DD). (Hilbe, Martinez-Vaquero, Chatterjee & Nowak 2017, PNAS 114; as in axelrod 4.13.1)

    specific: cooperation resumes only once the exchange has been even in both of the last two rounds.

    Cooperates on the first two moves. Hilbe et al. list four vectors with this
    behaviour among mutual cooperators; axelrod uses the first,
    (1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1), its 16 entries the table here.
    """
    return _memory_two(my, opp, t, params, rng)


@strategy(
    "Delayed AON1",
    oracle="moves",
    reciprocity="specific",
    memory_depth=2,
    table=(1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1),
)
def delayed_aon1(my, opp, t, state, params, info, rng):
    """Win-Stay Lose-Shift applied to the round before last: cooperates after (own, partner's) last two rounds CC,CC / CD,CD / CD,DD / DD,CD / DC,DC / DD,DD. (Hilbe, Martinez-Vaquero, Chatterjee & Nowak 2017, PNAS 114; as in axelrod 4.13.1)

    specific: conditions each move on how the exchange went, one round late.

    Cooperates on the first two moves. Of the three vectors Hilbe et al. list,
    axelrod uses the third, (1,0,0,0, 0,1,0,1, 0,0,1,0, 0,1,0,1), the table here.
    """
    return _memory_two(my, opp, t, params, rng)


# state: 0 the rule played: 0 Tit For Tat, 1 Tit For 2 Tats, 2 Defector,
#        1 moves until the next choice of rule, 2 times Defector was chosen

_TFT = 0.0
_TFTT = 1.0
_ALLD = 2.0


@strategy("MEM2", oracle="moves", reciprocity="specific", state=(_TFT, 3.0, 0.0))
def mem2(my, opp, t, state, params, info, rng):
    """Every two moves picks Tit For Tat, Tit For 2 Tats or Defector by the last two rounds; after the second pick of Defector it stays Defector. (Li, Hingston & Kendall 2014; as in axelrod 4.13.1)

    specific: each choice of rule answers how the last two rounds were exchanged, and repeated trouble closes the account.

    It plays Tit For Tat on moves 1-2; the rule is chosen on moves 3, 5, 7, ...: Tit For
    Tat after two rounds of mutual cooperation, Tit For 2 Tats after one round (C, D)
    and one round (D, C) in either order, Defector otherwise. As axelrod notes, the
    lock into Defector makes its memory unbounded, although the paper calls it memory
    two.
    """
    state[1] -= 1.0
    if state[1] == 0.0 and state[2] < 2.0:
        state[1] = 2.0
        a = 2 * my[t - 2] + opp[t - 2]  # rounds coded 2 x own + partner's: CC 0, CD 1, DC 2, DD 3
        b = 2 * my[t - 1] + opp[t - 1]
        if a == 0 and b == 0:
            state[0] = _TFT
        elif (a == 1 and b == 2) or (a == 2 and b == 1):
            state[0] = _TFTT
        else:
            state[0] = _ALLD
            state[2] += 1.0
    if state[0] == _TFT:
        return C if t == 0 else opp[t - 1]
    if state[0] == _TFTT:
        return D if t >= 2 and opp[t - 1] == D and opp[t - 2] == D else C
    return D
