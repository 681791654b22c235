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
    text_key,
    uniform_at,
)


@njit(cache=True, inline="always")
def repetition_key(seed, key_i, key_j, rep):
    """The part of every stream key of one match (a pair and a repetition) that its
    players and purposes share; :func:`stream_key` goes on from here."""
    seed = np.uint64(seed)
    key_i = np.uint64(key_i)
    key_j = np.uint64(key_j)
    lo = key_i if key_i < key_j else key_j
    hi = key_j if key_i < key_j else key_i
    k = mix64(np.uint64(0x243F6A8885A308D3) ^ seed)
    k = mix64(k ^ mix64(lo ^ mix64(hi)))
    return mix64(k ^ np.uint64(rep))


@njit(cache=True, inline="always")
def player_key_of(match_key, player_key, slot):
    """The part of a player's stream keys in one match that its purposes share."""
    return mix64(mix64(match_key ^ np.uint64(player_key)) ^ np.uint64(slot))


@njit(cache=True, inline="always")
def purpose_key(match_key, player_key, slot, purpose):
    """:func:`stream_key` from the match's :func:`repetition_key`."""
    return mix64(player_key_of(match_key, player_key, slot) ^ np.uint64(purpose))


@njit(cache=True)
def stream_key(seed, key_i, key_j, rep, player_key, slot, purpose):
    return purpose_key(repetition_key(seed, key_i, key_j, rep), player_key, slot, purpose)


@njit(cache=True, inline="always")
def fill_player_streams(keys, match_key, player_key, slot):
    """:func:`player_streams` into ``keys`` from the match's :func:`repetition_key`: 7 mixes, not 40."""
    k = player_key_of(match_key, player_key, slot)
    keys[KEY_STRATEGY] = mix64(k ^ np.uint64(PURPOSE_STRATEGY))
    keys[KEY_NOISE] = mix64(k ^ np.uint64(PURPOSE_NOISE))
    keys[KEY_RATIFY] = mix64(k ^ np.uint64(PURPOSE_RATIFY))
    keys[KEY_ELECTION] = mix64(k ^ np.uint64(PURPOSE_ELECTION))
    keys[KEY_MEMORY] = mix64(k ^ np.uint64(PURPOSE_MEMORY))


@njit(cache=True)
def player_streams(seed, key_i, key_j, rep, player_key, slot):
    """uint64[KEY_SIZE]: one player's stream keys in one match, indexed by ``KEY_*``."""
    keys = np.empty(KEY_SIZE, dtype=np.uint64)
    fill_player_streams(keys, repetition_key(seed, key_i, key_j, rep), player_key, slot)
    return keys


#: The longest match :func:`match_length` draws (2**62 turns: far beyond any run the work
#: limit of :mod:`cooptourney.settings` lets through, and still an int64).
MAX_DRAWN_LENGTH = 2**62


@njit(cache=True)
def match_length(key, turns, prob_end):
    """Turns to play: ``turns`` when ``prob_end`` is 0, else a geometric draw capped by ``turns``.

    The match ends after each turn with probability ``prob_end``, so
    P(length > k) = (1 - prob_end)**k. ``turns <= 0`` means no cap. A draw is at most
    :data:`MAX_DRAWN_LENGTH` turns.
    """
    if prob_end <= 0.0:
        return turns
    if prob_end >= 1.0:
        n = 1
    else:
        u = uniform_at(key, 0)
        log_w = math.log(1.0 - prob_end)
        if log_w == 0.0:
            # below 2**-53, 1 - prob_end rounds to 1; log1p keeps the probability (and every
            # length drawn with a larger prob_end stays bit-identical)
            log_w = math.log1p(-prob_end)
        x = math.log(1.0 - u) / log_w
        # a float beyond int64 has no integer value (a tiny prob_end can draw 1e300): cap first
        n = MAX_DRAWN_LENGTH if x >= MAX_DRAWN_LENGTH else 1 + int(math.floor(x))
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
        key = stream_key(
            seed, player_keys[pair_i[pair]], player_keys[pair_j[pair]], k % repetitions, 0, 0, PURPOSE_LENGTH
        )
        out[k] = match_length(key, turns, prob_end)
    return out


def identity_keys(identities) -> np.ndarray:
    """``uint64[n]``: the player keys every stream key starts from, one per identity.

    A player's key hashes its identity (its behaviour: strategy, parameters, tables)
    and its occurrence among identical players, so keys depend only on who the players
    are, not on their positions in the list, and permuting the list permutes the
    results exactly.
    """
    seen: dict[str, int] = {}
    keys = []
    for ident in identities:
        n = seen.get(ident, 0)
        seen[ident] = n + 1
        keys.append(text_key(f"{ident}#{n}"))
    return np.array(keys, dtype=np.uint64)
