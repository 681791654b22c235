"""The Tit For Tat family: specific reciprocity and its mirror images."""

from cooptourney.strategy_api import C, D, strategy


@strategy("Tit For Tat", oracle="moves", aliases=["TFT"], reciprocity="specific", memory_depth=1)
def tit_for_tat(my, opp, t, state, params, info, rng):
    """Cooperates first, then copies the partner's last move. (Rapoport; Axelrod 1980)

    specific: returns exactly what it received, in strict sequence.
    """
    if t == 0:
        return C
    return opp[t - 1]


@strategy("Suspicious Tit For Tat", oracle="moves", aliases=["STFT", "Mistrust"], reciprocity="specific", memory_depth=1)
def suspicious_tit_for_tat(my, opp, t, state, params, info, rng):
    """Defects first, then copies the partner's last move. (Beaufils et al. 1997)

    specific: strict tit-for-tat after a distrustful opening.
    """
    if t == 0:
        return D
    return opp[t - 1]


@strategy("Tit For 2 Tats", oracle="moves", aliases=["TF2T"], reciprocity="specific", memory_depth=2)
def tit_for_two_tats(my, opp, t, state, params, info, rng):
    """Defects only after two consecutive defections by the partner. (Axelrod 1984)

    specific: still answers like with like, but needs a repeated offence first.
    """
    if t >= 2 and opp[t - 1] == D and opp[t - 2] == D:
        return D
    return C


@strategy("Two Tits For Tat", oracle="moves", aliases=["TTFT"], reciprocity="specific", memory_depth=2)
def two_tits_for_tat(my, opp, t, state, params, info, rng):
    """Defects twice after each defection: D if either of the partner's last two moves was D. (Axelrod 1984)

    specific: exact accounting, with a doubled penalty.
    """
    if t >= 1 and opp[t - 1] == D:
        return D
    if t >= 2 and opp[t - 2] == D:
        return D
    return C


@strategy("Anti Tit For Tat", oracle="moves", aliases=["ATFT"], reciprocity="negative", memory_depth=1)
def anti_tit_for_tat(my, opp, t, state, params, info, rng):
    """Cooperates first, then plays the opposite of the partner's last move. (Hilbe et al. 2013)

    negative: answers cooperation with defection.
    """
    if t == 0:
        return C
    return 1 - opp[t - 1]


@strategy("Bully", oracle="moves", aliases=["Reverse Tit For Tat"], reciprocity="negative", memory_depth=1)
def bully(my, opp, t, state, params, info, rng):
    """Defects first, then plays the opposite of the partner's last move. (Nachbar 1992)

    negative: exploits cooperation and backs down only when met with defection.
    """
    if t == 0:
        return D
    return 1 - opp[t - 1]
