"""Plots of tournaments, matches and evolution (matplotlib, Agg backend).

Every plot function is called the same way: ``plot(data, *, option=..., path=...)``, the
data (a ResultSet, a Match, an evolution result, a table) first and alone, every option
by keyword; a second positional argument is refused with the list of options. It returns
the :class:`matplotlib.figure.Figure` and, given ``path``, also writes it as a PNG (or
SVG/PDF by the suffix; atomically, :func:`cooptourney.atomic.write_atomic`).
``axelrod``'s plots are here by its names (:func:`boxplot`, :func:`winplot`,
:func:`sdvplot`, :func:`pdplot`, :func:`lengthplot`, :func:`stackplot`, and
``payoff_heatmap(results, ranked=True)`` for its ``payoff``), and :class:`Plot` is its
``Plot(results)``. The figures
are meant for a projector and for print alike: the Okabe-Ito colour-blind-safe palette,
line styles and markers that keep series apart in grey scale, labelled axes with units,
a title, and no decoration that carries no data.

Close figures you no longer need (``matplotlib.pyplot.close(fig)``); the functions never
call ``plt.show()``.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np

from cooptourney.atomic import write_atomic
from cooptourney.evolution import (
    AdaptiveResult,
    EcologicalResult,
    Fingerprint,
    MoranResult,
    TransitiveFingerprint,
)
from cooptourney.players import display_names

__all__ = [
    "PALETTE",
    "Plot",
    "adaptive_shares",
    "boxplot",
    "cooperation_over_turns",
    "fixation_bars",
    "gear_trace",
    "grouped_bars",
    "ledger_trace",
    "lengthplot",
    "lines",
    "payoff_heatmap",
    "pdplot",
    "plot_fingerprint",
    "plot_shares",
    "plot_transitive_fingerprint",
    "published_vs_measured",
    "ranking_bars",
    "reciprocity_map",
    "save",
    "sdvplot",
    "shares_over_time",
    "stackplot",
    "sweep_heatmap",
    "winplot",
]

#: Okabe & Ito (2008) colour-blind-safe palette (black last, for emphasis).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
LINESTYLES = ("-", "--", "-.", ":")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
#: Colour of each reciprocity tag (docs/model.md, "Reciprocity").
TAG_COLOURS = {
    "specific": PALETTE[0],
    "diffuse": PALETTE[2],
    "negative": PALETTE[3],
    "unconditional": PALETTE[1],
    "other": "#999999",
}
DPI = 110

#: The look of every figure (no top and right spines, no grid, small type, no legend
#: frame); the other plotting modules of this package use it too.
STYLE = {
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "legend.frameon": False,
    "font.size": 9,
}


#: File formats a figure is written in, by the path's suffix (PNG without one).
FORMATS = ("png", "svg", "pdf")


def save(fig, path: str | Path | None) -> Path | None:
    """Write ``fig`` to ``path``, atomically, as PNG (or SVG/PDF by the path's suffix);
    nothing when ``path`` is None."""
    if path is None:
        return None
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".") or "png"
    if fmt not in FORMATS:
        fmt = "png"  # a figure path without a known suffix has always been written as PNG
    return write_atomic(path, lambda p: fig.savefig(p, format=fmt, dpi=DPI, bbox_inches="tight"))


def _keyword_options(func):
    """Enforce the one calling convention of this module, ``plot(data, *, option=..., path=...)``,
    with an error that names the options, for a second positional argument."""
    params = list(inspect.signature(func).parameters)
    options = ", ".join(f"{p}=..." for p in params[1:])

    @functools.wraps(func)
    def plot(*args, **kwargs):
        if len(args) > 1:
            raise TypeError(
                f"{func.__name__}({params[0]}, *, {options}) takes only {params[0]!r} by position; "
                f"give {args[1]!r:.40} by keyword (path=... to save the figure)"
            )
        return func(*args, **kwargs)

    return plot


def _style(i: int) -> dict[str, Any]:
    return {"color": PALETTE[i % len(PALETTE)], "linestyle": LINESTYLES[(i // 2) % len(LINESTYLES)]}


def _short(name: str, width: int = 30) -> str:
    return name if len(name) <= width else name[: width - 3] + "..."


# -- tournaments ------------------------------------------------------------------------------
#: What each ranking criterion reads, and the axis label: the bars are medians over
#: repetitions of each repetition's mean per-turn score, so the label says both.
_BY_LABEL = {
    "score": ("normalised_scores", "score per turn (self-play excluded)"),
    "score_with_self_play": ("normalised_scores_with_self_play", "score per turn (self-play included)"),
    "utility": ("normalised_utilities", "perceived utility per turn (self-play excluded)"),
    "utility_with_self_play": (
        "normalised_utilities_with_self_play",
        "perceived utility per turn (self-play included)",
    ),
}


@_keyword_options
def ranking_bars(results, *, by: str = "score", title: str | None = None, path: str | Path | None = None):
    """Horizontal bars of each player's median per-turn score, best at the top, coloured by
    reciprocity tag, with the range over repetitions as an error bar."""
    if by not in _BY_LABEL:
        raise ValueError(f"cannot rank by {by!r}; choose one of {', '.join(_BY_LABEL)}")
    attr, label = _BY_LABEL[by]
    values = getattr(results, attr)
    order = list(results.ranking(by))
    med = np.median(values, axis=1)[order]
    lo, hi = values.min(axis=1)[order], values.max(axis=1)[order]
    names = [_short(results.players[i]) for i in order]
    tags = [results.reciprocity[i] for i in order]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7, 0.32 * len(order) + 1.4))
        y = np.arange(len(order))[::-1]
        ax.barh(y, med, color=[TAG_COLOURS.get(t, "#999999") for t in tags], height=0.7)
        if results.repetitions > 1:
            ax.errorbar(med, y, xerr=[med - lo, hi - med], fmt="none", ecolor="#333333", elinewidth=0.8, capsize=2)
        ax.set_yticks(y, names)
        ax.set_xlabel(
            f"median over repetitions of the {label}; whiskers: range" if results.repetitions > 1 else f"mean {label}"
        )
        ax.set_title(title or f"Ranking by {by.replace('_', ' ')}")
        used = list(dict.fromkeys(tags))
        handles = [matplotlib.patches.Patch(color=TAG_COLOURS.get(t, "#999999"), label=t) for t in used]
        # beside the axes, never over the bars
        ax.legend(handles=handles, title="reciprocity", loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


def _matrix_heatmap(m, names, colour_label: str, title: str, path, cmap: str = "cividis", centred: bool = False):
    """An annotated heat map of ``m[i, j]`` (row player i, column player j)."""
    names = [_short(n, 22) for n in names]
    n = len(names)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(0.5 * n + 3.2, 0.45 * n + 2.2))
        limits = {}
        if centred:  # a diverging map with 0 in its middle
            top = float(np.nanmax(np.abs(m))) if np.isfinite(m).any() else 1.0
            limits = {"vmin": -top or -1.0, "vmax": top or 1.0}
        im = ax.imshow(m, cmap=cmap, aspect="auto", **limits)
        ax.set_xticks(range(n), names, rotation=60, ha="right")
        ax.set_yticks(range(n), names)
        ax.set_xlabel("opponent (column player)")
        ax.set_ylabel("player (row player)")
        if n <= 25:
            mid = (np.nanmin(m) + np.nanmax(m)) / 2
            for (i, j), v in np.ndenumerate(m):
                dark = abs(v) < 0.5 * limits["vmax"] if centred else v > mid
                ax.text(
                    j,
                    i,
                    f"{v:.2f}",
                    ha="center",
                    va="center",
                    fontsize=7 if n > 12 else 8,
                    color="black" if dark else "white",
                )
        fig.colorbar(im, ax=ax, label=colour_label)
        ax.set_title(title)
        fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def payoff_heatmap(
    results, *, title: str | None = None, path: str | Path | None = None, utility: bool = False, ranked: bool = False
):
    """The mean per-turn payoff of the row player against the column player, annotated.

    ``ranked``: players in ranking order (best first, as ``axelrod``'s ``Plot.payoff``)
    instead of the order they were given in."""
    m = results.utility_matrix_per_turn if utility else results.payoff_matrix
    order = list(results.ranking) if ranked else list(range(results.n_players))
    what = "perceived utility" if utility else "material payoff"
    return _matrix_heatmap(
        m[np.ix_(order, order)],
        [results.players[i] for i in order],
        f"mean {what} per turn of the row player",
        title or f"Payoff matrix ({what} per turn)",
        path,
    )


@_keyword_options
def pdplot(results, *, title: str | None = None, path: str | Path | None = None):
    """Heat map of the mean per-turn payoff difference (row player minus column player),
    players in ranking order (``axelrod``'s ``pdplot``; :attr:`ResultSet.payoff_diffs_means`)."""
    order = list(results.ranking)
    return _matrix_heatmap(
        results.payoff_diffs_means[np.ix_(order, order)],
        [results.players[i] for i in order],
        "mean per-turn payoff difference (row minus column)",
        title or "Payoff differences (mean over repetitions)",
        path,
        cmap="PuOr",
        centred=True,
    )


def _distributions(values, names, ylabel: str, title: str, path, integer: bool = False):
    """Violins of one sample per player (left to right in the given order), each with its
    median marked, as ``axelrod``'s distribution plots draw them."""
    values = [np.asarray(v, dtype=float)[np.isfinite(np.asarray(v, dtype=float))] for v in values]
    n = len(values)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(max(5.0, 0.45 * n + 2.5), 4.2))
        x = np.arange(1, n + 1)
        spread = [k for k, v in enumerate(values) if v.size and np.ptp(v) > 0]
        if spread:
            parts = ax.violinplot([values[k] for k in spread], positions=x[spread], showextrema=False, widths=0.8)
            for body in parts["bodies"]:
                body.set_facecolor(PALETTE[0])
                body.set_alpha(0.35)
        medians = [np.median(v) if v.size else np.nan for v in values]
        ax.scatter(x, medians, marker="_", s=220, color="black", zorder=3, label="median")
        for k, v in enumerate(values):  # a sample without spread is one line, not a violin
            if v.size and np.ptp(v) == 0:
                ax.scatter([x[k]], [v[0]], marker="o", s=12, color=PALETTE[0], zorder=2)
        ax.set_xticks(x, [_short(nm, 24) for nm in names], rotation=60, ha="right")
        if integer:
            ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.legend(loc="best", fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def boxplot(results, *, title: str | None = None, path: str | Path | None = None):
    """Each player's normalised score over repetitions (self-play excluded), in ranking
    order, as a violin with its median (``axelrod``'s ``boxplot``)."""
    order = list(results.ranking)
    return _distributions(
        [results.normalised_scores[i] for i in order],
        [results.players[i] for i in order],
        "score per turn (self-play excluded), per repetition; bar: median",
        title or "Scores per turn over repetitions",
        path,
    )


@_keyword_options
def winplot(results, *, title: str | None = None, path: str | Path | None = None):
    """Each player's wins per repetition, players by median wins, most first
    (``axelrod``'s ``winplot``)."""
    wins = np.asarray(results.wins)
    medians = np.median(wins, axis=1)
    # axelrod's order: by median, ties broken by the later player first
    order = sorted(range(len(medians)), key=lambda i: (medians[i], i), reverse=True)
    return _distributions(
        [wins[i] for i in order],
        [results.players[i] for i in order],
        "matches won per repetition (self-play excluded); bar: median",
        title or "Wins over repetitions",
        path,
        integer=True,
    )


@_keyword_options
def sdvplot(results, *, title: str | None = None, path: str | Path | None = None):
    """Each player's per-turn score difference over every opponent and repetition, in
    ranking order (``axelrod``'s ``sdvplot``): how a player earns its score."""
    order = list(results.ranking)
    diffs = results.score_diffs
    return _distributions(
        [diffs[i].ravel() for i in order],
        [results.players[i] for i in order],
        "per-turn score difference (own minus opponent's), every match; bar: median",
        title or "Score differences",
        path,
    )


@_keyword_options
def lengthplot(results, *, title: str | None = None, path: str | Path | None = None):
    """Each player's match lengths over every opponent and repetition, in ranking order
    (``axelrod``'s ``lengthplot``; informative with ``prob_end``)."""
    order = list(results.ranking)
    return _distributions(
        [results.turns_matrix[i].ravel() for i in order],
        [results.players[i] for i in order],
        "turns per match, every match; bar: median",
        title or "Match lengths",
        path,
        integer=True,
    )


def _share_table(result) -> tuple[np.ndarray, list[str], str, str]:
    """(float[steps, K] shares, type names, x label, what) of an evolution result."""
    from collections import Counter

    if isinstance(result, EcologicalResult):
        return np.asarray(result.shares, dtype=float), list(result.players), "generation", "share"
    if isinstance(result, MoranResult):
        return result.mean_shares, list(result.types), "generation (birth-death steps)", "mean share over runs"
    pops = getattr(result, "populations", result)  # a MoranProcess, or its list of Counters
    if isinstance(pops, Sequence) and pops and all(isinstance(p, Counter) for p in pops):
        names = list(getattr(result, "types", None) or dict.fromkeys(k for p in pops for k in p))
        counts = np.array([[p.get(t, 0) for t in names] for p in pops], dtype=float)
        return counts / counts.sum(axis=1, keepdims=True), names, "generation (birth-death steps)", "share"
    raise TypeError(
        "stackplot draws an EcologicalResult, a MoranResult, a played MoranProcess or its populations "
        f"(a list of Counters), got {type(result).__name__}"
    )


@_keyword_options
def stackplot(result, *, title: str | None = None, logscale: bool = False, path: str | Path | None = None):
    """Population shares stacked over generations (``axelrod``'s ``stackplot``): an
    :class:`~cooptourney.evolution.EcologicalResult`, a :class:`~cooptourney.evolution.MoranResult`
    (mean shares over runs) or a played :class:`~cooptourney.evolution.MoranProcess` (its
    :attr:`populations`). ``logscale`` puts generations on a log axis."""
    shares, names, xlabel, what = _share_table(result)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 3.8))
        x = np.arange(shares.shape[0])
        colours = [PALETTE[k % len(PALETTE)] for k in range(len(names))]
        hatches = ["", "//", "..", "xx"]
        polys = ax.stackplot(x, shares.T, labels=[_short(nm) for nm in names], colors=colours, alpha=0.85)
        for k, poly in enumerate(polys):  # grey-scale safe: hatch the repeated colours
            poly.set_hatch(hatches[(k // len(PALETTE)) % len(hatches)])
        if logscale and len(x) > 1:
            ax.set_xscale("symlog", linthresh=1)
        ax.set_xlim(0, max(1, len(x) - 1))
        ax.set_ylim(0, 1)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(f"population {what}")
        ax.set_title(title or "Population shares over time")
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


class Plot:
    """``axelrod``'s ``Plot(results)``: the same plots, by the same names.

    Every method returns the Figure; ``path=`` also writes it. The methods are the plot
    functions of this module applied to ``results``.
    """

    def __init__(self, results) -> None:
        if not hasattr(results, "normalised_scores"):
            raise TypeError(f"Plot takes a ResultSet, got {type(results).__name__}")
        self.result_set = results

    def boxplot(self, *, title: str | None = None, path: str | Path | None = None):
        return boxplot(self.result_set, title=title, path=path)

    def winplot(self, *, title: str | None = None, path: str | Path | None = None):
        return winplot(self.result_set, title=title, path=path)

    def sdvplot(self, *, title: str | None = None, path: str | Path | None = None):
        return sdvplot(self.result_set, title=title, path=path)

    def pdplot(self, *, title: str | None = None, path: str | Path | None = None):
        return pdplot(self.result_set, title=title, path=path)

    def lengthplot(self, *, title: str | None = None, path: str | Path | None = None):
        return lengthplot(self.result_set, title=title, path=path)

    def payoff(self, *, title: str | None = None, path: str | Path | None = None):
        return payoff_heatmap(self.result_set, ranked=True, title=title, path=path)

    def stackplot(self, eco, *, title: str | None = None, logscale: bool = False, path: str | Path | None = None):
        return stackplot(eco, title=title, logscale=logscale, path=path)

    def save_all_plots(
        self, prefix: str = "axelrod", title_prefix: str = "axelrod", filetype: str = "png"
    ) -> list[Path]:
        """Write every plot as ``<prefix>_<name>.<filetype>`` (png, svg or pdf), as ``axelrod`` does."""
        written = []
        for name, what in (
            ("boxplot", "Payoff"),
            ("payoff", "Payoff"),
            ("winplot", "Wins"),
            ("sdvplot", "Payoff differences"),
            ("pdplot", "Payoff differences"),
            ("lengthplot", "Length of Matches"),
        ):
            fig = getattr(self, name)(title=f"{title_prefix} - {what}", path=f"{prefix}_{name}.{filetype}")
            plt.close(fig)
            written.append(Path(f"{prefix}_{name}.{filetype}"))
        return written


# -- matches ----------------------------------------------------------------------------------
def _as_series(moves_or_results, pairs):
    """A dict label -> int8[turns, 2] (or [reps, turns, 2]) of moves from the accepted inputs."""
    if isinstance(moves_or_results, Mapping):
        return {str(k): np.asarray(v) for k, v in moves_or_results.items()}
    if hasattr(moves_or_results, "match_moves"):  # a ResultSet with recorded moves
        r = moves_or_results
        if pairs is None:
            pairs = [(i, j) for (i, j) in r.pair_index]
        out = {}
        for i, j in pairs:
            reps = [r.match_moves(i, j, k) for k in range(r.repetitions)]
            n = min(len(x) for x in reps)
            label = f"{r.players[i]} vs {r.players[j]}" if i != j else f"{r.players[i]} (self-play)"
            out[label] = np.stack([x[:n] for x in reps])
        return out
    if hasattr(moves_or_results, "moves"):  # a played Match
        m = moves_or_results
        if m.moves is None:
            m.play()
        a, b = display_names(p.name for p in m.players)
        return {f"{a} vs {b}": m.moves}
    return {"match": np.asarray(moves_or_results)}


@_keyword_options
def cooperation_over_turns(
    moves_or_results,
    *,
    pairs: Sequence[tuple[int, int]] | None = None,
    title: str | None = None,
    window: int = 1,
    marks: Sequence[int] = (),
    path: str | Path | None = None,
):
    """Share of the two players cooperating, turn by turn.

    ``moves_or_results`` is a moves array (int8[turns, 2], 0 = C, or [reps, turns, 2]), a
    mapping label -> such arrays, a played :class:`Match`, or a ResultSet played with
    ``record_moves=True`` (``pairs`` selects (i, j) pairs; repetitions are averaged).
    ``window`` > 1 smooths with a trailing moving average; ``marks`` draws vertical lines
    at turns (1-based), e.g. a noise flip.
    """
    series = _as_series(moves_or_results, pairs)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 3.4))
        for k, (label, moves) in enumerate(series.items()):
            coop = 1.0 - np.asarray(moves, dtype=float)  # 1 = C
            per_turn = coop.mean(axis=-1)
            if per_turn.ndim == 2:
                per_turn = per_turn.mean(axis=0)
            if window > 1:
                kernel = np.ones(window) / window
                per_turn = (
                    np.convolve(per_turn, kernel)[: len(per_turn)]
                    * window
                    / np.minimum(np.arange(1, len(per_turn) + 1), window)
                )
            turns = np.arange(1, len(per_turn) + 1)
            ax.plot(
                turns,
                per_turn + 0.015 * (k - (len(series) - 1) / 2),
                drawstyle="steps-mid",
                label=label,
                linewidth=1.6,
                **_style(k),
            )
        for t in marks:
            ax.axvline(t, color="#555555", linewidth=0.8, linestyle=":")
            ax.annotate("flip", (t, 1.04), ha="center", fontsize=8, color="#555555", annotation_clip=False)
        ax.set_ylim(-0.05, 1.08)
        ax.set_xlabel("turn")
        ax.set_ylabel("share of the two players cooperating")
        ax.set_yticks([0, 0.5, 1], ["0 (DD)", "0.5 (CD/DC)", "1 (CC)"])
        ax.set_title(title or "Cooperation over turns")
        ax.legend(loc="lower left", fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


def _trace_plot(match, label: str, ylabel: str, title: str | None, path, yticks=None, moves: bool = True):
    traces = match.trace
    if not traces:
        raise ValueError(f"no player in this match traces a state (e.g. {label}); nothing to plot")
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 3.6))
        for k, (name, values) in enumerate(traces.items()):
            turns = np.arange(1, len(values) + 1)
            ax.plot(
                turns,
                values,
                drawstyle="steps-mid",
                linewidth=1.8,
                label=name,
                marker=MARKERS[k],
                markersize=3,
                **_style(k),
            )
        if moves and match.moves is not None:
            n = len(match.moves)
            lo, hi = ax.get_ylim()
            span = hi - lo
            for p in range(2):
                d = np.flatnonzero(match.moves[:, p] == 1) + 1
                y = lo - (0.08 + 0.07 * p) * span
                ax.scatter(
                    d,
                    np.full(len(d), y),
                    marker="|",
                    color=PALETTE[3 + p],
                    s=40,
                    label=f"{match.players[p].name} defects",
                    clip_on=False,
                )
            ax.set_ylim(lo - 0.2 * span, hi)
            ax.set_xlim(0, n + 1)
        if yticks is not None:
            ax.set_yticks(*yticks)
        ax.set_xlabel("turn")
        ax.set_ylabel(ylabel)
        ax.set_title(title or f"{label} trace")
        ax.legend(loc="best", fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def gear_trace(match, *, title: str | None = None, path: str | Path | None = None):
    """The gear of every Gears player in a played :class:`Match`, turn by turn
    (-1 reverse, 1 specific, 2-3 diffuse), with each side's defections marked below."""
    return _trace_plot(
        match,
        "Gears",
        "gear (state after choosing the move)",
        title,
        path,
        yticks=([-1, 0, 1, 2, 3], ["-1 reverse", "0", "1 specific", "2 diffuse", "3 diffuse"]),
    )


@_keyword_options
def ledger_trace(match, *, title: str | None = None, path: str | Path | None = None):
    """The balance B of every Ledger player in a played :class:`Match`, turn by turn."""
    return _trace_plot(match, "Ledger", "balance B (payoff units; >= -tau cooperates)", title, path)


# -- evolution and sweeps ---------------------------------------------------------------------
@_keyword_options
def shares_over_time(
    shares,
    *,
    names: Sequence[str],
    title: str | None = None,
    xlabel: str = "generation",
    path: str | Path | None = None,
):
    """Population shares over time: ``shares`` is float[steps, n_types] (rows sum to 1)."""
    shares = np.asarray(shares, dtype=float)
    if shares.ndim != 2 or shares.shape[1] != len(names):
        raise ValueError(f"shares must have shape (steps, {len(names)}), got {shares.shape}")
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 3.8))
        x = np.arange(shares.shape[0])
        for k, name in enumerate(names):
            ax.plot(x, shares[:, k], label=_short(name), linewidth=1.6, **_style(k))
        ax.set_ylim(0, 1)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("population share")
        ax.set_title(title or "Population shares over time")
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def sweep_heatmap(table, *, title: str | None = None, label: str = "", path: str | Path | None = None):
    """A pandas table (rows: y values, columns: x values, e.g. from
    :func:`cooptourney.sweeps.summarise`) as an annotated heatmap."""
    values = table.to_numpy(dtype=float)
    ny, nx = values.shape

    def tick(v):
        return f"{v:g}" if isinstance(v, (float, np.floating)) else _short(str(v), 28)

    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(max(4.5, 0.9 * nx + 2.5), max(3.0, 0.5 * ny + 2)))
        im = ax.imshow(values, origin="lower", aspect="auto", cmap="cividis")
        ax.set_xticks(range(nx), [tick(v) for v in table.columns], rotation=30 if nx > 6 else 0)
        ax.set_yticks(range(ny), [tick(v) for v in table.index])
        ax.set_xlabel(str(table.columns.name or ""))
        ax.set_ylabel(str(table.index.name or ""))
        finite = values[np.isfinite(values)]
        mid = (finite.min() + finite.max()) / 2 if finite.size else 0.0
        if nx * ny <= 400:
            for (i, j), v in np.ndenumerate(values):
                ax.text(
                    j,
                    i,
                    "n/a" if not np.isfinite(v) else f"{v:.3g}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="black" if np.isfinite(v) and v > mid else "white",
                )
        fig.colorbar(im, ax=ax, label=label)
        ax.set_title(title or "Sweep")
        fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def lines(
    ys: Mapping[str, Sequence[float]],
    *,
    x,
    xlabel: str,
    ylabel: str,
    title: str,
    ylim: tuple[float, float] | None = None,
    path: str | Path | None = None,
):
    """Several labelled series (``ys``: label -> values) against one x axis (used by the
    demos for parameter scans)."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6.5, 3.6))
        for k, (label, y) in enumerate(ys.items()):
            ax.plot(x, y, label=label, marker=MARKERS[k % len(MARKERS)], linewidth=1.6, **_style(k))
        if ylim is not None:
            ax.set_ylim(*ylim)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.legend(fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def grouped_bars(
    series: Mapping[str, Sequence[float]],
    *,
    groups: Sequence[str],
    ylabel: str,
    title: str,
    path: str | Path | None = None,
):
    """Bars of several series (``series``: label -> one value per group) per group (e.g.
    family score per scenario)."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(max(5.5, 1.3 * len(groups) + 2), 3.6))
        width = 0.8 / max(1, len(series))
        x = np.arange(len(groups))
        hatches = ("", "//", "..", "xx")
        for k, (label, values) in enumerate(series.items()):
            ax.bar(
                x + (k - (len(series) - 1) / 2) * width,
                values,
                width,
                label=label,
                color=PALETTE[k % len(PALETTE)],
                hatch=hatches[k % len(hatches)],
                edgecolor="white",
            )
        ax.set_xticks(x, groups)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.legend(fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def fixation_bars(
    series: Mapping[str, Sequence[float]],
    *,
    groups: Sequence[str],
    population: int,
    ylabel: str,
    title: str,
    path: str | Path | None = None,
):
    """:func:`grouped_bars` of fixation probabilities with the neutral value 1/N marked."""
    fig = grouped_bars(series, groups=groups, ylabel=ylabel, title=title)
    ax = fig.axes[0]
    ax.axhline(1 / population, color="#555555", linestyle=":", linewidth=1)
    ax.annotate(
        f"neutral 1/N = {1 / population:.3f}",
        (ax.get_xlim()[0], 1 / population),
        xytext=(4, 3),
        textcoords="offset points",
        fontsize=8,
        color="#555555",
    )
    save(fig, path)
    return fig


@_keyword_options
def published_vs_measured(
    table, *, xlabel: str, ylabel: str, title: str, limits: tuple[float, float], path: str | Path | None = None
):
    """Measured against published scores, one labelled point per player, with the diagonal.

    ``table`` has columns ``player``, ``published_score`` and ``measured_score``; a
    leading "First by " is dropped from the labels.
    """
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(6, 5))
        ax.plot(limits, limits, color="#888888", linestyle="--", linewidth=1, label="measured = published")
        ax.scatter(table.published_score, table.measured_score, color=PALETTE[0], zorder=3)
        for _, row in table.iterrows():
            ax.annotate(
                row.player.replace("First by ", ""),
                (row.published_score, row.measured_score),
                fontsize=7,
                xytext=(4, -3),
                textcoords="offset points",
            )
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.legend(loc="upper left", fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


# -- evolution and fingerprints ---------------------------------------------------------------
@_keyword_options
def plot_shares(result: EcologicalResult | MoranResult, *, path: str | Path | None = None, title: str | None = None):
    """Population shares over generations; returns the Figure and writes a PNG to ``path``.

    Ecological dynamics: each type's share (:func:`shares_over_time`).
    Moran: the mean share over runs at every checkpoint, with a band of +- 2 standard errors.
    """
    if isinstance(result, EcologicalResult):
        return shares_over_time(
            result.shares,
            names=result.players,
            path=path,
            title=title or f"Ecological dynamics ({result.fitness} payoffs)",
        )
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    for k, name in enumerate(result.types):
        colour = PALETTE[k % len(PALETTE)]
        style = LINESTYLES[(k // 2) % len(LINESTYLES)]
        m, se = result.mean_shares[:, k], result.share_standard_errors[:, k]
        ax.plot(result.checkpoints, m, label=name, color=colour, linestyle=style, linewidth=1.6)
        if np.isfinite(se).all():
            ax.fill_between(result.checkpoints, m - 2 * se, m + 2 * se, color=colour, alpha=0.2, linewidth=0)
    ax.set_ylim(0, 1)
    ax.set_xlabel("generation (birth-death steps)")
    ax.set_ylabel("population share (mean over runs)")
    ax.set_title(
        title or f"Moran process, N = {result.population}, {result.runs} runs (fitness: {result.settings['fitness']})",
        fontsize=10,
    )
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8, frameon=False)
    fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def adaptive_shares(
    result: AdaptiveResult, *, path: str | Path | None = None, by: str = "tag", title: str | None = None
):
    """Shares of an :class:`~cooptourney.evolution.AdaptiveResult` over generations.

    ``by="tag"``: one line per reciprocity tag (the share of actors playing a strategy
    of that kind), in the tag's colour; ``by="type"``: one line per strategy, in its
    tag's colour, told apart within a tag by line style. A shock is a dotted vertical
    line, a shock repeated over consecutive generations a grey band. The title states the rule and the fitness kind.
    """
    if by not in ("tag", "type"):
        raise ValueError(f"by must be 'tag' or 'type', got {by!r}")
    table = result.tag_shares() if by == "tag" else result.shares
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 3.8))
        seen: dict[str, int] = {}
        for k, name in enumerate(table.columns):
            tag = name if by == "tag" else result.tags[k]
            n = seen.get(tag, 0)
            seen[tag] = n + 1
            ax.plot(
                table.index,
                table[name],
                label=_short(name),
                color=TAG_COLOURS.get(tag, PALETTE[k % len(PALETTE)]),
                linestyle=LINESTYLES[n % len(LINESTYLES)],
                linewidth=1.8 if by == "tag" else 1.4,
            )
        # consecutive generations with the same shock are one sustained invasion: one span
        spans: list[list] = []
        for shock in result.settings.get("shocks", []):
            g, what = shock["generation"], (shock["type"], shock["count"])
            if spans and spans[-1][1] == g and spans[-1][2] == what:
                spans[-1][1] = g + 1
            else:
                spans.append([g, g + 1, what])
        for g1, g2, (kind, count) in spans:
            if g2 - g1 > 1:
                ax.axvspan(g1, g2, color="#DDDDDD", linewidth=0, zorder=0)
                text = f"{count} {_short(kind, 18)} enter\nevery generation"
            else:
                ax.axvline(g1, color="#555555", linestyle=":", linewidth=1)
                text = f"{count} {_short(kind, 18)} enter"
            ax.annotate(
                text, (g1, 0.97), xytext=(3, 0), textcoords="offset points", fontsize=7, color="#555555", va="top"
            )
        ax.set_ylim(0, 1)
        ax.set_xlabel("generation (each actor gets one chance to change)")
        runs = f", mean over {result.runs} runs" if result.runs > 1 else ""
        ax.set_ylabel(f"share of actors{runs}")
        rule = {"fermi": "imitation (Fermi rule)", "learning": "Roth-Erev learning"}[result.rule]
        ax.set_title(title or f"Adaptive actors, {rule}, N = {result.population} (fitness: {result.fitness})")
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def plot_fingerprint(
    fp: Fingerprint, *, path: str | Path | None = None, cmap: str = "seismic", title: str | None = None
):
    """Heat map of an Ashlock fingerprint (x to the right, y up); returns the Figure and
    writes a PNG to ``path``."""
    fig, ax = plt.subplots(figsize=(5.5, 4.5))
    im = ax.imshow(fp.scores, origin="lower", extent=(0, 1, 0, 1), cmap=cmap, interpolation="none", aspect="equal")
    fig.colorbar(im, ax=ax, label="mean score per turn")
    ax.set_xlabel("x (probe cooperates)")
    ax.set_ylabel("y (probe defects)")
    ax.set_title(title or f"{fp.strategy} vs Joss-Ann {fp.probe}", fontsize=10)
    fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def plot_transitive_fingerprint(
    tf: TransitiveFingerprint, *, path: str | Path | None = None, cmap: str = "viridis", title: str | None = None
):
    """Heat map of a transitive fingerprint (turns to the right, opponents up); returns the
    Figure and writes a PNG to ``path``."""
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    n, turns = tf.cooperation.shape
    spectrum = tf.settings.get("random_spectrum") and n > 1
    half = 0.5 / (n - 1) if spectrum else 0.5
    extent = (0.5, turns + 0.5, -half, 1 + half) if spectrum else (0.5, turns + 0.5, -0.5, n - 0.5)
    im = ax.imshow(
        tf.cooperation, origin="lower", cmap=cmap, vmin=0, vmax=1, aspect="auto", interpolation="none", extent=extent
    )
    fig.colorbar(im, ax=ax, label=f"probability that {tf.strategy} cooperates")
    ax.set_xlabel("turn")
    if spectrum:
        ax.set_ylabel("opponent Random(p): p")
    else:
        ax.set_ylabel("opponent")
        if n <= 20:
            ax.set_yticks(range(n), tf.opponents, fontsize=7)
    ax.set_title(title or f"Transitive fingerprint of {tf.strategy}", fontsize=10)
    fig.tight_layout()
    save(fig, path)
    return fig


@_keyword_options
def reciprocity_map(places, *, path: str | Path | None = None, title: str | None = None):
    """The map of strategies on the reciprocity continuum, coloured by their reciprocity tag.

    ``places``: :class:`cooptourney.reciprocity.continuum.Position` objects (anything with
    ``name``, ``tag``, ``measured``, ``position`` and ``responsiveness``). x is the
    measured position (0 specific, towards +1 diffuse, below 0 the reverse gear); y is the
    responsiveness (near 0: play that ignores the partner). A hollow marker is a strategy
    whose tag differs from its measured class (docs/reference/reciprocity.md).
    """
    places = list(places)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(8, 5.5))
        for tag in dict.fromkeys(p.tag for p in places):
            group = [p for p in places if p.tag == tag]
            colour = TAG_COLOURS.get(tag, "#999999")
            for agrees, face in ((True, colour), (False, "none")):
                sel = [p for p in group if (p.tag in ("other", p.measured)) == agrees]
                if sel:
                    ax.scatter(
                        [p.position for p in sel],
                        [p.responsiveness for p in sel],
                        s=26,
                        facecolors=face,
                        edgecolors=colour,
                        linewidths=1.0,
                        label=tag if agrees else f"{tag} (measured otherwise)",
                    )
        named = ("Tit For Tat", "Ledger", "Diffuse Ledger", "Generous Tit For Tat", "Grudger", "Cooperator")
        labelled = sorted((p for p in places if p.name in named), key=lambda p: p.position)
        # neighbours on the axis take turns above and below their marker, so that two
        # close strategies (Tit For Tat at 0, the strict Ledger just right of it) do not
        # write over each other
        for k, p in enumerate(labelled):
            ax.annotate(
                _short(p.name, 22),
                (p.position, p.responsiveness),
                fontsize=7,
                xytext=(3, 4) if k % 2 == 0 else (3, -11),
                textcoords="offset points",
            )
        ax.axvline(0.0, color="#999999", linewidth=0.8, linestyle=":")
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel("position: reverse gear (negative) < 0 = specific < diffuse")
        ax.set_ylabel("responsiveness (largest change of cooperation with the partner)")
        ax.set_title(title or "Reciprocity measured: specific to diffuse, negative as reverse")
        ax.legend(title="tag", fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        fig.tight_layout()
    save(fig, path)
    return fig
