"""How the kernels reach strategies: one signature, compiled step functions in a typed list.

Every strategy is compiled for :data:`STEP_SIGNATURE` the first time it is used and
cached on disk by numba (``cache=True`` at its decorator), so each strategy costs
its compilation once, ever, and the kernels never recompile when strategies are
added. See the module docstring of :mod:`cooptourney.core.kernel_template` for the
measurements behind this choice.
"""

from __future__ import annotations

import warnings

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
            steps.append(compiled(spec))
    _LISTS[key] = steps
    return steps
