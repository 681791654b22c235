"""Counter-based random numbers: every draw is a pure function of (key, counter).

A stream is a 64-bit key derived from (seed, pair, repetition, player, purpose).
Draw number ``n`` of a stream is ``splitmix64(key + n * golden)``; nothing
depends on which thread ran what first, so tournaments are bit-identical on
any number of threads, processes or machines.

References
----------
Steele, Lea & Flood (2014), "Fast splittable pseudorandom number generators",
OOPSLA (the SplitMix64 finaliser). Salmon et al. (2011), "Parallel random
numbers: as easy as 1, 2, 3", SC'11 (counter-based generators).
"""

from __future__ import annotations

import hashlib

import numpy as np
from numba import njit

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15

# Purposes: one stream family each, so no two uses ever share draws.
PURPOSE_STRATEGY = 1
PURPOSE_NOISE = 2
PURPOSE_LENGTH = 3
PURPOSE_RATIFY = 4
PURPOSE_ELECTION = 5
PURPOSE_MEMORY = 6
PURPOSE_OBSERVE = 7  # multilateral: does an observer see a pair's interaction
PURPOSE_RECORD = 8  # multilateral: does the secretariat record a defection
PURPOSE_LEADER = 9  # multilateral: a player's elections (one leader for all its pairs)


def mix64_py(x: int) -> int:
    """SplitMix64 finaliser in plain Python (used for key derivation)."""
    z = (x + _GOLDEN) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def derive_key(*parts: int) -> int:
    """Fold integers into one 64-bit stream key (order matters)."""
    k = 0x243F6A8885A308D3  # pi, a nothing-up-my-sleeve start value
    for p in parts:
        k = mix64_py(k ^ (int(p) & _MASK))
    return k


def text_key(text: str) -> int:
    """A stable 64-bit key for a string (not Python's salted ``hash``)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


@njit(cache=True, inline="always")
def mix64(x):
    z = x + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


@njit(cache=True, inline="always")
def draw_bits(key, n):
    """Draw ``n`` of stream ``key`` as its integer: 53 random bits, ``0 <= k < 2**53``."""
    return mix64(key + np.uint64(n) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(11)


@njit(cache=True, inline="always")
def uniform_at(key, n):
    """Draw ``n`` of stream ``key``: a float64 in [0, 1) with 53 random bits (:func:`draw_bits` / 2**53)."""
    return draw_bits(key, n) * (1.0 / 9007199254740992.0)


@njit(cache=True, inline="always")
def chance_threshold(p):
    """The integer ``h`` with ``uniform_at(key, n) < p`` exactly when ``below(key, n, h)``,
    for ``0 <= p <= 1``.

    A draw is ``k * 2**-53`` for the integer ``k`` of :func:`draw_bits`, and
    ``p * 2**53`` is exact (a power of two times a double), so ``k * 2**-53 < p`` holds
    exactly when ``k < p * 2**53``, that is (``k`` an integer) when ``k < ceil(p * 2**53)``.
    """
    return np.uint64(np.ceil(p * 9007199254740992.0))


@njit(cache=True, inline="always")
def below(key, n, threshold):
    """Whether draw ``n`` of stream ``key`` falls below the probability whose
    :func:`chance_threshold` is ``threshold``: the same answer as ``uniform_at(key, n) < p``,
    in integers only (no conversion to a float, so a loop of them vectorises)."""
    return draw_bits(key, n) < threshold


@njit(cache=True, inline="always")
def rand(rng):
    """Next uniform draw of a strategy's stream; ``rng`` is ``uint64[2]`` = (key, counter)."""
    u = uniform_at(rng[0], rng[1])
    rng[1] += np.uint64(1)
    return u
