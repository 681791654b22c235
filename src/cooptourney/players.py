"""Players: a registered strategy plus its parameter values.

``Player("Generous Tit For Tat", generosity=0.2)``, or from text as given on the
command line and in config files: ``"Generous Tit For Tat(generosity=0.2)"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

import numpy as np

from cooptourney.core.layout import (
    OUT_BAD_MOVE_A,
    OUT_BAD_MOVE_B,
    OUT_ERRORS_A,
    OUT_ERRORS_B,
    OUT_FAULT_A,
    OUT_FAULT_B,
)
from cooptourney.core.streams import identity_keys
from cooptourney.registry import StrategyRuntimeError, StrategySpec, get_strategy

_CALL = re.compile(r"^\s*(?P<name>[^()]+?)\s*(\((?P<args>.*)\))?\s*$")


class Player:
    """A strategy with fixed parameter values, ready to play.

    Parameters
    ----------
    strategy : str or StrategySpec
        A registered name or alias (case and spacing ignored).
    **params
        Values for the strategy's declared parameters; omitted ones take their
        defaults. Unknown names and out-of-range values raise ``ValueError``.
    """

    def __init__(self, strategy: str | StrategySpec, **params: Any) -> None:
        if not isinstance(strategy, (str, StrategySpec)):
            raise TypeError(
                f"a strategy is a registered name such as 'Tit For Tat' (or a StrategySpec), got "
                f"{type(strategy).__name__} {strategy!r:.60}"
            )
        self.spec = strategy if isinstance(strategy, StrategySpec) else get_strategy(strategy)
        unknown = sorted(set(params) - set(self.spec.params))
        if unknown:
            allowed = ", ".join(self.spec.params) or "none"
            raise ValueError(f"{self.spec.name}: unknown parameter {unknown[0]!r}; allowed parameters: {allowed}")
        declared = np.array([_coerce(self.spec, k, params.get(k)) for k in self.spec.params], dtype=np.float64)
        # a table-driven strategy reads its constant table right after its parameters
        table = self.spec.table_values() if self.spec.table is not None else None
        self.param_values = declared if table is None else np.concatenate([declared, table])
        # Keep the validated, typed values (not the raw input), so that "0.20" given as
        # text and 0.2 given as a number make the same player with the same name.
        self.params = {
            k: (None if params.get(k) is None else p.kind(v))
            for (k, p), v in zip(self.spec.params.items(), self.param_values.tolist())
        }
        self.initial_state = np.array(self.spec.state, dtype=np.float64)

    @classmethod
    def parse(cls, text: str) -> Player:
        """``"Name"`` or ``"Name(key=value, ...)"`` -> Player.

        A registered name that itself contains parentheses, such as
        "Contrite Tit For Tat (standing)", is taken as a name.
        """
        from cooptourney.registry import REGISTRY

        if not isinstance(text, str):
            raise TypeError(
                f"a player is written as text, NAME or NAME(param=value, ...), got {type(text).__name__} {text!r:.60}"
            )
        if text.strip() in REGISTRY:
            return cls(text.strip())
        m = _CALL.match(text)
        if not m:
            raise ValueError(f"cannot read player {text!r}; write NAME or NAME(param=value, ...)")
        params: dict[str, str] = {}
        args = (m.group("args") or "").strip()
        if args:
            for item in args.split(","):
                if "=" not in item:
                    raise ValueError(f"player {text!r}: parameters are written key=value, got {item.strip()!r}")
                k, v = (part.strip() for part in item.split("=", 1))
                if not k:
                    raise ValueError(f"player {text!r}: a parameter has no name before '='")
                if k in params:
                    raise ValueError(f"player {text!r}: parameter {k!r} is given twice; give each parameter once")
                params[k] = v
        return cls(m.group("name"), **params)

    @classmethod
    def sequence(cls, moves: str | Sequence[int]) -> Player:
        """A player that replays fixed moves ("CDDC..." or 0/1), then repeats the last."""
        if isinstance(moves, str):
            bad = set(moves.upper()) - {"C", "D"}
            if bad:
                raise ValueError(f"a move sequence contains only C and D, got {sorted(bad)}")
            values = [0.0 if ch == "C" else 1.0 for ch in moves.upper()]
        else:
            try:
                items = list(moves)
            except TypeError:
                items = None
            if items is None or any(isinstance(m, bool) or m not in (0, 1) for m in items):
                raise ValueError(f'a move sequence is "CD..." text or a list of 0 (C) and 1 (D), got {moves!r:.60}')
            values = [float(m) for m in items]
        if not values:
            raise ValueError("a move sequence needs at least one move")
        player = cls("Sequence Player")
        player.initial_state = np.array(values, dtype=np.float64)
        return player

    @property
    def name(self) -> str:
        """Display name: the strategy name, plus parameters that differ from the defaults."""
        shown = [
            f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}"
            for k, v in self.params.items()
            if v is not None and v != self.spec.params[k].default
        ]
        return self.spec.name + (f"({', '.join(shown)})" if shown else "")

    @property
    def reciprocity(self) -> str:
        return self.spec.reciprocity

    def identity(self) -> str:
        """Text that identifies the player's behaviour (name, parameters, initial state)."""
        vals = ",".join(repr(float(x)) for x in self.param_values)
        st = ",".join(repr(float(x)) for x in self.initial_state) if self.spec.hidden else ""
        return f"{self.spec.name}|{vals}|{st}"

    def __repr__(self) -> str:
        return f"Player({self.name!r})"

    def _repr_html_(self) -> str:
        """A small table for notebooks: strategy, reciprocity tag and parameter values."""
        import pandas as pd

        rows = {"strategy": self.spec.name, "reciprocity": self.reciprocity}
        rows.update({k: v for k, v in self.params.items() if v is not None})
        table = pd.DataFrame({"": list(rows.values())}, index=list(rows)).to_html(header=False)
        return f"<b>{escape(self.name)}</b>{table}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Player) and self.identity() == other.identity()

    def __hash__(self) -> int:
        return hash(self.identity())


class PythonPlayer(Player):
    """An ``axelrod.Player`` (or any object with its interface: ``strategy(opponent)``,
    ``history``, ``clone()``, ``reset()``) taking part in a cooptourney tournament.

    Its matches run through ``axelrod.Match`` in Python (see :mod:`cooptourney.interop`);
    every other pair stays in the compiled core, and both end in the same ResultSet.
    """

    def __init__(self, obj: Any) -> None:
        self.obj = obj
        # placeholder spec for the kernel's arrays; pairs with this player never reach it
        self.spec = get_strategy("Cooperator")
        self.params = {}
        self.param_values = np.zeros(0)
        self.initial_state = np.zeros(0)

    @property
    def name(self) -> str:
        return str(self.obj)

    @property
    def reciprocity(self) -> str:
        return "other"

    def _repr_html_(self) -> str:
        return f"<b>{escape(self.name)}</b> (a Python player: {escape(type(self.obj).__qualname__)})"

    def identity(self) -> str:
        return f"python|{type(self.obj).__module__}.{type(self.obj).__qualname__}|{self.obj}"


def _coerce(spec: StrategySpec, name: str, value: Any) -> float:
    """The declared parameter's value as the kernel's float; a number too large for a float
    (an int parameter of 1e400, say) is refused like any other out-of-range value."""
    param = spec.params[name]
    try:
        return param.coerce(name, spec.name, value)
    except OverflowError:
        raise ValueError(
            f"{spec.name}: parameter {name!r} = {value!r} is out of range; allowed is [{param.low}, {param.high}]"
        ) from None


def is_python_strategy(obj: Any) -> bool:
    """Whether ``obj`` has the interface of an ``axelrod.Player``."""
    return all(hasattr(obj, a) for a in ("strategy", "clone", "reset", "history"))


def as_player(p: Player | str | StrategySpec | Any) -> Player:
    if isinstance(p, Player):
        return p
    if isinstance(p, str):
        return Player.parse(p)
    if isinstance(p, StrategySpec):
        return Player(p)
    if is_python_strategy(p):
        return PythonPlayer(p)
    raise TypeError(
        f"a player is a Player, a strategy name, a StrategySpec or an axelrod Player, got {type(p).__name__}"
    )


def display_names(names: Iterable[str]) -> list[str]:
    """Names that tell duplicate players apart: the first ``"Tit For Tat"`` keeps its name,
    the next ones become ``"Tit For Tat #2"``, ``"Tit For Tat #3"``, ...

    ``names`` are player names (``Player.name``) in order; a name with no duplicate is
    unchanged, and a suffix never collides with a name already present.

    Examples
    --------
    >>> display_names(["Tit For Tat", "Defector", "Tit For Tat"])
    ['Tit For Tat', 'Defector', 'Tit For Tat #2']
    """
    names = [str(n) for n in names]
    taken = set(names)
    seen: dict[str, int] = {}
    out = []
    for name in names:
        count = seen.get(name, 0) + 1
        seen[name] = count
        if count == 1:
            out.append(name)
            continue
        label = f"{name} #{count}"
        while label in taken:  # a player already called "X #2": keep counting
            count += 1
            label = f"{name} #{count}"
        seen[name] = count
        taken.add(label)
        out.append(label)
    return out


def player_keys(players: Iterable[Player]) -> np.ndarray:
    """``uint64[n]``: the players' identity keys (:func:`cooptourney.core.streams.identity_keys`)."""
    return identity_keys(p.identity() for p in players)


def check_step_errors(players: Sequence[Player], out: np.ndarray, pair_i, pair_j) -> None:
    """Raise :class:`StrategyRuntimeError` if a strategy's step failed during a run: it
    returned a move other than C or D, or raised an exception.

    ``out`` holds the kernels' result rows (last axis ``OUT_*``), pairs along the first
    axis. A step that raises cannot pass the exception out of compiled code: the kernel
    plays C in its place and counts the turn (:func:`cooptourney.core.entry.call_entry`).
    A move other than C or D is found at no cost per turn, from the histories once a
    match is over (``match_metrics``), and a plugin's checked entry records the first
    turn of either (:mod:`cooptourney.core.dispatch`). This turns any of them into an
    error naming the strategy, its partner and, where known, the turn, instead of a
    silently wrong result.
    """
    rows = out.reshape(len(pair_i), -1, out.shape[-1])
    pair_i, pair_j = np.asarray(pair_i), np.asarray(pair_j)
    sides = (
        (OUT_ERRORS_A, OUT_FAULT_A, OUT_BAD_MOVE_A, pair_i, pair_j),
        (OUT_ERRORS_B, OUT_FAULT_B, OUT_BAD_MOVE_B, pair_j, pair_i),
    )
    # the first failing pair, preferring one with a partner other than itself
    failures = [
        (bool(side[3][p] == side[4][p]), int(p), side)
        for side in sides
        for p in np.flatnonzero(rows[:, :, side[0]].any(axis=1) | rows[:, :, side[1]].any(axis=1))
    ]
    if not failures:
        return
    _, p, (errors, fault, bad_move, mine, theirs) = min(failures, key=lambda f: f[:2])
    count = int(rows[p, :, errors].sum())
    me, partner = players[mine[p]], players[theirs[p]]
    who = f"strategy {me.name!r}"
    codes = rows[p, :, fault]
    first = codes[np.flatnonzero(codes)[0]] if codes.any() else 0.0
    if first > 0:
        move = rows[p, np.flatnonzero(codes)[0], bad_move]
        raise StrategyRuntimeError(
            f"{who} returned {int(move)} on turn {int(first) - 1} against {partner.name!r}; a step returns "
            f"C (0) or D (1), so the run has no result"
        )
    if first < 0:
        raise StrategyRuntimeError(
            f"{who} raised an exception in its step, first on turn {int(-first) - 1} against {partner.name!r} "
            f"and on {count} turn(s) in all: an index outside `my` or `opp` (the turns before t), "
            f"`state`, `params` or `info`, a division by zero, or a raise in its code; the run has no result. "
            f"Call its step from Python to see it: get_strategy({me.spec.name!r}).py_function(my, opp, t, state, "
            f"params, info, rng)"
        )
    raise StrategyRuntimeError(
        f"{who} raised an exception in its step function on {count} "
        f"turn(s) against {partner.name!r} (compiled code cannot pass the exception on, so "
        f"no result is returned); call its step from Python to see it: "
        f"get_strategy({me.spec.name!r}).py_function(my, opp, t, state, params, info, rng)"
    )
