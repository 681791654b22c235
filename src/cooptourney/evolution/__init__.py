"""Evolution and space: ecological dynamics, the Moran process, spatial tournaments, fingerprints.

Everything here runs on the tournament engine: matches are played by the same compiled
kernel, with the same counter-based random streams, as :class:`~cooptourney.Tournament`.

* :mod:`~cooptourney.evolution.graphs` -- interaction and reproduction graphs.
* :mod:`~cooptourney.evolution.spatial` -- :class:`SpatialTournament`, a round robin
  restricted to the edges of a graph.
* :mod:`~cooptourney.evolution.ecological` -- :func:`ecological`, Axelrod's ecological
  analysis (discrete replicator dynamics).
* :mod:`~cooptourney.evolution.moran` -- :class:`MoranProcess` and its compiled kernel,
  :func:`fixation_probability`.
* :mod:`~cooptourney.evolution.adaptive` -- :class:`AdaptivePopulation`, actors who
  change strategy by imitation (the Fermi rule) or Roth-Erev learning.
* :mod:`~cooptourney.evolution.fingerprints` -- :func:`ashlock_fingerprint` and
  :func:`transitive_fingerprint`.

Their plots are in :mod:`cooptourney.output.plots`; docs/reference/evolution.md gives the formulas,
the conventions and the measurements.
"""

from cooptourney.evolution.adaptive import AdaptivePopulation, AdaptiveResult
from cooptourney.evolution.ecological import EcologicalResult, ecological
from cooptourney.evolution.fingerprints import (
    Fingerprint,
    TransitiveFingerprint,
    ashlock_fingerprint,
    transitive_fingerprint,
)
from cooptourney.evolution.graphs import graph_from_spec
from cooptourney.evolution.moran import (
    MatchPool,
    MoranProcess,
    MoranResult,
    fixation_probability,
    match_pool,
    pool_from_matrix,
)
from cooptourney.evolution.spatial import SpatialResultSet, SpatialTournament

__all__ = [
    "AdaptivePopulation",
    "AdaptiveResult",
    "EcologicalResult",
    "Fingerprint",
    "MatchPool",
    "MoranProcess",
    "MoranResult",
    "SpatialResultSet",
    "SpatialTournament",
    "TransitiveFingerprint",
    "ashlock_fingerprint",
    "ecological",
    "fixation_probability",
    "graph_from_spec",
    "match_pool",
    "pool_from_matrix",
    "transitive_fingerprint",
]
