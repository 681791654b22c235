"""cooptourney: iterated prisoner's dilemma tournaments on a numba core."""

__version__ = "0.1.0"
