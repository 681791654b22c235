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
from cooptourney.results import ResultSet
from cooptourney.settings import SettingsError
from cooptourney.tournament import Tournament

__all__ = [
    "REGISTRY",
    "ActorProfile",
    "Game",
    "Match",
    "Param",
    "Player",
    "Politicization",
    "ResultSet",
    "SettingsError",
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
