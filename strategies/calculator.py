"""Calculator: Joss for 20 moves, then exploits a cyclic partner and plays tit for tat
with the rest.

From the PRISON project of the LIFL, Lille (Mathieu, Delahaye et al. 1998,
"[Prison1998]").

The rules follow ``axelrod`` 4.13.1's module of the same name
(``axelrod/strategies/calculator.py``) in distribution (it draws exactly when axelrod
draws), including its quirks, because that library is the reference the tests check
against (``tests/strategies/test_calculator.py``).

Turn counting: ``t`` is the number of moves already played, so axelrod's
``len(self.history)`` is ``t``; the partner's defections so far are
``t - info[INFO_OPP_COOPS]``. All histories are the moves actually played (after noise).
"""

from cooptourney.strategy_api import C, D, random_choice, strategy

# state: 0 the partner's first 20 moves repeat a cycle (1.0 = yes; set at t = 20)


@strategy("Calculator", oracle="statistics", reciprocity="negative", stochastic=True, state=(0.0,))
def calculator(my, opp, t, state, params, info, rng):
    """Plays Joss for 20 moves; then defects for ever if the partner's first 20 moves repeat a cycle of length 1-10, else tit for tat. (PRISON project, LIFL 1998; as in axelrod 4.13.1, calculator.py)

    negative: a predictable partner, a cooperator included, is exploited for the rest of the match.

    Joss (First by Joss): C first, then D after a partner D and C with
    probability 0.9 after a partner C (one draw then). A cycle of length k means
    move i of the partner equals move i mod k for all of the first 20 (axelrod's
    ``detect_cycle``), so an unconditional cooperator or defector, or an
    alternator, is cyclic.
    """
    if t < 20:
        if t == 0:
            return C
        return random_choice(rng, 0.9) if opp[t - 1] == C else D
    if t == 20:
        for k in range(1, 11):
            cyclic = True
            for i in range(k, 20):
                if opp[i] != opp[i % k]:
                    cyclic = False
                    break
            if cyclic:
                state[0] = 1.0
                break
    if state[0] > 0.5:
        return D
    return opp[t - 1]
