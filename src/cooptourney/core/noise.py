"""Which moves of a match noise flipped: the draws the kernels make, made again.

A match's noise is a pure function of its stream keys (:mod:`cooptourney.core.streams`):
on turn ``t`` a player's intended move is flipped when draw ``t`` of its noise stream is
below the noise rate (``flip_moves`` in the kernel template). Drawing the same numbers
again marks the flipped moves without a second record in the kernels, so showing them
costs the match nothing and cannot change one of its bits.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from cooptourney.core.layout import KEY_NOISE
from cooptourney.core.rng import uniform_at
from cooptourney.core.streams import player_streams

__all__ = ["noise_flips"]


@njit(cache=True)
def _noise_flips(seed, key_a, key_b, rep, n, noise):
    out = np.zeros((2, n), dtype=np.int8)
    if noise <= 0.0:
        return out
    nkey_a = player_streams(seed, key_a, key_b, rep, key_a, 0)[KEY_NOISE]
    nkey_b = player_streams(seed, key_a, key_b, rep, key_b, 0)[KEY_NOISE]
    for t in range(n):
        if uniform_at(nkey_a, t) < noise:
            out[0, t] = 1
        if uniform_at(nkey_b, t) < noise:
            out[1, t] = 1
    return out


def noise_flips(seed: int, keys: np.ndarray, repetition: int, turns: int, noise: float) -> np.ndarray:
    """``int8[2, turns]``: 1 where noise flipped player A's (row 0) or B's (row 1) move.

    Parameters
    ----------
    seed : int
        The match's seed.
    keys : ndarray of uint64, shape (2,)
        The two players' keys (:func:`cooptourney.core.streams.identity_keys`).
    repetition : int
        The match's repetition number.
    turns : int
        How many turns to mark, from the first.
    noise : float
        The noise rate.

    Notes
    -----
    Only noise is marked: a pre-drawn flip mask is known to its caller, and a politics
    transformer's ratification failures draw from another stream.
    """
    return _noise_flips(
        np.uint64(seed), np.uint64(keys[0]), np.uint64(keys[1]), np.int64(repetition), np.int64(turns), float(noise)
    )
