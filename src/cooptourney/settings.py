"""Validation of match and tournament settings, at the boundary.

Every user-facing entry point (Python API, CLI, TOML config) goes through these
checks, so nothing invalid ever reaches a numba kernel.
"""

from __future__ import annotations

import math
import secrets
from numbers import Integral, Real


class SettingsError(ValueError):
    """An invalid setting; the message says what is wrong and what is allowed."""


def check_probability(name: str, value: object, *, allow_one: bool = True) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise SettingsError(f"{name} must be a number in [0, 1], got {value!r}")
    x = float(value)
    if math.isnan(x) or x < 0.0 or x > 1.0 or (not allow_one and x == 1.0):
        upper = "1]" if allow_one else "1)"
        raise SettingsError(f"{name} must be a probability in [0, {upper}, got {value!r}")
    return x


def check_positive_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise SettingsError(f"{name} must be a whole number >= 1, got {value!r}")
    if value < 1:
        raise SettingsError(f"{name} must be >= 1, got {value!r}")
    return int(value)


def check_non_negative_int(name: str, value: object) -> int:
    """A whole number >= 0 (a float with no fractional part is accepted)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, Integral) or value < 0:
        raise SettingsError(f"{name} must be a whole number >= 0, got {value!r}")
    return int(value)


def check_seed(seed: object) -> int:
    """A seed is a whole number in [0, 2**64); ``None`` draws a fresh one (reported in results)."""
    if seed is None:
        return secrets.randbits(63)
    if isinstance(seed, bool) or not isinstance(seed, Integral):
        raise SettingsError(f"seed must be a whole number in [0, 2**64), got {seed!r}")
    if not 0 <= int(seed) < 2**64:
        raise SettingsError(f"seed must be in [0, 2**64), got {seed!r}")
    return int(seed)


def check_length(turns: object, prob_end: object) -> tuple[int, float]:
    """Match length: fixed ``turns``, or ``prob_end`` (optionally capped by ``turns``).

    Returns ``(turns, prob_end)`` with ``turns = 0`` meaning "no cap" and
    ``prob_end = 0`` meaning "fixed length".
    """
    if prob_end is None or prob_end == 0:
        if turns is None:
            raise SettingsError("give the match length: turns >= 1, or prob_end in (0, 1]")
        return check_positive_int("turns", turns), 0.0
    if isinstance(prob_end, bool) or not isinstance(prob_end, Real) or not 0.0 < float(prob_end) <= 1.0:
        raise SettingsError(
            f"prob_end must be a probability in (0, 1] (or 0/None for a fixed number of turns), got {prob_end!r}"
        )
    p = float(prob_end)
    if p == 0.0:
        raise SettingsError("prob_end must be in (0, 1]; 0 would never end a match (use turns instead)")
    cap = 0 if turns is None else check_positive_int("turns", turns)
    return cap, p
