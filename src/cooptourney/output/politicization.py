"""Figures of politicization with adaptive actors: the curve with its optimum, phase diagrams, even vs uneven."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from cooptourney.output.plots import PALETTE, STYLE, save, sweep_heatmap

__all__ = ["curve_plot", "phase_plot", "uneven_plot"]


def curve_plot(table: pd.DataFrame, optimum: pd.DataFrame | None = None, path: str | Path | None = None):
    """Cooperation and world welfare against s with 95% bands; the optimum ``s*`` marked.

    Parameters
    ----------
    table : DataFrame
        From :func:`cooptourney.evolution.politicization.curve`.
    optimum : DataFrame, optional
        From :func:`cooptourney.evolution.politicization.optimum`; draws a line at ``s*``.
    """
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(1, 2, figsize=(9.0, 3.4))
        for ax, measure, label in (
            (axes[0], "cooperation", "cooperation (share of C, material)"),
            (axes[1], "welfare", "world welfare (material payoff per turn)"),
        ):
            ax.fill_between(
                table["s"], table[f"{measure}_low"], table[f"{measure}_high"], color=PALETTE[0], alpha=0.25, lw=0
            )
            ax.plot(table["s"], table[measure], color=PALETTE[0], marker="o", lw=1.6)
            if optimum is not None:
                s_star = float(optimum["s_star"].iloc[0])
                ax.axvline(s_star, color=PALETTE[3], ls="--", lw=1.2, label=f"s* = {s_star:g}")
                ax.legend(fontsize=8)
            ax.set_xlabel("politicization s")
            ax.set_ylabel(label)
        fig.suptitle(
            f"Adaptive actors, fitness: {table.attrs.get('fitness', '')}; 95% intervals over runs", fontsize=10
        )
        fig.tight_layout()
    save(fig, path)
    return fig


def phase_plot(table: pd.DataFrame, measure: str = "cooperation", path: str | Path | None = None):
    """A phase diagram of :func:`~cooptourney.evolution.politicization.phase` as a heatmap (means)."""
    strength = next(c for c in table.columns if c in ("theta", "kappa", "rho"))
    grid = table.pivot(index=strength, columns="s", values=measure)
    names = {"theta": "threat severity theta", "kappa": "relative-gains brake kappa", "rho": "veto brake rho"}
    grid.index.name = names[strength]
    grid.columns.name = "politicization s"
    label = "cooperation (material)" if measure == "cooperation" else "world welfare (material)"
    title = f"{label}; fitness: {table.attrs.get('fitness', '')}"
    return sweep_heatmap(grid, title=title, label=label, path=path)


def uneven_plot(table: pd.DataFrame, path: str | Path | None = None):
    """Even against uneven politicization: alignment, cooperation, welfare with 95% intervals."""
    rows = ["even", "uneven"]
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(1, 3, figsize=(9.0, 3.2))
        titles = {
            "alignment": f"alignment: runs with cooperation >= {table.attrs.get('consensus', 0.75):g}",
            "cooperation": "cooperation (material)",
            "welfare": "world welfare (material)",
        }
        for ax, measure in zip(axes, titles, strict=True):
            y = table.loc[rows, measure].to_numpy(dtype=float)
            err = np.abs(table.loc[rows, [f"{measure}_low", f"{measure}_high"]].to_numpy(dtype=float).T - y)
            labels = [f"{r}\n({table.loc[r, 'felt']})" for r in rows]
            ax.bar(labels, y, yerr=err, color=[PALETTE[0], PALETTE[3]], capsize=4)
            ax.set_title(titles[measure], fontsize=9)
        fig.suptitle(
            f"Same mean politicization, even or uneven; fitness: {table.attrs.get('fitness', '')}", fontsize=10
        )
        fig.tight_layout()
    save(fig, path)
    return fig
