"""Politics and policy: the payoff transformer and the analysis of the games it gives.

* :mod:`~cooptourney.politics.transformer` -- :class:`ActorProfile`, :data:`PRESETS`,
  :class:`Politicization`, :func:`effective`, :func:`perceived_game` and the
  :class:`Transformer` the kernels take.
* :mod:`~cooptourney.politics.analysis` -- :func:`classify_perceived`,
  :func:`pd_k_range`, :func:`tft_threshold`, :func:`grim_threshold`,
  :func:`gtft_generosity` and :func:`analyse`.

docs/model.md, "Politics and policy" gives the model and its formulas.
"""

from cooptourney.politics.analysis import (
    analyse,
    classify_perceived,
    grim_threshold,
    gtft_generosity,
    pd_k_range,
    tft_threshold,
)
from cooptourney.politics.transformer import (
    PRESETS,
    ActorProfile,
    Politicization,
    Transformer,
    effective,
    perceived_game,
    perceived_payoffs,
)

__all__ = [
    "PRESETS",
    "ActorProfile",
    "Politicization",
    "Transformer",
    "analyse",
    "classify_perceived",
    "effective",
    "grim_threshold",
    "gtft_generosity",
    "pd_k_range",
    "perceived_game",
    "perceived_payoffs",
    "tft_threshold",
]
