"""The HTML report of a run of adaptive actors (``cooptourney evolve --rule ... --report``).

The page says first what the actors act on (the fitness kind: perceived utility or
material payoff) and the exact command that reproduces it, then shows the share of each
reciprocity kind and of each strategy over generations (figures in the tag colours of
every other plot), the shares by kind at a few generations, the final shares with their
standard errors, the payoff matrix the actors were paid from, and what the command
printed. It is built with :func:`cooptourney.output.report.html_report`, so it is one
self-contained file like every other report.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from cooptourney.output.report import Section, html_report

__all__ = ["adaptive_report", "marks"]

RULE_TEXT = {
    "fermi": "imitation by pairwise comparison (the Fermi rule; Traulsen, Nowak & Pacheco 2006)",
    "learning": "Roth-Erev reinforcement learning (Erev & Roth 1998)",
}


def marks(generations: int, shocks: Mapping[int, Any] | None = None) -> list[int]:
    """The generations a table of shares shows: start, quarters, end, and the first
    generation of every shock wave and the one after it ends."""
    shocks = shocks or {}
    starts = {g for g in shocks if g - 1 not in shocks} | {g + 1 for g in shocks if g + 1 not in shocks}
    picked = {0, generations // 4, generations // 2, 3 * generations // 4, generations} | starts
    return sorted(g for g in picked if 0 <= g <= generations)


def adaptive_report(
    result,
    path: str | Path,
    command: str,
    console: str = "",
    settings: Mapping[str, Any] | None = None,
    title: str | None = None,
) -> Path:
    """Write the report of an :class:`~cooptourney.evolution.AdaptiveResult` (atomically).

    Parameters
    ----------
    result : AdaptiveResult
    path : str or Path
        The ``.html`` file.
    command : str
        The command line that reproduces the run (printed verbatim on the page).
    console : str
        What the command printed, shown as preformatted text.
    settings : mapping, optional
        Printed with the result's own settings at the end of the page.
    title : str, optional

    Returns
    -------
    Path
    """
    import matplotlib.pyplot as plt

    from cooptourney.output.plots import adaptive_shares

    rule = RULE_TEXT[result.rule]
    shocks = {s["generation"]: s for s in result.settings.get("shocks", [])}
    tags = result.tag_shares()
    at = tags.loc[marks(result.generations, shocks)].reset_index()
    summary = result.summary()
    matrix = pd.DataFrame(result.payoff_matrix, columns=list(result.types))
    matrix.insert(0, "row player", list(result.types))
    intro = (
        f"Fitness: {result.fitness}. The actors act on the {result.fitness}: "
        + (
            "what each one values under the politics transformer (its perceived utility), not what the world gets."
            if result.fitness.startswith("perceived")
            else "the material payoff of the game, what the world gets."
            if result.fitness.startswith("material")
            else "a payoff matrix given directly."
        )
        + f"\n\n{result.population} actors, {rule}; {result.runs} runs of {result.generations} generations, "
        f"seed {result.settings.get('seed')}. Shares are means over the runs; final shares carry their standard "
        "error over the runs."
    )
    figs = []
    try:
        figs = [
            (adaptive_shares(result, by="tag"), f"share of actors by reciprocity kind (fitness: {result.fitness})"),
            (adaptive_shares(result, by="type"), f"share of actors by strategy (fitness: {result.fitness})"),
        ]
        sections = [
            Section("What the actors act on", text=intro),
            Section("Reproduce this page", pre=command),
            Section("Shares over generations", figures=figs),
            Section(
                "Shares by reciprocity kind",
                tables=[(at, f"mean share of actors by reciprocity tag (fitness: {result.fitness})")],
            ),
            Section("Final shares by strategy", tables=[(summary, "mean over runs +- standard error")]),
            Section("Payoffs", tables=[(matrix, f"per-turn {result.fitness} of the row strategy against the column")]),
        ]
        if console:
            sections.append(Section("What the command printed", pre=console))
        all_settings = {**result.settings, "command": command, **(settings or {})}
        return html_report(
            title or f"cooptourney evolve: adaptive actors ({result.rule}; fitness: {result.fitness})",
            sections,
            all_settings,
            path,
        )
    finally:
        for fig, _ in figs:
            plt.close(fig)
