"""cooptourney: iterated prisoner's dilemma tournaments on a numba core.

The path of a tournament, top to bottom: settings -> players from the
:mod:`~cooptourney.registry` -> compiled kernel (:mod:`cooptourney.core`) -> result
arrays -> :class:`ResultSet` -> table, plot or file.
"""

__version__ = "0.1.0"

from cooptourney.game import Game, classify
from cooptourney.markov import expected_payoffs
from cooptourney.match import Match
from cooptourney.players import Player
from cooptourney.politics import ActorProfile, Politicization, Transformer
from cooptourney.precompile import warmup
from cooptourney.registry import (
    REGISTRY,
    Param,
    StrategySpec,
    UnknownStrategyError,
    get_strategy,
    load_plugin,
    strategy,
)
from cooptourney.results import ResultSet, Standings
from cooptourney.settings import SettingsError
from cooptourney.tournament import Tournament

__all__ = [
    "REGISTRY",
    "ActorProfile",
    "Game",
    "Match",
    "MoranProcess",
    "Param",
    "Player",
    "Plot",
    "Politicization",
    "ResultSet",
    "SettingsError",
    "Standings",
    "StrategySpec",
    "Tournament",
    "Transformer",
    "UnknownStrategyError",
    "classify",
    "expected_payoffs",
    "get_strategy",
    "load_plugin",
    "strategy",
    "warmup",
]

#: Names ``axelrod`` users reach for at the top level, imported on first use so that
#: ``import cooptourney`` does not pay for matplotlib or the evolution package.
_LAZY = {"MoranProcess": "cooptourney.evolution.moran", "Plot": "cooptourney.output.plots"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cooptourney' has no attribute {name!r}")
