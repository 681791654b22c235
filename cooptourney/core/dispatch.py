"""How the kernels reach strategies: one signature, compiled step functions in a typed list.

Every strategy is compiled for :data:`STEP_SIGNATURE` the first time it is used and
cached on disk by numba (``cache=True`` at its decorator), so each strategy costs
its compilation once, ever, and the kernels never recompile when strategies are
added. See the module docstring of :mod:`cooptourney.core.kernel_template` for the
measurements behind this choice.

The kernels get a *lean* compile of each step function where numba allows one
(:func:`lean`: no reference counting of the array arguments, which cost 40 of Win-Stay
Lose-Shift's 60 ns per turn); Python callers (interop) keep the ordinary one.
"""

from __future__ import annotations

import types as pytypes
import warnings
from pathlib import Path

import numba
from numba import njit, types
from numba.core.errors import NumbaTypeSafetyWarning
from numba.typed import List

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
STEP_TYPE = types.FunctionType(STEP_SIGNATURE)


_FALLBACK: dict[int, object] = {}


def compiled(spec):
    """The spec's step function, compiled (or loaded from numba's cache) for STEP_SIGNATURE."""
    fn = spec.function
    cres = fn.overloads.get(STEP_SIGNATURE.args)
    if cres is None:
        try:
            fn.compile(STEP_SIGNATURE)  # with the int8 return type the function pointer needs
        except Exception as exc:  # a strategy author's error: say which strategy, keep numba's detail
            from cooptourney.registry import StrategyDefinitionError

            detail = str(exc).strip().splitlines()
            raise StrategyDefinitionError(
                f"strategy {spec.name!r} ({spec.module}) does not compile as a step function "
                f"step(my, opp, t, state, params, info, rng) -> C|D: {detail[0] if detail else type(exc).__name__}"
            ) from exc
    elif cres.signature.return_type != STEP_SIGNATURE.return_type:
        # The function was first compiled as a callee of other jitted code, with an
        # inferred return type; a dispatcher of its own gives the pointer its int8 return.
        # (Not cached on disk: its index would collide with the first overload's.)
        if id(fn) not in _FALLBACK:
            _FALLBACK[id(fn)] = njit(STEP_SIGNATURE)(spec.py_function)
        return _FALLBACK[id(fn)]
    return fn


_LEAN: dict[int, object] = {}
_LEAN_SUFFIX = "__lean_step"


def _needs_nrt_marker(spec) -> Path:
    """Where a failed lean compile is remembered, so no later process retries it."""
    from cooptourney.core.codegen import cache_dir

    fn = spec.py_function
    name = f"{fn.__module__}.{fn.__qualname__}-{spec.source_hash}-{numba.__version__}".replace("<", "").replace(">", "")
    return cache_dir() / "lean" / f"{name}.needs-nrt"


def lean(spec):
    """The spec's step function compiled for STEP_SIGNATURE without NRT reference counting,
    or None if the strategy needs NRT (it allocates arrays).

    A step function compiled normally increfs every array argument it reads on entry and
    decrefs it on exit: atomic read-modify-writes, two per array per call, which cost
    Win-Stay Lose-Shift 40 of its 60 ns per turn (docs/engine.md, "Per-turn cost"). The
    kernel owns every array it passes and keeps it alive for the whole match, so the
    counts are not needed. Compiled with ``_nrt=False``, numba refuses any function that
    creates an array ("Only accept returning of array passed into the function as
    argument"), also in the helpers it calls, so a lean step can never leak or free
    memory; a strategy that allocates is compiled the ordinary way. The lean copy is
    a separate function object (same code and globals, its own qualified name) so
    numba caches it on disk beside the strategy under its own index.
    """
    key = id(spec.function)
    if key in _LEAN:
        return _LEAN[key]
    fn = spec.py_function
    result = None
    marker = _needs_nrt_marker(spec)
    # Compile the ordinary step first. numba compiles the helpers a step calls with the
    # caller's flags and keeps what it compiled (or failed to) per signature, so a lean
    # attempt made first would leave NRT-less helper overloads behind, or a failure for a
    # helper that allocates (e.g. a probe's dual history), and break the ordinary compile
    # that follows. With the helpers already compiled with NRT the lean compile reuses them.
    compiled(spec)
    if not marker.exists():
        twin = pytypes.FunctionType(fn.__code__, fn.__globals__, fn.__name__, fn.__defaults__, fn.__closure__)
        twin.__qualname__ = fn.__qualname__ + _LEAN_SUFFIX
        twin.__module__ = fn.__module__
        twin.__kwdefaults__ = fn.__kwdefaults__
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = njit(STEP_SIGNATURE, cache=True, _nrt=False)(twin)
        except Exception:
            result = None
            try:
                marker.parent.mkdir(parents=True, exist_ok=True)
                marker.touch()
            except OSError:
                pass
    _LEAN[key] = result
    return result


def step_function(spec):
    """What the kernels call for ``spec``: the lean compile, else the ordinary one."""
    return lean(spec) or compiled(spec)


_LISTS: dict[tuple[int, ...], List] = {}


def step_list(specs) -> List:
    """A ``numba.typed.List`` of the specs' step functions, in order (memoised: the kernels
    only read it)."""
    key = tuple(id(spec.function) for spec in specs)
    if key in _LISTS:
        return _LISTS[key]
    if len(_LISTS) > 256:
        _LISTS.clear()
    steps = List.empty_list(STEP_TYPE)
    with warnings.catch_warnings():
        # numba warns that storing a dispatcher as a function pointer is an "unsafe cast";
        # it is exact here: the pointer is to the overload compiled for STEP_SIGNATURE.
        warnings.simplefilter("ignore", NumbaTypeSafetyWarning)
        for spec in specs:
            steps.append(step_function(spec))
    _LISTS[key] = steps
    return steps
