"""Run settings from a TOML file and/or command-line flags, validated in one place.

A config file (every key optional)::

    [tournament]
    players = ["Tit For Tat", "Grudger", "GTFT(generosity=0.2)", { name = "Random", p = 0.3 }]
    turns = 200          # or prob_end = 0.00346 (turns then caps the length)
    noise = 0.0
    repetitions = 10
    seed = 1
    game = { R = 3, S = 0, T = 5, P = 1 }   # or [3, 0, 5, 1] or "3,0,5,1"

    [output]
    file = "results.csv"   # .csv / .parquet / .json, relative to the config file
    rank_by = "score"      # one of cooptourney.results.RANK_BY

    [plugins]
    files = ["my_strategies.py"]   # relative to the config file

:func:`load_config` turns a file plus flag overrides into a :class:`RunConfig`;
anything wrong raises :class:`ConfigError` with a one-line message that names the
file and key, and suggests the intended key or strategy name where it can.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cooptourney.game import Game
from cooptourney.players import Player
from cooptourney.registry import REGISTRY, load_plugin
from cooptourney.results import RANK_BY
from cooptourney.settings import (
    SettingsError,
    check_length,
    check_positive_int,
    check_probability,
    check_seed,
)

#: Axelrod's first tournament (1980), in the order and spelling of ``axelrod.axelrod_first_strategies``.
AXELROD_FIRST_TOURNAMENT = (
    "Tit For Tat",
    "First by Tideman and Chieruzzi",
    "First by Nydegger",
    "First by Grofman",
    "First by Shubik",
    "First by Stein and Rapoport",
    "Grudger",
    "First by Davis",
    "First by Graaskamp",
    "First by Downing",
    "First by Feld",
    "First by Joss",
    "First by Tullock",
    "First by Anonymous",
    "Random",
)

#: The other foundation strategies that complete the default field.
FOUNDATION_STRATEGIES = (
    "Cooperator",
    "Defector",
    "Alternator",
    "Suspicious Tit For Tat",
    "Tit For 2 Tats",
    "Two Tits For Tat",
    "Win-Stay Lose-Shift",
    "Generous Tit For Tat",
    "Anti Tit For Tat",
    "Bully",
)

#: The documented default tournament: what ``cooptourney run`` plays without a config or flags.
DEFAULT_TOURNAMENT: Mapping[str, Any] = {
    "players": AXELROD_FIRST_TOURNAMENT + FOUNDATION_STRATEGIES,
    "turns": 200,
    "prob_end": None,
    "noise": 0.0,
    "repetitions": 10,
    "seed": 0,
    "game": (3.0, 0.0, 5.0, 1.0),
}
DEFAULT_PLAYERS: tuple[str, ...] = DEFAULT_TOURNAMENT["players"]
DEFAULT_RANK_BY = "score"

OUTPUT_SUFFIXES = (".csv", ".parquet", ".json")

#: Allowed sections and their keys, in documentation order.
SCHEMA: Mapping[str, tuple[str, ...]] = {
    "tournament": ("players", "turns", "prob_end", "noise", "repetitions", "seed", "game", "mode"),
    "output": ("file", "rank_by"),
    "plugins": ("files",),
    "politics": ("s", "theta", "kappa", "rho", "profile", "profiles"),
    "multilateral": ("clubs", "observation", "secretariat", "secretariat_clubs", "self_play"),
}
MODES = ("pairwise", "multilateral")
#: Where each flat setting lives in a file, e.g. "turns" -> "tournament".
SECTION_OF = {key: section for section, keys in SCHEMA.items() for key in keys}
#: Flat setting names used by :func:`load_config` overrides ("file" is called "output").
_FLAT_NAME = {("output", "file"): "output", ("plugins", "files"): "plugins"}
#: Flat setting name -> its section, e.g. "output" -> "output", "turns" -> "tournament".
_SECTION = {_FLAT_NAME.get((s, k), k): s for s, keys in SCHEMA.items() for k in keys}


class ConfigError(SettingsError):
    """A config file or flag value is wrong; the message says where and what is allowed."""


@dataclass(frozen=True)
class RunConfig:
    """Validated settings of one tournament run (see :data:`DEFAULT_TOURNAMENT`)."""

    players: tuple[Player, ...]
    turns: int | None  # None: no cap (prob_end only)
    prob_end: float | None  # None: fixed length
    noise: float
    repetitions: int
    seed: int
    game: Game
    output: Path | None = None
    rank_by: str = DEFAULT_RANK_BY
    plugins: tuple[Path, ...] = ()
    #: Default players left out because they are not registered (yet).
    skipped_defaults: tuple[str, ...] = ()
    #: The politics/policy transformer ([politics] section), or None for the plain game.
    transformer: Any = None
    #: "pairwise" (the round robin) or "multilateral" (synchronous rounds, group information).
    mode: str = "pairwise"
    #: Keyword arguments of MultilateralTournament from the [multilateral] section.
    multilateral: Mapping[str, Any] = field(default_factory=dict)

    def tournament(self, **kwargs: Any):
        """The :class:`~cooptourney.tournament.Tournament` these settings describe (a
        :class:`~cooptourney.multilateral.MultilateralTournament` in multilateral mode)."""
        from cooptourney.tournament import Tournament

        if self.mode == "multilateral":
            from cooptourney.multilateral import MultilateralTournament

            return MultilateralTournament(
                list(self.players),
                turns=self.turns,
                prob_end=self.prob_end,
                noise=self.noise,
                repetitions=self.repetitions,
                seed=self.seed,
                game=self.game,
                transformer=self.transformer,
                **dict(self.multilateral),
                **kwargs,
            )
        return Tournament(
            list(self.players),
            turns=self.turns,
            prob_end=self.prob_end,
            noise=self.noise,
            repetitions=self.repetitions,
            seed=self.seed,
            game=self.game,
            transformer=self.transformer,
            **kwargs,
        )


# -- helpers ----------------------------------------------------------------------------
def unknown_key_message(key: str, allowed: Iterable[str], where: str) -> str:
    """``unknown key 'turn' in [tournament]; did you mean 'turns'? allowed: ...``."""
    allowed = list(allowed)
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown key {key!r} {where}{hint} (allowed: {', '.join(allowed)})"


def _type_name(value: Any) -> str:
    return {
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


class _Where:
    """Where a value came from: a file (named in error messages), a flag, or the defaults."""

    def __init__(self, origin: str = "", default: bool = False) -> None:
        self.origin = origin
        self.default = default

    def __call__(self, section: str | None = None) -> str:
        if not self.origin:
            return ""
        return f"{self.origin}: " + (f"[{section}] " if section else "")


def parse_game(value: Any) -> Game:
    """A Game from ``"3,0,5,1"``, ``[3, 0, 5, 1]``, ``{R = 3, S = 0, T = 5, P = 1}`` or a Game."""
    if isinstance(value, Game):
        return value
    if isinstance(value, str):
        return Game.parse(value)
    if isinstance(value, (list, tuple)):
        if len(value) != 4:
            raise ValueError(f"game must be four payoffs [R, S, T, P] (e.g. [3, 0, 5, 1]), got {list(value)!r}")
        return Game(*value)
    if isinstance(value, Mapping):
        payoffs = {}
        for k, v in value.items():
            if k.upper() not in ("R", "S", "T", "P"):
                raise ValueError(unknown_key_message(k, "RSTP", "in game"))
            payoffs[k.upper()] = v
        missing = [k for k in "RSTP" if k not in payoffs]
        if missing:
            raise ValueError(f"game is missing payoff {', '.join(missing)}; give all of R, S, T, P")
        return Game(**payoffs)
    raise ValueError(f"game must be R,S,T,P as a table, a list or a string, got {_type_name(value)}")


def parse_player(value: Any) -> Player:
    """A Player from ``"Name"``, ``"Name(key=value)"`` or a table ``{ name = "Name", key = value }``."""
    if isinstance(value, Player):
        return value
    if isinstance(value, str):
        return Player.parse(value)
    if isinstance(value, Mapping):
        params = dict(value)
        name = params.pop("name", None)
        if not isinstance(name, str):
            raise ValueError(f'a player table needs name = "Strategy Name", got {dict(value)!r}')
        return Player(name, **params)
    raise ValueError(f"a player is a name or a table {{ name = ..., param = value }}, got {_type_name(value)}")


def _string_list(name: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, (str, Path)) for v in value):
        raise ValueError(f"{name} must be a list of file names, got {value!r}")
    return [str(v) for v in value]


# -- reading a file ------------------------------------------------------------------------
def read_toml(path: str | Path, what: str = "config file", error: type[ConfigError] = ConfigError) -> dict[str, Any]:
    """Parse a TOML file; a missing, unreadable or malformed file raises ``error`` on one line."""
    path = Path(path)
    if not path.is_file():
        raise error(f"{what} {str(path)!r} does not exist")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read {what} {str(path)!r}: {exc}") from None


def read_config_file(path: str | Path) -> dict[str, Any]:
    """Read and check the structure of a TOML config; returns flat settings.

    Keys are those of :func:`load_config` (``output`` for ``[output] file``,
    ``plugins`` for ``[plugins] files``); file paths are made relative to the
    config file's directory. Values are checked by :func:`load_config`.
    """
    path = Path(path)
    data = read_toml(path)
    flat: dict[str, Any] = {}
    for section, table in data.items():
        if section not in SCHEMA:
            if not isinstance(table, dict) and section in SECTION_OF:
                raise ConfigError(f"{path}: key {section!r} belongs in section [{SECTION_OF[section]}]")
            close = difflib.get_close_matches(section, list(SCHEMA), n=1, cutoff=0.6)
            hint = f"; did you mean [{close[0]}]?" if close else ""
            allowed = ", ".join(f"[{s}]" for s in SCHEMA)
            raise ConfigError(f"{path}: unknown section [{section}]{hint} (allowed sections: {allowed})")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [{section}] must be a section (a table), got {_type_name(table)}")
        for key, value in table.items():
            if key not in SCHEMA[section]:
                raise ConfigError(f"{path}: " + unknown_key_message(key, SCHEMA[section], f"in [{section}]"))
            flat[_FLAT_NAME.get((section, key), key)] = value
    base = path.resolve().parent
    if "plugins" in flat:
        try:
            files = _string_list("files", flat["plugins"])
        except ValueError as exc:
            raise ConfigError(f"{path}: [plugins] {exc}") from None
        flat["plugins"] = [base / f for f in files]
    if "output" in flat:
        if not isinstance(flat["output"], str) or not flat["output"]:
            raise ConfigError(f"{path}: [output] file must be a file name, got {flat['output']!r}")
        flat["output"] = base / flat["output"]
    return flat


# -- validating ------------------------------------------------------------------------------
def load_config(path: str | Path | None = None, overrides: Mapping[str, Any] | None = None) -> RunConfig:
    """Settings from an optional TOML file, then flag ``overrides`` (``None`` values are ignored).

    Override keys: ``players``, ``turns``, ``prob_end``, ``noise``, ``repetitions``,
    ``seed``, ``game``, ``output``, ``rank_by``, ``plugins``. Plugins from flags are
    loaded in addition to those of the file; every other flag replaces the file's value.
    Unset values take :data:`DEFAULT_TOURNAMENT`. Plugins are imported (registering
    their strategies) before players are looked up.
    """
    file_values = read_config_file(path) if path is not None else {}
    flag_values = {k: v for k, v in (overrides or {}).items() if v is not None}
    for key in flag_values:
        if key not in _SECTION:
            raise ConfigError(unknown_key_message(key, _SECTION, "in settings"))

    def pick(key: str) -> tuple[Any, _Where]:
        """The value of a setting and where it came from: flag, else file, else default."""
        if key in flag_values:
            return flag_values[key], _Where()
        if key in file_values:
            return file_values[key], _Where(str(path))
        return DEFAULT_TOURNAMENT.get(key), _Where(default=True)

    def checked(key: str, check, *args):
        value, where = pick(key)
        if value is None:
            return None
        try:
            return check(*args, value)
        except (ValueError, LookupError) as exc:
            raise ConfigError(where(_SECTION[key]) + str(exc)) from None

    # plugins first: they may define the players
    file_plugins = load_plugins(file_values.get("plugins", []), origin=str(path))
    flag_plugins = load_plugins(flag_values.get("plugins", []))

    turns, prob_end = _length(pick("turns"), pick("prob_end"))
    players, skipped = _players(*pick("players"))
    return RunConfig(
        players=players,
        turns=turns,
        prob_end=prob_end,
        noise=checked("noise", check_probability, "noise"),
        repetitions=checked("repetitions", check_positive_int, "repetitions"),
        seed=checked("seed", _check_seed),
        game=checked("game", parse_game),
        output=checked("output", _check_output),
        rank_by=checked("rank_by", _check_rank_by) or DEFAULT_RANK_BY,
        plugins=tuple(file_plugins + flag_plugins),
        skipped_defaults=skipped,
        transformer=_transformer(pick, len(players)),
        **_multilateral(pick, players),
    )


def _multilateral(pick, players) -> dict[str, Any]:
    """``mode`` and the [multilateral] settings, checked; clubs are resolved against the players."""
    from cooptourney.multilateral import resolve_clubs

    mode, where = pick("mode")
    mode = mode or "pairwise"
    if mode not in MODES:
        raise ConfigError(where("tournament") + f"mode must be one of {', '.join(MODES)}, got {mode!r}")
    given = {k: pick(k) for k in SCHEMA["multilateral"]}
    settings = {k: v for k, (v, _) in given.items() if v is not None}
    if mode != "multilateral":
        if settings:
            key = next(iter(settings))
            raise ConfigError(
                given[key][1]("multilateral") + f"{key} applies only in multilateral mode: "
                'add mode = "multilateral" to [tournament] (or the flag --multilateral)'
            )
        return {"mode": mode}
    try:
        if "observation" in settings:
            settings["observation"] = check_probability("observation", settings["observation"])
        if "secretariat" in settings:
            settings["secretariat"] = check_probability("secretariat", settings["secretariat"])
        if "self_play" in settings and not isinstance(settings["self_play"], bool):
            raise ValueError(f"self_play must be true or false, got {settings['self_play']!r}")
        if "clubs" in settings:
            clubs = settings["clubs"]
            if not isinstance(clubs, Mapping):
                raise ValueError(f"clubs must be a table of club = [members], got {_type_name(clubs)}")
            resolve_clubs(list(players), clubs)
        if "secretariat_clubs" in settings:
            settings["secretariat_clubs"] = _string_list("secretariat_clubs", settings["secretariat_clubs"])
    except (ValueError, LookupError) as exc:
        where = next((w for v, w in given.values() if v is not None), _Where())
        raise ConfigError(where("multilateral") + str(exc)) from None
    return {"mode": mode, "multilateral": settings}


def _profile(value: Any):
    """A preset name or a table of ActorProfile fields -> ActorProfile."""
    from cooptourney.politics import ActorProfile

    if isinstance(value, str):
        return ActorProfile.preset(value)
    if isinstance(value, Mapping):
        allowed = ("k", "sensitivity", "term", "reelection", "memory", "ratification_failure")
        for key in value:
            if key not in allowed:
                raise ValueError(unknown_key_message(key, allowed, "in an actor profile"))
        return ActorProfile(**dict(value))
    raise ValueError(f"an actor profile is a preset name or a table of its fields, got {_type_name(value)}")


def _transformer(pick, n_players: int):
    """The [politics] settings as a Transformer; None when none is given."""
    from cooptourney.politics import Politicization, Transformer

    keys = SCHEMA["politics"]
    given = {k: pick(k) for k in keys}
    if all(v is None for v, _ in given.values()):
        return None
    try:
        pol = Politicization(**{k: given[k][0] for k in ("s", "theta", "kappa", "rho") if given[k][0] is not None})
        single, many = given["profile"][0], given["profiles"][0]
        if single is not None and many is not None:
            raise ValueError("give either profile (one for all players) or profiles (one per player), not both")
        if many is not None:
            if isinstance(many, (str, Mapping)) or not isinstance(many, (list, tuple)):
                raise ValueError(f"profiles must be a list with one profile per player, got {_type_name(many)}")
            profiles = tuple(_profile(v) for v in many)
            if len(profiles) != n_players:
                raise ValueError(f"profiles has {len(profiles)} entries for {n_players} players")
        else:
            profiles = _profile(single if single is not None else "neutral")
        return Transformer(profiles=profiles, politicization=pol)
    except (ValueError, LookupError, TypeError) as exc:
        where = next((w for v, w in given.values() if v is not None), _Where())
        raise ConfigError(where("politics") + str(exc)) from None


def _length(turns: tuple[Any, _Where], prob_end: tuple[Any, _Where]) -> tuple[int | None, float | None]:
    """(turns, prob_end) with None for "not used"; ``turns`` caps the length under ``prob_end``.

    The default length applies only when neither is given anywhere (a ``prob_end``
    alone means no cap).
    """
    (t, where_t), (p, where_p) = turns, prob_end
    if p and where_t.default:
        t = None  # default turns do not cap a prob_end given by the user
    try:
        t, p = check_length(t, p)
    except ValueError as exc:
        where = where_p if str(exc).startswith("prob_end") else where_t
        raise ConfigError(where("tournament") + str(exc)) from None
    return (t or None), (p or None)


def _check_seed(value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return check_seed(value)


def _check_rank_by(value: Any) -> str:
    if value not in RANK_BY:
        raise ValueError(f"rank_by must be one of {', '.join(RANK_BY)}, got {value!r}")
    return value


def _check_output(value: Any) -> Path:
    if not isinstance(value, (str, Path)) or not str(value):
        raise ValueError(f"output file must be a file name, got {value!r}")
    path = Path(value)
    if path.suffix.lower() not in OUTPUT_SUFFIXES:
        raise ValueError(f"cannot write {str(path)!r}: the output file name must end in {', '.join(OUTPUT_SUFFIXES)}")
    return path


def load_plugins(paths: Iterable[str | Path], origin: str = "") -> list[Path]:
    """Import plugin files (each registers its strategies); ``origin`` names the config file."""
    where = _Where(origin)
    try:
        files = [Path(p) for p in _string_list("plugins", list(paths))]
    except ValueError as exc:
        raise ConfigError(where("plugins") + str(exc)) from None
    for path in files:
        if not path.is_file():
            raise ConfigError(where("plugins") + f"plugin file {str(path)!r} does not exist")
        try:
            load_plugin(path)
        except Exception as exc:  # a plugin is user code: any failure is reported on one line
            detail = " ".join(str(exc).split())
            raise ConfigError(
                where("plugins")
                + f"cannot load plugin {str(path)!r}: {type(exc).__name__}"
                + (f": {detail}" if detail else "")
            ) from None
    return files


def _players(value: Any, where: _Where) -> tuple[tuple[Player, ...], tuple[str, ...]]:
    """The players, or the default field minus names not registered (reported as skipped)."""
    if where.default:
        present = [n for n in DEFAULT_PLAYERS if n in REGISTRY]
        skipped = tuple(n for n in DEFAULT_PLAYERS if n not in REGISTRY)
        return tuple(Player(n) for n in present), skipped
    if isinstance(value, (str, Mapping)) or not isinstance(value, (list, tuple)):
        raise ConfigError(where("tournament") + f"players must be a list of players, got {_type_name(value)}")
    if not value:
        raise ConfigError(where("tournament") + "players is empty; a tournament needs at least one player")
    players = []
    for k, item in enumerate(value):
        try:
            players.append(parse_player(item))
        except (ValueError, LookupError) as exc:
            label = f"players[{k}]: " if where.origin else ""
            raise ConfigError(where("tournament") + label + str(exc)) from None
    return tuple(players), ()


__all__ = [
    "AXELROD_FIRST_TOURNAMENT",
    "DEFAULT_PLAYERS",
    "DEFAULT_TOURNAMENT",
    "FOUNDATION_STRATEGIES",
    "SCHEMA",
    "ConfigError",
    "RunConfig",
    "load_config",
    "load_plugins",
    "parse_game",
    "parse_player",
    "read_config_file",
]
