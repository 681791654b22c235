"""Stream keys and match lengths: the two places randomness enters a tournament.

A stream key is a pure function of (seed, the pair's two player keys, repetition,
the player's key, a self-play slot, a purpose). The pair enters symmetrically, so
playing (A, B) or (B, A) uses the same streams for A and for B; the slot only
separates the two copies of one player in self-play.
"""

import math

import numpy as np
from numba import njit

from cooptourney.core.layout import KEY_ELECTION, KEY_MEMORY, KEY_NOISE, KEY_RATIFY, KEY_SIZE, KEY_STRATEGY
from cooptourney.core.rng import (
    PURPOSE_ELECTION,
    PURPOSE_LENGTH,
    PURPOSE_MEMORY,
    PURPOSE_NOISE,
    PURPOSE_RATIFY,
    PURPOSE_STRATEGY,
    mix64,
    uniform_at,
)


@njit(cache=True)
def stream_key(seed, key_i, key_j, rep, player_key, slot, purpose):
    seed = np.uint64(seed)
    key_i = np.uint64(key_i)
    key_j = np.uint64(key_j)
    player_key = np.uint64(player_key)
    lo = key_i if key_i < key_j else key_j
    hi = key_j if key_i < key_j else key_i
    k = mix64(np.uint64(0x243F6A8885A308D3) ^ seed)
    k = mix64(k ^ mix64(lo ^ mix64(hi)))
    k = mix64(k ^ np.uint64(rep))
    k = mix64(k ^ player_key)
    k = mix64(k ^ np.uint64(slot))
    return mix64(k ^ np.uint64(purpose))


@njit(cache=True)
def player_streams(seed, key_i, key_j, rep, player_key, slot):
    """uint64[KEY_SIZE]: one player's stream keys in one match, indexed by ``KEY_*``."""
    keys = np.empty(KEY_SIZE, dtype=np.uint64)
    keys[KEY_STRATEGY] = stream_key(seed, key_i, key_j, rep, player_key, slot, PURPOSE_STRATEGY)
    keys[KEY_NOISE] = stream_key(seed, key_i, key_j, rep, player_key, slot, PURPOSE_NOISE)
    keys[KEY_RATIFY] = stream_key(seed, key_i, key_j, rep, player_key, slot, PURPOSE_RATIFY)
    keys[KEY_ELECTION] = stream_key(seed, key_i, key_j, rep, player_key, slot, PURPOSE_ELECTION)
    keys[KEY_MEMORY] = stream_key(seed, key_i, key_j, rep, player_key, slot, PURPOSE_MEMORY)
    return keys


@njit(cache=True)
def match_length(key, turns, prob_end):
    """Turns to play: ``turns`` when ``prob_end`` is 0, else a geometric draw capped by ``turns``.

    The match ends after each turn with probability ``prob_end``, so
    P(length > k) = (1 - prob_end)**k. ``turns <= 0`` means no cap.
    """
    if prob_end <= 0.0:
        return turns
    if prob_end >= 1.0:
        n = 1
    else:
        u = uniform_at(key, 0)
        n = 1 + int(math.floor(math.log(1.0 - u) / math.log(1.0 - prob_end)))
    if turns > 0 and n > turns:
        n = turns
    return n


@njit(cache=True)
def match_lengths(seed, player_keys, pair_i, pair_j, repetitions, turns, prob_end):
    """int64[pairs * repetitions]: every task's length, as the tournament kernel draws it."""
    n_tasks = pair_i.shape[0] * repetitions
    out = np.empty(n_tasks, dtype=np.int64)
    for k in range(n_tasks):
        pair = k // repetitions
        key = stream_key(seed, player_keys[pair_i[pair]], player_keys[pair_j[pair]], k % repetitions, 0, 0,
                         PURPOSE_LENGTH)
        out[k] = match_length(key, turns, prob_end)
    return out
