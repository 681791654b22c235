"""One self-contained HTML report: text, tables and plots in a single file.

:func:`html_report` writes a file that opens offline in any browser: plots are embedded
as base64 PNG (``data:image/png;base64,...``), tables are HTML, the style sheet is
inline, and nothing refers to a network address, a font or a script. The settings,
the seed and the package version are always printed, so the report says how to
reproduce itself. Written atomically (:func:`cooptourney.results.write_atomic`).

Every ``--report FILE.html`` of the command line goes through :func:`html_report`:
``cooptourney run`` (:func:`tournament_report`), ``evolve`` (:func:`evolution_report`),
``report`` (:func:`sweep_report`) and ``demo`` (:meth:`cooptourney.demos.DemoResult.report`).
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cooptourney.atomic import write_atomic

__all__ = [
    "REPORT_SUFFIXES",
    "Section",
    "check_report_path",
    "evolution_report",
    "figure_to_base64",
    "html_report",
    "render_html",
    "sweep_report",
    "tournament_report",
]

#: File name endings accepted for a report.
REPORT_SUFFIXES = (".html", ".htm")

# Sized to be read from the back of a room: a large sans-serif body, figures as wide as the
# text, tables that wrap their cells instead of scrolling sideways.
_CSS = """
html { font-size: 18px; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; max-width: 64rem;
       margin: 1.5rem auto; padding: 0 1.2rem; color: #111; background: #fff; line-height: 1.5; }
h1 { font-size: 1.8rem; border-bottom: 3px solid #0072B2; padding-bottom: .2em; }
h2 { font-size: 1.4rem; margin-top: 2em; }
h3 { font-size: 1.1rem; }
table { border-collapse: collapse; margin: .6em 0 1.2em; width: 100%; font-size: .9rem;
        font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #bbb; padding: .3em .45em; text-align: right; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #eef3f8; font-weight: 600; }
td:first-child, th:first-child { text-align: left; }
td.text, th.text { text-align: left; }
img { width: 100%; height: auto; display: block; margin: .6em 0; }
figure { margin: 1.2em 0; }
figcaption { font-size: 1rem; color: #222; }
pre { background: #f4f4f4; padding: .7em; font-size: .85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.command { font-size: 1rem; background: #eef3f8; }
.meta { font-size: .9rem; color: #333; }
.strip { display: grid; grid-template-columns: 2.2em repeat(50, 1fr); gap: 2px; margin: .3em 0 .9em;
         font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .75rem; }
.strip span { text-align: center; line-height: 1.5em; }
.strip .C { background: #56B4E9; }
.strip .D { background: #E69F00; }
.strip .flip { outline: 3px solid #000; outline-offset: -3px; font-weight: 700; }
.strip .who { background: none; text-align: left; }
@media print { body { max-width: none; } img, .strip { page-break-inside: avoid; } }
"""


class Section(dict):
    """A report section: ``Section(heading, text=..., figures=[...], tables=[...], pre=...)``.

    Plain dicts with the same keys work too. ``figures`` holds matplotlib Figures, PNG
    bytes or paths of PNG files, optionally as ``(figure, caption)`` pairs; ``tables``
    holds DataFrames (or ``(DataFrame, caption)``); ``text`` is plain text (paragraphs
    split on blank lines, HTML-escaped); ``pre`` is preformatted text; ``html`` is markup
    this module made (e.g. :func:`move_strip_html`), placed as it is.
    """

    def __init__(
        self,
        heading: str,
        text: str = "",
        figures: Sequence[Any] = (),
        tables: Sequence[Any] = (),
        pre: str = "",
        html: str = "",
    ) -> None:
        super().__init__(heading=heading, text=text, figures=list(figures), tables=list(tables), pre=pre, html=html)


#: Column names of the result tables in words, for a reader rather than a program.
COLUMN_LABELS = {
    "rank": "Rank",
    "player": "Player",
    "reciprocity": "Reciprocity",
    "club": "Club",
    "score_per_turn_mean": "Score per turn (mean)",
    "score_per_turn_median": "Score per turn (median)",
    "score_per_turn_with_self_play_mean": "Score per turn with self-play (mean)",
    "total_score": "Total score (mean)",
    "total_score_with_self_play": "Total score with self-play (mean)",
    "utility_per_turn": "Perceived payoff per turn (mean)",
    "utility_per_turn_with_self_play": "Perceived payoff per turn with self-play (mean)",
    "received_per_round": "Payoff received per round (mean)",
    "free_rider_measure": "Free riding (received minus given)",
    "wins": "Wins (mean)",
    "cooperation_rate": "Cooperation",
    "contingency": "Contingency",
    "retaliation": "Retaliation",
    "forgiveness": "Forgiveness",
    "max_imbalance": "Largest payoff imbalance",
    "feud_length": "Echo feud length",
    "recovery_time": "Turns to recover",
    "unrecovered": "Never recovered",
    "echo_turns_per_match": "Echo turns per match",
    "initial_share": "Share at the start",
    "final_share": "Share at the end",
    "max_share": "Largest share",
    "fixation_probability": "Fixation probability",
    "fixation_se": "Standard error",
    "final_share_se": "Standard error of the final share",
    "mean_fixation_time": "Generations to fixation (mean)",
}


def column_label(name: Any) -> str:
    """A column name as a reader would write it: :data:`COLUMN_LABELS`, else the name with
    spaces for underscores and a capital letter (``tau`` stays as given)."""
    text = str(name)
    if text in COLUMN_LABELS:
        return COLUMN_LABELS[text]
    if "_" not in text:
        return text
    words = text.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def figure_to_base64(fig: Any) -> str:
    """A matplotlib Figure, PNG bytes or a PNG file path as base64 text."""
    if isinstance(fig, (bytes, bytearray)):
        data = bytes(fig)
    elif isinstance(fig, (str, Path)):
        data = Path(fig).read_bytes()
    else:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
        data = buf.getvalue()
    if not data.startswith(b"\x89PNG"):
        raise ValueError("report figures must be PNG images")
    return base64.b64encode(data).decode("ascii")


def _table_html(df: pd.DataFrame) -> str:
    def fmt(x):
        if isinstance(x, (float, np.floating)):
            return "n/a" if not np.isfinite(x) else f"{x:.4g}"
        return x

    shown = df.rename(columns={c: column_label(c) for c in df.columns})
    return shown.to_html(
        index=False,
        border=0,
        na_rep="n/a",
        escape=True,
        formatters={column_label(c): fmt for c in df.columns if pd.api.types.is_float_dtype(df[c])},
    )


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "\n".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in parts)


def render_html(
    title: str, sections: Sequence[Mapping[str, Any]], settings: Mapping[str, Any], command: str | None = None
) -> str:
    """The report as one HTML string (see :func:`html_report`)."""
    from cooptourney import __version__

    seed = settings.get("seed", "not set")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">cooptourney {html.escape(__version__)}; seed {html.escape(str(seed))}; written '
        f"{_dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}. Every number below was measured in "
        "this run; rerun with the same settings and seed to get the same numbers.</p>",
    ]
    if command:
        out.append(
            f'<p class="meta">This page was made by the command</p><pre class="command">{html.escape(command)}</pre>'
        )
    for sec in sections:
        out.append(f"<h2>{html.escape(str(sec.get('heading', '')))}</h2>")
        if sec.get("text"):
            out.append(_paragraphs(str(sec["text"])))
        if sec.get("pre"):
            out.append(f"<pre>{html.escape(str(sec['pre']))}</pre>")
        if sec.get("html"):
            out.append(str(sec["html"]))
        for item in sec.get("tables", ()):
            df, caption = item if isinstance(item, tuple) else (item, "")
            if caption:
                out.append(f"<h3>{html.escape(caption)}</h3>")
            out.append(_table_html(df))
        for item in sec.get("figures", ()):
            fig, caption = item if isinstance(item, tuple) else (item, "")
            alt = html.escape(caption or str(sec.get("heading", "figure")))
            out.append(
                f'<figure><img alt="{alt}" src="data:image/png;base64,{figure_to_base64(fig)}">'
                + (f"<figcaption>{html.escape(caption)}</figcaption>" if caption else "")
                + "</figure>"
            )
    text = json.dumps(settings, indent=1, sort_keys=True, default=str)
    out.append("<h2>Settings</h2>")
    out.append(f"<pre>{html.escape(text)}</pre>")
    out.append(
        f'<p class="meta">Package version: cooptourney {html.escape(__version__)}. Seed: {html.escape(str(seed))}.</p>'
    )
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def html_report(
    title: str,
    sections: Sequence[Mapping[str, Any]],
    settings: Mapping[str, Any],
    path: str | Path,
    command: str | None = None,
) -> Path:
    """Write one self-contained HTML report to ``path``, atomically; returns the path.

    Parameters
    ----------
    title : str
    sections : sequence of :class:`Section` (or dicts with its keys)
    settings : mapping
        Printed in full (as JSON) at the end; its ``seed`` is also shown at the top.
    path : str or Path
    command : str, optional
        The command line that writes this page again, shown at the top.
    """
    text = render_html(title, sections, settings, command)
    return write_atomic(Path(path), lambda p: p.write_text(text, encoding="utf-8"))


def check_report_path(path: str | Path) -> Path:
    """The file name given to ``--report``: it must end in ``.html`` (or ``.htm``).

    Raises ValueError (a usage error on the command line) before anything is computed.
    """
    if Path(path).suffix.lower() not in REPORT_SUFFIXES:
        raise ValueError(f"--report needs an .html file name, got {str(path)!r}")
    return Path(path)


def _write_and_close(
    title: str,
    sections: Sequence[Mapping[str, Any]],
    settings: Mapping[str, Any],
    path: str | Path,
    command: str | None = None,
) -> Path:
    """:func:`html_report`, then close the matplotlib Figures the sections hold."""
    try:
        return html_report(title, sections, settings, path, command)
    finally:
        import matplotlib.pyplot as plt

        for sec in sections:
            for item in sec.get("figures", ()):
                fig = item[0] if isinstance(item, tuple) else item
                if hasattr(fig, "savefig"):
                    plt.close(fig)


#: A ranking criterion (``--rank-by``) in words.
_RANKED_BY = {
    "score": "median score per turn",
    "score_with_self_play": "median score per turn with self-play",
    "utility": "median perceived payoff per turn",
    "utility_with_self_play": "median perceived payoff per turn with self-play",
}


def tournament_report(
    results,
    path: str | Path,
    rank_by: str = "score",
    summary: str = "",
    settings: Mapping[str, Any] | None = None,
    title: str | None = None,
    command: str | None = None,
) -> Path:
    """The report of one tournament: the ranking table and bars, the payoff matrix as a
    heat map, the reciprocity metrics per player, and the settings.

    Parameters
    ----------
    results : ResultSet
    path : str or Path
        The ``.html`` file to write (atomically).
    rank_by : str
        The ranking criterion (``ResultSet.ranking``).
    summary : str
        Text printed above the tables (e.g. the command's header and footer lines).
    settings : mapping, optional
        Extra settings printed with ``results.settings`` (e.g. the player list).
    title : str, optional
    command : str, optional
        The command line that writes this report again, shown at the top.
    """
    from cooptourney.output import plots
    from cooptourney.output.tables import docs_address

    table = results.to_dataframe(rank_by)
    metrics = results.reciprocity_metrics()
    what = _RANKED_BY.get(rank_by, rank_by)
    sections = [
        Section(
            "Ranking",
            text=summary,
            tables=[
                (
                    table,
                    f"Players ranked by their {what}, best first. Score columns are payoffs per turn "
                    "against the other players; the table gives both the mean and the median over "
                    "the repetitions.",
                )
            ],
            figures=[
                (
                    plots.ranking_bars(results, by=rank_by, title=f"Ranking by {what}"),
                    f"Each bar is one player's {what}; "
                    + ("the whiskers run from its worst to its best repetition. " if results.repetitions > 1 else "")
                    + "The colour is the player's reciprocity tag: look at where the specific (Tit For Tat "
                    "like) and the diffuse reciprocators end up, and how far apart the top and the bottom are.",
                )
            ],
        ),
        Section(
            "Who scores against whom",
            figures=[
                (
                    plots.payoff_heatmap(results, title="Mean payoff per turn, row player against column player"),
                    "Each cell is the mean payoff per turn of the row player in its matches against the "
                    "column player. Read along a row to see whom a strategy does well against, and down a "
                    "column to see who does well against it; a bright row with a dark column is an exploiter.",
                )
            ],
        ),
        Section(
            "Reciprocity metrics",
            text="Per player, against the others: how far its moves depend on the partner's last move "
            "(contingency), how often it answers a defection with one (retaliation), and how often it "
            "cooperates again while the partner keeps defecting (forgiveness); n/a: the situation never "
            f"came up. Definitions: {docs_address('reference/metrics.md')}.",
            tables=[metrics],
        ),
    ]
    all_settings = {"players": list(results.players), **results.settings, "rank_by": rank_by, **(settings or {})}
    return _write_and_close(
        title or f"cooptourney run: {results.n_players} players", sections, all_settings, path, command
    )


def evolution_report(
    result,
    path: str | Path,
    summary: str = "",
    settings: Mapping[str, Any] | None = None,
    title: str | None = None,
    console: str = "",
) -> Path:
    """The report of ecological dynamics or a Moran process: the summary table, the
    population shares over generations, and the settings.

    Parameters
    ----------
    result : cooptourney.evolution.EcologicalResult or MoranResult
    path : str or Path
    summary : str
        Text (paragraphs) above the table.
    settings : mapping, optional
        Printed together with the result's own settings.
    console : str
        Preformatted text shown as is (e.g. what ``cooptourney evolve`` printed).
    """
    from cooptourney.evolution import EcologicalResult
    from cooptourney.output.plots import plot_shares

    if isinstance(result, EcologicalResult):
        kind = "ecological dynamics"
        own = {
            "players": list(result.players),
            "generations": result.generations,
            "fitness": result.fitness,
            "shift": result.shift,
            "converged_at": result.converged_at,
        }
    else:
        kind = "Moran process"
        own = dict(result.settings)
    sections = [
        Section("Summary", text=summary, tables=[result.summary()]),
        Section(
            "Population shares over generations",
            figures=[
                (
                    plot_shares(result),
                    f"{kind[0].upper()}{kind[1:]}: each line is one strategy's share of the population, "
                    "generation by generation. Look for who grows, who dies out, and whether the "
                    "population settles or keeps moving.",
                )
            ],
        ),
    ]
    if console:
        sections.append(Section("What the command printed", pre=console))
    return _write_and_close(title or f"cooptourney evolve: {kind}", sections, {**own, **(settings or {})}, path)


def sweep_report(
    table: pd.DataFrame,
    path: str | Path,
    outcome: str,
    x: str,
    y: str | None = None,
    player: str | None = None,
    summary: str = "",
    settings: Mapping[str, Any] | None = None,
) -> Path:
    """The report of ``cooptourney report``: the (y, x) table of an outcome and its heat map.

    ``table`` is :func:`cooptourney.sweeps.summarise`'s output; ``settings`` should hold
    the sweep's seed and spec (from its manifest).
    """
    from cooptourney.output import plots

    who = player or "mean over players"
    shown = table.copy()
    shown.columns = [str(c) for c in shown.columns]
    shown.insert(0, f"{y} \\ {x}" if y else "", [str(i) for i in table.index])
    fig = plots.sweep_heatmap(table, title=f"{outcome}: {who}", label=outcome)
    sections = [
        Section(
            f"{outcome} ({who}), mean over tasks",
            text=summary,
            tables=[shown],
            figures=[
                (
                    fig,
                    f"{column_label(outcome)} ({who}) for each value of {x}"
                    + (f" (across) and {y} (down)" if y else "")
                    + ": each cell is the mean over the tasks that share those settings. Look for the "
                    "direction in which it changes, and where it changes fastest.",
                )
            ],
        )
    ]
    all_settings = {"outcome": outcome, "x": x, "y": y, "player": player, **(settings or {})}
    return _write_and_close(f"cooptourney report: {outcome}", sections, all_settings, path)


def move_strip_html(moves: np.ndarray, flips: np.ndarray | None, names: Sequence[str], per_row: int = 50) -> str:
    """The moves of a match as rows of coloured cells, 50 turns a row: C blue, D orange,
    a move that noise flipped outlined in black and in bold.

    Parameters
    ----------
    moves : ndarray of int8, shape (turns, 2)
        The moves as played (0 = C, 1 = D).
    flips : ndarray of int8, shape (2, turns), or None
        1 where noise flipped that player's move.
    names : (str, str)
        The two players, for the labels A and B.
    """
    moves = np.asarray(moves)
    n = len(moves)
    flipped = np.zeros((n, 2), dtype=bool) if flips is None else np.asarray(flips)[:, :n].T.astype(bool)
    rows = []
    for start in range(0, n, per_row):
        end = min(start + per_row, n)
        for k, who in enumerate("AB"):
            cells = [f'<span class="who" title="{html.escape(names[k])}">{who}</span>']
            for t in range(start, end):
                letter = "CD"[int(moves[t, k])]
                flip = bool(flipped[t, k])
                title = f"turn {t + 1}: {names[k]} played {letter}" + (" (flipped by noise)" if flip else "")
                cls = letter + (" flip" if flip else "")
                cells.append(f'<span class="{cls}" title="{html.escape(title)}">{letter}</span>')
            rows.append(
                f'<div class="strip" role="img" aria-label="turns {start + 1} to {end}, player {who}">'
                + "".join(cells)
                + "</div>"
            )
        rows.append(f'<p class="meta">Turns {start + 1} to {end}.</p>')
    return "\n".join(rows)


def match_report(
    moves: np.ndarray,
    flips: np.ndarray | None,
    game,
    names: Sequence[str],
    path: str | Path,
    summary: str = "",
    result: str = "",
    total_turns: int | None = None,
    settings: Mapping[str, Any] | None = None,
    command: str | None = None,
) -> Path:
    """The report of one match (``cooptourney match --report``): the move strip with the
    noise flips outlined, the turn-by-turn payoffs, and the result.

    Parameters
    ----------
    moves : ndarray of int8, shape (turns, 2)
        The moves shown (the first turns of the match).
    flips : ndarray of int8, shape (2, turns), or None
        Where noise flipped a move (:func:`cooptourney.core.noise.noise_flips`).
    game : Game
    names : (str, str)
    path : str or Path
    summary : str
        The command's header line.
    result : str
        The result table as the command printed it.
    total_turns : int, optional
        The length of the whole match, when only its first turns are shown.
    settings : mapping, optional
    command : str, optional
        The command line that writes this page again.
    """
    a, b = names
    n = len(moves)
    k = 0 if flips is None else int(np.asarray(flips)[:, :n].sum())
    look = (
        f"Each square is one move: blue for C (cooperate), orange for D (defect); A is {a}, B is {b}. "
        "Read the two rows together, turn by turn, to see who answered what."
    )
    if flips is not None:
        look += (
            f" A square with a thick black border is a move that noise flipped ({k} in these turns): the "
            "player meant the other move. Watch what the other player does on the next turns: does one "
            "accident start a run of retaliation, or is it forgiven?"
        )
    shown = "" if total_turns is None or total_turns <= n else f" The first {n:,} of {total_turns:,} turns are shown."
    sections = [
        Section("The moves", text=summary + "\n\n" + look + shown, html=move_strip_html(moves, flips, names)),
        Section("Result", pre=result),
    ]
    return html_report(f"cooptourney match: {a} vs {b}", sections, dict(settings or {}), path, command)
