"""``cooptourney evolve``: population dynamics, ecological, the Moran process or adaptive actors
(docs/reference/evolution.md).

::

    cooptourney evolve [CONFIG.toml] -p NAME ... [--method ecological|moran | --rule fermi|learning]
                       [--population N] [--initial C1,C2,...] [--generations G] [--mutation MU] [--runs R]
                       [--intensity W] [--forgetting PHI] [--shock G:NAME:COUNT]
                       [--graph complete|cycle|grid:WxH|edgelist:FILE] [--fitness material|perceived]
                       [--seed S] [--plot FILE.png] [--report FILE.html] ...
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path
from typing import Any

from cooptourney.cli.common import (
    EXIT_OK,
    UsageError,
    add_length_flags,
    add_plugin_flag,
    add_report_flag,
    check_output,
    check_plot_path,
    describe_game,
    describe_length,
    docs_url,
    game_note,
    players_from,
    plural,
    progress_wanted,
    save_plot,
    show,
    write_report,
)
from cooptourney.config import (
    ConfigError,
    load_plugins,
    parse_game,
    parse_player,
    read_toml,
    unknown_key_message,
)
from cooptourney.output.tables import ecological_table, moran_table
from cooptourney.settings import (
    check_length,
    check_memory,
    check_positive_int,
    check_probability,
    check_seed,
    check_work,
)

METHODS = ("moran", "ecological")
#: Keys of the [evolve] section of a config file (flag names with "_" for "-").
EVOLVE_KEYS = (
    "players",
    "method",
    "population",
    "initial",
    "generations",
    "mutation",
    "runs",
    "graph",
    "fitness",
    "selection",
    "intensity",
    "turns",
    "prob_end",
    "noise",
    "repetitions",
    "seed",
    "game",
    "profile",
    "s",
    "plot",
    "plugins",
    "report",
    "rule",
    "forgetting",
    "shock",
)
#: Only the Moran process uses these.
MORAN_ONLY = ("population", "initial", "mutation", "runs", "graph", "selection", "intensity")
DEFAULTS: dict[str, Any] = {
    "method": "moran",
    "turns": 200,
    "noise": 0.0,
    "seed": 0,
    "fitness": "material",
    "mutation": 0.0,
    "runs": 1000,
    "selection": "linear",
    "intensity": 1.0,
    "game": "3,0,5,1",
}
DEFAULT_REPETITIONS = {"moran": 100, "ecological": 10}
DEFAULT_POPULATION_PER_TYPE = 10
RULES = ("fermi", "learning")
#: Settings an adaptive population (--rule) does not take.
NOT_ADAPTIVE = ("method", "graph", "selection")
#: Settings only an adaptive population takes.
ADAPTIVE_ONLY = ("forgetting", "shock")
DEFAULT_ADAPTIVE_RUNS = 100


def read_evolve_config(path: str | Path) -> dict[str, Any]:
    """The [evolve] section of a TOML file as flat settings; paths made relative to the file."""
    path = Path(path)
    data = read_toml(path)
    for section, table in data.items():
        if section != "evolve":
            if not isinstance(table, dict) and section in EVOLVE_KEYS:
                raise ConfigError(f"{path}: key {section!r} belongs in section [evolve]")
            raise ConfigError(f"{path}: unknown section [{section}] (allowed sections: [evolve])")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [evolve] must be a section (a table)")
    table = data.get("evolve", {})
    for key in table:
        if key not in EVOLVE_KEYS:
            raise ConfigError(f"{path}: " + unknown_key_message(key, EVOLVE_KEYS, "in [evolve]"))
    values = dict(table)
    base = path.resolve().parent
    for key in ("plot", "report"):
        if key in values:
            if not isinstance(values[key], str) or not values[key]:
                raise ConfigError(f"{path}: [evolve] {key} must be a file name, got {values[key]!r}")
            values[key] = str(base / values[key])
    if "plugins" in values:
        files = values["plugins"]
        if isinstance(files, str):
            files = [files]
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise ConfigError(f"{path}: [evolve] plugins must be a list of file names")
        values["plugins"] = [str(base / f) for f in files]
    if isinstance(values.get("graph"), str) and values["graph"].strip().lower().startswith("edgelist:"):
        values["graph"] = "edgelist:" + str(base / values["graph"].split(":", 1)[1])
    if isinstance(values.get("initial"), list):
        values["initial"] = ",".join(str(v) for v in values["initial"])
    values["_origin"] = str(path)
    return values


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    """Flags over file over defaults; ``given`` records what the user set."""
    file_values = read_evolve_config(args.config) if args.config else {}
    origin = file_values.pop("_origin", "")
    flags = {k: getattr(args, k) for k in EVOLVE_KEYS if getattr(args, k, None) is not None}
    if "players" in flags:
        flags["players"] = players_from(flags["players"])
    values = {**DEFAULTS, **file_values, **flags}
    if "plugins" in file_values and "plugins" in flags:
        values["plugins"] = list(file_values["plugins"]) + list(flags["plugins"])
    values["_given"] = set(file_values) | set(flags)
    values["_origin"] = origin
    return values


def _whole(name: str, value: Any, low: int) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise UsageError(f"{name} must be a whole number >= {low}, got {value!r}")
    if value < low:
        raise UsageError(f"{name} must be at least {low}, got {value}")
    return value


def cmd_evolve(args: argparse.Namespace) -> int:
    """Run ecological dynamics or the Moran process; print the table; write the plot and report."""
    from cooptourney.evolution import MoranProcess, ecological, graph_from_spec
    from cooptourney.output.plots import plot_shares
    from cooptourney.output.report import check_report_path, evolution_report
    from cooptourney.politics import ActorProfile, Politicization, Transformer
    from cooptourney.tournament import Tournament

    s = _settings(args)
    given = s["_given"]
    report = s.get("report")
    if report is not None:
        if not isinstance(report, str) or not report:
            raise UsageError(f"report must be a file name, got {report!r}")
        check_report_path(report)
        check_output(report, "report")
    printed: list[str] = []  # what this command prints, repeated in the HTML report

    def say(text: str = "") -> None:
        show(text)
        printed.append(text)

    if "rule" in given:
        return _cmd_adaptive(s, args)
    extra = [k for k in ADAPTIVE_ONLY if k in given]
    if extra:
        raise UsageError(f"{extra[0]} applies to adaptive actors only (--rule fermi or --rule learning)")
    method = s["method"]
    if method not in METHODS:
        raise UsageError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    if method == "ecological":
        extra = [k for k in MORAN_ONLY if k in given]
        if extra:
            raise UsageError(
                f"{extra[0]} applies to --method moran only (ecological dynamics are deterministic "
                "shares of an infinite population)"
            )
    load_plugins(s.get("plugins") or [])
    players = _players(s)
    labels = [p.name for p in players]
    turns, prob_end = check_length(
        s.get("turns") if "prob_end" not in given or "turns" in given else None, s.get("prob_end")
    )
    noise = check_probability("noise", s["noise"])
    seed = check_seed(int(s["seed"]) if isinstance(s["seed"], float) and s["seed"].is_integer() else s["seed"])
    game = parse_game(s["game"])
    repetitions = check_positive_int("repetitions", s.get("repetitions", DEFAULT_REPETITIONS[method]))
    fitness = s["fitness"]
    if fitness not in ("material", "perceived"):
        raise UsageError(f"fitness must be material or perceived, got {fitness!r}")
    transformer = None
    if "profile" in given or "s" in given:
        profile = ActorProfile.preset(s.get("profile", "neutral"))
        transformer = Transformer(profile, Politicization(s=s.get("s", 0.0)))
    length = describe_length(turns or None, prob_end or None)
    matches = f"matches of {length}, noise {noise:g}, {describe_game(game)}"
    plot = s.get("plot")
    if plot is not None and (not isinstance(plot, str) or not plot):
        raise UsageError(f"plot must be a file name, got {plot!r}")
    check_plot_path(plot)
    started = time.perf_counter()
    fitness_text = {"material": "material payoff", "perceived": "perceived utility"}[fitness]
    if fitness == "perceived" and transformer is None:
        fitness_text += " (no transformer given: equal to the material payoff; use --profile/--s)"
    if method == "ecological":
        generations = _whole("generations", s.get("generations", 1000), 1)
        what = f"{generations:,} generations of {len(players)} shares"
        check_memory(what, (generations + 1) * len(players) * 16)
        check_work(what, generations * len(players) ** 2)
        t = Tournament(
            players,
            turns=turns or None,
            prob_end=prob_end or None,
            noise=noise,
            repetitions=repetitions,
            seed=seed,
            game=game,
            transformer=transformer,
        )
        say(
            f"Ecological dynamics: {plural(len(players), 'player')}; payoff matrix from a tournament of "
            f"{matches}, {plural(repetitions, 'repetition')}, seed {seed}; fitness: {fitness_text}."
        )
        note = game_note(game)
        if note:
            say(note)
        res = t.play(progress=progress_wanted(args))
        A = res.payoff_matrix if fitness == "material" else res.utility_matrix_per_turn
        shift = max(0.0, -float(A.min()))
        eco = ecological(res, generations=generations, fitness=fitness, shift=shift)
        if shift:
            say(f"note: payoffs shifted by +{shift:g} so that all are >= 0 (a constant moves no rest point).")
        say()
        say(ecological_table(eco))
        say()
        conv = (
            f"converged by generation {eco.converged_at} (no share moves by {eco.tol:g} or more)"
            if eco.converged
            else f"not converged after {generations} generations"
        )
        say(
            f"Shares after {plural(generations, 'generation')}: in each generation a strategy's share "
            "grows in proportion to its mean payoff against the population as it is (the replicator "
            f"dynamics); {conv}. Deterministic given the payoff matrix. "
            f"{time.perf_counter() - started:.2f} s."
        )
        result = eco
    else:
        runs = _whole("runs", s["runs"], 1)
        mutation = s["mutation"]
        if (
            isinstance(mutation, bool)
            or not isinstance(mutation, (int, float))
            or not 0 <= mutation <= 1
            or math.isnan(mutation)
        ):
            raise UsageError(f"mutation must be a rate in [0, 1], got {mutation!r}")
        graph_spec = s.get("graph", "complete")
        counts = _initial_counts(s, len(players), graph_spec)
        N = int(sum(counts))
        graph = None
        if str(graph_spec).strip().lower() != "complete":
            graph = graph_from_spec(graph_spec, N)
            if graph.number_of_nodes() != N:
                raise UsageError(f"graph {graph_spec} has {graph.number_of_nodes()} nodes but the population is {N}")
        generations = None if "generations" not in given else _whole("generations", s["generations"], 1)
        mp = MoranProcess(
            {p: c for p, c in zip(players, counts)},
            turns=turns or None,
            prob_end=prob_end or None,
            noise=noise,
            game=game,
            transformer=transformer,
            repetitions=repetitions,
            fitness=fitness,
            selection=s["selection"],
            intensity=s["intensity"],
            mutation_rate=float(mutation),
            interaction_graph=graph,
            seed=seed,
        )
        mp.check_size(runs, generations)
        say(
            f"Moran process (birth-death): N = {N} ("
            + ", ".join(f"{p.name} {c}" for p, c in zip(players, counts))
            + f"), {plural(runs, 'run')}, "
            f"{'complete graph' if graph is None else f'graph {graph_spec}'}, mutation {float(mutation):g}, seed {seed}."
        )
        mapping = (
            ""
            if mp.selection == "linear" and mp.intensity == 1.0
            else f", mapped to 1 - w + w x with w = {mp.intensity:g}"
            if mp.selection == "linear"
            else f", mapped to exp(w x) with w = {mp.intensity:g}"
        )
        say(f"Fitness: {fitness_text}, total over interactions per generation{mapping}; {matches}.")
        note = game_note(game)
        if note:
            say(note)
        res = mp.play(runs=runs, generations=generations, progress=progress_wanted(args))
        say(f"Interaction payoffs: {res.settings['payoffs']}.")
        say()
        say(moran_table(res))
        say()
        stop = (
            "runs stop at fixation"
            if mp.stop_on_fixation
            else "with mutation no type stays fixed, so every run lasts all generations"
        )
        if mp.stop_on_fixation:
            say(
                f"{res.runs - res.unfixed} of {plural(res.runs, 'run')} fixed within {res.settings['generations']} "
                f"generations ({stop}); fixation probability = fraction of runs, SE = sqrt(p(1-p)/runs); final "
                f"share = mean over runs +- SE. {time.perf_counter() - started:.2f} s."
            )
        else:
            say(
                f"Every run lasted {res.settings['generations']} generations ({stop}); final share = mean over "
                f"runs +- SE. {time.perf_counter() - started:.2f} s."
            )
        result = res
    if plot is not None:
        code = save_plot(plot_shares, result, plot)
        if code != EXIT_OK:
            return code
        say(f"Wrote the plot of population shares to {plot} (PNG).")
    if report is not None:
        settings = {k: v for k, v in s.items() if not k.startswith("_") and k != "report"}
        settings.update(
            players=labels,
            method=method,
            seed=seed,
            noise=noise,
            turns=turns or None,
            prob_end=prob_end or None,
            repetitions=repetitions,
            fitness=fitness,
            game=[game.R, game.S, game.T, game.P],
        )
        return write_report(
            lambda: evolution_report(result, report, console="\n".join(printed), settings=settings), report
        )
    return EXIT_OK


def _players(s: dict[str, Any]) -> list:
    names = s.get("players")
    if not names:
        raise UsageError("give the players: --players NAME NAME ... (or players = [...] in [evolve])")
    if isinstance(names, str) or not isinstance(names, list):
        raise UsageError(f"players must be a list of players, got {names!r}")
    players = [parse_player(item) for item in names]
    labels = [p.name for p in players]
    dup = next((n for n in labels if labels.count(n) > 1), None)
    if dup is not None:
        raise UsageError(f"player {dup!r} is given twice; give each type once")
    if len(players) < 2:
        raise UsageError("evolution needs at least 2 players (types)")
    return players


def _shocks(specs: Any, labels: list[str]) -> dict[int, dict[str, int]]:
    """``G:NAME:COUNT`` or ``G1-G2:NAME:COUNT`` texts as {generation: {name: COUNT}}.

    NAME is a player as given or its full name; a range G1-G2 repeats the shock at every
    generation from G1 to G2 - 1 (a sustained invasion)."""
    if specs is None:
        return {}
    if isinstance(specs, str):
        specs = [specs]
    if not isinstance(specs, list):
        raise UsageError(f"shock must be G:NAME:COUNT (or a list of them), got {specs!r}")
    out: dict[int, dict[str, int]] = {}
    for text in specs:
        parts = str(text).split(":")
        if len(parts) != 3:
            raise UsageError(
                f"shock must be G:NAME:COUNT or G1-G2:NAME:COUNT (generations, player, actors), got {text!r}"
            )
        try:
            first, _, last = parts[0].partition("-")
            g1 = int(first)
            g2 = int(last) if last else g1 + 1
            count = int(parts[2])
        except ValueError:
            raise UsageError(f"shock must be G:NAME:COUNT with whole numbers G and COUNT, got {text!r}") from None
        if g2 <= g1:
            raise UsageError(f"a shock's generations G1-G2 need G1 < G2, got {parts[0]!r}")
        name = parse_player(parts[1].strip()).name
        if name not in labels:
            raise UsageError(f"shock player {parts[1]!r} is not one of the players ({', '.join(labels)})")
        for g in range(g1, g2):
            if g in out:
                raise UsageError(f"two shocks at generation {g}: one per generation")
            out[g] = {name: count}
    return out


def _cmd_adaptive(s: dict[str, Any], args: argparse.Namespace) -> int:
    """Adaptive actors (--rule fermi|learning): print the setting, the shares by tag and by type."""
    from cooptourney.evolution import AdaptivePopulation
    from cooptourney.output.plots import adaptive_shares
    from cooptourney.politics import ActorProfile, Politicization, Transformer
    from cooptourney.settings import SettingsError

    printed: list[str] = []  # what this command prints, repeated in the HTML report

    def say(text: str = "") -> None:
        show(text)
        printed.append(text)

    given = s["_given"]
    rule = s["rule"]
    if rule not in RULES:
        raise UsageError(f"rule must be one of {', '.join(RULES)}, got {rule!r}")
    extra = [k for k in NOT_ADAPTIVE if k in given]
    if extra:
        raise UsageError(
            f"{extra[0]} does not apply to adaptive actors (--rule); it belongs to --method moran/ecological"
        )
    if rule == "learning" and "intensity" in given:
        raise UsageError("intensity applies to --rule fermi only (Roth-Erev learning has no selection intensity)")
    if rule == "fermi" and "forgetting" in given:
        raise UsageError("forgetting applies to --rule learning only")
    load_plugins(s.get("plugins") or [])
    players = _players(s)
    labels = [p.name for p in players]
    turns, prob_end = check_length(
        s.get("turns") if "prob_end" not in given or "turns" in given else None, s.get("prob_end")
    )
    noise = check_probability("noise", s["noise"])
    seed = check_seed(int(s["seed"]) if isinstance(s["seed"], float) and s["seed"].is_integer() else s["seed"])
    game = parse_game(s["game"])
    repetitions = check_positive_int("repetitions", s.get("repetitions", DEFAULT_REPETITIONS["ecological"]))
    fitness = s["fitness"]
    if fitness not in ("material", "perceived"):
        raise UsageError(f"fitness must be material or perceived, got {fitness!r}")
    transformer = None
    if "profile" in given or "s" in given:
        transformer = Transformer(ActorProfile.preset(s.get("profile", "neutral")), Politicization(s=s.get("s", 0.0)))
    counts = _initial_counts(s, len(players), "complete")
    generations = _whole("generations", s.get("generations", 1000), 1)
    runs = _whole("runs", s["runs"] if "runs" in given else DEFAULT_ADAPTIVE_RUNS, 1)
    shocks = _shocks(s.get("shock"), labels)
    plot = s.get("plot")
    if plot is not None and (not isinstance(plot, str) or not plot):
        raise UsageError(f"plot must be a file name, got {plot!r}")
    mutation = s["mutation"]
    if isinstance(mutation, bool) or not isinstance(mutation, (int, float)) or not 0 <= mutation <= 1:
        raise UsageError(f"mutation (the exploration rate of --rule) must be a rate in [0, 1], got {mutation!r}")
    try:
        pop = AdaptivePopulation(
            {p: c for p, c in zip(players, counts)},
            rule=rule,
            intensity=s["intensity"] if rule == "fermi" else None,
            exploration=float(mutation),
            forgetting=s.get("forgetting"),
            fitness=fitness,
            transformer=transformer,
            turns=turns or None,
            prob_end=prob_end or None,
            noise=noise,
            repetitions=repetitions,
            game=game,
            seed=seed,
        )
        pop._shocks(shocks or None, generations)  # refuse a bad shock before printing anything
        started = time.perf_counter()
        length = describe_length(turns or None, prob_end or None)
        fitness_text = {"material": "material payoff", "perceived": "perceived utility"}[fitness]
        if fitness == "perceived" and transformer is None:
            fitness_text += " (no transformer given: equal to the material payoff; use --profile/--s)"
        N = int(sum(counts))
        if rule == "fermi":
            how = (
                f"imitation by pairwise comparison (Fermi rule, Traulsen, Nowak & Pacheco 2006), selection "
                f"intensity {pop.intensity:g}, exploration {pop.exploration:g}"
            )
        else:
            how = (
                f"Roth-Erev reinforcement learning (Erev & Roth 1998), forgetting {pop.forgetting:g}, "
                f"experimentation {pop.exploration:g}, initial strength {pop.strength:g}"
            )
        say(
            f"Adaptive actors: N = {N} ("
            + ", ".join(f"{p.name} {c}" for p, c in zip(players, counts))
            + f"), {how}; {plural(runs, 'run')} of {plural(generations, 'generation')}, seed {seed}."
        )
        say(
            f"Fitness: {fitness_text}, per turn, averaged over the other N - 1 actors, from a round robin "
            f"of matches of {length}, noise {noise:g}, {describe_game(game)}, {plural(repetitions, 'repetition')}"
            + (
                ""
                if transformer is None
                else f"; politics: profile {s.get('profile', 'neutral')}, politicization s = {s.get('s', 0.0):g}"
            )
            + "."
        )
        note = game_note(game)
        if note:
            say(note)
        res = pop.run(generations, runs=runs, shocks=shocks or None, progress=progress_wanted(args))
    except SettingsError as exc:
        raise UsageError(str(exc)) from None
    for text in [s.get("shock")] if isinstance(s.get("shock"), str) else s.get("shock") or []:
        g, name, c = str(text).split(":")
        g1, _, g2 = g.partition("-")
        when = f"every generation from {g1} to {int(g2) - 1}" if g2 else f"generation {g1}"
        say(f"Shock: at {when}, {c} actors replaced by {parse_player(name.strip()).name}.")
    say()
    tags = res.tag_shares()
    starts = {g for g in shocks if g - 1 not in shocks} | {g + 1 for g in shocks if g + 1 not in shocks}
    marks = sorted({0, generations // 4, generations // 2, 3 * generations // 4, generations} | starts)
    marks = [g for g in marks if g <= generations]
    say(f"Share of actors by reciprocity tag (mean over {plural(runs, 'run')}; fitness: {res.fitness}):")
    say(tags.loc[marks].to_string(float_format=lambda x: f"{x:.3f}"))
    say()
    table = res.summary()
    if rule == "learning" or not res.settings["stop_on_fixation"]:
        table = table.drop(columns="fixation_probability")
    say(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    say()
    if res.settings["stop_on_fixation"]:
        say(
            f"{int((res.fixed >= 0).sum())} of {plural(runs, 'run')} fixed within {generations} generations "
            "(imitation without exploration stops at one type); fixation probability = fraction of runs."
        )
    say(f"Final share = mean over runs +- SE. {time.perf_counter() - started:.2f} s.")
    if plot is not None:
        code = save_plot(adaptive_shares, res, plot)
        if code != EXIT_OK:
            return code
        say(f"Wrote the plot of shares by reciprocity tag to {plot} (PNG).")
    report = s.get("report")
    if report is not None:
        from cooptourney.output.adaptive_report import adaptive_report

        command = _adaptive_command(s, players, counts, generations, runs, seed)
        return write_report(lambda: adaptive_report(res, report, command=command, console="\n".join(printed)), report)
    return EXIT_OK


def _adaptive_command(
    s: dict[str, Any], players: list, counts: list[int], generations: int, runs: int, seed: int
) -> str:
    """The ``cooptourney evolve`` command line that reproduces an adaptive run (every
    setting spelled out, the defaults included, so that it does not depend on a config file)."""
    import shlex

    given = s["_given"]
    argv = ["cooptourney", "evolve", "-p", *[p.name for p in players], "--rule", s["rule"]]
    argv += ["--initial", ",".join(str(c) for c in counts), "--generations", str(generations), "--runs", str(runs)]
    if s["rule"] == "fermi":
        argv += ["--intensity", f"{float(s['intensity']):g}"]
    elif s.get("forgetting") is not None:
        argv += ["--forgetting", f"{float(s['forgetting']):g}"]
    argv += ["--mutation", f"{float(s['mutation']):g}"]
    if "prob_end" in given:
        argv += ["--prob-end", f"{float(s['prob_end']):g}"]
    if "turns" in given or "prob_end" not in given:
        argv += ["--turns", str(s["turns"])]  # with --prob-end, the cap on the length
    argv += [
        "--noise",
        f"{float(s['noise']):g}",
        "--repetitions",
        str(s.get("repetitions", DEFAULT_REPETITIONS["ecological"])),
    ]
    game = s["game"]
    argv += ["--game", game if isinstance(game, str) else ",".join(f"{float(x):g}" for x in game)]
    argv += ["--fitness", s["fitness"]]
    if "profile" in given:
        argv += ["--profile", str(s["profile"])]
    if "s" in given:
        argv += ["--s", f"{float(s['s']):g}"]
    shocks = s.get("shock")
    for text in [shocks] if isinstance(shocks, str) else shocks or []:
        argv += ["--shock", str(text)]
    for plugin in s.get("plugins") or []:
        argv += ["--plugin", str(plugin)]
    argv += ["--seed", str(seed)]
    if s.get("plot") is not None:
        argv += ["--plot", str(s["plot"])]
    argv += ["--report", str(s["report"])]
    return shlex.join(argv)


def _check_grid(graph_spec: Any) -> None:
    """Refuse a grid:WxH too large to build (networkx keeps about 1 KiB per node)."""
    text = str(graph_spec).strip().lower()
    if text.startswith("grid:"):
        w, _, h = text[5:].partition("x")
        if w.strip().isdigit() and h.strip().isdigit():
            check_memory(f"graph {graph_spec}", int(w) * int(h) * 1024)


def _initial_counts(s: dict[str, Any], K: int, graph_spec: Any) -> list[int]:
    """Individuals per type from --initial, else --population split evenly (the first types get the remainder)."""
    _check_grid(graph_spec)
    population = s.get("population")
    if population is not None:
        population = _whole("population", population, 2)
    if (
        isinstance(graph_spec, str)
        and graph_spec.strip().lower().startswith("grid:")
        and population is None
        and "initial" not in s
    ):
        from cooptourney.evolution import graph_from_spec

        population = graph_from_spec(graph_spec).number_of_nodes()
        if population < 2:
            raise UsageError(f"population must be at least 2, got {population} (graph {graph_spec})")
    if "initial" in s and s["initial"] is not None:
        text = str(s["initial"])
        try:
            counts = [int(x) for x in text.split(",")]
        except ValueError:
            raise UsageError(
                f"initial must be whole numbers separated by commas, one per player, got {text!r}"
            ) from None
        if len(counts) != K:
            raise UsageError(f"initial has {len(counts)} counts for {plural(K, 'player')}: give one per player")
        if min(counts) < 0:
            raise UsageError(f"initial counts must be >= 0, got {text!r}")
        if population is not None and sum(counts) != population:
            raise UsageError(f"initial counts sum to {sum(counts)} but the population is {population}")
        if sum(counts) < 2:
            raise UsageError(f"population must be at least 2, got {sum(counts)}")
        return counts
    if population is None:
        population = DEFAULT_POPULATION_PER_TYPE * K
    if population < K:
        raise UsageError(
            f"population {population} is smaller than the number of players ({K}); give --initial to leave some out"
        )
    base, extra = divmod(population, K)
    return [base + (1 if k < extra else 0) for k in range(K)]


def rate(text: str) -> float:
    """argparse type of a rate: any number (its range is checked where it is used)."""
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None


def register(sub) -> None:
    """Add ``evolve`` to the ``cooptourney`` subcommands."""
    ev = sub.add_parser(
        "evolve",
        help="population dynamics: ecological (replicator) dynamics, the Moran process or adaptive actors",
        description="Evolve a population of strategies: Axelrod's ecological dynamics on the tournament payoff "
        "matrix, or the birth-death Moran process in a finite population (fixation probabilities "
        "over many runs), or adaptive actors who imitate (--rule fermi) or learn (--rule learning). "
        f"Reference: {docs_url('reference/evolution.md')}",
    )
    ev.add_argument(
        "config", nargs="?", metavar="CONFIG.toml", help="settings file with an [evolve] section; flags override it"
    )
    ev.add_argument(
        "-p",
        "--players",
        nargs="+",
        action="extend",
        metavar="NAME",
        help="the types, e.g. TFT ALLD; @FILE reads names from FILE, one a line",
    )
    ev.add_argument("--method", choices=METHODS, metavar="METHOD", help="moran (default) or ecological")
    ev.add_argument(
        "--rule",
        choices=RULES,
        metavar="RULE",
        help="adaptive actors instead of --method: fermi (imitation by pairwise comparison) or learning "
        "(Roth-Erev reinforcement); --mutation is then the exploration rate",
    )
    ev.add_argument(
        "--forgetting", type=rate, metavar="PHI", help="--rule learning: forgetting in [0, 1) (default 0.1)"
    )
    ev.add_argument(
        "--shock",
        action="append",
        metavar="G:NAME:COUNT",
        help="--rule: at generation G (or every generation G1 to G2 - 1 with G1-G2), COUNT actors are "
        "replaced by NAME (repeatable)",
    )
    ev.add_argument("--population", type=int, metavar="N", help="Moran: individuals, N >= 2 (default 10 per player)")
    ev.add_argument(
        "--initial",
        metavar="C1,C2,...",
        help="Moran: individuals of each player at the start, e.g. 19,1 (default: the population split evenly)",
    )
    ev.add_argument(
        "--generations",
        type=int,
        metavar="G",
        help="generations (Moran: birth-death steps per run at most, default max(1000, 10 N^2) without "
        "mutation; ecological: default 1000)",
    )
    ev.add_argument("--mutation", type=rate, metavar="MU", help="Moran: mutation rate in [0, 1] (default 0)")
    ev.add_argument("--runs", type=int, metavar="R", help="Moran: independent runs (default 1000)")
    ev.add_argument(
        "--graph",
        metavar="GRAPH",
        help="Moran: interaction graph complete (default), cycle, grid:WxH or edgelist:FILE; offspring "
        "replace a neighbour or the parent",
    )
    ev.add_argument(
        "--fitness",
        choices=("material", "perceived"),
        metavar="KIND",
        help="material payoff (default) or perceived utility under --profile/--s",
    )
    ev.add_argument(
        "--selection",
        choices=("linear", "exponential"),
        metavar="MAP",
        help="Moran: fitness 1 - w + w * payoff (linear, default) or exp(w * payoff)",
    )
    ev.add_argument("--intensity", type=rate, metavar="W", help="Moran: selection intensity w > 0 (default 1)")
    add_length_flags(ev)
    ev.add_argument(
        "--repetitions",
        type=int,
        metavar="R",
        help="matches per pair of players (Moran: the payoff pool, default 100, 1 when matches are "
        "deterministic; ecological: default 10)",
    )
    ev.add_argument("--profile", metavar="NAME", help="actor profile for every player (politics transformer)")
    ev.add_argument("--s", type=float, metavar="S", help="issue politicization in [0, 1] (politics transformer)")
    ev.add_argument("--plot", metavar="FILE.png", help="save a plot of the population shares over time")
    add_report_flag(ev)
    add_plugin_flag(ev)
    ev.add_argument("--no-progress", action="store_true", dest="no_progress", help="no progress bar")
    ev.set_defaults(handler=cmd_evolve)
