"""numba's cache files of the generated modules, checked: a damaged one is compiled again.

numba keeps a ``cache=True`` function's compiled code beside its source, in
``__pycache__``: an index ``<module>.<function>-<line>.pyXY.nbi`` (numba's version, the
source file's stamp, and which data file holds each signature) and one data file per
signature, ``<module>.<function>-<line>.pyXY.<n>.nbc`` (the pickled object code). numba
reads them unchecked: a truncated or scrambled file fails with a pickling error in every
later process, or loads code that is not what was compiled.

For the modules :mod:`cooptourney.core.codegen` generates (each registered with
:func:`guard` before it is imported), every index and data file numba writes ends with a
checksum -- a marker and the blake2b digest of all the bytes before it -- and is checked
on every read. pickle ignores bytes past the end of what it reads, so the files stay
numba's format. A file whose checksum is missing or wrong, or whose content does not
load, is a cache miss: removed, compiled again (numba then writes a good one), and
reported once, in one line on stderr. Files of other modules are left to numba as they
are.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import threading

from numba.core.caching import IndexDataCacheFile

__all__ = ["guard", "is_guarded"]

#: What precedes the digest at the end of a checked file.
_MARKER = b"\0cooptourney-checksum\0"
_DIGEST = 16
_GUARDED: set[str] = set()
_REPORTED: set[str] = set()
_UNSAVED: list[str] = []  # the first file that could not be saved (reported)
_INSTALLED: list[bool] = []
_LOCK = threading.Lock()


class DamagedCacheFile(OSError):
    """A cache file that fails its check: numba treats an ``OSError`` on reading a data
    file as a miss and compiles the function again."""


def guard(stem: str) -> None:
    """Check numba's cache files of the module whose file is ``<stem>.py`` from now on."""
    with _LOCK:
        if not _INSTALLED:
            _install()
            _INSTALLED.append(True)
        _GUARDED.add(stem)


def is_guarded(filename: str) -> bool:
    """Whether ``filename`` (an index or data file's name) belongs to a guarded module."""
    return filename.split(".", 1)[0] in _GUARDED


def _sealed(body: bytes) -> bytes:
    return body + _MARKER + hashlib.blake2b(body, digest_size=_DIGEST).digest()


def _unsealed(data: bytes) -> bytes:
    """The body of a checked file; :class:`DamagedCacheFile` when the check fails."""
    body, marker, digest = data[: -len(_MARKER) - _DIGEST], data[-len(_MARKER) - _DIGEST : -_DIGEST], data[-_DIGEST:]
    if marker != _MARKER:
        raise DamagedCacheFile("no checksum (truncated, or not written by this version)")
    if hashlib.blake2b(body, digest_size=_DIGEST).digest() != digest:
        raise DamagedCacheFile("its checksum does not match its content")
    return body


def _damaged(path: str, why: str) -> None:
    """Remove a damaged file and say so once per process and file."""
    try:
        os.unlink(path)
    except OSError:
        pass  # removed by another process that found it too, or not ours to remove
    with _LOCK:
        if path in _REPORTED:
            return
        _REPORTED.add(path)
    print(
        f"cooptourney: warning: damaged compiled code in the cache ({path}: {why}); compiling it again", file=sys.stderr
    )


def _install() -> None:
    """Wrap numba's reads and writes of index and data files (for guarded modules only)."""
    load_index, save_index = IndexDataCacheFile._load_index, IndexDataCacheFile._save_index
    load_data, save_data = IndexDataCacheFile._load_data, IndexDataCacheFile._save_data

    def _load_index_checked(self):
        if not is_guarded(self._index_name):
            return load_index(self)
        try:
            with open(self._index_path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            return {}
        try:
            stream = io.BytesIO(_unsealed(data))
            version = pickle.load(stream)
            if version != self._version:
                return {}  # another numba's: numba overwrites it
            stamp, overloads = pickle.loads(stream.read())
            if not isinstance(overloads, dict):
                raise DamagedCacheFile("its table of data files is not a table")
        except Exception as exc:  # any failure to load is damage: the file was checked when written
            _damaged(self._index_path, _why(exc))
            return {}
        return overloads if stamp == self._source_stamp else {}

    def _save_index_checked(self, overloads):
        if not is_guarded(self._index_name):
            return save_index(self, overloads)
        body = pickle.dumps(self._version, protocol=-1) + self._dump((self._source_stamp, overloads))
        _write(self, self._index_path, _sealed(body))
        return None

    def _load_data_checked(self, name):
        if not is_guarded(name):
            return load_data(self, name)
        path = self._data_path(name)
        with open(path, "rb") as f:  # an OSError here is a miss, as numba has it
            data = f.read()
        try:
            return pickle.loads(_unsealed(data))
        except Exception as exc:
            _damaged(path, _why(exc))
            raise DamagedCacheFile(path) from exc

    def _save_data_checked(self, name, data):
        if not is_guarded(name):
            return save_data(self, name, data)
        _write(self, self._data_path(name), _sealed(self._dump(data)))
        return None

    IndexDataCacheFile._load_index = _load_index_checked
    IndexDataCacheFile._save_index = _save_index_checked
    IndexDataCacheFile._load_data = _load_data_checked
    IndexDataCacheFile._save_data = _save_data_checked


def _write(cache_file, path: str, data: bytes) -> None:
    """Write a cache file (atomically: numba's temporary file renamed into place). A file
    that cannot be written (a full disk) loses only the saved compile: said once per
    process."""
    try:
        with cache_file._open_for_write(path) as f:
            f.write(data)
    except OSError as exc:
        with _LOCK:
            if _UNSAVED:
                return
            _UNSAVED.append(path)
        print(
            f"cooptourney: warning: cannot save compiled code to the cache ({path}: {exc.strerror or exc}); "
            "what this run compiles is compiled again by the next one",
            file=sys.stderr,
        )


def _why(exc: BaseException) -> str:
    if isinstance(exc, DamagedCacheFile):
        return str(exc)
    text = " ".join(str(exc).split())
    return f"does not load: {type(exc).__name__}" + (f": {text}" if text else "")
