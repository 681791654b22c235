"""A plugin: two strategies of your own, registered for every command that loads this file.

cooptourney list --plugin examples/my_strategies.py --reciprocity diffuse
cooptourney run -p "Patient Tit For Tat" "Tit For Tat" Defector --plugin examples/my_strategies.py
cooptourney run examples/config.toml          (its [plugins] section loads this file)
"""

from cooptourney.strategy_api import C, D, strategy


@strategy("Patient Tit For Tat", reciprocity="diffuse", memory_depth=2)
def patient_tit_for_tat(my, opp, t, state, params, info, rng):
    """Defects only after two defections in a row by the partner.

    diffuse: one defection is taken as a possible accident and let pass.
    """
    if t >= 2 and opp[t - 1] == D and opp[t - 2] == D:
        return D
    return C


@strategy("Cautious Starter", reciprocity="specific", memory_depth=1)
def cautious_starter(my, opp, t, state, params, info, rng):
    """Defects on the first turn, then copies the partner's last move.

    specific: answers each move with the same move, as Tit For Tat does.
    """
    return D if t == 0 else opp[t - 1]
