"""Bad plugin files, as data: each a plugin's source and what must happen to it.

Every case is one strategy file with one mistake in it. ``tests/test_plugins.py`` writes
each to a temporary file, loads it with :func:`cooptourney.load_plugin` and plays it
against :data:`PARTNER`; any other test (a fuzz test over every input boundary) may do
the same with :data:`BAD_PLUGINS`.

A case fails at one of two stages:

``"load"``
    :func:`cooptourney.load_plugin` refuses the file (a malformed declaration, or a file
    Python cannot import), and registers none of its strategies;
``"play"``
    the file loads, and the first run with the strategy (a :class:`cooptourney.Tournament`
    or :class:`cooptourney.Match` against :data:`PARTNER`, :data:`TURNS` turns) fails
    before returning any result: a step that does not compile in checked mode
    (``StrategyDefinitionError``, raised before any match is played), or one that
    returns a move other than C or D, or raises, while playing
    (``StrategyRuntimeError``, naming the strategy, :data:`PARTNER` and the turn).
"""

from __future__ import annotations

import textwrap
from typing import NamedTuple

#: the strategy every "play" case meets
PARTNER = "Tit For Tat"
#: turns of the match or tournament a "play" case is played in (every fault is earlier)
TURNS = 10

_HEADER = "from cooptourney.strategy_api import INFO_SIZE, C, D, Param, strategy\n"


class PluginCase(NamedTuple):
    """One bad plugin file and the outcome it must have."""

    id: str
    source: str  # the file's text
    stage: str  # "load" or "play" (see the module docstring)
    error: str  # the exact class of the exception, by name
    fragment: str  # a piece of its one-line message
    name: str | None  # the strategy the message names (None: the file has no usable name)
    turn: int | None = None  # the turn the message names (faults while playing)


def _plugin(body: str, name: str = "Bad Step", declaration: str = "", doc: str = "other: a test case.") -> str:
    """A plugin file with one strategy whose step runs ``body``."""
    return (
        _HEADER
        + f"""

@strategy({name!r}, reciprocity="other", memory_depth=0{declaration})
def step(my, opp, t, state, params, info, rng):
    \"\"\"A bad step (a test case).

    {doc}
    \"\"\"
{textwrap.indent(textwrap.dedent(body).strip(), "    ")}
"""
    )


def _move(value: str, at: int) -> str:
    return f"if t == {at}:\n    return {value}\nreturn C"


def _raise(turn: int, fragment: str = "raised an exception in its step, first on turn") -> dict:
    return dict(stage="play", error="StrategyRuntimeError", fragment=fragment, turn=turn)


def _refused(fragment: str) -> dict:
    return dict(stage="play", error="StrategyDefinitionError", fragment=fragment)


def _bad_declaration(fragment: str) -> dict:
    return dict(stage="load", error="StrategyDefinitionError", fragment=fragment)


CASES: list[PluginCase] = [
    # -- moves other than C (0) and D (1) ---------------------------------------------------------
    PluginCase("returns 2", _plugin(_move("2", 3)), name="Bad Step", **_raise(3, "returned 2 on turn 3")),
    PluginCase("returns -1", _plugin(_move("-1", 0)), name="Bad Step", **_raise(0, "returned -1 on turn 0")),
    PluginCase(
        "returns 1000000", _plugin(_move("1000000", 5)), name="Bad Step", **_raise(5, "returned 1000000 on turn 5")
    ),
    # 256 is 0 once cut to a byte: only a check before the cut sees it
    PluginCase("returns 256", _plugin(_move("256", 2)), name="Bad Step", **_raise(2, "returned 256 on turn 2")),
    PluginCase("returns 0.5", _plugin(_move("0.5", 1)), name="Bad Step", **_refused("returns float64")),
    PluginCase("returns a float always", _plugin("return 1.0"), name="Bad Step", **_refused("returns float64")),
    PluginCase("returns nothing", _plugin("if t == 0:\n    return C"), name="Bad Step", **_refused("returns None")),
    # -- reads and writes outside its arrays -------------------------------------------------------
    PluginCase("reads opp[t]", _plugin("return opp[t]"), name="Bad Step", **_raise(0)),
    PluginCase(
        "reads opp[t + 1]", _plugin("if t == 2:\n    return opp[t + 1]\nreturn C"), name="Bad Step", **_raise(2)
    ),
    PluginCase("reads opp[t - 1] on turn 0", _plugin("return opp[t - 1]"), name="Bad Step", **_raise(0)),
    PluginCase("reads opp far away", _plugin("return opp[t + 100000]"), name="Bad Step", **_raise(0)),
    PluginCase("reads my[t]", _plugin("if t == 4:\n    return my[t]\nreturn C"), name="Bad Step", **_raise(4)),
    PluginCase("reads past info", _plugin("return int(info[INFO_SIZE])"), name="Bad Step", **_raise(0)),
    PluginCase(
        "reads params[5]",
        _plugin("return int(params[5])", declaration=', params={"p": Param(float, 0.0, 0.0, 1.0)}'),
        name="Bad Step",
        **_raise(0),
    ),
    PluginCase("reads params without any", _plugin("return int(params[0])"), name="Bad Step", **_raise(0)),
    PluginCase(
        "writes past state",
        _plugin("if t == 1:\n    state[1] = 1.0\nreturn C", declaration=", state=(0.0,)"),
        name="Bad Step",
        **_raise(1),
    ),
    PluginCase(
        "writes far past state",
        _plugin("state[t + 100000] = 1.0\nreturn C", declaration=", state=(0.0,)"),
        name="Bad Step",
        **_raise(0),
    ),
    PluginCase("integer division by zero", _plugin("return t // (4 - t) * 0"), name="Bad Step", **_raise(4)),
    PluginCase("modulo by zero", _plugin("return t % (3 - t) * 0"), name="Bad Step", **_raise(3)),
    PluginCase("float division by zero", _plugin("return int(1.0 / (2.0 - t)) * 0"), name="Bad Step", **_raise(2)),
    PluginCase("raises", _plugin("if t == 6:\n    raise ValueError('no')\nreturn C"), name="Bad Step", **_raise(6)),
    # -- writes to what it may only read ----------------------------------------------------------
    PluginCase("writes my[t]", _plugin("my[t] = 1\nreturn C"), name="Bad Step", **_refused("writes to `my`")),
    PluginCase(
        "writes past my[t]",
        _plugin("if t + 1 < my.shape[0]:\n    my[t + 1] = 1\nreturn C"),
        name="Bad Step",
        **_refused("writes to `my`"),
    ),
    PluginCase(
        "writes opp", _plugin("if t > 0:\n    opp[0] = 1\nreturn C"), name="Bad Step", **_refused("writes to `opp`")
    ),
    PluginCase(
        "writes params",
        _plugin("params[0] = 1.0\nreturn C", declaration=', params={"p": Param(float, 0.0, 0.0, 1.0)}'),
        name="Bad Step",
        **_refused("writes to `params`"),
    ),
    PluginCase("writes info", _plugin("info[0] += 1.0\nreturn C"), name="Bad Step", **_refused("writes to `info`")),
    PluginCase(
        "writes my through another name",
        _plugin("h = my\nh[0] = 1\nreturn C"),
        name="Bad Step",
        **_refused("writes to"),
    ),
    PluginCase("names an unknown variable", _plugin("return undefined_name"), name="Bad Step", **_refused("NameError")),
    # -- malformed declarations --------------------------------------------------------------------
    PluginCase(
        "duplicate name in one file",
        _plugin("return C", name="Twice") + _plugin("return D", name="Twice").replace(_HEADER, ""),
        name="Twice",
        **_bad_declaration("is defined twice in that file"),
    ),
    PluginCase(
        "duplicate name by spelling",
        _plugin("return C", name="Twice Over") + _plugin("return D", name="twice-over").replace(_HEADER, ""),
        name="twice-over",
        **_bad_declaration("already registered by 'Twice Over'"),
    ),
    PluginCase("empty name", _plugin("return C", name=""), name=None, **_bad_declaration("a non-empty text")),
    PluginCase("blank name", _plugin("return C", name="   "), name=None, **_bad_declaration("a non-empty text")),
    PluginCase(
        "memory_depth -1",
        _plugin("return C").replace("memory_depth=0", "memory_depth=-1"),
        name="Bad Step",
        **_bad_declaration("memory_depth must be a whole number"),
    ),
    PluginCase(
        "memory_depth 1.5",
        _plugin("return C").replace("memory_depth=0", "memory_depth=1.5"),
        name="Bad Step",
        **_bad_declaration("memory_depth must be a whole number"),
    ),
    PluginCase(
        "memory_depth nan",
        _plugin("return C").replace("memory_depth=0", "memory_depth=float('nan')"),
        name="Bad Step",
        **_bad_declaration("memory_depth must be a whole number"),
    ),
    PluginCase(
        "no reciprocity reason",
        _plugin("return C", doc="Nothing about its tag."),
        name="Bad Step",
        **_bad_declaration("its docstring needs a line 'other: "),
    ),
    PluginCase(
        "empty reciprocity reason",
        _plugin("return C", doc="other:"),
        name="Bad Step",
        **_bad_declaration("its docstring needs a line 'other: "),
    ),
    PluginCase(
        "unknown reciprocity tag",
        _plugin("return C").replace('reciprocity="other"', 'reciprocity="generous"'),
        name="Bad Step",
        **_bad_declaration("reciprocity must be one of"),
    ),
    PluginCase(
        "parameter not a Param",
        _plugin("return C", declaration=', params={"p": 0.5}'),
        name="Bad Step",
        **_bad_declaration("must be a Param"),
    ),
    PluginCase(
        "parameter name not an identifier",
        _plugin("return C", declaration=', params={"a b": Param(float, 0.0)}'),
        name="Bad Step",
        **_bad_declaration("must be an identifier"),
    ),
    PluginCase(
        "a bundled name",
        _plugin("return C", name="tit-for-tat"),
        name="tit-for-tat",
        **_bad_declaration("already registered by 'Tit For Tat'"),
    ),
    PluginCase(
        "empty alias",
        _plugin("return C", declaration=', aliases=[""]'),
        name="Bad Step",
        **_bad_declaration("alias '' must be a non-empty text"),
    ),
    PluginCase("syntax error", _HEADER + "def (:\n", name=None, stage="load", error="SyntaxError", fragment="invalid"),
    PluginCase(
        "fails to import",
        _HEADER + "raise RuntimeError('broken plugin')\n",
        name=None,
        stage="load",
        error="RuntimeError",
        fragment="broken plugin",
    ),
]

#: (source text, expected message fragment) of every case
BAD_PLUGINS: list[tuple[str, str]] = [(case.source, case.fragment) for case in CASES]
