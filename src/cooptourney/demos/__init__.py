"""Teaching demos: short, self-explaining runs of the engine (``cooptourney demo``).

Each demo is a function ``demo(quick=False, seed=0, out=None) -> DemoResult``. It plays
what it needs, measures, and writes a short narrative in which **every number comes from
that run**: numbers enter the text only through :class:`Numbers`, which records each
value it formats (``DemoResult.numbers``), so the tests can check the printed figures
against the result objects. ``quick=True`` uses small settings (for tests and slow
machines). Plots are returned as matplotlib Figures and, given ``out``, saved there as
PNG files. :func:`DemoResult.report` writes the self-contained HTML report.

Demos, in teaching order: ``echo``, ``gears``, ``specific-vs-diffuse``,
``free-riders``, ``politicization``, ``horizons``, ``axelrod-1980``. A demo registered
with ``run=None`` is listed as planned and refuses to run.
"""

from cooptourney.demos.registry import DEMOS, Demo, UnknownDemoError, get_demo, run_demo
from cooptourney.demos.result import DemoResult, Numbers

__all__ = ["DEMOS", "Demo", "DemoResult", "Numbers", "UnknownDemoError", "get_demo", "run_demo"]
