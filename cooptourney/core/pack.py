"""Turn Player objects into the flat arrays the kernels take."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cooptourney.core.codegen import Kernel, kernel_for
from cooptourney.players import Player, player_keys


@dataclass
class Packed:
    kernel: Kernel
    sids: np.ndarray  # int64[n]
    params: np.ndarray  # float64[n, max_params]
    state0: np.ndarray  # float64[n, max_state]
    state_len: np.ndarray  # int64[n]
    keys: np.ndarray  # uint64[n]


def pack(players: list[Player]) -> Packed:
    kernel = kernel_for()
    n = len(players)
    max_params = max([len(p.param_values) for p in players] + [1])
    max_state = max([len(p.initial_state) for p in players] + [1])
    params = np.zeros((n, max_params))
    state0 = np.zeros((n, max_state))
    state_len = np.zeros(n, dtype=np.int64)
    for i, p in enumerate(players):
        params[i, : len(p.param_values)] = p.param_values
        state0[i, : len(p.initial_state)] = p.initial_state
        state_len[i] = len(p.initial_state)
    sids = np.array([kernel.sid(p.spec) for p in players], dtype=np.int64)
    return Packed(kernel, sids, params, state0, state_len, player_keys(players))
