"""How the kernels reach strategies: one generated entry per strategy, called by address.

A strategy is a step function ``step(my, opp, t, state, params, info, rng)``
(:data:`STEP_SIGNATURE`). The kernels call each strategy through its *entry*,
``entry(ctx, t)`` (:mod:`cooptourney.core.entry`): a small function generated per
strategy into ``<cache>/entries/`` with the step inlined into it, compiled for
:data:`cooptourney.core.entry.ENTRY_SIGNATURE` and cached on disk by numba. The kernels
take the entries' addresses in an array (:func:`step_list`), so they compile once for every strategy there is or will be, each strategy compiles (and is
cached) once, and a plugin costs only its own compilation. docs/engine.md has the
measurements behind this design ("Per-turn cost").

A strategy of the bundled library gets the *plain* entry: the step as it is, nothing
added to its turn. A plugin (any strategy defined outside the package,
:attr:`cooptourney.registry.StrategySpec.checked`) gets the *checked* entry, always
(docs/howto/add-a-strategy.md, "What a step may do"):

* its step is compiled with bounds checking and Python's error model, so an index
  outside an array or a division by zero raises instead of reading or writing
  memory that is not the step's, or passing unnoticed;
* it sees the histories up to the turn (``my[:t]``, ``opp[:t]``), its own parameters
  and table (``params[:k]``, not a tournament's padding) and the exact ``state`` and
  ``info`` vectors, so reading a turn not yet played, a parameter it does not have
  or a slot past ``info`` is an index out of range;
* ``my``, ``opp``, ``params`` and ``info`` are read-only: a step that writes to them
  does not compile (it writes only through ``state``, and ``rng`` by drawing);
* a step must return an integer (a float or a missing return does not compile), and
  a move other than C (0) or D (1) is recorded, with its turn, in the context block
  (``CTX_FAULT``, ``CTX_BAD_MOVE``) and played as C; so is the first turn on which the
  step raised. The kernels copy both into the result row (``OUT_FAULT_*``) and
  :func:`cooptourney.players.check_step_errors` turns them into an error naming the
  strategy, its partner and the turn.

Python callers (interop) call the step itself, compiled for :data:`STEP_SIGNATURE`
(:func:`compiled`).
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap

import numpy as np
from numba import njit, types
from numba.core.errors import TypingError
from numba.extending import overload as overload_function

from cooptourney.core.codegen import load_generated
from cooptourney.core.entry import ENTRY_SIGNATURE
from cooptourney.core.numba_abi import function_address, jit_options, overload, python_function

#: step(my, opp, t, state, params, info, rng) -> move
STEP_SIGNATURE = types.int8(
    types.int8[::1],  # my moves
    types.int8[::1],  # partner's moves
    types.int64,  # turn
    types.float64[::1],  # state
    types.float64[::1],  # params
    types.float64[::1],  # info
    types.uint64[::1],  # rng (key, counter)
)


_FALLBACK: dict[int, object] = {}
_PREPARED: set[int] = set()


def _prepare(spec) -> None:
    """Run the spec's ``prepare`` hook once (see :func:`cooptourney.registry.strategy`)."""
    if spec.prepare is not None and id(spec) not in _PREPARED:
        spec.prepare()
        _PREPARED.add(id(spec))


#: arguments a checked step may not write to (positions in the step's signature)
READ_ONLY_ARGUMENTS = {0: "my", 1: "opp", 4: "params", 5: "info"}
_NOT_A_MOVE = "cooptourney: a step's move is not an integer"


def step_move(move):
    """The move a step returned, as ``int64``; compiled, a step whose result is not an
    integer (or a bool) does not compile (the checked entry's type check)."""
    return np.int64(move)


@overload_function(step_move)
def _step_move(move):
    if isinstance(move, (types.Integer, types.Boolean)):
        return lambda move: np.int64(move)
    raise TypingError(f"{_NOT_A_MOVE}: {move}")


def origin(spec) -> str:
    """Where a strategy is defined, for messages: its source file, else its module."""
    code = getattr(spec.py_function, "__code__", None)
    return code.co_filename if code is not None else spec.module


def _written_arguments(fn) -> list[str]:
    """The names of the read-only arguments that ``fn``'s own code assigns into
    (``my[t] = ...``, ``info[0] += ...``); empty when its source cannot be read."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError):
        return []
    code = fn.__code__
    names = {code.co_varnames[k]: label for k, label in READ_ONLY_ARGUMENTS.items() if k < code.co_argcount}
    found = []
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for target in targets:
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                label = names.get(target.value.id)
                if label is not None and label not in found:
                    found.append(label)
    return found


def _definition_error(spec, exc):
    """A step that does not compile, as one line naming the strategy and its file: what
    is wrong in the engine's words for the checked entry's refusals, else the most
    telling line of numba's report and its line number."""
    from cooptourney.registry import StrategyDefinitionError

    text = str(exc)
    where = f"strategy {spec.name!r} ({origin(spec)})"
    if "readonly array" in text:
        written = _written_arguments(spec.py_function) or list(READ_ONLY_ARGUMENTS.values())
        return StrategyDefinitionError(
            f"{where}: its step writes to {' or '.join(f'`{w}`' for w in written)}, which it may only read; "
            f"a step keeps what it must remember in `state`"
        )
    if _NOT_A_MOVE in text:
        found = re.search(re.escape(_NOT_A_MOVE) + r": ([^\n]*)", text)
        kind = found.group(1).strip() if found else "another type"
        if "Optional" in kind or kind == "none":
            kind = "None (it ends without a return)"
        return StrategyDefinitionError(
            f"{where}: its step returns {kind} (on some path); a step returns C or D, the integers 0 and 1"
        )
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    # numba's report opens with the pipeline stage; the cause is a later line
    telling = [line for line in lines if not line.startswith(("Failed in ", "During: ", "File ", ">>>", "^"))]
    at = re.search(r'File "[^"]*", line (\d+)', text)
    return StrategyDefinitionError(
        f"{where} does not compile as a step function step(my, opp, t, state, params, info, rng) -> C|D"
        f"{f' (line {at.group(1)})' if at else ''}: {telling[0] if telling else type(exc).__name__}"
    )


def compiled(spec):
    """The spec's step function, compiled (or loaded from numba's cache) for STEP_SIGNATURE."""
    _prepare(spec)
    fn = spec.function
    cres = overload(fn, STEP_SIGNATURE)
    if cres is None:
        try:
            fn.compile(STEP_SIGNATURE)  # with the int8 return type the function pointer needs
        except Exception as exc:  # a strategy author's error: say which strategy, in the engine's words
            raise _definition_error(spec, exc) from exc
    elif cres.signature.return_type != STEP_SIGNATURE.return_type:
        # The function was first compiled as a callee of other jitted code, with an
        # inferred return type; a dispatcher of its own gives the pointer its int8 return.
        # (Not cached on disk: its index would collide with the first overload's.)
        if id(fn) not in _FALLBACK:
            _FALLBACK[id(fn)] = njit(STEP_SIGNATURE)(spec.py_function)
        return _FALLBACK[id(fn)]
    return fn


_ENTRY_TEMPLATE = """\
# GENERATED by cooptourney.core.dispatch: the kernel entry of {name!r}; do not edit.
# Step: {module}.{qualname}.
from numba import njit

from cooptourney.core.dispatch import inlined, pending_step
from cooptourney.core.entry import ENTRY_SIGNATURE, context_arrays

_step = inlined(pending_step({key!r}))


@njit(ENTRY_SIGNATURE, cache=True, error_model="numpy")
def entry(ctx, t):
    my, opp, state, params, info, rng = context_arrays(ctx)
    return _step(my, opp, t, state, params, info, rng)
"""

_CHECKED_ENTRY_TEMPLATE = """\
# GENERATED by cooptourney.core.dispatch: the checked kernel entry of {name!r}; do not edit.
# Step: {module}.{qualname}.
import numpy as np
from numba import carray, njit

from cooptourney.core.dispatch import inlined, pending_step, step_move
from cooptourney.core.entry import CTX_BAD_MOVE, CTX_FAULT, CTX_SIZE, ENTRY_SIGNATURE, context_arrays
from cooptourney.core.numba_abi import int64_pointer, read_only

_step = inlined(pending_step({key!r}))
PARAMS = {params}  # its parameters and table; a tournament pads the row to the longest one


@njit(ENTRY_SIGNATURE, cache=True, error_model="python", boundscheck=True)
def entry(ctx, t):
    my, opp, state, params, info, rng = context_arrays(ctx)
    block = carray(int64_pointer(ctx), CTX_SIZE)
    fault = block[CTX_FAULT]
    if fault == 0:
        block[CTX_FAULT] = -(t + 1)  # stays if the step raises: the turn of the first exception
    move = step_move(
        _step(read_only(my[:t]), read_only(opp[:t]), t, state, read_only(params[:PARAMS]), read_only(info), rng)
    )
    if move == 0 or move == 1:
        if fault == 0:
            block[CTX_FAULT] = 0
        return np.int8(move)
    if fault == 0:
        block[CTX_FAULT] = t + 1
        block[CTX_BAD_MOVE] = move
    return np.int8(0)  # the partner's history holds only C and D
"""

_ENTRIES: dict[int, object] = {}
_ADDRESSES: dict[int, int] = {}
_PENDING: dict[str, object] = {}


def pending_step(key: str):
    """The step function a generated entry module is being built for (read at its import)."""
    return _PENDING[key]


def inlined(dispatcher):
    """A copy of a step's dispatcher that numba inlines into its caller (``inline="always"``).

    LLVM inlines only the smallest steps into their entry by itself; a call left in
    place passes the six arrays as structs again, the cost the entry exists to avoid.
    """
    options = {k: v for k, v in jit_options(dispatcher).items() if k not in ("cache", "inline", "nopython")}
    return njit(inline="always", **options)(python_function(dispatcher))


def entry(spec):
    """The kernel entry of ``spec``: ``entry(ctx, t) -> move`` (:mod:`cooptourney.core.entry`).

    Generated per strategy into ``<cache>/entries/`` by :func:`cooptourney.core.codegen.load_generated`
    (numba caches it beside the file): the plain entry for a bundled strategy, the
    checked one for a plugin (see the module docstring). Under a name that hashes the entry, the step
    function's module and every source file numba compiles into it, so an edit to the
    strategy or to a helper it calls in another module gives a fresh compile.
    """
    key = id(spec.function)
    if key in _ENTRIES:
        return _ENTRIES[key]
    _prepare(spec)
    fn = spec.py_function
    # the step's module and name, so the text (and its hash) is the step's own
    key_text = f"{fn.__module__}.{fn.__qualname__}"
    fields = dict(name=spec.name, module=fn.__module__, qualname=fn.__qualname__, key=key_text)
    if spec.checked:
        own = len(spec.params) + (spec.table_values().shape[0] if spec.table is not None else 0)
        text = _CHECKED_ENTRY_TEMPLATE.format(params=own, **fields)
    else:
        text = _ENTRY_TEMPLATE.format(**fields)
    _PENDING[key_text] = spec.function
    try:
        module = load_generated("entries", text, depends_on=[fn.__module__])
    except Exception as exc:  # a strategy author's error: say which strategy, in the engine's words
        raise _definition_error(spec, exc) from exc
    _ENTRIES[key] = module.entry
    return module.entry


def entry_address(spec) -> int:
    """The address of ``spec``'s compiled entry, which the kernels call with numba's
    calling convention (:func:`cooptourney.core.entry.call_entry`): not its C wrapper,
    which costs a dozen instructions and a second call on every turn. Valid for the life
    of the process: the entry's module stays imported."""
    key = id(spec.function)
    if key not in _ADDRESSES:
        _ADDRESSES[key] = function_address(entry(spec), ENTRY_SIGNATURE)
    return _ADDRESSES[key]


def step_list(specs) -> np.ndarray:
    """``intp[len(specs)]``: the addresses of the specs' kernel entries, in order."""
    return np.array([entry_address(spec) for spec in specs], dtype=np.intp)
