"""Published tournaments beside our numbers (``cooptourney reproduce``; docs/reference/reproduce.md).

:data:`CATALOGUE` holds the reproductions (:class:`Reproduction`: source, field, settings,
published values, criteria); :func:`run_reproduction` plays one at a chosen scale and
returns a :class:`ReproductionResult` with a verdict per published value;
:mod:`cooptourney.reproduce.glynatsi` is the random-tournament design of Glynatsi,
Knight & Harper (2024) as a sweep spec.
"""

from cooptourney.reproduce.catalogue import (
    CATALOGUE,
    Claim,
    Reproduction,
    ReproductionError,
    Setting,
    get_reproduction,
)
from cooptourney.reproduce.glynatsi import GLYNATSI_2024, glynatsi_spec, median_normalised_ranks
from cooptourney.reproduce.run import ReproductionResult, check_scale, resolve_field, run_reproduction

__all__ = [
    "ALL",
    "CATALOGUE",
    "GLYNATSI_2024",
    "Claim",
    "Reproduction",
    "ReproductionError",
    "ReproductionResult",
    "Setting",
    "check_scale",
    "get_reproduction",
    "glynatsi_spec",
    "median_normalised_ranks",
    "resolve_field",
    "run_reproduction",
]

#: Every reproduction, the tournament ones then the sweep design, in listing order.
ALL = {**CATALOGUE, GLYNATSI_2024.name: GLYNATSI_2024}
