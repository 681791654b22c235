"""Plots of tournaments, matches and evolution (matplotlib, Agg backend).

Every function returns the :class:`matplotlib.figure.Figure` and, given ``path``, also
writes it as a PNG (atomically, :func:`cooptourney.results.write_atomic`). The figures
are meant for a projector and for print alike: the Okabe-Ito colour-blind-safe palette,
line styles and markers that keep series apart in grey scale, labelled axes with units,
a title, and no decoration that carries no data.

Close figures you no longer need (``matplotlib.pyplot.close(fig)``); the functions never
call ``plt.show()``.
"""

from __future__ import annotations

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

__all__ = [
    "PALETTE",
    "adaptive_shares",
    "cooperation_over_turns",
    "fixation_bars",
    "gear_trace",
    "grouped_bars",
    "ledger_trace",
    "lines",
    "payoff_heatmap",
    "plot_fingerprint",
    "plot_shares",
    "plot_transitive_fingerprint",
    "published_vs_measured",
    "ranking_bars",
    "reciprocity_map",
    "save",
    "shares_over_time",
    "sweep_heatmap",
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

_STYLE = {
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "legend.frameon": False,
    "font.size": 9,
}


def save(fig, path: str | Path | None) -> Path | None:
    """Write ``fig`` to ``path`` as a PNG, atomically; nothing when ``path`` is None."""
    if path is None:
        return None
    return write_atomic(Path(path), lambda p: fig.savefig(p, format="png", dpi=DPI, bbox_inches="tight"))


def _style(i: int) -> dict[str, Any]:
    return {"color": PALETTE[i % len(PALETTE)], "linestyle": LINESTYLES[(i // 2) % len(LINESTYLES)]}


def _short(name: str, width: int = 30) -> str:
    return name if len(name) <= width else name[: width - 3] + "..."


# -- tournaments ------------------------------------------------------------------------------
_BY_LABEL = {
    "score": ("normalised_scores", "mean score per turn (self-play excluded)"),
    "score_with_self_play": ("normalised_scores_with_self_play", "mean score per turn (self-play included)"),
    "utility": ("normalised_utilities", "mean perceived utility per turn (self-play excluded)"),
    "utility_with_self_play": (
        "normalised_utilities_with_self_play",
        "mean perceived utility per turn (self-play included)",
    ),
}


def ranking_bars(results, by: str = "score", title: str | None = None, path: str | Path | None = None):
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
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(7, 0.32 * len(order) + 1.4))
        y = np.arange(len(order))[::-1]
        ax.barh(y, med, color=[TAG_COLOURS.get(t, "#999999") for t in tags], height=0.7)
        if results.repetitions > 1:
            ax.errorbar(med, y, xerr=[med - lo, hi - med], fmt="none", ecolor="#333333", elinewidth=0.8, capsize=2)
        ax.set_yticks(y, names)
        ax.set_xlabel(label + ("; bars: median, whiskers: range over repetitions" if results.repetitions > 1 else ""))
        ax.set_title(title or f"Ranking by {by.replace('_', ' ')}")
        used = list(dict.fromkeys(tags))
        handles = [matplotlib.patches.Patch(color=TAG_COLOURS.get(t, "#999999"), label=t) for t in used]
        ax.legend(handles=handles, title="reciprocity", loc="lower right", fontsize=8)
        fig.tight_layout()
    save(fig, path)
    return fig


def payoff_heatmap(results, title: str | None = None, path: str | Path | None = None, utility: bool = False):
    """The mean per-turn payoff of the row player against the column player, annotated."""
    m = results.utility_matrix_per_turn if utility else results.payoff_matrix
    names = [_short(n, 22) for n in results.players]
    n = len(names)
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(0.5 * n + 3.2, 0.45 * n + 2.2))
        im = ax.imshow(m, cmap="cividis", aspect="auto")
        ax.set_xticks(range(n), names, rotation=60, ha="right")
        ax.set_yticks(range(n), names)
        ax.set_xlabel("opponent (column player)")
        ax.set_ylabel("player (row player)")
        if n <= 25:
            mid = (np.nanmin(m) + np.nanmax(m)) / 2
            for (i, j), v in np.ndenumerate(m):
                ax.text(
                    j,
                    i,
                    f"{v:.2f}",
                    ha="center",
                    va="center",
                    fontsize=7 if n > 12 else 8,
                    color="black" if v > mid else "white",
                )
        what = "perceived utility" if utility else "material payoff"
        fig.colorbar(im, ax=ax, label=f"mean {what} per turn of the row player")
        ax.set_title(title or f"Payoff matrix ({what} per turn)")
        fig.tight_layout()
    save(fig, path)
    return fig


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
        return {f"{m.players[0].name} vs {m.players[1].name}": m.moves}
    return {"match": np.asarray(moves_or_results)}


def cooperation_over_turns(
    moves_or_results,
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
    with plt.rc_context(_STYLE):
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
    with plt.rc_context(_STYLE):
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


def gear_trace(match, title: str | None = None, path: str | Path | None = None):
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


def ledger_trace(match, title: str | None = None, path: str | Path | None = None):
    """The balance B of every Ledger player in a played :class:`Match`, turn by turn."""
    return _trace_plot(match, "Ledger", "balance B (payoff units; >= -tau cooperates)", title, path)


# -- evolution and sweeps ---------------------------------------------------------------------
def shares_over_time(
    shares, names: Sequence[str], title: str | None = None, xlabel: str = "generation", path: str | Path | None = None
):
    """Population shares over time: ``shares`` is float[steps, n_types] (rows sum to 1)."""
    shares = np.asarray(shares, dtype=float)
    if shares.ndim != 2 or shares.shape[1] != len(names):
        raise ValueError(f"shares must have shape (steps, {len(names)}), got {shares.shape}")
    with plt.rc_context(_STYLE):
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


def sweep_heatmap(table, title: str | None = None, label: str = "", path: str | Path | None = None):
    """A pandas table (rows: y values, columns: x values, e.g. from
    :func:`cooptourney.sweeps.summarise`) as an annotated heatmap."""
    values = table.to_numpy(dtype=float)
    ny, nx = values.shape

    def tick(v):
        return f"{v:g}" if isinstance(v, (float, np.floating)) else _short(str(v), 28)

    with plt.rc_context(_STYLE):
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


def lines(
    x,
    ys: Mapping[str, Sequence[float]],
    xlabel: str,
    ylabel: str,
    title: str,
    ylim: tuple[float, float] | None = None,
    path: str | Path | None = None,
):
    """Several labelled series against one x axis (used by the demos for parameter scans)."""
    with plt.rc_context(_STYLE):
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


def grouped_bars(
    groups: Sequence[str],
    series: Mapping[str, Sequence[float]],
    ylabel: str,
    title: str,
    path: str | Path | None = None,
):
    """Bars of several series per group (e.g. family score per scenario)."""
    with plt.rc_context(_STYLE):
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


def fixation_bars(
    groups: Sequence[str],
    series: Mapping[str, Sequence[float]],
    population: int,
    ylabel: str,
    title: str,
    path: str | Path | None = None,
):
    """:func:`grouped_bars` of fixation probabilities with the neutral value 1/N marked."""
    fig = grouped_bars(groups, series, ylabel, title)
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


def published_vs_measured(
    table, xlabel: str, ylabel: str, title: str, limits: tuple[float, float], path: str | Path | None = None
):
    """Measured against published scores, one labelled point per player, with the diagonal.

    ``table`` has columns ``player``, ``published_score`` and ``measured_score``; a
    leading "First by " is dropped from the labels.
    """
    with plt.rc_context(_STYLE):
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
def plot_shares(result: EcologicalResult | MoranResult, path: str | Path | None = None, title: str | None = None):
    """Population shares over generations; returns the Figure and writes a PNG to ``path``.

    Ecological dynamics: each type's share (:func:`shares_over_time`).
    Moran: the mean share over runs at every checkpoint, with a band of +- 2 standard errors.
    """
    if isinstance(result, EcologicalResult):
        return shares_over_time(
            result.shares, result.players, path=path, title=title or f"Ecological dynamics ({result.fitness} payoffs)"
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


def adaptive_shares(result: AdaptiveResult, path: str | Path | None = None, by: str = "tag", title: str | None = None):
    """Shares of an :class:`~cooptourney.evolution.AdaptiveResult` over generations.

    ``by="tag"``: one line per reciprocity tag (the share of actors playing a strategy
    of that kind), in the tag's colour; ``by="type"``: one line per strategy, in its
    tag's colour, told apart within a tag by line style. A shock is a dotted vertical
    line, a shock repeated over consecutive generations a grey band. The title states the rule and the fitness kind.
    """
    if by not in ("tag", "type"):
        raise ValueError(f"by must be 'tag' or 'type', got {by!r}")
    table = result.tag_shares() if by == "tag" else result.shares
    with plt.rc_context(_STYLE):
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


def plot_fingerprint(fp: Fingerprint, path: str | Path | None = None, cmap: str = "seismic", title: str | None = None):
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


def plot_transitive_fingerprint(
    tf: TransitiveFingerprint, path: str | Path | None = None, cmap: str = "viridis", title: str | None = None
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


def reciprocity_map(places, path: str | Path | None = None, title: str | None = None):
    """The map of strategies on the reciprocity continuum, coloured by their reciprocity tag.

    ``places``: :class:`cooptourney.reciprocity.continuum.Position` objects (anything with
    ``name``, ``tag``, ``measured``, ``position`` and ``responsiveness``). x is the
    measured position (0 specific, towards +1 diffuse, below 0 the reverse gear); y is the
    responsiveness (near 0: play that ignores the partner). A hollow marker is a strategy
    whose tag differs from its measured class (docs/reference/reciprocity.md).
    """
    places = list(places)
    with plt.rc_context(_STYLE):
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
        for p in places:
            if p.name in ("Tit For Tat", "Ledger", "Diffuse Ledger", "Generous Tit For Tat", "Grudger", "Cooperator"):
                ax.annotate(
                    _short(p.name, 22),
                    (p.position, p.responsiveness),
                    fontsize=7,
                    xytext=(3, 3),
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
