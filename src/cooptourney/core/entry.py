"""The two-argument calling convention between the kernels and the strategies.

A strategy is written as ``step(my, opp, t, state, params, info, rng)`` with six
arrays. Called through a function pointer, each array crosses the call as numba's
seven-field array struct (about 45 values through memory per call), and the call goes
through a C-ABI wrapper into the compiled function: most of a simple strategy's turn.
So the kernels call a generated *entry* per strategy (:func:`cooptourney.core.dispatch.entry`)
with two scalars, ``entry(ctx, t)``: ``ctx`` is the address of a small ``int64``
*context* block that holds the entry's own address, the addresses and lengths of the
six arrays, and the slots the call writes its move and its error status to
(:func:`call_entry`). The entry rebuilds the arrays as views (:func:`numba.carray`, no
allocation) and calls the strategy's compiled step directly, in one module, where
LLVM can inline it. The views own no memory (no NRT meminfo), so no reference counting
happens on them.

The kernel fills a context once per match (:func:`fill_context`), before the turn
loop, and must keep every array it points to alive until the match ends
(:func:`keep_alive`): numba frees an array after the last use of its variable, and
an address in a context block is not a use. Everything a call needs being in the
block, the turn loop keeps one address per side live across the calls instead of
four (docs/engine.md, "The context block").
"""

from numba import carray, njit, types

from cooptourney.core.numba_abi import (
    address,
    calling_convention_call,
    float64_pointer,
    int8_pointer,
    int64_pointer,
    uint64_pointer,
)

# Context block: the addresses of the six arrays, then their lengths.
CTX_MY = 0
CTX_OPP = 1
CTX_STATE = 2
CTX_PARAMS = 3
CTX_INFO = 4
CTX_RNG = 5
CTX_LENGTHS = 6  # + the slot of the address
CTX_ERRORS = 12  # how many calls raised instead of returning a move
CTX_ENTRY = 13  # the address of the entry to call (dispatch.entry_address)
CTX_RESULT = 14  # where the call writes its move (an int8 in the low byte)
CTX_EXCINFO = 15  # where a call that raised writes numba's exception details
# Written by checked entries only (plugins, core/dispatch.py): the first turn t on which
# the step raised, as -(t + 1), or returned a move other than C or D, as t + 1 (0: none),
# and the move it returned then.
CTX_FAULT = 16
CTX_BAD_MOVE = 17
CTX_SIZE = 18

#: entry(ctx address, turn) -> move
ENTRY_SIGNATURE = types.int8(types.intp, types.int64)

#: ``call_entry(ctx_address, t) -> move``: call the entry of the context block at
#: ``ctx_address`` (its ``CTX_ENTRY`` slot: the compiled function itself, see
#: :func:`cooptourney.core.dispatch.entry_address`) with ``(ctx_address, t)``, in numba's
#: own calling convention (:func:`cooptourney.core.numba_abi.calling_convention_call`),
#: the move written to the ``CTX_RESULT`` slot. A step that raised gives move C (0, as
#: numba's C wrapper did) and adds 1 to the ``CTX_ERRORS`` slot of its block, which the
#: kernels report (``OUT_ERRORS_A`` / ``OUT_ERRORS_B`` in :mod:`cooptourney.core.layout`).
call_entry = calling_convention_call(CTX_ENTRY, CTX_RESULT, CTX_EXCINFO, CTX_ERRORS)


@njit(cache=True, inline="always")
def fill_context(ctx, entry, my, opp, state, params, info, rng):
    """Point the context block ``ctx`` (``int64[CTX_SIZE]``) at a strategy's entry
    (its address) and six arrays; returns the block's address."""
    ctx[CTX_ENTRY] = entry
    ctx[CTX_MY] = address(my)
    ctx[CTX_OPP] = address(opp)
    ctx[CTX_STATE] = address(state)
    ctx[CTX_PARAMS] = address(params)
    ctx[CTX_INFO] = address(info)
    ctx[CTX_RNG] = address(rng)
    ctx[CTX_LENGTHS + CTX_MY] = my.shape[0]
    ctx[CTX_LENGTHS + CTX_OPP] = opp.shape[0]
    ctx[CTX_LENGTHS + CTX_STATE] = state.shape[0]
    ctx[CTX_LENGTHS + CTX_PARAMS] = params.shape[0]
    ctx[CTX_LENGTHS + CTX_INFO] = info.shape[0]
    ctx[CTX_LENGTHS + CTX_RNG] = rng.shape[0]
    ctx[CTX_ERRORS] = 0
    ctx[CTX_FAULT] = 0
    ctx[CTX_BAD_MOVE] = 0
    return address(ctx)


@njit(cache=True, inline="always")
def context_arrays(ctx_address):
    """The six arrays a context block points to, as views (my, opp, state, params, info, rng)."""
    c = carray(int64_pointer(ctx_address), CTX_SIZE)
    my = carray(int8_pointer(c[CTX_MY]), c[CTX_LENGTHS + CTX_MY])
    opp = carray(int8_pointer(c[CTX_OPP]), c[CTX_LENGTHS + CTX_OPP])
    state = carray(float64_pointer(c[CTX_STATE]), c[CTX_LENGTHS + CTX_STATE])
    params = carray(float64_pointer(c[CTX_PARAMS]), c[CTX_LENGTHS + CTX_PARAMS])
    info = carray(float64_pointer(c[CTX_INFO]), c[CTX_LENGTHS + CTX_INFO])
    rng = carray(uint64_pointer(c[CTX_RNG]), c[CTX_LENGTHS + CTX_RNG])
    return my, opp, state, params, info, rng


@njit(cache=True, inline="never")
def keep_alive(a, b, c):
    """Nothing; a call after the turn loop, so numba keeps the arrays the context blocks
    point to (and their memory) until then instead of freeing them after their last use."""
    return a.shape[0] + b.shape[0] + c.shape[0]
