"""The config loader: TOML files and flag overrides -> one validated RunConfig."""

import textwrap
from pathlib import Path

import pytest

from cooptourney import REGISTRY, Game, Player, SettingsError
from cooptourney.config import (
    AXELROD_FIRST_TOURNAMENT,
    DEFAULT_PLAYERS,
    DEFAULT_TOURNAMENT,
    ConfigError,
    RunConfig,
    load_config,
    parse_game,
    read_config_file,
)
from cooptourney.tournament import Tournament

PLUGIN = '''
from cooptourney.strategy_api import strategy, C, D


@strategy("Config Test Alternator", reciprocity="other", memory_depth=0)
def config_test_alternator(my, opp, t, state, params, info, rng):
    """Defects on odd turns.

    other: a fixed pattern.
    """
    return D if t % 2 == 1 else C
'''


def write(tmp_path: Path, text: str, name: str = "run.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def error_of(tmp_path, text, **overrides) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text), overrides or None)
    message = str(info.value)
    assert "\n" not in message
    return message


# -- defaults ------------------------------------------------------------------------------
def test_default_players_are_axelrods_first_tournament_then_the_foundation_strategies():
    assert len(DEFAULT_PLAYERS) == 25
    assert DEFAULT_PLAYERS[:15] == AXELROD_FIRST_TOURNAMENT
    assert DEFAULT_PLAYERS[15:] == (
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
    assert len(set(DEFAULT_PLAYERS)) == 25


def test_first_tournament_names_are_spelled_as_axelrod_spells_them():
    axl = pytest.importorskip("axelrod")
    assert tuple(s.name for s in axl.axelrod_first_strategies) == AXELROD_FIRST_TOURNAMENT


def test_defaults_without_file_or_flags():
    cfg = load_config()
    registered = [n for n in DEFAULT_PLAYERS if n in REGISTRY]
    assert [p.name for p in cfg.players] == registered
    assert cfg.skipped_defaults == tuple(n for n in DEFAULT_PLAYERS if n not in REGISTRY)
    assert (cfg.turns, cfg.prob_end, cfg.noise, cfg.repetitions, cfg.seed) == (200, None, 0.0, 10, 0)
    assert cfg.game == Game(3, 0, 5, 1)
    assert (cfg.output, cfg.rank_by, cfg.plugins) == (None, "score", ())
    assert DEFAULT_TOURNAMENT["turns"] == 200 and DEFAULT_TOURNAMENT["repetitions"] == 10


def test_foundation_strategies_of_the_default_field_are_registered():
    missing = [n for n in DEFAULT_PLAYERS[15:] if n not in REGISTRY]
    assert missing == []


# -- a complete file -------------------------------------------------------------------------
def test_every_key_is_read(tmp_path, clean_registry):
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "mine.py").write_text(PLUGIN)
    path = write(
        tmp_path,
        """
        [tournament]
        players = ["Tit For Tat", "Grudger", "GTFT(generosity=0.2)", { name = "Random", p = 0.3 },
                   "Config Test Alternator"]
        turns = 20
        noise = 0.05
        repetitions = 3
        seed = 7
        game = { R = 4, S = 0, T = 6, P = 1 }
        [output]
        file = "out/results.csv"
        rank_by = "score_with_self_play"
        [plugins]
        files = ["plugins/mine.py"]
    """,
    )
    cfg = load_config(path)
    assert cfg.players == (
        Player("Tit For Tat"),
        Player("Grudger"),
        Player("Generous Tit For Tat", generosity=0.2),
        Player("Random", p=0.3),
        Player("Config Test Alternator"),
    )
    assert [p.name for p in cfg.players][2:4] == ["Generous Tit For Tat(generosity=0.2)", "Random(p=0.3)"]
    assert (cfg.turns, cfg.prob_end, cfg.noise, cfg.repetitions, cfg.seed) == (20, None, 0.05, 3, 7)
    assert cfg.game == Game(4, 0, 6, 1)
    # paths in a config file are relative to the file, not to the working directory
    assert cfg.output == tmp_path.resolve() / "out" / "results.csv"
    assert cfg.plugins == (tmp_path.resolve() / "plugins" / "mine.py",)
    assert cfg.rank_by == "score_with_self_play"
    assert cfg.skipped_defaults == ()


def test_flags_override_the_file_and_add_plugins(tmp_path, clean_registry):
    (tmp_path / "a.py").write_text(PLUGIN)
    path = write(
        tmp_path,
        """
        [tournament]
        players = ["Tit For Tat", "Grudger"]
        turns = 20
        noise = 0.1
        seed = 3
        [output]
        rank_by = "utility"
    """,
    )
    cfg = load_config(
        path,
        {
            "turns": 5,
            "seed": 4,
            "players": ["Defector"],
            "rank_by": None,
            "plugins": [str(tmp_path / "a.py")],
            "game": "2,0,3,1",
        },
    )
    assert (cfg.turns, cfg.seed, cfg.noise, cfg.rank_by) == (5, 4, 0.1, "utility")
    assert cfg.players == (Player("Defector"),)
    assert cfg.game == Game(2, 0, 3, 1)
    assert "Config Test Alternator" in REGISTRY


def test_file_and_flags_give_equal_configs(tmp_path):
    path = write(
        tmp_path,
        """
        [tournament]
        players = ["TFT", "Random(p=0.25)"]
        prob_end = 0.1
        turns = 30
        noise = 0.02
        repetitions = 2
        seed = 11
        game = [3, 0, 5, 1]
        [output]
        file = "r.json"
    """,
    )
    flags = dict(
        players=["Tit For Tat", {"name": "Random", "p": 0.25}],
        prob_end=0.1,
        turns=30,
        noise=0.02,
        repetitions=2,
        seed=11,
        game="3,0,5,1",
        output=str(tmp_path.resolve() / "r.json"),
    )
    assert load_config(path) == load_config(None, flags)


def test_tournament_from_config_has_the_same_settings(tmp_path):
    cfg = load_config(None, {"players": ["TFT", "ALLD"], "turns": 9, "noise": 0.1, "repetitions": 2, "seed": 5})
    t = cfg.tournament()
    assert isinstance(t, Tournament)
    assert (t.turns, t.prob_end, t.noise, t.repetitions, t.seed) == (9, 0.0, 0.1, 2, 5)
    assert [p.name for p in t.players] == ["Tit For Tat", "Defector"]


# -- length --------------------------------------------------------------------------------
def test_prob_end_alone_means_no_cap(tmp_path):
    cfg = load_config(write(tmp_path, "[tournament]\nprob_end = 0.00346\n"))
    assert (cfg.turns, cfg.prob_end) == (None, 0.00346)


def test_turns_caps_prob_end(tmp_path):
    cfg = load_config(write(tmp_path, "[tournament]\nprob_end = 0.01\nturns = 50\n"))
    assert (cfg.turns, cfg.prob_end) == (50, 0.01)
    assert load_config(None, {"prob_end": 0.5, "turns": 200}).turns == 200  # an explicit 200 still caps


# -- games -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value",
    [
        "3,0,5,1",
        [3, 0, 5, 1],
        (3.0, 0, 5, 1.0),
        {"R": 3, "S": 0, "T": 5, "P": 1},
        {"r": 3, "s": 0, "t": 5, "p": 1},
        Game(),
    ],
)
def test_game_forms(value):
    assert parse_game(value) == Game(3, 0, 5, 1)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("game = [3, 0, 5]", "four payoffs"),
        ('game = "3,0,5"', "four numbers"),
        ("game = { R = 3, S = 0, T = 5 }", "missing payoff P"),
        ("game = { R = 3, S = 0, T = 5, P = 1, Q = 2 }", "unknown key 'Q'"),
        ('game = [3, 0, "five", 1]', "payoff T must be a number"),
        ("game = [3, 0, true, 1]", "payoff T must be a number"),
        ("game = 3", "game must be R,S,T,P"),
        ("game = [1, 1, 1, 1]", "every outcome equal"),
    ],
)
def test_malformed_games(tmp_path, line, expected):
    message = error_of(tmp_path, f"[tournament]\n{line}\n")
    assert "run.toml: [tournament]" in message and expected in message


# -- structure errors ------------------------------------------------------------------------
def test_unknown_key_suggests_the_close_one_and_lists_the_allowed(tmp_path):
    message = error_of(tmp_path, "[tournament]\nturn = 5\n")
    assert "unknown key 'turn'" in message and "in [tournament]" in message
    assert "did you mean 'turns'?" in message
    for key in ("players", "turns", "prob_end", "noise", "repetitions", "seed", "game"):
        assert key in message
    assert str(tmp_path / "run.toml") in message


def test_unknown_section_suggests_the_close_one(tmp_path):
    message = error_of(tmp_path, "[tournment]\nturns = 5\n")
    assert "unknown section [tournment]" in message and "did you mean [tournament]?" in message
    assert "[output]" in message and "[plugins]" in message


def test_unknown_output_key(tmp_path):
    message = error_of(tmp_path, "[output]\nrankby = 'score'\n")
    assert "unknown key 'rankby'" in message and "did you mean 'rank_by'?" in message


def test_key_outside_its_section(tmp_path):
    message = error_of(tmp_path, "turns = 5\n")
    assert "'turns' belongs in section [tournament]" in message


def test_invalid_toml(tmp_path):
    message = error_of(tmp_path, "[tournament]\nturns = \n")
    assert "invalid TOML" in message


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_missing_plugin_is_relative_to_the_config_file(tmp_path):
    message = error_of(tmp_path, "[plugins]\nfiles = ['gone.py']\n")
    assert str(tmp_path.resolve() / "gone.py") in message and "does not exist" in message


def test_broken_plugin_is_one_line(tmp_path):
    (tmp_path / "bad.py").write_text("raise RuntimeError('boom\\nsecond line')\n")
    message = error_of(tmp_path, "[plugins]\nfiles = ['bad.py']\n")
    assert "cannot load plugin" in message and "RuntimeError: boom second line" in message


# -- value errors ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body, expected",
    [
        ("[tournament]\nnoise = 1.5", "noise must be a probability in [0, 1], got 1.5"),
        ("[tournament]\nnoise = -0.1", "noise must be a probability"),
        ("[tournament]\nnoise = '0.1'", "noise must be a number in [0, 1]"),
        ("[tournament]\nturns = 0", "turns must be >= 1, got 0"),
        ("[tournament]\nturns = '200'", "turns must be a whole number"),
        ("[tournament]\nturns = 2.5", "turns must be a whole number"),
        ("[tournament]\nrepetitions = -1", "repetitions must be >= 1, got -1"),
        ("[tournament]\nrepetitions = 0", "repetitions must be >= 1, got 0"),
        ("[tournament]\nprob_end = 1.5", "prob_end must be a probability"),
        ("[tournament]\nseed = -1", "seed must be in [0, 2**64)"),
        ("[tournament]\nseed = 'abc'", "seed must be a whole number"),
        ("[tournament]\nplayers = 'Tit For Tat'", "players must be a list of players"),
        ("[tournament]\nplayers = []", "players is empty"),
        ("[tournament]\nplayers = [3]", "a player is a name or a table"),
        ("[tournament]\nplayers = [{ p = 0.3 }]", "a player table needs name"),
        ("[tournament]\nplayers = [{ name = 'Random', q = 0.3 }]", "unknown parameter 'q'"),
        ("[tournament]\nplayers = ['Random(p=1.5)']", "out of range"),
        ("[output]\nfile = 'results.txt'", "must end in .csv, .parquet, .json"),
        ("[output]\nfile = 3", "file must be a file name"),
        ("[output]\nrank_by = 'wins'", "rank_by must be one of score, score_with_self_play"),
        ("[plugins]\nfiles = 3", "files must be a list of file names"),
    ],
)
def test_invalid_values_name_the_file_and_the_problem(tmp_path, body, expected):
    message = error_of(tmp_path, body + "\n")
    assert message.startswith(str(tmp_path / "run.toml") + ": ")
    assert expected in message


def test_unknown_strategy_in_a_file_suggests_names(tmp_path):
    message = error_of(tmp_path, "[tournament]\nplayers = ['Grudger', 'Tit For Tatt']\n")
    assert "players[1]: unknown strategy 'Tit For Tatt'" in message
    assert "did you mean 'Tit For Tat'" in message


def test_flag_errors_have_no_file_prefix():
    with pytest.raises(ConfigError) as info:
        load_config(None, {"noise": 1.5})
    assert str(info.value) == "noise must be a probability in [0, 1], got 1.5"
    with pytest.raises(ConfigError, match="unknown key 'turn' in settings; did you mean 'turns'"):
        load_config(None, {"turn": 5})


def test_config_error_is_a_settings_error_and_a_value_error():
    assert issubclass(ConfigError, SettingsError) and issubclass(ConfigError, ValueError)


def test_read_config_file_returns_flat_settings(tmp_path):
    flat = read_config_file(write(tmp_path, "[tournament]\nturns = 5\n[output]\nfile = 'x.csv'\n"))
    assert flat == {"turns": 5, "output": tmp_path.resolve() / "x.csv"}


def test_run_config_is_frozen():
    cfg = load_config(None, {"players": ["TFT"]})
    assert isinstance(cfg, RunConfig)
    with pytest.raises(AttributeError):
        cfg.turns = 3


# -- [politics] ----------------------------------------------------------------------------------


def test_politics_section_builds_the_transformer(tmp_path):
    from cooptourney.config import load_config

    cfg_file = tmp_path / "pol.toml"
    cfg_file.write_text(
        '[tournament]\nplayers = ["Tit For Tat", "Ledger"]\nturns = 20\nrepetitions = 2\n'
        '[politics]\ns = 0.5\ntheta = 1.0\nprofiles = ["politician", { k = 0.2, memory = 0.5 }]\n'
    )
    cfg = load_config(cfg_file)
    d = cfg.transformer.as_dict()
    assert d["politicization"]["s"] == 0.5 and d["politicization"]["theta"] == 1.0
    assert d["profiles"][0]["k"] == 0.3 and d["profiles"][1] == {**d["profiles"][1], "k": 0.2, "memory": 0.5}
    r = cfg.tournament().play()
    assert r.settings["transformer"] == d


def test_no_politics_section_means_the_plain_game():
    from cooptourney.config import load_config

    assert load_config(None, {"players": ["Tit For Tat"]}).transformer is None


@pytest.mark.parametrize(
    "body, fragment",
    [
        ("[politics]\ns = 2\n", "must be a number in [0, 1]"),
        ('[politics]\nprofile = "senator"\n', "senator"),
        ("[politics]\nprofile = { kk = 1 }\n", "did you mean 'k'"),
        ('[politics]\nprofiles = ["neutral"]\n', "1 entries for 2 players"),
        ('[politics]\nprofile = "neutral"\nprofiles = ["neutral", "neutral"]\n', "not both"),
    ],
)
def test_bad_politics_settings_are_rejected(tmp_path, body, fragment):
    from cooptourney.config import ConfigError, load_config

    f = tmp_path / "bad.toml"
    f.write_text('[tournament]\nplayers = ["Tit For Tat", "Grudger"]\n' + body)
    with pytest.raises(ConfigError) as info:
        load_config(f)
    assert fragment in str(info.value) and "[politics]" in str(info.value)
