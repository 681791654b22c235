"""Atomic file writes: a reader sees the whole new file or the old one, never half of one.

A write goes to a temporary file ``.<name>.<random>.tmp`` beside the target, renamed
onto it when complete. The writer holds an ``flock`` on its temporary file until then;
the system releases it when the writer dies, so a temporary file nobody holds is one a
killed run left behind, and the next write of the same target removes it
(:func:`remove_stale_temporaries`). A live writer's file is never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

try:
    import fcntl
except ImportError:  # no flock (Windows): temporary files are not locked, and none is removed
    fcntl = None

_UMASK = os.umask(0)
os.umask(_UMASK)

#: What ``tempfile.mkstemp`` puts between the prefix and the suffix (8 characters).
_RANDOM = r"[a-z0-9_]{8}"


def write_atomic(path: str | Path, write: Callable[[Path], None], *, tidy: bool = True) -> Path:
    """Call ``write(tmp_path)`` then rename onto ``path``: readers never see half a file.

    ``tidy``: first remove the temporary files of ``path`` that killed runs left (a scan
    of its directory; a caller writing many files into one directory it has tidied
    already passes ``False``)."""
    return write_atomic_all([(path, write)], tidy=tidy)[0]


def write_atomic_all(items: list[tuple[str | Path, Callable[[Path], None]]], *, tidy: bool = True) -> list[Path]:
    """Write several files as one unit: every ``write(tmp_path)`` runs first, and only when
    all of them succeeded are the temporary files renamed onto their targets. A failure
    leaves every target as it was (no new file beside an old one) and no temporary file.
    Temporary files of the same targets left by killed runs are removed first (unless
    ``tidy`` is false). A process killed between two of the renames (microseconds) leaves
    some targets new and the others old, each of them whole."""
    staged: list[tuple[Path, Path]] = []
    held: list[int] = []
    try:
        for path, write in items:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            if tidy:
                remove_stale_temporaries(path.parent, [path.name])
            fd, tmp = _locked_temporary(path)
            held.append(fd)
            staged.append((tmp, path))
            os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; results are ordinary files
            write(tmp)
        for tmp_path, path in staged:
            os.replace(tmp_path, path)
    except BaseException:
        for tmp_path, _ in staged:
            tmp_path.unlink(missing_ok=True)
        raise
    finally:
        for fd in held:
            os.close(fd)
    return [path for _, path in staged]


def _locked_temporary(path: Path) -> tuple[int, Path]:
    """A new temporary file for ``path`` and an open descriptor holding its lock.

    Between its creation and the lock, a cleaner could take the file for a dead run's
    and remove it; the lock is then on a file no longer in the directory, which is
    checked after locking (and a new one made).
    """
    while True:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        if fcntl is None:
            return fd, Path(name)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # a file system without locks: then no cleaner can take it either
            return fd, Path(name)
        if _same_file(fd, name):
            return fd, Path(name)
        os.close(fd)


def _same_file(fd: int, name: str | Path) -> bool:
    try:
        st = os.stat(name)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino)


def temporary_pattern(names: Iterable[str] | None = None) -> re.Pattern[str]:
    """The names :func:`write_atomic` gives the temporary files of targets ``names``
    (of any target when ``None``)."""
    target = ".+" if names is None else "|".join(re.escape(n) for n in names)
    return re.compile(rf"\.(?:{target})\.{_RANDOM}\.tmp")


def remove_stale_temporaries(directory: str | Path, names: Iterable[str] | None = None) -> list[Path]:
    """Remove the temporary files that killed writers left in ``directory``.

    Parameters
    ----------
    directory : path
    names : iterable of str, optional
        Only those of these targets (file names in ``directory``); default: every
        temporary file :func:`write_atomic` makes, for directories only this package
        writes (a sweep's, the cache's).

    Returns
    -------
    list of Path
        The files removed: those no process holds the lock of. A live writer's
        temporary file, locked until it is renamed, is left alone.
    """
    pattern = temporary_pattern(names)
    removed = []
    try:
        entries = list(os.scandir(directory))
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for entry in entries:
        if pattern.fullmatch(entry.name) and _remove_if_unheld(Path(entry.path)):
            removed.append(Path(entry.path))
    return removed


def _remove_if_unheld(path: Path) -> bool:
    if fcntl is None:  # whether a writer is alive cannot be told
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:  # gone already, or not a file of ours
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held by a live writer (or a file system without locks)
            return False
        if not _same_file(fd, path):  # renamed into place, or replaced, since it was listed
            return False
        path.unlink(missing_ok=True)
        return True
    finally:
        os.close(fd)


def remove_old_files(directory: str | Path, pattern: str, older_than: float) -> list[Path]:
    """Remove the files of ``directory`` whose names match ``pattern`` (a regular
    expression, matched in full) and that were last written more than ``older_than``
    seconds ago: for temporary files of writers that hold no lock (numba's cache)."""
    regex = re.compile(pattern)
    cutoff = time.time() - older_than
    removed = []
    try:
        entries = list(os.scandir(directory))
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for entry in entries:
        if regex.fullmatch(entry.name):
            with contextlib.suppress(OSError):
                if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


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
