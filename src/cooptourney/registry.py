"""The strategy registry: one decorated function per strategy, no central list.

A strategy is a numba-compilable step function::

    @strategy("Tit For Tat", aliases=["TFT"], reciprocity="specific", memory_depth=1)
    def tit_for_tat(my, opp, t, state, params, info, rng):
        \"\"\"Cooperate first, then copy the partner's last move. (Axelrod 1980)

        specific: returns exactly what it received, in strict sequence.
        \"\"\"
        if t == 0:
            return C
        return opp[t - 1]

Arguments seen by every step function (all arrays are owned by the engine):

``my``, ``opp``
    ``int8[::1]`` move histories (0 = C, 1 = D); entries ``[:t]`` are valid and are
    the moves actually played (after noise), as both players saw them.
``t``
    ``int64`` index of the turn being decided (0 on the first move).
``state``
    ``float64[::1]`` private state, initialised from ``state=`` at the start of every
    match and kept between turns.
``params``
    ``float64[::1]`` the player's parameter values in declaration order.
``info``
    ``float64[::1]`` match context; see :mod:`cooptourney.strategy_api` for the slots
    (perceived payoffs R, S, T, P; match length or -1 when unknown; noise; running
    scores and cooperation counts).
``rng``
    ``uint64[2]`` the player's own counter-based stream; draw with ``rand(rng)``.

The function returns ``C`` or ``D``.

A strategy defined outside the package (a plugin: ``--plugin FILE.py``,
:func:`load_plugin`, an entry point) is played in *checked mode*
(:attr:`StrategySpec.checked`, :mod:`cooptourney.core.dispatch`): bounds checking on,
the histories only up to the turn, ``my``, ``opp``, ``params`` and ``info`` read-only,
every move checked. A mistake in its step is then an error naming it, never a crash or
a silently wrong result; the bundled library, tested, is played without the checks.

Looking a name up does not import the whole library when it need not: a full load
records which module of the library registers each name (the *library index*, a file in
the cache directory keyed by the library's files), and later processes import only the
module of the names they ask for. Listing the registry, an unknown name, a plugin or a
changed library loads everything, as before, so the index only ever saves time.
"""

from __future__ import annotations

import difflib
import dis
import hashlib
import importlib
import importlib.metadata
import importlib.util
import inspect
import json
import math
import pkgutil
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numba import njit

RECIPROCITY_TAGS = ("specific", "diffuse", "negative", "unconditional", "other")
ENTRY_POINT_GROUP = "cooptourney.strategies"


class UnknownStrategyError(LookupError):
    """Raised for a strategy name that is not registered; the message suggests close names."""


class StrategyDefinitionError(ValueError):
    """Raised when a strategy declaration itself is malformed (an author's error)."""


class StrategyRuntimeError(StrategyDefinitionError):
    """Raised after a run in which a strategy's step raised an exception instead of
    returning a move (an author's error; compiled code cannot pass the exception on)."""


@dataclass(frozen=True)
class Param:
    """A typed strategy parameter.

    ``default`` may be ``None`` for parameters whose default is derived from the game
    (the engine then receives NaN and the strategy computes the value itself).
    """

    kind: type = float
    default: float | int | bool | None = None
    low: float = -math.inf
    high: float = math.inf
    doc: str = ""

    def coerce(self, name: str, owner: str, value: Any) -> float:
        """Validate ``value`` and return it as the float the kernel receives."""
        if value is None:
            if self.default is None:
                return math.nan
            value = self.default
        if isinstance(value, str):
            text = value.strip().lower()
            try:
                if self.kind is bool:
                    if text not in ("true", "false", "1", "0", "yes", "no"):
                        raise ValueError
                    value = text in ("true", "1", "yes")
                else:
                    value = self.kind(float(text)) if self.kind is int else float(text)
            except ValueError:
                raise ValueError(f"{owner}: parameter {name!r} must be {self.kind.__name__}, got {value!r}") from None
        if self.kind is int and (isinstance(value, float) and not value.is_integer()):
            raise ValueError(f"{owner}: parameter {name!r} must be an integer, got {value!r}")
        if isinstance(value, bool) and self.kind is not bool:
            raise ValueError(f"{owner}: parameter {name!r} must be {self.kind.__name__}, got {value!r}")
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{owner}: parameter {name!r} must be {self.kind.__name__}, got {value!r}") from None
        if math.isnan(x) or not (self.low <= x <= self.high):
            raise ValueError(
                f"{owner}: parameter {name!r} = {value!r} is out of range; allowed is [{self.low}, {self.high}]"
            )
        return x


@dataclass
class StrategySpec:
    """Everything the registry knows about one strategy."""

    name: str
    function: Callable  # the numba dispatcher
    py_function: Callable  # the plain Python function (for inspection and docs)
    reciprocity: str
    aliases: tuple[str, ...] = ()
    memory_depth: float = math.inf
    stochastic: bool = False
    uses_game: bool = False
    uses_length: bool = False
    params: dict[str, Param] = field(default_factory=dict)
    state: tuple[float, ...] = ()
    module: str = ""
    source_hash: str = ""
    hidden: bool = False  # internal helpers (e.g. replaying a fixed sequence) not listed by default
    doc: str = ""
    trace: tuple[int, str] | None = None  # (state slot, label) recorded every turn, e.g. a gear
    table: Callable[[], Iterable[float]] | tuple[float, ...] | None = None  # constants after params
    oracle: str | None = None  # "moves" / "statistics": checked against its axelrod twin
    oracle_note: str = ""  # why a strategy with an axelrod twin is not (yet) checked
    group: bool = False  # reads the group slots of ``info``: plays only in multilateral mode
    turn_state: int = 0  # extra state slots per turn of the match (zero at the start)
    prepare: Callable[[], None] | None = None  # run before the step is first compiled or called
    checked: bool = False  # played in checked mode (a plugin; see core/dispatch.py)

    @property
    def origin(self) -> str:
        """The file that defines the step (its module's name when there is none)."""
        code = getattr(self.py_function, "__code__", None)
        return code.co_filename if code is not None else self.module

    def table_values(self) -> np.ndarray:
        """The strategy's constant table (e.g. trained weights), appended to ``params``.

        Given as a tuple, or as a zero-argument callable evaluated once, on first use
        (so a table read from the installed ``axelrod`` package costs nothing until the
        strategy plays).
        """
        cached = getattr(self, "_table_cache", None)
        if cached is None:
            raw = self.table() if callable(self.table) else (self.table or ())
            cached = np.ascontiguousarray(np.asarray(list(raw), dtype=np.float64).ravel())
            if not np.all(np.isfinite(cached)):
                raise StrategyDefinitionError(f"strategy {self.name!r}: its table has non-finite values")
            self._table_cache = cached
        return cached

    @property
    def reads_info(self) -> bool:
        """Whether the step can read its ``info`` argument (the running scores and
        counts the engine keeps for it): the engine skips keeping them in a match where
        neither step can. Decided from the step's bytecode, conservatively (see
        :func:`reads_argument`)."""
        cached = getattr(self, "_reads_info", None)
        if cached is None:
            cached = self._reads_info = reads_argument(self.py_function, INFO_ARGUMENT)
        return cached

    @property
    def reason(self) -> str:
        """The one-line reason for the reciprocity tag, from the docstring."""
        for line in self.doc.splitlines():
            line = line.strip()
            if line.lower().startswith(self.reciprocity + ":"):
                return line.split(":", 1)[1].strip()
        return ""

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    def classifier(self) -> dict[str, Any]:
        return {
            "memory_depth": self.memory_depth,
            "stochastic": self.stochastic,
            "uses_game": self.uses_game,
            "uses_length": self.uses_length,
        }


#: the position of ``info`` in a step's arguments (my, opp, t, state, params, info, rng)
INFO_ARGUMENT = 5


def reads_argument(fn: Callable, position: int) -> bool:
    """Whether ``fn`` can read its positional argument at ``position``: some instruction
    of its code loads that name (a read, a call that passes it on, a nested function
    that captures it). Only "no" is a promise; anything it cannot inspect (no code
    object, ``*args``, fewer arguments) counts as a read."""
    code = getattr(fn, "__code__", None)
    if code is None or code.co_argcount <= position or code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS):
        return True
    name = code.co_varnames[position]
    if name in code.co_cellvars:
        return True
    for ins in dis.get_instructions(code):
        # LOAD_FAST and its variants (LOAD_FAST_LOAD_FAST loads two names at once)
        if ins.opname.startswith("LOAD"):
            names = ins.argval if isinstance(ins.argval, tuple) else (ins.argval,)
            if name in names:
                return True
    return False


def name_key(name: str) -> str:
    """Lookup key: case, spacing, hyphens and underscores are ignored."""
    return re.sub(r"[\s_\-]+", "", name).lower()


class Registry:
    """Name -> StrategySpec, with alias-aware, case- and space-insensitive lookup.

    Parameters
    ----------
    library : bool
        Look names up through the library index (module docstring): only the package's
        own registry, into which the bundled modules register, does.
    """

    def __init__(self, library: bool = False) -> None:
        self._specs: dict[str, StrategySpec] = {}
        self._index: dict[str, str] = {}
        self._loaded = False
        self._library = library
        self._library_index: dict[str, Any] | None = None
        self._rank: dict[str, int] = {}  # name -> place in a load from scratch, once the index was used

    # -- registration -----------------------------------------------------
    def add(self, spec: StrategySpec) -> None:
        if self._library and not self._loaded and not is_bundled(spec.py_function):
            # a strategy from outside meets the whole library, so a clash is found here
            self.ensure_loaded()
        keys = [spec.name, *spec.aliases]
        existing = self._specs.get(spec.name)
        if existing is not None and existing.module == spec.module:
            if _same_import(existing, spec) and not _same_definition(existing, spec):
                raise StrategyDefinitionError(
                    f"strategy {spec.name!r} ({spec.origin}) is defined twice in that file, at lines "
                    f"{_line(existing)} and {_line(spec)}; give each strategy a name of its own"
                )
            # Importing the module again (a plugin loaded again, a reload) replaces it.
            self._remove(existing)
        for k in keys:
            owner = self._index.get(name_key(k))
            if owner is not None:
                raise StrategyDefinitionError(
                    f"strategy name or alias {k!r} from {spec.module} ({spec.origin}) is already "
                    f"registered by {owner!r} ({self._specs[owner].module})"
                )
        self._specs[spec.name] = spec
        for k in keys:
            self._index[name_key(k)] = spec.name

    def _remove(self, spec: StrategySpec) -> None:
        del self._specs[spec.name]
        for k in [spec.name, *spec.aliases]:
            self._index.pop(name_key(k), None)

    # -- loading ------------------------------------------------------------
    def ensure_loaded(self) -> None:
        """Import the bundled library and installed plugin packages once."""
        if self._loaded:
            return
        self._loaded = True
        from cooptourney import strategies as bundled

        earlier = set(self._index)  # names registered before: by lookups through the index
        origin: dict[str, str] = {}  # name key -> the module whose import registered it
        for mod in sorted(pkgutil.iter_modules(bundled.__path__), key=lambda m: m.name):
            if not mod.name.startswith("_"):
                module = f"{bundled.__name__}.{mod.name}"
                known = set(self._index)
                importlib.import_module(module)
                origin.update(dict.fromkeys(self._index.keys() - known, module))
        if self._library:
            self._settle_library(earlier, origin)
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            ep.load()

    def _settle_library(self, earlier: set[str], origin: dict[str, str]) -> None:
        """After a full load from scratch, write the library index if there is none."""
        if not earlier and self._read_library_index() is None:
            library = {s.name: s for s in self._specs.values() if name_key(s.name) in origin}
            # a name's own module where it has one (not a module that happens to import it first)
            names = {
                k: spec.module if spec.module.startswith(_LIBRARY) else origin[k]
                for k, spec in ((k, self._specs[n]) for k, n in self._index.items() if k in origin)
            }
            _write_library_index({"names": names, "order": list(library)})

    def _read_library_index(self) -> dict[str, Any] | None:
        """The library index for the library's files as they are now, or None."""
        if self._library_index is None:
            try:
                data = json.loads(_library_index_path().read_text())
                self._library_index = data if isinstance(data.get("names"), dict) else {}
            except (OSError, ValueError, AttributeError):
                self._library_index = {}
        return self._library_index or None

    def _find(self, name: str) -> str | None:
        """The registered name for ``name``, importing no more of the library than needed."""
        key = name_key(name)
        if key not in self._index and not self._loaded:
            index = self._read_library_index() if self._library else None
            module = index["names"].get(key) if index is not None else None
            if isinstance(module, str) and module.startswith(_LIBRARY):
                self._rank = self._rank or {n: k for k, n in enumerate(index["order"])}
                importlib.import_module(module)  # another thread's import of it is waited for
                if key not in self._index and _initializing(module):
                    return None  # asked while its own module runs: not registered yet, as in a full load
            if key not in self._index:  # not in the library, or the index is out of date
                self.ensure_loaded()
        return self._index.get(key)

    # -- lookup ---------------------------------------------------------------
    def get(self, name: str) -> StrategySpec:
        key = self._find(name)
        if key is None:
            self.ensure_loaded()  # the suggestions come from every name
            raise UnknownStrategyError(self._unknown_message(name))
        return self._specs[key]

    def _unknown_message(self, name: str) -> str:
        names = {name_key(k): k for s in self.all() for k in (s.name, *s.aliases)}
        close = difflib.get_close_matches(name_key(name), list(names), n=4, cutoff=0.6)
        # Substring matches catch "tit" -> all Tit For Tat variants.
        close += [k for k in names if name_key(name) and name_key(name) in k and k not in close]
        hint = ", ".join(repr(names[c]) for c in close[:5])
        msg = f"unknown strategy {name!r}"
        return msg + (f"; did you mean {hint}?" if hint else "; run `cooptourney list` to see all names")

    def __contains__(self, name: str) -> bool:
        return self._find(name) is not None

    def all(self, include_hidden: bool = False) -> list[StrategySpec]:
        self.ensure_loaded()
        specs = [s for s in self._specs.values() if include_hidden or not s.hidden]
        if self._rank:  # modules imported for single names first: list in the order of a full load
            specs.sort(key=lambda s: self._rank.get(s.name, len(self._rank)))
        return specs

    def filter(
        self,
        reciprocity: str | Iterable[str] | None = None,
        stochastic: bool | None = None,
        max_memory_depth: float | None = None,
        uses_game: bool | None = None,
        uses_length: bool | None = None,
        include_hidden: bool = False,
    ) -> list[StrategySpec]:
        """Strategies matching every given criterion, in registration order."""
        if isinstance(reciprocity, str):
            reciprocity = [reciprocity]
        if reciprocity is not None:
            reciprocity = list(reciprocity)
            bad = [r for r in reciprocity if r not in RECIPROCITY_TAGS]
            if bad:
                raise ValueError(f"unknown reciprocity tag {bad[0]!r}; allowed: {', '.join(RECIPROCITY_TAGS)}")
        out = []
        for s in self.all(include_hidden):
            if reciprocity is not None and s.reciprocity not in reciprocity:
                continue
            if stochastic is not None and s.stochastic != stochastic:
                continue
            if max_memory_depth is not None and s.memory_depth > max_memory_depth:
                continue
            if uses_game is not None and s.uses_game != uses_game:
                continue
            if uses_length is not None and s.uses_length != uses_length:
                continue
            out.append(s)
        return out


REGISTRY = Registry(library=True)
#: The package of the bundled library (strategies/, installed as cooptourney.strategies).
_LIBRARY = "cooptourney.strategies."


def _library_index_path() -> Path:
    """``<cache>/registry/<hash>.json``, the hash covering the name, size and time of
    change of every file of the bundled library (its modules and data) and of this
    module, so an edited library finds no index and is loaded whole."""
    from cooptourney import strategies as bundled
    from cooptourney.core.codegen import cache_dir

    h = hashlib.blake2b(b"cooptourney library index v1\n", digest_size=10)
    here = Path(__file__)
    for folder in bundled.__path__:
        for path in [here, *sorted([*Path(folder).glob("*.py"), *Path(folder).glob("data/*")])]:
            st = path.stat()
            h.update(f"{path.name} {st.st_size} {st.st_mtime_ns}\n".encode())
    return cache_dir() / "registry" / f"{h.hexdigest()}.json"


def _initializing(module: str) -> bool:
    """Whether ``module`` is being imported right now (importlib marks its spec so)."""
    found = sys.modules.get(module)
    return found is not None and bool(getattr(getattr(found, "__spec__", None), "_initializing", False))


def _write_library_index(index: dict[str, Any]) -> None:
    """Write the library index (atomically); a cache that cannot be written is skipped."""
    from cooptourney.atomic import write_atomic

    try:
        path = _library_index_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, indent=0, sort_keys=True)
        write_atomic(path, lambda p: p.write_text(text))
    except OSError:
        pass


def _same_import(a: StrategySpec, b: StrategySpec) -> bool:
    """Whether two steps come from one execution of one module (the same globals)."""
    ga = getattr(a.py_function, "__globals__", None)
    return ga is not None and ga is getattr(b.py_function, "__globals__", None)


def _line(spec: StrategySpec) -> int | str:
    code = getattr(spec.py_function, "__code__", None)
    return code.co_firstlineno if code is not None else "?"


def _same_definition(a: StrategySpec, b: StrategySpec) -> bool:
    """Whether two steps are the same definition (the same function, or a module run
    again in place by ``importlib.reload``)."""
    fa, fb = a.py_function, b.py_function
    return fa is fb or (getattr(fa, "__qualname__", None) == getattr(fb, "__qualname__", None) and _line(a) == _line(b))


def is_bundled(fn: Callable) -> bool:
    """Whether a step belongs to the package: its module is one of the package's, or a
    module the engine generated (composite steps, ``_cooptourney_*``). Every other step
    is a plugin's and plays in checked mode."""
    module = getattr(fn, "__module__", None) or ""
    return module.startswith(("cooptourney.", "_cooptourney_"))


def _check_reason(here: str, reciprocity: str, doc: str) -> None:
    """Refuse a docstring without the line that gives the reason for the reciprocity tag."""
    prefix = reciprocity + ":"
    reasons = [
        line.strip()[len(prefix) :].strip() for line in doc.splitlines() if line.strip().lower().startswith(prefix)
    ]
    if not any(reasons):
        raise StrategyDefinitionError(
            f"{here}: its docstring needs a line '{reciprocity}: <why it carries this tag>' "
            f'giving the reason for reciprocity={reciprocity!r} (docs/model.md, "Reciprocity")'
        )


def _check_declaration(
    name: Any, fn: Callable, reciprocity: Any, aliases: tuple, memory_depth: Any, oracle: Any, doc: str
) -> None:
    """Refuse a malformed declaration, naming the strategy and the file that defines it."""
    code = getattr(fn, "__code__", None)
    where = code.co_filename if code is not None else getattr(fn, "__module__", "?")
    if not isinstance(name, str) or not name.strip():
        raise StrategyDefinitionError(
            f"a strategy in {where} (its step {getattr(fn, '__qualname__', fn)!r}) has the name {name!r}; "
            f"a strategy's name is a non-empty text"
        )
    here = f"strategy {name!r} ({where})"
    if name != name.strip():
        raise StrategyDefinitionError(f"{here}: its name must not begin or end with spaces")
    for alias in aliases:
        if not isinstance(alias, str) or not alias.strip():
            raise StrategyDefinitionError(f"{here}: alias {alias!r} must be a non-empty text")
    if oracle not in (None, "moves", "statistics"):
        raise StrategyDefinitionError(f"{here}: oracle must be 'moves', 'statistics' or None, got {oracle!r}")
    if reciprocity not in RECIPROCITY_TAGS:
        raise StrategyDefinitionError(
            f"{here}: reciprocity must be one of {', '.join(RECIPROCITY_TAGS)}, got {reciprocity!r}"
        )
    depth_ok = (
        isinstance(memory_depth, (int, float, np.integer, np.floating))
        and not isinstance(memory_depth, (bool, np.bool_))
        and (memory_depth == math.inf or (math.isfinite(memory_depth) and memory_depth >= 0))
        and (memory_depth == math.inf or float(memory_depth).is_integer())
    )
    if not depth_ok:
        raise StrategyDefinitionError(
            f"{here}: memory_depth must be a whole number of turns >= 0, or math.inf when unbounded; "
            f"got {memory_depth!r}"
        )


def _source_hash(fn: Callable) -> str:
    try:
        src = inspect.getsource(sys.modules[fn.__module__])
    except (OSError, TypeError, KeyError):
        src = fn.__code__.co_code.hex()
    return hashlib.blake2b(src.encode(), digest_size=8).hexdigest()


def strategy(
    name: str,
    *,
    reciprocity: str,
    aliases: Iterable[str] = (),
    memory_depth: float = math.inf,
    stochastic: bool = False,
    uses_game: bool = False,
    uses_length: bool = False,
    params: dict[str, Param] | None = None,
    state: Iterable[float] = (),
    hidden: bool = False,
    trace: tuple[int, str] | None = None,
    table: Callable[[], Iterable[float]] | Iterable[float] | None = None,
    oracle: str | None = None,
    oracle_note: str = "",
    group: bool = False,
    turn_state: int = 0,
    prepare: Callable[[], None] | None = None,
    registry: Registry | None = None,
) -> Callable[[Callable], Callable]:
    """Register a step function as a strategy (see the module docstring for its signature).

    Parameters
    ----------
    name : str
        The name in the field's spelling, as ``axelrod`` spells it where it has one.
    reciprocity : {"specific", "diffuse", "negative", "unconditional", "other"}
        Where the strategy sits on Keohane's continuum (docs/model.md, "Reciprocity"). The
        docstring must carry a line ``"<tag>: <one-line reason>"``.
    aliases : iterable of str
        Other accepted names.
    memory_depth : float
        How many past turns the strategy reads (``math.inf`` if unbounded).
    stochastic, uses_game, uses_length : bool
        Classifier: random draws; reads the payoffs; reads the match length.
    params : dict[str, Param]
        Typed parameters, passed to the kernel as ``params`` in this order.
    state : iterable of float
        Initial values of the private state vector (its length is fixed).
    trace : (int, str), optional
        A state slot the engine records every turn (after the move is chosen) and its
        label, e.g. ``(0, "gear")``: ``Match.trace`` and recorded tournaments return it.
    table : iterable of float, or a callable returning one, optional
        Constants the step function reads after its declared parameters:
        ``params[len(declared params) + k]``. For table-driven strategies (lookup
        tables, state machines, trained weights); a callable is evaluated lazily, once.
        In a tournament every player's ``params`` row is padded to the longest one, so
        a step must not take its table's length from ``params.shape[0]``: store the
        length in the table (or a declared parameter) instead.
    oracle : {"moves", "statistics"}, optional
        The claim that this strategy plays like its ``axelrod`` twin (the ``axelrod``
        strategy whose name is this name or one of the aliases): identical moves
        (deterministic) or the same statistics (stochastic).
        ``tests/test_oracle_library.py`` checks every claim against ``axelrod``;
        ``cooptourney list --coverage`` reports them.
    oracle_note : str
        For a strategy with a twin but no claim: why it is not verified.
    group : bool
        The strategy reads what the group did (the ``INFO_*`` slots from ``INFO_SIZE``
        on, see :mod:`cooptourney.strategy_api`), so it plays only in multilateral mode.
    turn_state : int
        Extra state slots per turn of the match: the engine appends ``turn_state * n``
        zeros to the state of a match of ``n`` turns, for strategies that must remember
        something about every turn (a meta player's members' own histories). The step
        finds their number from ``state.shape[0]`` minus the length of ``state``.
    prepare : callable, optional
        Called once before the step is first compiled or called (a meta player fills
        its table of member entries).
    """

    def decorate(fn: Callable) -> Callable:
        doc = inspect.getdoc(fn) or ""
        _check_declaration(name, fn, reciprocity, tuple(aliases), memory_depth, oracle, doc)
        here = f"strategy {name!r} ({getattr(getattr(fn, '__code__', None), 'co_filename', fn.__module__)})"
        params_ = dict(params or {})
        state_ = tuple(float(x) for x in state)
        if trace is not None and not (0 <= int(trace[0]) < len(state_)):
            raise StrategyDefinitionError(f"{here}: trace slot {trace[0]} is outside its state of length {len(state_)}")
        if isinstance(turn_state, bool) or not isinstance(turn_state, int) or turn_state < 0:
            raise StrategyDefinitionError(f"{here}: turn_state must be a non-negative integer, got {turn_state!r}")
        for pname, p in params_.items():
            if not isinstance(pname, str) or not pname.isidentifier():
                raise StrategyDefinitionError(f"{here}: parameter name {pname!r} must be an identifier")
            if not isinstance(p, Param):
                raise StrategyDefinitionError(f"{here}: parameter {pname!r} must be a Param")
        _check_reason(here, reciprocity, doc)
        checked = not is_bundled(fn)
        # compiled lazily, for one signature, on first use (core/dispatch.py); a plugin's
        # with bounds checking also where Python calls it (interop)
        jitted = njit(cache=True, boundscheck=True)(fn) if checked else njit(cache=True)(fn)
        spec = StrategySpec(
            name=name,
            function=jitted,
            py_function=fn,
            reciprocity=reciprocity,
            aliases=tuple(aliases),
            memory_depth=memory_depth,
            stochastic=stochastic,
            uses_game=uses_game,
            uses_length=uses_length,
            params=params_,
            state=state_,
            module=fn.__module__,
            source_hash=_source_hash(fn),
            hidden=hidden,
            doc=doc,
            trace=None if trace is None else (int(trace[0]), str(trace[1])),
            table=table if (table is None or callable(table)) else tuple(float(x) for x in table),
            oracle=oracle,
            oracle_note=oracle_note,
            group=bool(group),
            turn_state=turn_state,
            prepare=prepare,
            checked=checked,
        )
        (registry or REGISTRY).add(spec)
        jitted.spec = spec
        return jitted

    return decorate


def get_strategy(name: str) -> StrategySpec:
    """Look a strategy up by name or alias (case and spacing ignored)."""
    return REGISTRY.get(name)


def load_plugin(path: str | Path) -> list[StrategySpec]:
    """Import a Python file that registers strategies; returns the new specs.

    Its strategies play in checked mode (:attr:`StrategySpec.checked`). A file that
    fails to import, or declares a strategy wrongly, registers none of its strategies.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"plugin file {str(path)!r} does not exist")
    REGISTRY.ensure_loaded()
    before = set(REGISTRY._specs)
    digest = hashlib.blake2b(str(path.resolve()).encode(), digest_size=6).hexdigest()
    stem = re.sub(r"\W", "_", path.stem)
    modname = f"cooptourney_plugin_{stem}_{digest}"
    spec = importlib.util.spec_from_file_location(modname, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import plugin {str(path)!r}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[modname] = module  # the generated kernel imports strategies by module name
    specs, index = dict(REGISTRY._specs), dict(REGISTRY._index)
    try:
        spec.loader.exec_module(module)
    except BaseException:
        # a plugin that fails part-way registers nothing (and what it replaced stays)
        REGISTRY._specs, REGISTRY._index = specs, index
        sys.modules.pop(modname, None)
        raise
    return [REGISTRY._specs[n] for n in REGISTRY._specs if n not in before]
