"""Plain-text tables for the terminal: rankings, strategies, matches, evolution, sweeps.

Every function returns a string (no printing); :func:`format_table` lays out the columns.
The command line (:mod:`cooptourney.cli`) prints them.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence

import numpy as np

from cooptourney.game import Game
from cooptourney.registry import StrategySpec
from cooptourney.results import ResultSet

__all__ = [
    "DOCS_URL",
    "FLIP_MARK",
    "MULTILATERAL_MARK",
    "club_table",
    "docs_address",
    "docs_url",
    "ecological_table",
    "fmt_g",
    "fmt_num",
    "format_table",
    "match_payoffs",
    "match_summary",
    "moran_table",
    "moves_table",
    "multilateral_table",
    "ranking_table",
    "strategy_records",
    "strategy_table",
    "sweep_table",
]

#: Where the documentation lives for someone who installed the package (a pip user has no
#: docs/ folder): the address of ``Documentation`` in the package metadata, without its page.
DOCS_URL = "https://github.com/cooptourney/cooptourney/blob/main/docs"


def docs_url(page: str) -> str:
    """The address of a documentation page, e.g. ``docs_url("reference/metrics.md")``."""
    return f"{DOCS_URL}/{page}"


def docs_address(page: str) -> str:
    """:func:`docs_url` without its scheme, as an HTML report prints it: an address a reader
    can type, which the page neither loads nor links (a report refers to nothing outside)."""
    return docs_url(page).removeprefix("https://")


#: Matches longer than this are shown compactly (two strings of C/D per block).
COMPACT_AFTER = 60
BLOCK = 50


#: Spaces between columns.
GAP = 2


def format_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: Sequence[int] = (),
    width: int | None = None,
    wrap: Mapping[int, int] | None = None,
) -> str:
    """A plain-text table: header, rule, rows; columns listed in ``right`` are right-aligned.

    With a ``width``, the columns of ``wrap`` (``{column: narrowest}``, free text such as
    parameters) are narrowed in that order, each down to its narrowest, until the table
    fits in ``width`` characters; their cells wrap on spaces onto continuation lines.
    """
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    wrap = {i: floor for i, floor in (wrap or {}).items() if i < len(columns)}
    if width is not None:
        over = sum(widths) + GAP * (len(widths) - 1) - width
        for i, floor in wrap.items():
            cut = min(max(over, 0), max(widths[i] - floor, 0))
            widths[i] -= cut
            over -= cut

    def line(cells: Sequence[str]) -> str:
        return (
            (" " * GAP)
            .join(cell.rjust(w) if i in right else cell.ljust(w) for i, (cell, w) in enumerate(zip(cells, widths)))
            .rstrip()
        )

    def lines(cells: Sequence[str]) -> list[str]:
        parts = [
            (textwrap.wrap(cell, w, break_on_hyphens=False) or [""]) if i in wrap and len(cell) > w else [cell]
            for i, (cell, w) in enumerate(zip(cells, widths))
        ]
        depth = max(len(p) for p in parts)
        return [line([p[k] if k < len(p) else "" for p in parts]) for k in range(depth)]

    out = [line(columns), line(["-" * w for w in widths])]
    for r in rows:
        out.extend(lines(r))
    return "\n".join(out)


def fmt_num(x: float, digits: int = 3) -> str:
    """``digits`` decimals; NaN is n/a."""
    return "n/a" if math.isnan(x) else f"{x:.{digits}f}"


def fmt_g(x: float) -> str:
    """The shortest form (``:g``)."""
    return f"{x:g}"


def fmt_total(x: float) -> str:
    """A running or final total: every digit up to 12 significant ones (``:g`` would show
    30,000,000 as 3e+07)."""
    return f"{x:.12g}"


def fmt_cell(x) -> str:
    """A table cell: floats to 4 significant digits (NaN: n/a), anything else as text."""
    if isinstance(x, float):
        return "n/a" if math.isnan(x) else f"{x:.4g}"
    return str(x)


# -- tournaments --------------------------------------------------------------------------------
def ranking_table(result: ResultSet, rank_by: str = "score") -> str:
    """Rank, player, reciprocity tag, scores (without and with self-play), perceived utility
    when a transformer is active or ranks, wins, cooperation and the reciprocity metrics.

    Scores and utilities are medians over the repetitions and wins a mean, and the
    headers say so (the files of ``-o`` hold the means, ``score_per_turn_mean``, and the
    median, ``score_per_turn_median``)."""
    order = result.ranking(rank_by)
    score = np.median(result.normalised_scores, axis=1)
    score_self = np.median(result.normalised_scores_with_self_play, axis=1)
    wins = result.wins.mean(axis=1)
    metrics = result.reciprocity_metrics()
    # against the other players; a lone player has none
    coop = result.cooperation_rate if result.n_players > 1 else np.full(1, np.nan)
    columns = [
        "Rank",
        "Player",
        "Reciprocity",
        "Score/turn (median)",
        "With self-play (median)",
        "Wins (mean)",
        "Cooperation",
        "Conting.",
        "Retal.",
        "Forgive",
        "Imbalance",
        "Feud",
    ]
    utility = None
    if rank_by.startswith("utility") or result.settings.get("transformer"):
        values = (
            result.normalised_utilities_with_self_play if rank_by.endswith("self_play") else result.normalised_utilities
        )
        utility = np.median(values, axis=1)
        columns.insert(5, "Utility/turn (median)")
    rows = []
    for rank, i in enumerate(order, start=1):
        m = metrics.iloc[i]
        row = [
            str(rank),
            result.players[i],
            result.reciprocity[i],
            fmt_num(score[i]),
            fmt_num(score_self[i]),
            f"{wins[i]:.4g}",
            "n/a" if math.isnan(coop[i]) else f"{coop[i]:.1%}",
            fmt_num(m["contingency"], 2),
            fmt_num(m["retaliation"], 2),
            fmt_num(m["forgiveness"], 2),
            fmt_num(m["max_imbalance"], 1),
            fmt_num(m["feud_length"], 1),
        ]
        if utility is not None:
            row.insert(5, fmt_num(utility[i]))
        rows.append(row)
    right = [0] + list(range(3, len(columns)))
    return format_table(columns, rows, right=right)


def multilateral_table(played, rank_by: str = "score") -> str:
    """Rank, player, club, reciprocity tag, material score per turn and per round, and the
    free-rider measure (payoff received minus payoff given, per round)."""
    result = played.results
    order = result.ranking(rank_by)
    score = np.median(result.normalised_scores, axis=1)
    received = played.received.mean(axis=1)
    measure = played.free_rider_measure.mean(axis=1)
    coop = result.cooperation_rate
    columns = [
        "Rank",
        "Player",
        "Club",
        "Reciprocity",
        "Score/turn (median)",
        "Received/round (mean)",
        "Free-rider",
        "Cooperation",
    ]
    rows = [
        [
            str(rank),
            result.players[i],
            played.club_of[i] or "-",
            result.reciprocity[i],
            fmt_num(score[i]),
            fmt_num(received[i], 2),
            f"{measure[i]:+.2f}",
            f"{coop[i]:.1%}",
        ]
        for rank, i in enumerate(order, start=1)
    ]
    return format_table(columns, rows, right=[0, 4, 5, 6, 7])


def club_table(played) -> str:
    """Per club and for the whole population: welfare, free riding, cooperation inside and across."""
    df = played.club_table()
    columns = [
        "Group",
        "Members",
        "Welfare/round",
        "Free-rider mean",
        "max",
        "Free riders",
        "Their share",
        "Coop inside",
        "Coop across",
    ]

    def pct(x):
        return "n/a" if math.isnan(x) else f"{x:.1%}"

    rows = [
        [
            r.group,
            str(r.members),
            fmt_num(r.welfare_per_round, 2),
            f"{r.free_rider_measure_mean:+.2f}",
            f"{r.free_rider_measure_max:+.2f}",
            str(r.free_riders),
            pct(r.free_rider_share),
            pct(r.cooperation_inside),
            pct(r.cooperation_across),
        ]
        for r in df.itertuples()
    ]
    return format_table(columns, rows, right=list(range(1, len(columns))))


# -- strategies ---------------------------------------------------------------------------------
def fmt_memory(depth: float) -> str:
    return "inf" if math.isinf(depth) else f"{depth:g}"


def fmt_params(spec: StrategySpec) -> str:
    """``name=default`` for each parameter; a default the strategy computes itself (``None``)
    is "from game" when it reads the payoffs, else "built in" (its doc gives the value)."""
    parts = []
    for name, p in spec.params.items():
        if p.default is None:
            default = "from game" if spec.uses_game else "built in"
        else:
            default = str(p.default) if isinstance(p.default, bool) else fmt_g(p.default)
        parts.append(f"{name}={default}")
    return ", ".join(parts)


def fmt_yes(flag: bool) -> str:
    return "yes" if flag else "no"


#: After the name of a strategy that plays only in multilateral mode (it reads what the group did).
MULTILATERAL_MARK = "[M]"


def fmt_traits(spec: StrategySpec) -> str:
    """What a strategy reads or draws, in words: ``random, game, length`` (``-`` for none)."""
    traits = [
        word
        for word, flag in (("random", spec.stochastic), ("game", spec.uses_game), ("length", spec.uses_length))
        if flag
    ]
    return ", ".join(traits) or "-"


def strategy_table(specs: Sequence[StrategySpec], width: int | None = 100) -> str:
    """Name (with :data:`MULTILATERAL_MARK` when it plays only in multilateral mode) and
    its aliases after a slash, reciprocity tag, memory depth, what it uses and its
    parameters, fitted into ``width`` columns: the aliases, uses and parameters wrap onto
    further lines (names first, down to the longest name; then uses, then parameters)."""
    columns = ["Name / aliases", "Reciprocity", "Memory", "Uses", "Parameters"]
    rows = [
        [
            s.name + (f" {MULTILATERAL_MARK}" if s.group else "") + (f" / {', '.join(s.aliases)}" if s.aliases else ""),
            s.reciprocity,
            fmt_memory(s.memory_depth),
            fmt_traits(s),
            fmt_params(s) or "-",
        ]
        for s in specs
    ]
    longest = max([len(s.name) + len(MULTILATERAL_MARK) + 1 for s in specs] + [14])
    return format_table(columns, rows, right=[2], width=width, wrap={0: longest, 3: 7, 4: 16})


def strategy_records(specs: Sequence[StrategySpec]) -> list[dict]:
    """One record per strategy with every classifier, for ``list --format csv|json``."""
    return [
        {
            "name": s.name,
            "aliases": "; ".join(s.aliases),
            "reciprocity": s.reciprocity,
            "memory_depth": fmt_memory(s.memory_depth),
            "stochastic": bool(s.stochastic),
            "uses_game": bool(s.uses_game),
            "uses_length": bool(s.uses_length),
            "multilateral_only": bool(s.group),
            "parameters": fmt_params(s),
        }
        for s in specs
    ]


# -- matches ------------------------------------------------------------------------------------
def match_payoffs(moves: np.ndarray, game: Game) -> tuple[np.ndarray, np.ndarray]:
    """Per-turn payoffs of A and B from int8[turns, 2] moves (C = 0, D = 1)."""
    g = game.as_array()
    a, b = moves[:, 0].astype(np.int64), moves[:, 1].astype(np.int64)
    return g[2 * a + b], g[2 * b + a]


#: After a move in the turn-by-turn table that noise flipped.
FLIP_MARK = "*"


def moves_table(moves: np.ndarray, game: Game, flips: np.ndarray | None = None) -> str:
    """Every turn of ``moves`` (int8[turns, 2], C = 0, D = 1, from the first turn on): one
    row per turn, or for longer matches blocks of 50 moves as C/D strings.

    ``flips`` (int8[2, turns] or more turns, 1 = noise flipped that player's move) marks
    the flipped moves: ``D*`` in the rows, a lower-case ``c``/``d`` in the blocks.
    """
    pay_a, pay_b = match_payoffs(moves, game)
    tot_a, tot_b = np.cumsum(pay_a), np.cumsum(pay_b)
    letters = np.array(["C", "D"])[moves]
    n = len(moves)
    flipped = np.zeros((n, 2), dtype=bool) if flips is None else np.asarray(flips)[:, :n].T.astype(bool)
    if n <= COMPACT_AFTER:
        mark = np.where(flipped, FLIP_MARK, "")
        rows = [
            [
                str(t + 1),
                letters[t, 0] + mark[t, 0],
                letters[t, 1] + mark[t, 1],
                fmt_g(pay_a[t]),
                fmt_g(pay_b[t]),
                fmt_total(tot_a[t]),
                fmt_total(tot_b[t]),
            ]
            for t in range(n)
        ]
        return format_table(
            ["Turn", "A", "B", "Payoff A", "Payoff B", "Total A", "Total B"], rows, right=[0, 3, 4, 5, 6]
        )
    letters = np.where(flipped, np.char.lower(letters), letters)
    rows = []
    for start in range(0, n, BLOCK):
        end = min(start + BLOCK, n)
        for k, who in enumerate("AB"):
            text = "".join(letters[start:end, k])
            blocks = " ".join(text[i : i + 10] for i in range(0, len(text), 10))
            total = (tot_a if k == 0 else tot_b)[end - 1]
            rows.append([f"{start + 1}-{end}" if k == 0 else "", who, blocks, fmt_total(total)])
    return format_table(["Turns", "", "Moves (in groups of 10)", "Total"], rows, right=[0, 3])


def match_summary(match, a: str, b: str) -> str:
    sa, sb = match.scores()
    pa, pb = match.final_score_per_turn()
    ca, cb = match.cooperation()
    table = format_table(
        ["", f"A: {a}", f"B: {b}"],
        [
            ["Score", fmt_total(sa), fmt_total(sb)],
            ["Score per turn", fmt_num(pa), fmt_num(pb)],
            ["Cooperation rate", f"{ca:.1%}", f"{cb:.1%}"],
        ],
        right=[1, 2],
    )
    if sa == sb:
        verdict = "Result: a draw."
    else:
        winner, margin = (a, sa - sb) if sa > sb else (b, sb - sa)
        verdict = f"Result: {winner} wins by {fmt_total(margin)} points."
    return f"{table}\n{verdict}"


# -- evolution ----------------------------------------------------------------------------------
def ecological_table(eco) -> str:
    df = eco.summary()
    rows = [
        [str(k + 1), r.player, f"{r.initial_share:.3f}", f"{r.final_share:.4f}", f"{r.max_share:.4f}"]
        for k, r in enumerate(df.itertuples())
    ]
    return format_table(["Rank", "Player", "Initial share", "Final share", "Max share"], rows, right=[0, 2, 3, 4])


def moran_table(res) -> str:
    """Per type: fixation counts and probability +- SE (n/a when runs do not stop at
    fixation, i.e. with mutation), mean final share +- SE, mean generations to fixation."""
    df = res.summary()
    fixing = res.settings["stop_on_fixation"]

    def fix(text: str) -> str:
        return text if fixing else "n/a"

    rows = [
        [
            r.type,
            str(r.initial),
            fix(str(r.fixations)),
            fix(fmt_num(r.fixation_probability, 4)),
            fix(fmt_num(r.fixation_se, 4)),
            fmt_num(r.final_share, 4),
            fmt_num(r.final_share_se, 4),
            fix(fmt_num(r.mean_fixation_time, 1)),
        ]
        for r in df.itertuples()
    ]
    return format_table(
        ["Type", "Initial", "Fixations", "Fixation prob.", "SE", "Final share", "SE", "Mean gens to fix"],
        rows,
        right=[1, 2, 3, 4, 5, 6, 7],
    )


# -- sweeps -------------------------------------------------------------------------------------
def sweep_table(table, x: str, y: str | None) -> str:
    """A :func:`cooptourney.sweeps.summarise` table: rows are y values, columns x values."""
    corner = f"{y} \\ {x}" if y else ""
    columns = [corner] + [fmt_cell(c) for c in table.columns]
    rows = [[fmt_cell(i)] + [fmt_cell(v) for v in row] for i, row in zip(table.index, table.to_numpy(dtype=float))]
    return format_table(columns, rows, right=list(range(1, len(columns))))
