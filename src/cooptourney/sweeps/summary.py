"""Summaries of a sweep: one outcome's mean over the grid of one or two swept settings.

:func:`cooptourney.output.plots.sweep_heatmap` draws the table; ``cooptourney report``
prints it.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

import pandas as pd

from cooptourney.results import RENAMED_COLUMNS
from cooptourney.sweeps.spec import SweepError
from cooptourney.sweeps.store import META_COLUMNS

__all__ = ["summarise"]


def summarise(
    df: pd.DataFrame,
    outcome: str,
    x: str,
    y: str | None = None,
    player: str | None = None,
    settings: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The mean of ``outcome`` over the (y, x) grid: rows are y values, columns x values.

    Each task's value is ``outcome`` of ``player`` (when given) or its mean over the
    task's players; a cell is the mean over the tasks sharing its (x, y) (the other
    settings and random draws). NaN outcomes (a metric never observed) are left out.
    """
    settings = list(settings if settings is not None else df.attrs.get("setting_columns", []))
    skip = set(META_COLUMNS) | set(settings) | {"rank", "player", "reciprocity"}
    outcomes = [c for c in df.columns if c not in skip and pd.api.types.is_numeric_dtype(df[c])] + ["rank"]
    if outcome not in outcomes:
        if RENAMED_COLUMNS.get(outcome) in outcomes:
            raise SweepError(f"outcome {outcome!r} is now called {RENAMED_COLUMNS[outcome]!r}")
        raise SweepError(_unknown("outcome", outcome, outcomes))
    for name, value in (("--x", x), ("--y", y)):
        if value is not None and value not in settings:
            raise SweepError(_unknown(f"setting for {name}", value, settings or ["(no swept settings)"]))
    if y is not None and x == y:
        raise SweepError("--x and --y must be two different settings")
    if player is not None:
        names = list(dict.fromkeys(df["player"].tolist()))
        if player not in names:
            raise SweepError(_unknown("player", player, names))
        df = df[df["player"] == player]
    keys = [k for k in (y, x) if k is not None]
    per_task = df.groupby(["task", *keys], sort=False, dropna=False)[outcome].mean().reset_index()
    cells = per_task.groupby(keys, sort=False, dropna=False)[outcome].mean()
    if y is None:
        table = cells.to_frame().T
        table.index = [outcome]
    else:
        table = cells.unstack(x)
    table = table.reindex(index=_order(df[y]) if y is not None else table.index, columns=_order(df[x]))
    table.index.name = y
    table.columns.name = x
    return table


def _order(values: pd.Series) -> list[Any]:
    uniq = list(dict.fromkeys(values.tolist()))
    if pd.api.types.is_numeric_dtype(values):
        return sorted(uniq)
    return uniq  # text settings (players, games) in the spec's order


def _unknown(what: str, value: str, allowed: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown {what} {value!r}{hint} (allowed: {', '.join(map(str, allowed))})"
