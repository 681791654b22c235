"""Turn Player objects into the flat arrays the kernels take."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cooptourney.core.codegen import Kernel, kernel_for
from cooptourney.core.dispatch import step_list
from cooptourney.core.layout import (
    CFG_FAIL,
    CFG_IGNORES_INFO,
    CFG_MEMORY,
    CFG_REELECT,
    CFG_SIZE,
    CFG_TERM,
    CFG_TRACE,
    CFG_TURN_STATE,
    PlayerTables,
    Side,
)
from cooptourney.core.streams import identity_keys


def check_pairwise(players) -> None:
    """Refuse group strategies outside multilateral mode (they read group slots of ``info``)."""
    from cooptourney.settings import SettingsError

    group = sorted({p.spec.name for p in players if getattr(p.spec, "group", False)})
    if group:
        raise SettingsError(
            f"{', '.join(group)} {'reads' if len(group) == 1 else 'read'} what the group did and "
            "plays only in multilateral mode: use MultilateralTournament, or `cooptourney run --multilateral`"
        )


@dataclass
class Packed:
    kernel: Kernel
    steps: np.ndarray  # intp[n]: addresses of the players' kernel entries (core/dispatch.py)
    params: np.ndarray  # float64[n, max_params]
    state0: np.ndarray  # float64[n, max_state]
    state_len: np.ndarray  # int64[n]
    keys: np.ndarray  # uint64[n]
    perceived: np.ndarray  # float64[n, 4] each player's perceived (R, S, T, P)
    cfg: np.ndarray  # float64[n, CFG_SIZE] per-player mechanics (layout.CFG_*)

    @property
    def tables(self) -> PlayerTables:
        """The players' tables as the kernels take them."""
        return PlayerTables(
            steps=self.steps,
            params=self.params,
            state0=self.state0,
            state_len=self.state_len,
            perceived=self.perceived,
            cfg=self.cfg,
            keys=self.keys,
        )

    def side(self, k: int, keys: np.ndarray) -> Side:
        """Player ``k``'s side of one match, with its stream keys ``keys`` (``uint64[KEY_SIZE]``)."""
        return Side(
            step=self.steps[k],
            params=self.params[k],
            init=np.ascontiguousarray(self.state0[k, : self.state_len[k]]),
            perceived=self.perceived[k],
            keys=keys,
            cfg=self.cfg[k],
        )


def pack(players: list, game: np.ndarray, transformer=None, multilateral: bool = False) -> Packed:
    """Kernel arrays for ``players``; ``transformer`` supplies perceived payoffs and mechanics.

    ``players`` are :class:`cooptourney.players.Player` objects (what is read of them:
    ``spec``, ``param_values``, ``initial_state`` and ``identity()``).

    ``transformer`` is a :class:`cooptourney.politics.Transformer` (or anything with its
    ``kernel_arrays(game, n)``); without one every player perceives the material game
    and no politics mechanics run.
    """
    if not multilateral:
        check_pairwise(players)
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
    steps = step_list([p.spec for p in players])
    cfg = np.zeros((n, CFG_SIZE))
    cfg[:, CFG_REELECT] = 1.0
    cfg[:, CFG_MEMORY] = 1.0
    cfg[:, CFG_TRACE] = [p.spec.trace[0] if p.spec.trace else -1 for p in players]
    cfg[:, CFG_TURN_STATE] = [p.spec.turn_state for p in players]
    cfg[:, CFG_IGNORES_INFO] = [0.0 if p.spec.reads_info else 1.0 for p in players]
    perceived = np.tile(np.asarray(game, dtype=np.float64), (n, 1))
    if transformer is not None:
        from cooptourney.game import Game

        arrays = transformer.kernel_arrays(Game(*game), n)
        perceived = np.ascontiguousarray(arrays["perceived"], dtype=np.float64)
        cfg[:, CFG_FAIL] = arrays["fail"]
        cfg[:, CFG_TERM] = arrays["term"]
        cfg[:, CFG_REELECT] = arrays["reelection"]
        cfg[:, CFG_MEMORY] = arrays["memory"]
    keys = identity_keys(p.identity() for p in players)
    return Packed(kernel, steps, params, state0, state_len, keys, perceived, cfg)
