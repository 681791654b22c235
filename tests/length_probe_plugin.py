"""A test-only strategy plugin (loaded with ``load_plugin`` by tests/test_engine.py).

"Length Probe" reports what it is told about the match length: it cooperates on a turn
iff ``info[INFO_LENGTH]`` equals its parameter ``expect``. Hidden, so it never shows up
in listings; the tests remove it from the registry again afterwards.
"""

from cooptourney.strategy_api import C, D, INFO_LENGTH, Param, strategy


@strategy(
    "Length Probe",
    reciprocity="other",
    memory_depth=0,
    uses_length=True,
    hidden=True,
    params={"expect": Param(float, -1.0, doc="the length it expects to be told")},
)
def length_probe(my, opp, t, state, params, info, rng):
    """Cooperates iff the engine tells it the expected match length (a test probe).

    other: a measuring instrument, not a rule of exchange.
    """
    if info[INFO_LENGTH] == params[0]:
        return C
    return D
