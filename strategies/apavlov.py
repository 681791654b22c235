"""Adaptive Pavlov: tit for tat that classifies its partner every six moves and answers
the class.

Li, J. (2007). "How to design a strategy to win an IPD tournament". In Kendall, Yao
and Chong (eds.), The Iterated Prisoners' Dilemma: 20 Years On, 89-104 (the 2006
reading); Li, J., Hingston, P. and Kendall, G. (2011). "Engineering design of
strategies for winning iterated prisoner's dilemma competitions". IEEE Trans. Comput.
Intell. AI Games 3(4), 348-360 (the 2011 reading).

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/apavlov.py``) move for move, including its quirks, because that
library is the reference the tests check against
(``tests/strategies/test_apavlov.py``).

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; the partner's defections so far are
``t - info[INFO_OPP_COOPS]``. All histories are the moves actually played (after noise).
"""

from numba import njit

from cooptourney.strategy_api import C, D, strategy

# state: 0 the partner's class (0 none yet, 1 Cooperative, 2 ALLD, 3 STFT, 4 PavlovD, 5 Random)
_COOPERATIVE, _ALLD, _STFT, _PAVLOVD, _RANDOM = 1.0, 2.0, 3.0, 4.0, 5.0


@njit(cache=True, inline="always")
def _window_matches(opp, t, pattern):
    """True when the partner's last six moves equal the bits of ``pattern`` (first move = high bit)."""
    for i in range(6):
        if opp[t - 6 + i] != (pattern >> (5 - i)) & 1:
            return False
    return True


@strategy("Adaptive Pavlov 2006", oracle="moves", reciprocity="specific", state=(0.0,))
def adaptive_pavlov_2006(my, opp, t, state, params, info, rng):
    """Tit for tat for six moves, then every six moves classifies the partner by its last six moves and answers the class. (Li 2007, "How to design a strategy to win an IPD tournament"; as in axelrod 4.13.1, apavlov.py)

    specific: tit for tat towards partners that cooperate or echo it, retaliation against the rest.

    At t = 6, 12, 18, ... the partner's last six moves classify it: CCCCCC
    Cooperative, DDDDDD ALLD, DCDCDC STFT, DDCDDC PavlovD; a window that matches
    none of these keeps the previous class (Random at the first classification).
    Play: Random and ALLD, D; STFT, C on the first two turns of each block of six
    (t % 6 in {0, 1}) and tit for tat otherwise; PavlovD, D on the first turn of a
    block and C otherwise; Cooperative, tit for tat.

    As in axelrod: once classified, an unmatched window does not reset the class
    to Random (axelrod only sets Random when no class is set yet).
    """
    if t < 6:
        return C if t == 0 else opp[t - 1]
    if t % 6 == 0:
        if _window_matches(opp, t, 0b000000):
            state[0] = _COOPERATIVE
        elif _window_matches(opp, t, 0b111111):
            state[0] = _ALLD
        elif _window_matches(opp, t, 0b101010):
            state[0] = _STFT
        elif _window_matches(opp, t, 0b110110):
            state[0] = _PAVLOVD
        elif state[0] == 0.0:
            state[0] = _RANDOM
    kind = state[0]
    if kind == _RANDOM or kind == _ALLD:
        return D
    if kind == _STFT:
        return C if t % 6 < 2 else opp[t - 1]
    if kind == _PAVLOVD:
        return D if t % 6 == 0 else C
    return opp[t - 1]


@strategy("Adaptive Pavlov 2011", oracle="moves", reciprocity="specific", state=(0.0,))
def adaptive_pavlov_2011(my, opp, t, state, params, info, rng):
    """Tit for tat for six moves, then every six moves classifies the partner by its defections among its last six moves and answers the class. (Li, Hingston & Kendall 2011, IEEE TCIAIG 3(4); as in axelrod 4.13.1, apavlov.py)

    specific: tit for tat or tit for two tats towards partners that mostly cooperate, retaliation against the rest.

    At t = 6, 12, 18, ...: no D among the partner's last six moves, Cooperative;
    4 or more, ALLD; exactly 3, STFT; 1 or 2 keeps the previous class (Random at
    the first classification). Play: Random and ALLD, D; STFT, tit for two tats
    (D only after two partner Ds in a row); Cooperative, tit for tat.
    """
    if t < 6:
        return C if t == 0 else opp[t - 1]
    if t % 6 == 0:
        defections = 0
        for i in range(t - 6, t):
            defections += opp[i]
        if defections == 0:
            state[0] = _COOPERATIVE
        elif defections >= 4:
            state[0] = _ALLD
        elif defections == 3:
            state[0] = _STFT
        elif state[0] == 0.0:
            state[0] = _RANDOM
    kind = state[0]
    if kind == _STFT:
        return D if opp[t - 1] == D and opp[t - 2] == D else C
    if kind == _COOPERATIVE:
        return opp[t - 1]
    return D
