"""Gradual: punishments that grow with the partner's record, followed by two calming cooperations.

Beaufils, B., Delahaye, J.-P. and Mathieu, P. (1997). "Our meeting with gradual, a
good strategy for the iterated prisoner's dilemma". Artificial Life V, 202-209.

``axelrod`` 4.13.1 (``axelrod/strategies/titfortat.py``) has two readings and both
are ported move for move:

- "Original Gradual" counts an offence only when the partner defects while
  Gradual is neither punishing nor calming, and the n-th offence is punished by n
  defections. It reproduces the 1000-move scores Beaufils et al. publish (checked
  in ``tests/test_oracle_tft_variants.py``).
- "Gradual" is the version of the CRISTAL-SMAC ``ipd`` code (2018): every
  partner defection counts, including those made while Gradual punishes or calms,
  so a partner defection that is noticed is punished by as many defections as the
  partner has made in the whole match. It does not reproduce the published scores
  (axelrod issue 1294).

Turn counting: ``t`` is the number of moves already played; the partner's
defections so far are ``t - info[INFO_OPP_COOPS]`` (axelrod's
``opponent.defections``).
"""

from cooptourney.strategy_api import INFO_OPP_COOPS, C, D, strategy

# state: 0 punishments still to play, 1 calming cooperations still to play


@strategy("Gradual", oracle="moves", reciprocity="specific", state=(0.0, 0.0))
def gradual(my, opp, t, state, params, info, rng):
    """Answers a defection with as many defections as the partner has made so far, then two cooperations. (Beaufils et al. 1997, as coded by CRISTAL-SMAC 2018; as in axelrod 4.13.1)

    specific: an explicit, growing account of the partner's defaults, settled before cooperation resumes.

    Cooperates first. When not punishing or calming and the partner's last move
    was D, it defects now and for the next d - 1 turns, d being the partner's total
    defections so far, then cooperates twice whatever the partner does. The
    partner's moves during a punishment or calm are not looked at, except that
    they add to d, which is read afresh at the next trigger.
    """
    if t == 0:
        return C
    if state[0] > 0.0:
        state[0] -= 1.0
        return D
    if state[1] > 0.0:
        state[1] -= 1.0
        return C
    if opp[t - 1] == D:
        state[0] = (t - info[INFO_OPP_COOPS]) - 1.0
        state[1] = 2.0
        return D
    return C


# state: 0 calming, 1 punishing, 2 punishments played, 3 punishment length (offences)


@strategy("Original Gradual", oracle="moves", reciprocity="specific", state=(0.0, 0.0, 0.0, 0.0))
def original_gradual(my, opp, t, state, params, info, rng):
    """Punishes the n-th offence with n defections, then cooperates twice. (Beaufils et al. 1997, Artificial Life V; as in axelrod 4.13.1)

    specific: an explicit account of offences, each charged more than the last and settled before cooperation resumes.

    Cooperates first. A partner defection seen while neither punishing nor calming
    is the n-th offence: it defects n times (starting now) and then cooperates
    twice whatever the partner does. Partner defections during a punishment or a
    calm are not counted, which is how the published scores come out (see the
    module docstring).
    """
    if state[0] > 0.5:
        state[0] = 0.0
        return C
    if state[1] > 0.5:
        if state[2] < state[3]:
            state[2] += 1.0
            return D
        state[0] = 1.0
        state[1] = 0.0
        state[2] = 0.0
        return C
    if t > 0 and opp[t - 1] == D:
        state[1] = 1.0
        state[2] += 1.0
        state[3] += 1.0
        return D
    return C
