"""``cooptourney run``: play a round-robin (or multilateral) tournament and print the ranking.

::

    cooptourney run [CONFIG.toml] [-p NAME ...] [--turns N] [--prob-end P] [--noise E]
                    [--repetitions R] [--seed S] [--game R,S,T,P] [-o FILE|-] [--rank-by KEY]
                    [--format table|csv|json] [-q] [--no-progress]
                    [--s S] [--profile NAME] [--multilateral --club NAME=MEMBERS ...]
                    [--report FILE.html]

``-p @FILE`` reads the players from FILE, one per line. ``--format csv|json`` (or
``-o -``) puts the results on stdout for another program, and nothing else.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from cooptourney.cli.common import (
    EXIT_OK,
    EXIT_WRITE_FAILED,
    UsageError,
    add_format_flag,
    add_length_flags,
    add_plugin_flag,
    add_progress_flags,
    add_report_flag,
    check_output,
    describe_game,
    describe_length,
    docs_url,
    game_note,
    number,
    players_from,
    plural,
    prepare_compile,
    progress_wanted,
    show,
    warn,
    whole_number,
    wrap,
    write_report,
)
from cooptourney.config import DEFAULT_TOURNAMENT, RunConfig, load_config
from cooptourney.output.tables import club_table, multilateral_table, ranking_table
from cooptourney.results import RANK_BY, ResultSet

#: The ranking criterion in words (the terminal's score columns are these medians).
RANK_BY_TEXT = {
    "score": "median score per turn, self-play excluded",
    "score_with_self_play": "median score per turn, self-play included",
    "utility": "median perceived utility per turn, self-play excluded",
    "utility_with_self_play": "median perceived utility per turn, self-play included",
}


def output_format(args: argparse.Namespace) -> tuple[str, str | None]:
    """What stdout gets (``table``, ``csv`` or ``json``) and the output file (None for none or
    for stdout): ``-o -`` writes the file's text to stdout, csv unless ``--format json``."""
    fmt, output = args.format, args.output
    if output == "-":
        if fmt == "table":
            raise UsageError("-o - writes csv or json to stdout; give --format csv or --format json, not table")
        return fmt or "csv", None
    return fmt or "table", output


def cmd_run(args: argparse.Namespace) -> int:
    """Play the tournament of the config and flags; print the ranking; write results and report."""
    fmt, output = output_format(args)
    human = fmt == "table"
    chatter = human and not args.quiet

    def say(text: str = "") -> None:
        if chatter:
            show(text)

    cfg = load_config(
        args.config,
        {
            "players": players_from(args.players),
            "turns": args.turns,
            "prob_end": args.prob_end,
            "noise": args.noise,
            "repetitions": args.repetitions,
            "seed": args.seed,
            "game": args.game,
            "output": output,
            "rank_by": args.rank_by,
            "plugins": args.plugins,
            "s": args.s,
            "profile": args.profile,
            "mode": args.mode,
            "clubs": parse_clubs(args.clubs),
            "observation": args.observation,
            "secretariat": args.secretariat,
            "secretariat_clubs": args.secretariat_clubs,
        },
    )
    if args.report is not None:
        from cooptourney.output.report import check_report_path

        check_report_path(args.report)
        check_output(args.report, "report")
    check_output(cfg.output)
    if cfg.skipped_defaults and not args.quiet:
        warn(
            f"note: {len(cfg.skipped_defaults)} default players are not registered yet and were left out: "
            + ", ".join(cfg.skipped_defaults)
        )
    tournament = cfg.tournament()
    say(run_header(cfg))
    note = game_note(cfg.game)
    if note and not args.quiet:
        (show if human else warn)(note)
    started = time.perf_counter()
    prepare_compile(tournament.players, args, "play_multilateral" if cfg.mode == "multilateral" else "play_tournament")
    played = tournament.play(progress=progress_wanted(args))
    elapsed = time.perf_counter() - started
    multilateral = cfg.mode == "multilateral"
    result = played.results if multilateral else played
    if not human:
        sys.stdout.write(machine_text(played, fmt, cfg.rank_by, multilateral))
        sys.stdout.flush()
    elif multilateral:
        say()
        show(multilateral_table(played, cfg.rank_by))
        show()
        show(club_table(played))
        say()
        say(wrap(multilateral_footer(played, elapsed)))
    else:
        say()
        show(ranking_table(result, cfg.rank_by))
        say()
        say(wrap(run_footer(result, cfg.rank_by, elapsed)))
    if args.report is not None:
        code = write_report(
            lambda: _run_report(result, cfg, args.report, elapsed, args), args.report, quiet=not chatter
        )
        if code != EXIT_OK:
            return code
    if cfg.output is not None:
        try:
            path = played.write(cfg.output, by=cfg.rank_by)
        except OSError as exc:
            warn(f"error: cannot write {str(cfg.output)!r}: {exc}")
            return EXIT_WRITE_FAILED
        if path.suffix.lower() == ".json":
            say(f"Wrote all results to {path}.")
        else:
            matches = path.with_suffix(".matches" + path.suffix)
            say(f"Wrote the player table to {path} and one row per match to {matches}.")
    return EXIT_OK


def machine_text(played, fmt: str, rank_by: str, multilateral: bool) -> str:
    """The results as ``csv`` (the player table of ``-o FILE.csv``) or ``json`` (everything
    ``-o FILE.json`` holds), for stdout."""
    from cooptourney.results import json_safe

    result = played.results if multilateral else played
    if fmt == "csv":
        df = played.player_table(rank_by) if multilateral else result.to_dataframe(rank_by)
        return df.to_csv(index=False)
    data = result.to_dict(rank_by)
    if multilateral:
        data["clubs"] = played.club_table().to_dict(orient="records")
        data["players_multilateral"] = played.player_table(rank_by).to_dict(orient="records")
    return json.dumps(json_safe(data), indent=1, allow_nan=False) + "\n"


def rerun_command(argv: list[str] | None) -> str | None:
    """The command line that reproduces a run, quoted for a POSIX shell (None if unknown)."""
    import shlex

    if argv is None:
        return None
    return " ".join(shlex.quote(a) for a in ["cooptourney", *argv])


def _run_report(result: ResultSet, cfg: RunConfig, path: str, elapsed: float, args: argparse.Namespace):
    from cooptourney.output.report import tournament_report
    from cooptourney.output.tables import DOCS_URL, docs_address

    # the page prints the documentation's address without its scheme: it refers to nothing outside
    footer = run_footer(result, cfg.rank_by, elapsed).replace(DOCS_URL, docs_address("").rstrip("/"))
    summary = run_header(cfg) + "\n\n" + footer
    return tournament_report(
        result,
        path,
        rank_by=cfg.rank_by,
        summary=summary,
        settings={"players": [p.name for p in cfg.players]},
        command=rerun_command(getattr(args, "argv", None)),
    )


def run_header(cfg: RunConfig) -> str:
    text = (
        f"{'Multilateral tournament' if cfg.mode == 'multilateral' else 'Tournament'}: {plural(len(cfg.players), 'player')}, {describe_length(cfg.turns, cfg.prob_end)}, "
        f"noise {cfg.noise:g}, {plural(cfg.repetitions, 'repetition')}, seed {cfg.seed}, {describe_game(cfg.game)}"
    )
    if cfg.transformer is not None:
        d = cfg.transformer.as_dict()
        pol = ", ".join(f"{k}={v:g}" for k, v in d["politicization"].items())
        profiles = d["profiles"] if isinstance(d["profiles"], list) else [d["profiles"]]
        shown = "; ".join(", ".join(f"{k}={v:g}" for k, v in p.items()) for p in profiles[:3])
        more = f"; ... ({len(profiles)} profiles)" if len(profiles) > 3 else ""
        text += (
            f"\nPolitics transformer: {pol}; profile {shown}{more}. Material scores are what the "
            "world gets; utility is what the players perceive and optimise."
        )
    return text


def run_footer(result: ResultSet, rank_by: str, elapsed: float) -> str:
    n = result.n_players
    matches = n * (n + 1) // 2 * result.repetitions
    return (
        f"Ranked by {RANK_BY_TEXT[rank_by]} (--rank-by {rank_by}); scores are medians over "
        f"{plural(result.repetitions, 'repetition')} (the files of -o and --format csv also give the "
        f"means), wins are means. {plural(matches, 'match', 'matches')} in {elapsed:.2f} s. Reciprocity "
        "metrics (contingency, retaliation, forgiveness, largest running payoff imbalance, mean echo-feud "
        f"length; n/a = never observed) are defined at {docs_url('reference/metrics.md')}."
    )


def multilateral_footer(played, elapsed: float) -> str:
    s = played.results.settings
    sec = f"a secretariat of reliability {s['secretariat']:g}" if s["secretariat"] > 0 else "no secretariat"
    return (
        f"Multilateral mode: every pair plays round t before any plays t+1; observation probability "
        f"{s['observation']:g}, {sec}; {plural(played.results.repetitions, 'repetition')} in {elapsed:.2f} s. "
        f"Free-rider measure: material payoff received minus payoff given, per round; free riders are "
        f"players above {played.free_rider_threshold:g} (half of T - S); {docs_url('reference/metrics.md')} explains it."
    )


def parse_clubs(values: list[str] | None) -> dict[str, list[str | int]] | None:
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


def register(sub) -> None:
    """Add ``run`` to the ``cooptourney`` subcommands."""
    run = sub.add_parser(
        "run",
        help="play a round-robin tournament and print the ranking",
        description="Play a round-robin tournament (self-play included) and print the ranking. "
        "Without arguments it plays the default tournament.",
    )
    run.add_argument("config", nargs="?", metavar="CONFIG.toml", help="settings file; flags override its values")
    run.add_argument(
        "-p",
        "--players",
        nargs="+",
        action="extend",
        metavar="NAME",
        help='players, e.g. "Tit For Tat" Grudger "GTFT(generosity=0.2)"; @FILE reads names from FILE, one a line',
    )
    add_length_flags(run)
    run.add_argument(
        "--repetitions",
        type=whole_number,
        metavar="R",
        help=f"matches per pair (default {DEFAULT_TOURNAMENT['repetitions']})",
    )
    run.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write results to FILE (.csv, .parquet or .json); - writes csv (or --format json) to stdout",
    )
    add_format_flag(run)
    add_plugin_flag(run)
    run.add_argument(
        "--rank-by",
        choices=RANK_BY,
        dest="rank_by",
        metavar="KEY",
        help=f"ranking criterion: {', '.join(RANK_BY)} (default score)",
    )
    run.add_argument(
        "--s",
        type=number,
        metavar="S",
        help="politicization of the issue in [0, 1] (turns on the politics transformer)",
    )
    run.add_argument(
        "--profile",
        metavar="NAME",
        help="actor profile for every player: neutral, policy/bureaucrat, politics/politician",
    )
    add_progress_flags(run)
    ml = run.add_argument_group("multilateral mode (see the multilateral how-to)")
    ml.add_argument(
        "--multilateral",
        action="store_const",
        const="multilateral",
        dest="mode",
        help="synchronous rounds: every pair plays round t before any plays t+1, and strategies "
        "may read what the group did",
    )
    ml.add_argument(
        "--club",
        action="append",
        dest="clubs",
        metavar="NAME=MEMBERS",
        help="a club: NAME=member,member,... (player names or 0-based positions); repeatable",
    )
    ml.add_argument(
        "--observation",
        type=number,
        metavar="Q",
        help="probability of seeing an interaction between two others (default 1: public reputations)",
    )
    ml.add_argument(
        "--secretariat",
        type=number,
        metavar="R",
        help="a secretariat that records defections with reliability R and publishes them (default 0: none)",
    )
    ml.add_argument(
        "--secretariat-club",
        action="append",
        dest="secretariat_clubs",
        metavar="CLUB",
        help="only members of this club receive the secretariat's record; repeatable",
    )
    add_report_flag(run)
    run.set_defaults(handler=cmd_run)
