"""Parameter sweeps: many tournaments on Dask, stored as a resumable, verifiable dataset.

* :mod:`~cooptourney.sweeps.spec` -- the spec (a base tournament plus [sweep]) and its
  seeded tasks;
* :mod:`~cooptourney.sweeps.store` -- the output directory: task files, hashes, manifest;
* :mod:`~cooptourney.sweeps.run` -- :func:`run_sweep` on a Dask cluster, :func:`run_task`
  on a worker;
* :mod:`~cooptourney.sweeps.verify` -- :func:`verify`, file hashes and recomputation;
* :mod:`~cooptourney.sweeps.summary` -- :func:`summarise`, one outcome over the grid.

docs/howto/sweeps.md describes the spec, the directory and the guarantees.
"""

from cooptourney.sweeps.run import SweepRun, run_sweep, run_task
from cooptourney.sweeps.spec import (
    DISTRIBUTIONS,
    SWEEPABLE,
    SweepError,
    SweepSpec,
    Task,
    canonical_json,
    derive_seed,
    load_spec,
    spec_from_dict,
    task_id,
)
from cooptourney.sweeps.store import engine_versions, load_results, read_manifest, result_hash
from cooptourney.sweeps.summary import summarise
from cooptourney.sweeps.verify import VerifyReport, verify

__all__ = [
    "DISTRIBUTIONS",
    "SWEEPABLE",
    "SweepError",
    "SweepRun",
    "SweepSpec",
    "Task",
    "VerifyReport",
    "canonical_json",
    "derive_seed",
    "engine_versions",
    "load_results",
    "load_spec",
    "read_manifest",
    "result_hash",
    "run_sweep",
    "run_task",
    "spec_from_dict",
    "summarise",
    "task_id",
    "verify",
]
