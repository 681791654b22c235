"""cooptourney: iterated prisoner's dilemma tournaments on a numba core.

The path of a tournament, top to bottom: settings -> players from the
:mod:`~cooptourney.registry` -> compiled kernel (:mod:`cooptourney.core`) -> result
arrays -> :class:`ResultSet` -> table, plot or file.
"""

__version__ = "0.1.0"

import os as _os

# The strategy library lives in the repository's top-level strategies/ and is installed
# as cooptourney.strategies. When the package is imported straight from a checkout (for
# example `python -m cooptourney` run from the repository root, which puts the source
# tree ahead of the installed package), make the library importable under that name too.
_here = _os.path.dirname(_os.path.abspath(__file__))
if not _os.path.isdir(_os.path.join(_here, "strategies")) and _os.path.isfile(
    _os.path.join(_os.path.dirname(_here), "strategies", "__init__.py")
):
    __path__.append(_os.path.dirname(_here))  # noqa: F821  (package __path__)

from cooptourney.game import Game, classify
from cooptourney.markov import expected_payoffs
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.registry import (
    REGISTRY,
    Param,
    StrategySpec,
    UnknownStrategyError,
    get_strategy,
    load_plugin,
    strategy,
)
from cooptourney.results import ResultSet
from cooptourney.settings import SettingsError
from cooptourney.tournament import Tournament
from cooptourney.politics import ActorProfile, Politicization, Transformer

__all__ = [
    "ActorProfile",
    "Politicization",
    "Transformer",
    "Game",
    "Match",
    "Param",
    "Player",
    "REGISTRY",
    "ResultSet",
    "SettingsError",
    "StrategySpec",
    "Tournament",
    "UnknownStrategyError",
    "classify",
    "expected_payoffs",
    "get_strategy",
    "load_plugin",
    "strategy",
]
