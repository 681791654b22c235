"""The scripted partners of the reciprocity battery.

Each partner is a fixed script of moves, played by the hidden Sequence Player
(:meth:`cooptourney.players.Player.sequence`), so the engine plays it like any other
strategy and a match against it is reproducible bit for bit. Every script cooperates
until the *offence turn* ``offence`` (the strategy has settled into its opening by
then), and then does one thing the battery wants to see answered:

========== ==================================================================
partner    script from the offence turn on
========== ==================================================================
cooperator cooperates throughout: the baseline every response is measured against
single     one defection, then cooperation
run        ``run`` consecutive defections, then cooperation
alternator defection and cooperation in turn, to the end (an exploiter)
free rider a defection every ``period`` turns, cooperation otherwise: it gives
           a little less than it takes
amends     ``amends`` defections, then cooperation whatever it receives: it lets
           the strategy take back what it lost
noise      the registered Random player with p = 1 - ``noise`` (a cooperator whose
           defections are accidents); a random stream per repetition
========== ==================================================================

Only the noise partner is random; the scripts do not react to the strategy, so what
the battery measures is the strategy's answer to a known provocation, not a dialogue.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cooptourney.players import Player
from cooptourney.settings import SettingsError

__all__ = ["EXPLOITERS", "PARTNERS", "BatterySettings", "partner_players", "script"]

#: The partners, in the order the battery plays them.
PARTNERS = ("cooperator", "single", "run", "alternator", "free rider", "amends", "noise")
#: The partners that take more than they give: tolerance and immediacy are read against them.
EXPLOITERS = ("single", "run", "alternator", "free rider")


@dataclass(frozen=True)
class BatterySettings:
    """The battery's settings (docs/reference/reciprocity.md, "The battery").

    Parameters
    ----------
    turns : int
        Length of every match (known to nobody: no strategy is told the length).
    offence : int
        The turn (0-based) of the partners' first defection.
    run : int
        Length of the run partner's defections.
    amends : int
        Defections of the amends partner before it starts making amends.
    period : int
        The free rider defects once every ``period`` turns.
    noise : float
        The noise partner's probability of defecting on a turn.
    repetitions : int
        Seeds (repetitions) per match; deterministic strategies need one, stochastic
        ones are reported as a mean with a confidence interval over them.
    seed : int
        The root seed.
    """

    turns: int = 60
    offence: int = 10
    run: int = 6
    amends: int = 3
    period: int = 5
    noise: float = 0.1
    repetitions: int = 20
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("turns", "offence", "run", "amends", "period", "repetitions"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
                raise SettingsError(f"battery setting {name} must be a whole number >= 1, got {value!r}")
        if self.offence + max(self.run, self.amends) + 10 > self.turns:
            raise SettingsError(
                f"battery turns ({self.turns}) must leave at least 10 turns after the offence turn "
                f"({self.offence}) and the longest run of defections ({max(self.run, self.amends)})"
            )
        if not 0.0 < float(self.noise) < 1.0:
            raise SettingsError(f"battery noise must be in (0, 1), got {self.noise!r}")
        if isinstance(self.seed, bool) or not isinstance(self.seed, (int, np.integer)) or self.seed < 0:
            raise SettingsError(f"battery seed must be a whole number >= 0, got {self.seed!r}")


def script(name: str, settings: BatterySettings) -> np.ndarray:
    """``int8[turns]``: the moves (0 = C, 1 = D) of a scripted partner.

    The noise partner has no script (it is random); asking for it is an error.
    """
    n, k = settings.turns, settings.offence
    moves = np.zeros(n, dtype=np.int8)
    if name == "cooperator":
        pass
    elif name == "single":
        moves[k] = 1
    elif name == "run":
        moves[k : k + settings.run] = 1
    elif name == "alternator":
        moves[k::2] = 1
    elif name == "free rider":
        moves[k :: settings.period] = 1
    elif name == "amends":
        moves[k : k + settings.amends] = 1
    else:
        raise SettingsError(f"no scripted partner {name!r}; the scripted partners are {', '.join(PARTNERS[:-1])}")
    return moves


def partner_players(settings: BatterySettings) -> list[Player]:
    """The partners as players, in the order of :data:`PARTNERS`."""
    players = [Player.sequence(script(name, settings).tolist()) for name in PARTNERS[:-1]]
    players.append(Player("Random", p=1.0 - float(settings.noise)))
    return players
