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

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       color: #111; background: #fff; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
h1 { border-bottom: 2px solid #0072B2; padding-bottom: .2em; }
table { border-collapse: collapse; margin: .6em 0 1.2em; font-size: .88em; font-family: Helvetica, Arial, sans-serif; }
th, td { border-bottom: 1px solid #bbb; padding: .25em .6em; text-align: right; }
th { background: #eef3f8; }
td:first-child, th:first-child { text-align: left; }
img { max-width: 100%; height: auto; display: block; margin: .6em 0; }
figure { margin: 1em 0; }
figcaption { font-size: .85em; color: #333; }
pre { background: #f6f6f6; padding: .6em; overflow-x: auto; font-size: .85em; white-space: pre-wrap; }
.meta { font-size: .85em; color: #333; }
.scroll { overflow-x: auto; }
@media print { body { max-width: none; } img { page-break-inside: avoid; } }
"""


class Section(dict):
    """A report section: ``Section(heading, text=..., figures=[...], tables=[...], pre=...)``.

    Plain dicts with the same keys work too. ``figures`` holds matplotlib Figures, PNG
    bytes or paths of PNG files, optionally as ``(figure, caption)`` pairs; ``tables``
    holds DataFrames (or ``(DataFrame, caption)``); ``text`` is plain text (paragraphs
    split on blank lines, HTML-escaped); ``pre`` is preformatted text.
    """

    def __init__(
        self, heading: str, text: str = "", figures: Sequence[Any] = (), tables: Sequence[Any] = (), pre: str = ""
    ) -> None:
        super().__init__(heading=heading, text=text, figures=list(figures), tables=list(tables), pre=pre)


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

    return df.to_html(
        index=False,
        border=0,
        na_rep="n/a",
        escape=True,
        formatters={c: fmt for c in df.columns if pd.api.types.is_float_dtype(df[c])},
    )


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "\n".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in parts)


def render_html(title: str, sections: Sequence[Mapping[str, Any]], settings: Mapping[str, Any]) -> str:
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
    for sec in sections:
        out.append(f"<h2>{html.escape(str(sec.get('heading', '')))}</h2>")
        if sec.get("text"):
            out.append(_paragraphs(str(sec["text"])))
        if sec.get("pre"):
            out.append(f"<pre>{html.escape(str(sec['pre']))}</pre>")
        for item in sec.get("tables", ()):
            df, caption = item if isinstance(item, tuple) else (item, "")
            if caption:
                out.append(f"<h3>{html.escape(caption)}</h3>")
            out.append(f'<div class="scroll">{_table_html(df)}</div>')
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
    title: str, sections: Sequence[Mapping[str, Any]], settings: Mapping[str, Any], path: str | Path
) -> Path:
    """Write one self-contained HTML report to ``path``, atomically; returns the path.

    Parameters
    ----------
    title : str
    sections : sequence of :class:`Section` (or dicts with its keys)
    settings : mapping
        Printed in full (as JSON) at the end; its ``seed`` is also shown at the top.
    path : str or Path
    """
    text = render_html(title, sections, settings)
    return write_atomic(Path(path), lambda p: p.write_text(text, encoding="utf-8"))


def check_report_path(path: str | Path) -> Path:
    """The file name given to ``--report``: it must end in ``.html`` (or ``.htm``).

    Raises ValueError (a usage error on the command line) before anything is computed.
    """
    if Path(path).suffix.lower() not in REPORT_SUFFIXES:
        raise ValueError(f"--report needs an .html file name, got {str(path)!r}")
    return Path(path)


def _write_and_close(
    title: str, sections: Sequence[Mapping[str, Any]], settings: Mapping[str, Any], path: str | Path
) -> Path:
    """:func:`html_report`, then close the matplotlib Figures the sections hold."""
    try:
        return html_report(title, sections, settings, path)
    finally:
        import matplotlib.pyplot as plt

        for sec in sections:
            for item in sec.get("figures", ()):
                fig = item[0] if isinstance(item, tuple) else item
                if hasattr(fig, "savefig"):
                    plt.close(fig)


def tournament_report(
    results,
    path: str | Path,
    rank_by: str = "score",
    summary: str = "",
    settings: Mapping[str, Any] | None = None,
    title: str | None = None,
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
    """
    from cooptourney.output import plots

    table = results.to_dataframe(rank_by)
    metrics = results.reciprocity_metrics()
    sections = [
        Section(
            "Ranking",
            text=summary,
            tables=[(table, f"ranked by {rank_by}")],
            figures=[(plots.ranking_bars(results, by=rank_by), f"ranking by {rank_by}")],
        ),
        Section(
            "Payoff matrix",
            figures=[
                (
                    plots.payoff_heatmap(results),
                    "mean material payoff per turn of the row player against the column player",
                )
            ],
        ),
        Section(
            "Reciprocity metrics", text="Per player, against the others (docs/reference/metrics.md).", tables=[metrics]
        ),
    ]
    all_settings = {"players": list(results.players), **results.settings, "rank_by": rank_by, **(settings or {})}
    return _write_and_close(title or f"cooptourney run: {results.n_players} players", sections, all_settings, path)


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
        Section("Population shares over generations", figures=[(plot_shares(result), f"{kind}: population shares")]),
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
            figures=[(fig, f"{outcome} over {x}" + (f" and {y}" if y else ""))],
        )
    ]
    all_settings = {"outcome": outcome, "x": x, "y": y, "player": player, **(settings or {})}
    return _write_and_close(f"cooptourney report: {outcome}", sections, all_settings, path)
