"""The axelrod plot set and the one calling convention of ``cooptourney.output.plots``.

Each axelrod-style plot is checked against the data ``axelrod.Plot`` draws for the same
deterministic tournament (its players' order and its values), never against our own
output.
"""

from __future__ import annotations

import inspect

import matplotlib.pyplot as plt
import numpy as np
import pytest

from cooptourney import Tournament
from cooptourney.evolution import MoranProcess, pool_from_matrix
from cooptourney.output import plots

axl = pytest.importorskip("axelrod")

NAMES = ["Tit For Tat", "Defector", "Alternator", "Grudger", "Cooperator", "Suspicious Tit For Tat"]
AXL = [axl.TitForTat, axl.Defector, axl.Alternator, axl.Grudger, axl.Cooperator, axl.SuspiciousTitForTat]

PLOT_FUNCTIONS = [
    name
    for name in plots.__all__
    if callable(getattr(plots, name)) and name not in ("save", "Plot") and not name.isupper()
]


@pytest.fixture(scope="module")
def both():
    ours = Tournament(NAMES, turns=20, repetitions=2, seed=1).play()
    theirs = axl.Tournament([c() for c in AXL], turns=20, repetitions=2, seed=1).play(progress_bar=False)
    return ours, axl.Plot(theirs)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.mark.parametrize("name", PLOT_FUNCTIONS)
def test_every_plot_function_takes_the_data_then_keywords_and_path(name):
    params = list(inspect.signature(getattr(plots, name)).parameters.values())
    assert params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params[1:])
    assert "path" in [p.name for p in params[1:]]


def test_a_misplaced_positional_is_a_clear_error(both):
    ours, _ = both
    with pytest.raises(
        TypeError, match=r"ranking_bars\(results, \*, by=\.\.\., title=\.\.\., path=\.\.\.\).*by keyword"
    ):
        plots.ranking_bars(ours, "x.png")


def _medians(fig):
    ax = fig.axes[0]
    (marks,) = [c for c in ax.collections if c.get_label() == "median"]
    return marks.get_offsets()[:, 1], [t.get_text() for t in ax.get_xticklabels()]


@pytest.mark.parametrize(
    ("function", "dataset"),
    [
        ("boxplot", lambda p: (p._boxplot_dataset, p._boxplot_xticks_labels)),
        ("winplot", lambda p: p._winplot_dataset),
        ("sdvplot", lambda p: p._sdv_plot_dataset),
        ("lengthplot", lambda p: (p._lengthplot_dataset, p._boxplot_xticks_labels)),
    ],
)
def test_distribution_plots_draw_axelrods_data_in_its_order(both, function, dataset):
    ours, theirs = both
    data, names = dataset(theirs)
    medians, labels = _medians(getattr(plots, function)(ours))
    assert labels == [str(n) for n in names]
    np.testing.assert_allclose(medians, [np.median(d) for d in data])
    ylabel = getattr(plots, function)(ours).axes[0].get_ylabel()
    assert "median" in ylabel


@pytest.mark.parametrize(
    ("draw", "dataset"),
    [
        (lambda r: plots.payoff_heatmap(r, ranked=True), lambda p: (p._payoff_dataset, p._boxplot_xticks_labels)),
        (plots.pdplot, lambda p: p._pdplot_dataset),
    ],
    ids=["payoff", "pdplot"],
)
def test_heat_maps_draw_axelrods_matrix_in_its_order(both, draw, dataset):
    ours, theirs = both
    matrix, names = dataset(theirs)
    fig = draw(ours)
    ax = fig.axes[0]
    np.testing.assert_allclose(ax.images[0].get_array(), np.array(matrix, dtype=float))
    assert [t.get_text() for t in ax.get_yticklabels()] == [str(n) for n in names]
    assert "mean" in fig.axes[1].get_ylabel()


def test_plot_facade_saves_every_plot(both, tmp_path):
    ours, _ = both
    written = plots.Plot(ours).save_all_plots(prefix=str(tmp_path / "t"), filetype="svg")
    assert len(written) == 6
    for path in written:
        assert path.read_bytes().lstrip().startswith(b"<?xml")
    png = tmp_path / "box.png"
    plots.boxplot(ours, path=png)
    assert png.read_bytes().startswith(b"\x89PNG")
    with pytest.raises(TypeError, match="Plot takes a ResultSet"):
        plots.Plot("results.csv")


def test_stackplot_of_a_moran_trajectory():
    pool = pool_from_matrix([[2.0, 2.0], [1.0, 1.0]], ["mutant", "resident"])
    mp = MoranProcess({"mutant": 2, "resident": 3}, pool=pool, seed=4)
    mp.play()
    fig = plots.stackplot(mp)
    ax = fig.axes[0]
    # the first layer's lower edge is 0 and the last layer's upper edge 1 at every generation
    top = ax.collections[-1].get_paths()[0].vertices[:, 1]
    assert np.isclose(top.max(), 1.0) and len(ax.collections) == 2
    first = [c["mutant"] / 5 for c in mp.populations]
    path = ax.collections[0].get_paths()[0].vertices
    assert np.isclose(path[:, 1].max(), max(first))
    with pytest.raises(TypeError, match="stackplot draws"):
        plots.stackplot([1, 2, 3])
