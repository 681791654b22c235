"""Atomic file writes: a reader sees the whole new file or the old one, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)`` then rename onto ``path``: readers never see half a file."""
    return write_atomic_all([(path, write)])[0]


def write_atomic_all(items: list[tuple[str | Path, Callable[[Path], None]]]) -> list[Path]:
    """Write several files as one unit: every ``write(tmp_path)`` runs first, and only when
    all of them succeeded are the temporary files renamed onto their targets. A failure
    leaves every target as it was (no new file beside an old one) and no temporary file."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, write in items:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            os.close(fd)
            os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; results are ordinary files
            staged.append((Path(tmp), path))
            write(Path(tmp))
        for tmp_path, path in staged:
            os.replace(tmp_path, path)
    except BaseException:
        for tmp_path, _ in staged:
            tmp_path.unlink(missing_ok=True)
        raise
    return [path for _, path in staged]
