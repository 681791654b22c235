"""What a demo returns: its narrative, the numbers in it, tables, figures and settings.

Numbers enter a narrative only through :class:`Numbers`, which records each value it
formats, so the tests can check the printed figures against the result objects.
"""

from __future__ import annotations

import math
import re
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from cooptourney.core import layout as _L
from cooptourney.match import Match

__all__ = ["CTFT", "GTFT", "TFT", "DemoResult", "Numbers", "finish", "match_metrics", "wrap"]

TFT, GTFT, CTFT = "Tit For Tat", "Generous Tit For Tat", "Contrite Tit For Tat (standing)"


class Numbers:
    """Formats numbers for a narrative and remembers them: ``n("key", value, ".2f")``
    returns the text and stores ``value`` under ``key`` with its format."""

    def __init__(self) -> None:
        self.values: dict[str, float] = {}
        self.formats: dict[str, str] = {}

    def __call__(self, key: str, value: float, fmt: str = ".2f") -> str:
        value = float(value)
        self.values[key] = value
        self.formats[key] = fmt
        return self.text(key)

    def interval(self, key: str, value: float, low: float, high: float, fmt: str = ".2f") -> str:
        """``"value [low, high]"``, each number recorded (as ``key``, ``key_low``, ``key_high``)."""
        lo_fmt = fmt.lstrip("+")
        return f"{self(key, value, fmt)} [{self(key + '_low', low, lo_fmt)}, {self(key + '_high', high, lo_fmt)}]"

    def text(self, key: str) -> str:
        v = self.values[key]
        if math.isnan(v):
            return "n/a"
        fmt = self.formats[key]
        if fmt.endswith("%"):
            return format(v, fmt)
        return format(v, fmt)


@dataclass
class DemoResult:
    """What a demo measured: narrative, the numbers in it, tables, figures, settings."""

    name: str
    title: str
    narrative: str
    numbers: dict[str, float]
    formats: dict[str, str]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    figures: dict[str, Any] = field(default_factory=dict)  # file stem -> matplotlib Figure
    settings: dict[str, Any] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)  # raw measurements (matches, results)
    files: list[Path] = field(default_factory=list)

    def formatted(self, key: str) -> str:
        n = Numbers()
        n(key, self.numbers[key], self.formats[key])
        return n.text(key)

    def save_figures(self, out: str | Path) -> list[Path]:
        from cooptourney.output.plots import save

        out = Path(out)
        paths = [save(fig, out / f"{self.name}-{stem}.png") for stem, fig in self.figures.items()]
        self.files.extend(paths)
        return paths

    def report(self, path: str | Path) -> Path:
        """Write the self-contained HTML report of this demo."""
        from cooptourney.output.report import Section, html_report

        sections = [Section("What happened", text=self.narrative)]
        if self.tables:
            sections.append(Section("Tables", tables=[(df, caption) for caption, df in self.tables.items()]))
        if self.figures:
            sections.append(
                Section("Figures", figures=[(fig, stem.replace("-", " ")) for stem, fig in self.figures.items()])
            )
        return html_report(f"cooptourney demo: {self.title}", sections, {"demo": self.name, **self.settings}, path)

    def close(self) -> None:
        import matplotlib.pyplot as plt

        for fig in self.figures.values():
            plt.close(fig)


def match_metrics(m: Match) -> dict[str, float]:
    """The reciprocity counters the kernel kept for one played match (docs/reference/metrics.md)."""
    out = m._played()  # the kernel's per-match output row; Match has no public accessor for it

    def ratio(a, b):
        return out[a] / out[b] if out[b] > 0 else math.nan

    return {
        "feud_length": ratio(_L.OUT_ECHO_TURNS, _L.OUT_ECHO_RUNS),
        "echo_turns": float(out[_L.OUT_ECHO_TURNS]),
        "breaks": float(out[_L.OUT_BREAKS]),
        "recovered": float(out[_L.OUT_RECOVERED]),
        "recovery_time": ratio(_L.OUT_RECOVERY_TURNS, _L.OUT_RECOVERED),
    }


#: A number followed by its interval, or an interval alone: kept on one line when wrapped.
_PAIR = re.compile(r"\S*\[[^\]\n]*\]")


def wrap(text: str, width: int | None = None) -> str:
    """Wrap each paragraph of ``text`` (paragraphs split on blank lines) to ``width``
    columns, the terminal's width by default (:func:`shutil.get_terminal_size`, 100 if it
    is unknown, at most 100).

    A number and its interval (``"+0.90 [0.83, 0.96]"``) are never broken across lines,
    nor is any bracketed group; a line that starts with ``"- "`` starts a new item.
    """
    if width is None:
        width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    width = max(int(width), 40)
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        items = re.split(r"\n(?=- )", para.strip())
        lines = []
        for item in items:
            # a no-break space is not whitespace to textwrap, so the pair stays whole
            glued = _PAIR.sub(lambda m: m.group(0).replace(" ", "\u00a0"), " ".join(item.split()))
            indent = "  " if item.startswith("- ") else ""
            wrapped = textwrap.fill(
                glued, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
            )
            lines.append(wrapped.replace("\u00a0", " "))
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def finish(name, title, narrative, n: Numbers, out, **kw) -> DemoResult:
    """The :class:`DemoResult` of a demo; its figures are saved to ``out`` when given."""
    res = DemoResult(
        name=name, title=title, narrative=narrative.strip() + "\n", numbers=n.values, formats=n.formats, **kw
    )
    if out is not None:
        res.save_figures(out)
    return res
