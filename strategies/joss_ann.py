"""Joss-Ann probes: the players of Ashlock's fingerprint (Ashlock & Kim 2008).

``Joss-Ann <probe>(x, y)`` cooperates with probability x, defects with probability y
and otherwise plays what ``<probe>`` would play; with ``dual=True`` it is the *dual*
of that player: every move is flipped, and the probe reads its own history flipped
(the transform: :func:`cooptourney.composite.joss_ann_step`). These are the players
of Ashlock's fingerprint (:func:`cooptourney.evolution.ashlock_fingerprint`): the point
(x, y) of the unit square is ``Joss-Ann probe(x, y)`` when x + y < 1 and
``Joss-Ann probe(1 - x, 1 - y, dual=True)`` otherwise, exactly as ``axelrod``'s
``AshlockFingerprint`` builds ``DualTransformer()(JossAnnTransformer((1 - x, 1 - y))(probe))``.

Probes for any registered strategy are made on demand by :func:`joss_ann` and registered
hidden. ``Joss-Ann Tit For Tat``, Ashlock's default probe, is made when the strategy
library is imported.

References
----------
Ashlock, D. & Kim, E.-Y. (2008), "Fingerprinting: visualization and automatic analysis
of prisoner's dilemma strategies", IEEE Transactions on Evolutionary Computation 12(5),
647-659. The Joss-Ann transform and the dual as ``axelrod.strategy_transformers`` defines
them, after doi:10.1109/ITW.2010.5593352.
"""

from __future__ import annotations

import threading

from cooptourney.composite import joss_ann_step
from cooptourney.registry import REGISTRY, StrategyDefinitionError, StrategySpec, get_strategy, strategy
from cooptourney.strategies import titfortat as _titfortat

_LOCK = threading.RLock()


def probe_name(probe: str | StrategySpec) -> str:
    """The registered name of the Joss-Ann probe of ``probe``: ``"Joss-Ann <name>"``."""
    spec = probe if isinstance(probe, StrategySpec) else get_strategy(probe)
    return f"Joss-Ann {spec.name}"


def joss_ann(probe: str | StrategySpec) -> StrategySpec:
    """The hidden strategy ``Joss-Ann <probe>`` (parameters x, y, dual, then the probe's own).

    Registered on first use; later calls return the same spec.

    Raises
    ------
    StrategyDefinitionError
        When the probe's step function is not reachable as a module-level name or one of
        its parameters is called x, y or dual.
    """
    spec = probe if isinstance(probe, StrategySpec) else get_strategy(probe)
    name = probe_name(spec)
    with _LOCK:
        if name in REGISTRY:
            return REGISTRY.get(name)
        try:
            made = joss_ann_step(spec)
        except ValueError as exc:
            raise StrategyDefinitionError(f"cannot make a Joss-Ann probe of {spec.name!r}: {exc}") from None
        return strategy(
            name,
            reciprocity="other",
            memory_depth=spec.memory_depth,
            stochastic=True,
            uses_game=spec.uses_game,
            uses_length=spec.uses_length,
            params=made.params,
            state=made.state,
            hidden=True,
            trace=spec.trace,
        )(made.step).spec


JOSS_ANN_TIT_FOR_TAT = joss_ann(_titfortat.tit_for_tat.spec)
