"""The ``cooptourney`` command: run tournaments, list strategies, show a match move by move.

Usage (see docs/cli.md)::

    cooptourney run [CONFIG.toml] [-p NAME ...] [--turns N] [--prob-end P] ...
    cooptourney list [--reciprocity TAG] [--stochastic | --deterministic] ...
    cooptourney match A B [--turns N] [--noise E] [--seed S] ...
    cooptourney game [--game R,S,T,P] [--k K ...] [--preset NAME ...] [--s S] ...
    cooptourney --version

Exit codes: 0 success; 1 the results could not be written; 2 bad usage (unknown
flag, invalid setting, unknown strategy, bad config, missing file), reported on
one line ``cooptourney: error: <message>``; 130 interrupted.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from typing import Callable, Sequence

import numpy as np

from cooptourney import __version__
from cooptourney.config import DEFAULT_TOURNAMENT, ConfigError, RunConfig, load_config, load_plugins
from cooptourney.game import Game
from cooptourney.registry import REGISTRY, RECIPROCITY_TAGS, StrategySpec, UnknownStrategyError
from cooptourney.results import RANK_BY, ResultSet
from cooptourney.settings import SettingsError

PROG = "cooptourney"
EXIT_OK, EXIT_WRITE_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: Matches longer than this are shown compactly (two strings of C/D per block).
COMPACT_AFTER = 60
BLOCK = 50

RANK_BY_TEXT = {
    "score": "median score per turn, self-play excluded",
    "score_with_self_play": "median score per turn, self-play included",
    "utility": "median perceived utility per turn, self-play excluded",
    "utility_with_self_play": "median perceived utility per turn, self-play included",
}


class UsageError(Exception):
    """Bad command-line usage (raised instead of argparse's print-usage-and-exit)."""


# Errors that mean "the user asked for something invalid": exit 2, one line, no traceback.
USAGE_ERRORS = (UsageError, ConfigError, SettingsError, UnknownStrategyError, ValueError, OSError)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # noqa: D401 - argparse hook
        raise UsageError(f"{message} (see `{self.prog} --help`)")


# -- formatting -----------------------------------------------------------------------------
def format_table(columns: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """A plain-text table: header, rule, rows; columns listed in ``right`` are right-aligned."""
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(w) if i in right else cell.ljust(w) for i, (cell, w) in enumerate(zip(cells, widths))
        ).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _num(x: float, digits: int = 3) -> str:
    return "n/a" if math.isnan(x) else f"{x:.{digits}f}"


def _g(x: float) -> str:
    return f"{x:g}"


def _plural(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def describe_length(turns: int | None, prob_end: float | None) -> str:
    if not prob_end:
        return _plural(turns, "turn")
    text = f"prob_end {prob_end:g} (expected length {1 / prob_end:.4g} turns"
    return text + (f"; at most {turns})" if turns else ")")


def describe_game(game: Game) -> str:
    return f"game {game}"


def game_note(game: Game) -> str | None:
    """A warning line when the game is not a Prisoner's Dilemma, naming its class."""
    cls = game.classification
    if cls == "Prisoner's Dilemma":
        return None
    what = "of no named class" if cls == "other" else f"a {cls} game"
    return (
        f"note: this game is NOT a Prisoner's Dilemma: it is {what} "
        f"(a PD needs T > R > P > S and 2R > T + S); it is played as given."
    )


def _print(text: str = "") -> None:
    print(text, file=sys.stdout)


def _note(text: str) -> None:
    print(f"{PROG}: {text}", file=sys.stderr)


# -- run --------------------------------------------------------------------------------------
def cmd_run(args: argparse.Namespace) -> int:
    cfg = load_config(
        args.config,
        {
            "players": args.players,
            "turns": args.turns,
            "prob_end": args.prob_end,
            "noise": args.noise,
            "repetitions": args.repetitions,
            "seed": args.seed,
            "game": args.game,
            "output": args.output,
            "rank_by": args.rank_by,
            "plugins": args.plugins,
            "s": args.s,
            "profile": args.profile,
            "mode": args.mode,
            "clubs": _parse_clubs(args.clubs),
            "observation": args.observation,
            "secretariat": args.secretariat,
            "secretariat_clubs": args.secretariat_clubs,
        },
    )
    if args.report is not None:
        from cooptourney.report import check_report_path

        check_report_path(args.report)
    if cfg.skipped_defaults:
        _note(
            f"note: {len(cfg.skipped_defaults)} default players are not registered yet and were left out: "
            + ", ".join(cfg.skipped_defaults)
        )
    tournament = cfg.tournament()
    _print(run_header(cfg))
    note = game_note(cfg.game)
    if note:
        _print(note)
    started = time.perf_counter()
    played = tournament.play(progress=not args.no_progress)
    elapsed = time.perf_counter() - started
    multilateral = cfg.mode == "multilateral"
    result = played.results if multilateral else played
    _print()
    if multilateral:
        _print(multilateral_table(played, cfg.rank_by))
        _print()
        _print(club_table(played))
        _print()
        _print(multilateral_footer(played, elapsed))
    else:
        _print(ranking_table(result, cfg.rank_by))
        _print()
        _print(run_footer(result, cfg.rank_by, elapsed))
    if args.report is not None:
        code = _write_report(lambda: _run_report(result, cfg, args.report, elapsed), args.report)
        if code != EXIT_OK:
            return code
    if cfg.output is not None:
        try:
            path = played.write(cfg.output, by=cfg.rank_by)
        except OSError as exc:
            _note(f"error: cannot write {str(cfg.output)!r}: {exc}")
            return EXIT_WRITE_FAILED
        if path.suffix.lower() == ".json":
            _print(f"Wrote all results to {path}.")
        else:
            matches = path.with_suffix(".matches" + path.suffix)
            _print(f"Wrote the player table to {path} and one row per match to {matches}.")
    return EXIT_OK


def _run_report(result: ResultSet, cfg: RunConfig, path: str, elapsed: float):
    from cooptourney.report import tournament_report

    summary = run_header(cfg) + "\n\n" + run_footer(result, cfg.rank_by, elapsed)
    return tournament_report(result, path, rank_by=cfg.rank_by, summary=summary,
                             settings={"players": [p.name for p in cfg.players]})


# -- --report FILE.html (run, report; evolve and demo use the same helpers) ------------------
def _add_report_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--report", metavar="FILE.html",
                   help="also write one self-contained HTML report (plots embedded, opens offline)")


def _write_report(write: Callable[[], object], path: str) -> int:
    """Run ``write()`` (which writes the HTML report); a file that cannot be written is exit code 1."""
    try:
        write()
    except OSError as exc:
        _note(f"error: cannot write the report {str(path)!r}: {exc}")
        return EXIT_WRITE_FAILED
    _print(f"Wrote the HTML report to {path}.")
    return EXIT_OK


def _add_report_to_sweep_report(sub) -> None:
    """``cooptourney report DIR ... --report FILE.html`` (the command lives in cli_sweep.py)."""
    parser = sub.choices.get("report")
    if parser is None:
        return
    _add_report_flag(parser)
    table_only = parser.get_default("handler")

    def handler(args: argparse.Namespace) -> int:
        if args.report is None:
            return table_only(args)
        from cooptourney.report import check_report_path, sweep_report
        from cooptourney.sweep import load_results, read_manifest, summarise

        check_report_path(args.report)
        code = table_only(args)
        if code != EXIT_OK:
            return code
        df = load_results(args.dir)
        table = summarise(df, args.outcome, args.x, args.y, player=args.player)
        manifest, _ = read_manifest(args.dir)
        spec = manifest.get("spec", {})
        seed = spec.get("sweep", {}).get("seed") if isinstance(spec, dict) else None
        summary = (f"Sweep {args.dir}: {df['task'].nunique()} tasks; each cell is the mean over the tasks with "
                   "those settings of the outcome (per task: the player's, or the mean over players).")
        return _write_report(lambda: sweep_report(table, args.report, args.outcome, args.x, args.y, args.player,
                                                  summary=summary, settings={"seed": seed, "dir": str(args.dir),
                                                                             "spec": spec}), args.report)

    parser.set_defaults(handler=handler)


def run_header(cfg: RunConfig) -> str:
    text = (
        f"{'Multilateral tournament' if cfg.mode == 'multilateral' else 'Tournament'}: {_plural(len(cfg.players), 'player')}, {describe_length(cfg.turns, cfg.prob_end)}, "
        f"noise {cfg.noise:g}, {_plural(cfg.repetitions, 'repetition')}, seed {cfg.seed}, {describe_game(cfg.game)}"
    )
    if cfg.transformer is not None:
        d = cfg.transformer.as_dict()
        pol = ", ".join(f"{k}={v:g}" for k, v in d["politicization"].items())
        profiles = d["profiles"] if isinstance(d["profiles"], list) else [d["profiles"]]
        shown = "; ".join(", ".join(f"{k}={v:g}" for k, v in p.items()) for p in profiles[:3])
        more = f"; ... ({len(profiles)} profiles)" if len(profiles) > 3 else ""
        text += (f"\nPolitics transformer: {pol}; profile {shown}{more}. Material scores are what the "
                 "world gets; utility is what the players perceive and optimise.")
    return text


def ranking_table(result: ResultSet, rank_by: str = "score") -> str:
    """Rank, player, reciprocity tag, scores (without and with self-play), perceived utility
    when a transformer is active or ranks, wins, cooperation and the reciprocity metrics."""
    order = result.ranking(rank_by)
    score = np.median(result.normalised_scores, axis=1)
    score_self = np.median(result.normalised_scores_with_self_play, axis=1)
    wins = result.wins.mean(axis=1)
    metrics = result.reciprocity_metrics()
    # against the other players; a lone player has none
    coop = result.cooperation_rate if result.n_players > 1 else np.full(1, np.nan)
    columns = ["Rank", "Player", "Reciprocity", "Score/turn", "With self-play", "Wins", "Cooperation",
               "Conting.", "Retal.", "Forgive", "Imbalance", "Feud"]
    utility = None
    if rank_by.startswith("utility") or result.settings.get("transformer"):
        values = (result.normalised_utilities_with_self_play if rank_by.endswith("self_play")
                  else result.normalised_utilities)
        utility = np.median(values, axis=1)
        columns.insert(5, "Utility/turn")
    rows = []
    for rank, i in enumerate(order, start=1):
        m = metrics.iloc[i]
        row = [str(rank), result.players[i], result.reciprocity[i], _num(score[i]), _num(score_self[i]),
               f"{wins[i]:.4g}", "n/a" if math.isnan(coop[i]) else f"{coop[i]:.1%}",
               _num(m["contingency"], 2), _num(m["retaliation"], 2), _num(m["forgiveness"], 2),
               _num(m["max_imbalance"], 1), _num(m["feud_length"], 1)]
        if utility is not None:
            row.insert(5, _num(utility[i]))
        rows.append(row)
    right = [0] + list(range(3, len(columns)))
    return format_table(columns, rows, right=right)


def _parse_clubs(values: list[str] | None) -> dict[str, list[str | int]] | None:
    """``--club NAME=a,b,3`` flags -> {NAME: ["a", "b", 3]}; commas inside parentheses
    (player parameters) do not split."""
    if not values:
        return None
    clubs: dict[str, list[str | int]] = {}
    for text in values:
        name, sep, members = text.partition("=")
        if not sep or not name.strip() or not members.strip():
            raise UsageError(f"--club takes NAME=member,member,... (player names or positions), got {text!r}")
        items, depth, cur = [], 0, ""
        for ch in members:
            depth += (ch == "(") - (ch == ")")
            if ch == "," and depth == 0:
                items.append(cur)
                cur = ""
            else:
                cur += ch
        items.append(cur)
        parsed = [int(m) if m.strip().isdigit() else m.strip() for m in items if m.strip()]
        if name.strip() in clubs:
            raise UsageError(f"--club {name.strip()!r} is given twice; list all its members in one flag")
        clubs[name.strip()] = parsed
    return clubs


def multilateral_table(played, rank_by: str = "score") -> str:
    """Rank, player, club, reciprocity tag, material score per turn and per round, and the
    free-rider measure (payoff received minus payoff given, per round)."""
    result = played.results
    order = result.ranking(rank_by)
    score = np.median(result.normalised_scores, axis=1)
    received = played.received.mean(axis=1)
    measure = played.free_rider_measure.mean(axis=1)
    coop = result.cooperation_rate
    columns = ["Rank", "Player", "Club", "Reciprocity", "Score/turn", "Received/round", "Free-rider",
               "Cooperation"]
    rows = [[str(rank), result.players[i], played.club_of[i] or "-", result.reciprocity[i], _num(score[i]),
             _num(received[i], 2), f"{measure[i]:+.2f}", f"{coop[i]:.1%}"]
            for rank, i in enumerate(order, start=1)]
    return format_table(columns, rows, right=[0, 4, 5, 6, 7])


def club_table(played) -> str:
    """Per club and for the whole population: welfare, free riding, cooperation inside and across."""
    df = played.club_table()
    columns = ["Group", "Members", "Welfare/round", "Free-rider mean", "max", "Free riders", "Their share",
               "Coop inside", "Coop across"]

    def pct(x):
        return "n/a" if math.isnan(x) else f"{x:.1%}"

    rows = [[r.group, str(r.members), _num(r.welfare_per_round, 2), f"{r.free_rider_measure_mean:+.2f}",
             f"{r.free_rider_measure_max:+.2f}", str(r.free_riders), pct(r.free_rider_share),
             pct(r.cooperation_inside), pct(r.cooperation_across)] for r in df.itertuples()]
    return format_table(columns, rows, right=list(range(1, len(columns))))


def multilateral_footer(played, elapsed: float) -> str:
    s = played.results.settings
    sec = f"a secretariat of reliability {s['secretariat']:g}" if s["secretariat"] > 0 else "no secretariat"
    return (
        f"Multilateral mode: every pair plays round t before any plays t+1; observation probability "
        f"{s['observation']:g}, {sec}; {_plural(played.results.repetitions, 'repetition')} in {elapsed:.2f} s. "
        f"Free-rider measure: material payoff received minus payoff given, per round; free riders are "
        f"players above {played.free_rider_threshold:g} (half of T - S). docs/multilateral.md explains it."
    )


def run_footer(result: ResultSet, rank_by: str, elapsed: float) -> str:
    n = result.n_players
    matches = n * (n + 1) // 2 * result.repetitions
    return (
        f"Ranked by {RANK_BY_TEXT[rank_by]} (--rank-by {rank_by}); scores are medians over "
        f"{_plural(result.repetitions, 'repetition')}, wins are means. "
        f"{_plural(matches, 'match', 'matches')} in {elapsed:.2f} s. Reciprocity metrics "
        "(contingency, retaliation, forgiveness, largest running payoff imbalance, mean echo-feud "
        "length; n/a = never observed) are defined in docs/metrics.md."
    )


# -- list -------------------------------------------------------------------------------------
def cmd_list(args: argparse.Namespace) -> int:
    load_plugins(args.plugins or [])
    if args.coverage:
        from cooptourney import coverage

        try:
            rows = coverage.coverage()
        except RuntimeError as exc:  # axelrod missing
            raise UsageError(str(exc)) from None
        _print(coverage.table(rows))
        return EXIT_OK
    stochastic = True if args.stochastic else False if args.deterministic else None
    specs = REGISTRY.filter(
        reciprocity=args.reciprocity,
        stochastic=stochastic,
        max_memory_depth=args.max_memory,
        uses_game=True if args.uses_game else None,
        uses_length=True if args.uses_length else None,
    )
    total = len(REGISTRY.all())
    if specs:
        _print(strategy_table(specs))
        _print()
    filtered = len(specs) != total or any(
        [args.reciprocity, args.stochastic, args.deterministic, args.max_memory is not None,
         args.uses_game, args.uses_length]
    )
    _print(f"{len(specs)} of {total} strategies match." if filtered else f"{total} strategies.")
    return EXIT_OK


def _memory(depth: float) -> str:
    return "inf" if math.isinf(depth) else f"{depth:g}"


def _params(spec: StrategySpec) -> str:
    parts = []
    for name, p in spec.params.items():
        default = "from game" if p.default is None else (str(p.default) if isinstance(p.default, bool) else _g(p.default))
        parts.append(f"{name}={default}")
    return ", ".join(parts)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def strategy_table(specs: Sequence[StrategySpec]) -> str:
    columns = ["Name", "Aliases", "Reciprocity", "Memory", "Stochastic", "Uses game", "Uses length", "Parameters"]
    rows = [
        [s.name, ", ".join(s.aliases), s.reciprocity, _memory(s.memory_depth), _yes(s.stochastic),
         _yes(s.uses_game), _yes(s.uses_length), _params(s)]
        for s in specs
    ]
    return format_table(columns, rows, right=[3])


# -- match ------------------------------------------------------------------------------------
def cmd_match(args: argparse.Namespace) -> int:
    from cooptourney.match import Match

    cfg = load_config(
        None,
        {
            "players": [args.player_a, args.player_b],
            "turns": args.turns,
            "prob_end": args.prob_end,
            "noise": args.noise,
            "seed": args.seed,
            "game": args.game,
            "plugins": args.plugins,
        },
    )
    match = Match(list(cfg.players), turns=cfg.turns, prob_end=cfg.prob_end, noise=cfg.noise,
                  seed=cfg.seed, game=cfg.game)
    match.play()
    a, b = (p.name for p in match.players)
    _print(
        f"Match: {a} vs {b}: {_plural(len(match), 'turn')}"
        + (f" drawn with {describe_length(cfg.turns, cfg.prob_end)}" if cfg.prob_end else "")
        + f", noise {cfg.noise:g}, seed {cfg.seed}, {describe_game(cfg.game)}"
    )
    note = game_note(cfg.game)
    if note:
        _print(note)
    _print(f"A = {a}, B = {b}; C = cooperate, D = defect (moves as played, after noise).")
    _print()
    _print(moves_table(match.moves, cfg.game))
    _print()
    _print(match_summary(match, a, b))
    return EXIT_OK


def _payoffs(moves: np.ndarray, game: Game) -> tuple[np.ndarray, np.ndarray]:
    g = game.as_array()
    a, b = moves[:, 0].astype(np.int64), moves[:, 1].astype(np.int64)
    return g[2 * a + b], g[2 * b + a]


def moves_table(moves: np.ndarray, game: Game) -> str:
    """Every turn: one row per turn, or for long matches blocks of 50 moves as C/D strings."""
    pay_a, pay_b = _payoffs(moves, game)
    tot_a, tot_b = np.cumsum(pay_a), np.cumsum(pay_b)
    letters = np.array(["C", "D"])[moves]
    n = len(moves)
    if n <= COMPACT_AFTER:
        rows = [
            [str(t + 1), letters[t, 0], letters[t, 1], _g(pay_a[t]), _g(pay_b[t]), _g(tot_a[t]), _g(tot_b[t])]
            for t in range(n)
        ]
        return format_table(["Turn", "A", "B", "Payoff A", "Payoff B", "Total A", "Total B"], rows,
                            right=[0, 3, 4, 5, 6])
    rows = []
    for start in range(0, n, BLOCK):
        end = min(start + BLOCK, n)
        for k, who in enumerate("AB"):
            text = "".join(letters[start:end, k])
            blocks = " ".join(text[i:i + 10] for i in range(0, len(text), 10))
            total = (tot_a if k == 0 else tot_b)[end - 1]
            rows.append([f"{start + 1}-{end}" if k == 0 else "", who, blocks, _g(total)])
    return format_table(["Turns", "", "Moves (in groups of 10)", "Total"], rows, right=[0, 3])


def match_summary(match, a: str, b: str) -> str:
    sa, sb = match.scores()
    pa, pb = match.final_score_per_turn()
    ca, cb = match.cooperation()
    table = format_table(
        ["", f"A: {a}", f"B: {b}"],
        [["Score", _g(sa), _g(sb)],
         ["Score per turn", _num(pa), _num(pb)],
         ["Cooperation rate", f"{ca:.1%}", f"{cb:.1%}"]],
        right=[1, 2],
    )
    if sa == sb:
        verdict = "Result: a draw."
    else:
        winner, margin = (a, sa - sb) if sa > sb else (b, sb - sa)
        verdict = f"Result: {winner} wins by {margin:g} points."
    return f"{table}\n{verdict}"


# -- game -------------------------------------------------------------------------------------
def cmd_game(args: argparse.Namespace) -> int:
    """The stage game as each actor perceives it: matrix, class and shadow-of-the-future thresholds."""
    from dataclasses import replace

    from cooptourney.politics import ActorProfile, Politicization, analyse

    game = Game.parse(args.game) if args.game is not None else Game()
    given = {name: getattr(args, name) for name in ("s", "theta", "kappa", "rho")}
    pol = Politicization(**{name: value for name, value in given.items() if value is not None})
    specs = [("k", k) for k in args.k or []] + [("preset", name) for name in args.presets or []]
    sens = args.sensitivity or []
    if sens and not specs:
        raise UsageError("--sensitivity applies to profiles: give --k K ... or --preset NAME ... as well")
    if len(sens) > 1 and len(sens) != len(specs):
        raise UsageError(
            f"got {len(sens)} --sensitivity values for {_plural(len(specs), 'profile')}: "
            "give one value for all profiles or one per profile (--k values first, then --preset names)"
        )
    profiles, labels = [], []
    for i, (kind, value) in enumerate(specs):
        profile = ActorProfile(k=value) if kind == "k" else ActorProfile.preset(value)
        label = f"k={value:g}" if kind == "k" else value.strip().lower()
        if sens:
            x = sens[0] if len(sens) == 1 else sens[i]
            profile = replace(profile, sensitivity=x)
            label += f" (sensitivity {x:g})"
        profiles.append(profile)
        labels.append(label)
    table = analyse(game, profiles, pol, labels=labels)

    def pay(x: float) -> str:
        return _g(x + 0.0)  # no "-0"

    def thr(x: float) -> str:
        return "never" if math.isinf(x) else _num(x)

    _print(f"Game: {game}. Politicization s = {pol.s:g} (theta {pol.theta:g}, kappa {pol.kappa:g}, rho {pol.rho:g}).")
    _print("Perceived payoffs of the row player: U = own payoff - k' * partner's payoff, with P' = P - s_i * theta,")
    _print("k' = k + s_i * kappa, q' = min(1, q + s_i * rho), s_i = sensitivity * s. Material payoffs stay the plain game.")
    for i, (label, r) in enumerate(table.iterrows()):
        _print()
        if i == 0:  # analyse() puts the plain game first
            head = "plain game (material payoffs, what the world gets)"
        else:
            p = profiles[i - 1]
            head = f"{label}: k' = {r['k_eff']:g}, s_i = {r['s_i']:g}, ratification failure q' = {r['q_eff'] + 0.0:.4g}"
            head += (f"; elections every {p.term} turns (re-election {p.reelection:g}, memory {p.memory:g})"
                     if p.has_elections else "; no elections")
        _print(head)
        matrix = format_table(["row player", "partner C", "partner D"],
                              [["plays C", pay(r["R"]), pay(r["S"])], ["plays D", pay(r["T"]), pay(r["P"])]],
                              right=[1, 2])
        _print("\n".join("  " + line for line in matrix.splitlines()))
        _print(f"  {r['class']}; TFT w* = {thr(r['tft_threshold'])}, Grim w* = {thr(r['grim_threshold'])}, "
               f"GTFT generosity = {_num(r['gtft_generosity'])}")
    _print()
    rows = [[str(label), f"{r['k_eff']:g}", f"{r['s_i']:g}", f"{r['q_eff'] + 0.0:.4g}", r["class"],
             thr(r["tft_threshold"]), thr(r["grim_threshold"]), _num(r["gtft_generosity"])]
            for label, r in table.iterrows()]
    _print(format_table(["Profile", "k'", "s_i", "q'", "Class", "TFT w*", "Grim w*", "GTFT generosity"],
                        rows, right=[1, 2, 3, 5, 6, 7]))
    _print()
    _print("TFT (Grim) is collectively stable iff the continuation probability w = 1 - prob_end >= w*")
    _print("(\"never\": for no w < 1); thresholds and generosity are computed on the perceived payoffs.")
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------------
def _add_length_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--turns", type=int, metavar="N",
                   help=f"turns per match (default {DEFAULT_TOURNAMENT['turns']}); with --prob-end, the cap on the length")
    p.add_argument("--prob-end", type=float, metavar="P", dest="prob_end",
                   help="probability that a match ends after each turn (random length, players not told)")
    p.add_argument("--noise", type=float, metavar="E", help=f"probability that each move is flipped (default {DEFAULT_TOURNAMENT['noise']:g})")
    p.add_argument("--seed", type=int, metavar="S", help=f"random seed, a whole number >= 0 (default {DEFAULT_TOURNAMENT['seed']})")
    p.add_argument("--game", metavar="R,S,T,P",
                   help=f"payoffs (default {','.join(f'{x:g}' for x in DEFAULT_TOURNAMENT['game'])}); write --game=-1,0,5,1 when the first is negative")


def _add_plugin_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plugin", action="append", dest="plugins", metavar="FILE.py",
                   help="import a Python file that registers strategies (repeatable)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Iterated prisoner's dilemma tournaments on a numba core.",
        epilog="Run `cooptourney COMMAND --help` for the flags of each command; see docs/cli.md.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    run = sub.add_parser("run", help="play a round-robin tournament and print the ranking",
                         description="Play a round-robin tournament (self-play included) and print the ranking. "
                                     "Without arguments it plays the default tournament.")
    run.add_argument("config", nargs="?", metavar="CONFIG.toml", help="settings file; flags override its values")
    run.add_argument("-p", "--players", nargs="+", action="extend", metavar="NAME",
                     help='players, e.g. "Tit For Tat" Grudger "GTFT(generosity=0.2)"')
    _add_length_flags(run)
    run.add_argument("--repetitions", type=int, metavar="R", help=f"matches per pair (default {DEFAULT_TOURNAMENT['repetitions']})")
    run.add_argument("-o", "--output", metavar="FILE", help="write results to FILE (.csv, .parquet or .json)")
    _add_plugin_flag(run)
    run.add_argument("--rank-by", choices=RANK_BY, dest="rank_by", metavar="KEY",
                     help=f"ranking criterion: {', '.join(RANK_BY)} (default score)")
    run.add_argument("--s", type=float, metavar="S",
                     help="politicization of the issue in [0, 1] (turns on the politics transformer)")
    run.add_argument("--profile", metavar="NAME",
                     help="actor profile for every player: neutral, policy/bureaucrat, politics/politician")
    run.add_argument("--no-progress", action="store_true", dest="no_progress",
                     help="do not show the progress bar (shown on stderr for runs over 1 s)")
    ml = run.add_argument_group("multilateral mode (docs/multilateral.md)")
    ml.add_argument("--multilateral", action="store_const", const="multilateral", dest="mode",
                    help="synchronous rounds: every pair plays round t before any plays t+1, and strategies "
                         "may read what the group did")
    ml.add_argument("--club", action="append", dest="clubs", metavar="NAME=MEMBERS",
                    help='a club: NAME=member,member,... (player names or 0-based positions); repeatable')
    ml.add_argument("--observation", type=float, metavar="Q",
                    help="probability of seeing an interaction between two others (default 1: public reputations)")
    ml.add_argument("--secretariat", type=float, metavar="R",
                    help="a secretariat that records defections with reliability R and publishes them (default 0: none)")
    ml.add_argument("--secretariat-club", action="append", dest="secretariat_clubs", metavar="CLUB",
                    help="only members of this club receive the secretariat's record; repeatable")
    _add_report_flag(run)
    run.set_defaults(handler=cmd_run)

    lst = sub.add_parser("list", help="list the registered strategies",
                         description="List the registered strategies with their classifiers.")
    lst.add_argument("--reciprocity", action="append", choices=RECIPROCITY_TAGS, metavar="TAG",
                     help=f"only this reciprocity tag ({', '.join(RECIPROCITY_TAGS)}); repeatable")
    random_group = lst.add_mutually_exclusive_group()
    random_group.add_argument("--stochastic", action="store_true", help="only strategies that draw random numbers")
    random_group.add_argument("--deterministic", action="store_true", help="only deterministic strategies")
    lst.add_argument("--max-memory", type=int, dest="max_memory", metavar="N",
                     help="only strategies reading at most N past turns")
    lst.add_argument("--uses-game", action="store_true", dest="uses_game", help="only strategies that read the payoffs")
    lst.add_argument("--uses-length", action="store_true", dest="uses_length",
                     help="only strategies that read the match length")
    lst.add_argument("--coverage", action="store_true",
                     help="for every axelrod strategy: native and verified, native but unverified (why), "
                          "or Python path only (needs axelrod installed)")
    _add_plugin_flag(lst)
    lst.set_defaults(handler=cmd_list)

    match = sub.add_parser("match", help="play one match and show it move by move",
                           description="Play one match and print every turn: moves, payoffs, running totals.")
    match.add_argument("player_a", metavar="A", help='first player, e.g. "Tit For Tat"')
    match.add_argument("player_b", metavar="B", help='second player, e.g. "GTFT(generosity=0.2)"')
    _add_length_flags(match)
    _add_plugin_flag(match)
    match.set_defaults(handler=cmd_match)

    game = sub.add_parser("game", help="show the stage game as politics/policy actors perceive it",
                          description="Show the payoff matrix each actor perceives under the politics/policy "
                                      "transformer, its class, TFT's critical continuation probability w*, "
                                      "Grim's threshold and GTFT's generosity (see docs/cli.md).")
    game.add_argument("--game", metavar="R,S,T,P",
                      help=f"payoffs (default {','.join(f'{x:g}' for x in DEFAULT_TOURNAMENT['game'])}); "
                           "write --game=-1,0,5,1 when the first is negative")
    game.add_argument("--k", nargs="+", action="extend", type=float, metavar="K",
                      help="one profile per value, with relative weight K (U = own - K * partner's payoff)")
    game.add_argument("--preset", nargs="+", action="extend", dest="presets", metavar="NAME",
                      help="named profiles: neutral, policy (bureaucrat), politics (politician)")
    game.add_argument("--s", type=float, metavar="S", help="issue politicization in [0, 1] (default 0)")
    game.add_argument("--theta", type=float, metavar="X", help="threat severity, accelerator (default 2)")
    game.add_argument("--kappa", type=float, metavar="X", help="politicization's effect on k, brake (default 0.5)")
    game.add_argument("--rho", type=float, metavar="X", help="politicization's effect on ratification failure, brake (default 0.1)")
    game.add_argument("--sensitivity", nargs="+", action="extend", type=float, metavar="X",
                      help="sensitivity to politicization: one value for all profiles or one per profile "
                           "(--k profiles first, then presets; default: 1, or the preset's)")
    game.set_defaults(handler=cmd_game)
    _register_command_modules(sub)
    _add_report_to_sweep_report(sub)
    return parser


def _register_command_modules(sub) -> None:
    """Subcommands that live beside their feature: every module ``cooptourney/cli_*.py``
    defines ``register(subparsers)``, which adds its parsers with ``set_defaults(handler=...)``.
    Handlers use this module's conventions (exit codes, one-line errors via the exception
    types in ``USAGE_ERRORS``)."""
    import importlib
    import pkgutil

    import cooptourney

    for mod in sorted(pkgutil.iter_modules(cooptourney.__path__), key=lambda m: m.name):
        if mod.name.startswith("cli_"):
            importlib.import_module(f"cooptourney.{mod.name}").register(sub)


# -- entry point ------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            raise UsageError(f"missing command: choose one of {', '.join(_command_names(parser))} "
                             "(see `cooptourney --help`)")
        if getattr(args, "max_memory", None) is not None and args.max_memory < 0:
            raise UsageError(f"--max-memory must be >= 0, got {args.max_memory}")
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except BrokenPipeError:  # e.g. `cooptourney list | head` (before OSError, its base class)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except USAGE_ERRORS as exc:
        print(f"{PROG}: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _command_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError) and exc.filename:
        return f"no such file: {exc.filename!r}"
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


if __name__ == "__main__":
    # Run the importable module, not this __main__ copy, so that exception classes
    # raised by cli_*.py subcommands (which import cooptourney.cli) are the ones caught.
    from cooptourney.cli import main as _main

    sys.exit(_main())
