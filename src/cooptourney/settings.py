"""Validation of match and tournament settings, at the boundary.

Every user-facing entry point (Python API, CLI, TOML config) goes through these
checks, so nothing invalid ever reaches a numba kernel.
"""

from __future__ import annotations

import math
import os
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


def check_positive_int(name: str, value: object, maximum: int | None = None) -> int:
    """A whole number >= 1 (and <= ``maximum``); a float with no fractional part is accepted."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise SettingsError(f"{name} must be a whole number >= 1, got {value!r}")
    if value < 1:
        raise SettingsError(f"{name} must be >= 1, got {value!r}")
    if maximum is not None and value > maximum:
        raise SettingsError(f"{name} must be at most {maximum:,}, got {value:,}")
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
    if prob_end is not None and (isinstance(prob_end, bool) or not isinstance(prob_end, Real)):
        raise SettingsError(
            f"prob_end must be a probability in (0, 1] (or 0/None for a fixed number of turns), got {prob_end!r}"
        )
    if prob_end is None or prob_end == 0:
        if turns is None:
            raise SettingsError("give the match length: turns >= 1, or prob_end in (0, 1]")
        return check_positive_int("turns", turns, MAX_TURNS), 0.0
    if isinstance(prob_end, bool) or not isinstance(prob_end, Real) or not 0.0 < float(prob_end) <= 1.0:
        raise SettingsError(
            f"prob_end must be a probability in (0, 1] (or 0/None for a fixed number of turns), got {prob_end!r}"
        )
    p = float(prob_end)
    if p == 0.0:
        raise SettingsError("prob_end must be in (0, 1]; 0 would never end a match (use turns instead)")
    cap = 0 if turns is None else check_positive_int("turns", turns, MAX_TURNS)
    return cap, p


# -- limits that protect the machine: work, memory and the size of sums ----------------------
#: Environment variables that set the limits below (documented in docs/reference/cli.md, "Limits").
WORK_LIMIT_ENV = "COOPTOURNEY_WORK_LIMIT"
MEMORY_LIMIT_ENV = "COOPTOURNEY_MEMORY_LIMIT"
#: Default work limit in turns played by one run: some ten minutes on one core at the
#: engine's speed of about 2e7 turns a second (the default field), thousands of times the
#: tournaments of the literature (a few million turns), so that a mistyped size is refused
#: instead of occupying the machine for hours.
DEFAULT_WORK_LIMIT = 1e10
#: The most turns one match may have (even with a raised work limit): the largest whole
#: number a float64 holds exactly, so lengths, counts and their sums stay exact.
MAX_TURNS = 2**53
#: Sums of payoffs (a player's total over its matches) and their squares must stay finite
#: and keep their precision: payoffs whose largest possible sum exceeds this are refused.
MAX_PAYOFF_SUM = 1e150
#: The largest value of -log(1 - u) for the uniform draws u <= 1 - 2**-53 that
#: :func:`cooptourney.core.streams.match_length` makes: the longest match a prob_end can
#: draw is 1 + this / -log(1 - prob_end) turns.
_MAX_LOG_TAIL = 53 * math.log(2.0)
_SIZE_UNITS = {"": 1, "B": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


class LimitError(SettingsError):
    """A run that would exceed the work or memory limit; the message states the estimate and the limit."""


def parse_size(text: str) -> int:
    """Bytes from ``"512M"``, ``"4G"``, ``"1.5T"`` or a plain number (K, M, G, T are powers of 1024)."""
    s = str(text).strip().upper().removesuffix("IB").removesuffix("B")
    unit = s[-1:] if s[-1:] in _SIZE_UNITS else ""
    try:
        x = float(s[: len(s) - len(unit)])
    except ValueError:
        x = math.nan
    if not math.isfinite(x) or x <= 0:
        raise SettingsError(f"a memory size is a positive number with an optional K, M, G or T, e.g. 4G; got {text!r}")
    return int(x * _SIZE_UNITS[unit])


def format_size(n: float) -> str:
    """``1.5 GiB`` and so on: bytes in the binary unit that gives 1 to 1023."""
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"):
        if abs(n) < 1024 or unit == "EiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.3g} {unit}"
        n /= 1024
    return f"{n:.3g} EiB"  # pragma: no cover


def physical_memory() -> int:
    """Bytes of physical memory of this machine (0 when the system does not say)."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (ValueError, OSError, AttributeError):
        return 0


def memory_limit() -> int:
    """The memory one run may allocate: ``$COOPTOURNEY_MEMORY_LIMIT``, else the machine's physical memory."""
    text = os.environ.get(MEMORY_LIMIT_ENV, "").strip()
    if text:
        try:
            return parse_size(text)
        except SettingsError as exc:
            raise SettingsError(f"{MEMORY_LIMIT_ENV}: {exc}") from None
    return physical_memory() or 2**40


def work_limit() -> float:
    """The turns one run may play: ``$COOPTOURNEY_WORK_LIMIT``, else :data:`DEFAULT_WORK_LIMIT`."""
    text = os.environ.get(WORK_LIMIT_ENV, "").strip()
    if not text:
        return DEFAULT_WORK_LIMIT
    try:
        x = float(text)
    except ValueError:
        x = math.nan
    if math.isnan(x) or x <= 0:
        raise SettingsError(f"{WORK_LIMIT_ENV} must be a number of turns > 0 (e.g. 1e12 or inf), got {text!r}")
    return x


def check_memory(what: str, estimate: float) -> None:
    """Refuse ``what`` when its ``estimate`` of bytes exceeds :func:`memory_limit`.

    Called before the arrays are allocated, with an estimate from the sizes alone.
    """
    limit = memory_limit()
    if not estimate <= limit:
        source = f"${MEMORY_LIMIT_ENV}" if os.environ.get(MEMORY_LIMIT_ENV, "").strip() else "this machine's memory"
        raise LimitError(
            f"{what} would need about {format_size(estimate)} of memory, more than the limit of "
            f"{format_size(limit)} ({source}); make it smaller or set "
            f"{MEMORY_LIMIT_ENV} (e.g. {MEMORY_LIMIT_ENV}=64G)"
        )


def check_work(what: str, turns: float) -> None:
    """Refuse ``what`` when it would play more than :func:`work_limit` turns (an estimate)."""
    limit = work_limit()
    if not turns <= limit:
        source = f"${WORK_LIMIT_ENV}" if os.environ.get(WORK_LIMIT_ENV, "").strip() else "the default"
        raise LimitError(
            f"{what} would play about {turns:.3g} turns, more than the limit of {limit:.3g} ({source}; "
            f"some 2e7 turns take a second on one core); make it smaller or set "
            f"{WORK_LIMIT_ENV} (e.g. {WORK_LIMIT_ENV}=1e12)"
        )


def expected_length(turns: int, prob_end: float) -> float:
    """Mean turns of one match of :func:`check_length`'s ``(turns, prob_end)``.

    Fixed length: ``turns``. Geometric length with end probability ``p``, capped at
    ``c`` turns (``c = 0``: no cap): ``(1 - (1 - p)**c) / p``, or ``1 / p`` uncapped.
    """
    if prob_end <= 0.0:
        return float(turns)
    if prob_end >= 1.0:
        return 1.0
    if turns <= 0:
        return 1.0 / prob_end
    return -math.expm1(turns * math.log1p(-prob_end)) / prob_end


def longest_length(turns: int, prob_end: float) -> float:
    """The most turns one match can have: ``turns``, or the longest geometric draw (capped by ``turns``)."""
    if prob_end <= 0.0:
        return float(turns)
    if prob_end >= 1.0:
        return 1.0
    longest = 1.0 + _MAX_LOG_TAIL / -math.log1p(-prob_end)  # inf for a denormal prob_end
    longest = math.floor(longest) if math.isfinite(longest) else longest
    return min(longest, float(turns)) if turns > 0 else longest


def check_payoff_sums(payoffs: object, longest: float, matches: float, what: str = "payoffs") -> None:
    """Refuse payoffs whose sum over ``matches`` matches of up to ``longest`` turns could overflow.

    ``payoffs`` are every payoff a player can receive (material and perceived); the bound
    is ``max |payoff| * longest * matches <= MAX_PAYOFF_SUM``.
    """
    values = [float(x) for x in _flat(payoffs)]
    largest = max((abs(x) for x in values), default=0.0)
    if not all(math.isfinite(x) for x in values):
        raise SettingsError(f"{what} must be finite numbers, got {values!r}")
    bound = largest * longest * matches
    if not bound <= MAX_PAYOFF_SUM:
        raise SettingsError(
            f"{what} up to {largest:.3g} in absolute value, summed over {matches:.3g} matches of up to "
            f"{longest:.3g} turns, could reach {bound:.3g}, beyond the {MAX_PAYOFF_SUM:g} that sums of "
            "float64 payoffs may reach here; scale the payoffs down (a positive factor changes no decision)"
        )


def _flat(values: object):
    if isinstance(values, (list, tuple)) or hasattr(values, "tolist"):
        items = values.tolist() if hasattr(values, "tolist") else values
        if isinstance(items, list):
            for v in items:
                yield from _flat(v)
            return
        yield items
        return
    yield values


def check_transformer(transformer: object, game: object, n_players: int):
    """The transformer's kernel arrays for ``n_players`` (or ``None``): refused unless it has
    ``kernel_arrays(game, n)`` (a :class:`cooptourney.politics.Transformer`) giving finite
    per-player payoffs and probabilities."""
    if transformer is None:
        return None
    if not callable(getattr(transformer, "kernel_arrays", None)) or not callable(getattr(transformer, "as_dict", None)):
        raise SettingsError(
            "transformer must be a cooptourney.politics.Transformer (or None for the plain game), "
            f"got {type(transformer).__name__} {transformer!r:.60}"
        )
    arrays = transformer.kernel_arrays(game, n_players)
    for key in ("perceived", "fail", "term", "reelection", "memory"):
        if key not in arrays:
            raise SettingsError(f"transformer.kernel_arrays gave no {key!r}")
    for key in ("fail", "reelection", "memory"):
        if not all(0.0 <= float(x) <= 1.0 for x in _flat(arrays[key])):
            raise SettingsError(f"transformer.kernel_arrays gave {key} outside [0, 1]")
    check_payoff_sums(arrays["perceived"], 1.0, 1.0, what="perceived payoffs")
    return arrays


def check_matches(what: str, matches: int, turns: int, prob_end: float, payoffs: object, per_player: float) -> None:
    """Refuse ``matches`` matches of ``(turns, prob_end)`` (see :func:`check_length`) that could
    overflow a player's payoff sum (``per_player`` matches each, ``payoffs`` every payoff a
    player can get) or exceed the work limit; called before anything is allocated or compiled."""
    check_work(what, matches * expected_length(turns, prob_end))
    check_payoff_sums(payoffs, longest_length(turns, prob_end), per_player)
