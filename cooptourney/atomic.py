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


class NotWritableError(OSError):
    """An output path that cannot be written; found before any work starts."""


def check_writable(path: str | Path, what: str = "output file") -> Path:
    """Refuse ``path`` unless :func:`write_atomic` can write it: checked before a run, not after.

    The target must not be a directory or a device; its nearest existing ancestor must be
    a directory in which a file can be created (tried, then removed: permissions alone do
    not tell for root or read-only file systems); the temporary name must fit the file
    system. Missing directories in between are fine (:func:`write_atomic` creates them).

    Raises
    ------
    NotWritableError
        One line naming the path and what is wrong with it.
    """
    path = Path(path)
    _check(path, f"cannot write the {what} {str(path)!r}", directory=False)
    return path


def check_writable_dir(path: str | Path, what: str = "output directory") -> Path:
    """Refuse a directory that cannot be created or written into (see :func:`check_writable`)."""
    path = Path(path)
    _check(path, f"cannot use the {what} {str(path)!r}", directory=True)
    return path


def _check(path: Path, where: str, directory: bool) -> None:
    if not str(path) or not path.name:
        raise NotWritableError(f"{where}: give a {'directory' if directory else 'file'} name")
    name_max = 255
    # write_atomic's temporary file is ".<name>.<8 random>.tmp"
    if len(f".{path.name}.xxxxxxxx.tmp".encode()) > name_max or any(len(p.encode()) > name_max for p in path.parts):
        raise NotWritableError(f"{where}: a name in it is too long (at most {name_max - 14} bytes)")
    try:
        if directory:
            if path.exists() and not path.is_dir():
                raise NotWritableError(f"{where}: it exists and is not a directory")
            ancestor = path.absolute()
        else:
            if path.is_dir():
                raise NotWritableError(f"{where}: it is a directory; give a file name")
            if path.exists() and not path.is_file():
                raise NotWritableError(f"{where}: it exists and is not a regular file")
            ancestor = path.absolute().parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        if not ancestor.is_dir():
            raise NotWritableError(f"{where}: {str(ancestor)!r} is not a directory")
    except OSError as exc:
        if isinstance(exc, NotWritableError):
            raise
        raise NotWritableError(f"{where}: {exc.strerror or exc}") from None
    try:
        fd, tmp = tempfile.mkstemp(dir=ancestor, prefix=".cooptourney-check.", suffix=".tmp")
    except OSError as exc:
        raise NotWritableError(
            f"{where}: no file can be created in {str(ancestor)!r} ({exc.strerror or exc})"
        ) from None
    os.close(fd)
    os.unlink(tmp)
