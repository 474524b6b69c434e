"""A cache of loaded YAML files, so an unchanged plan is not parsed and validated every run.

Loading measures.yaml (parse with locations, build the pydantic validators, validate,
cross-check) is most of what `pucli overdue` spends beyond starting Python. The result of
loading a file — the model (or None) and every problem found — depends only on the file's
bytes, the name it is reported under, and the code that loads it. So it is stored, keyed
by exactly those, and reused while none of them changes:

* the key is the file's bytes themselves, with its display name, the pucli/pydantic/Python
  versions and the size and mtime of every module in ``pucli.models`` and
  ``pucli.loading`` plus ``pucli.problems`` (so editing the loader in a checkout
  invalidates it); an entry stores its key and is used only when it is equal, byte for
  byte — no hash to collide, and no hashlib to import;
* one slot per file (named by a CRC of its kind, display name and path), overwritten on a
  miss, so the cache holds one entry per data file in use and does not grow with edits;
* at most :data:`MAX_ENTRIES` entries are kept: writing one removes the least recently
  written beyond that (a folder of test copies must not fill a disk);
* entries are written to a temporary file and renamed into place, so concurrent runs
  read a whole entry or none;
* any failure — no cache folder, a corrupt or truncated entry, a full disk — is a miss,
  never an error: the file is loaded as if there were no cache.

The folder is ``$PUCLI_CACHE_DIR``, else ``$XDG_CACHE_HOME/pucli``, else
``~/.cache/pucli``, created private to the user (0700). Entries are pickles, and unpickling
runs code, so an entry is read only when it is a regular file owned by the user running
pucli that no one else may write (a cache folder pointed at a shared place cannot be used
to plant one); ``PUCLI_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import os
import pickle
import stat
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pucli
from pucli.problems import Problem

T = TypeVar("T")
Loaded = tuple[T | None, list[Problem]]

_PACKAGE = Path(pucli.__file__).resolve().parent
_CODE_DIRS = ("models", "loading")
_MAGIC = b"pucli-cache-2\n"
_LENGTH = struct.Struct("<Q")
MAX_ENTRIES = 32


def cache_dir(environ: os._Environ[str] | dict[str, str] | None = None) -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    env = os.environ if environ is None else environ
    if env.get("PUCLI_NO_CACHE", "") not in ("", "0"):
        return None
    if env.get("PUCLI_CACHE_DIR"):
        return Path(env["PUCLI_CACHE_DIR"])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pucli"


def _code_fingerprint() -> bytes:
    """Size and mtime of the modules whose behaviour decides what loading returns."""
    parts = [pucli.__version__, sys.version, _pydantic_version()]
    files = [_PACKAGE / "problems.py"]
    for name in _CODE_DIRS:
        files += sorted((_PACKAGE / name).glob("*.py"))
    for path in files:
        st = path.stat()
        parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts).encode()


def _pydantic_version() -> str:
    import pydantic

    return pydantic.VERSION


def cached_load(kind: str, path: Path, display: str, max_bytes: int,
                load: Callable[[Path, str], Loaded]) -> Loaded:
    """``load(path, display)``, or its stored result when nothing it depends on changed.

    Files that cannot be read, or are larger than ``max_bytes``, go straight to ``load``,
    which reports them.
    """
    folder = cache_dir()
    if folder is None:
        return load(path, display)
    try:
        if path.stat().st_size > max_bytes:
            return load(path, display)
        data = path.read_bytes()
        fingerprint = _code_fingerprint()
    except OSError:
        return load(path, display)
    key = b"\0".join([kind.encode(), display.encode(), fingerprint, data])
    name = f"{kind}\0{display}\0{path.resolve()}".encode()
    slot = folder / f"{kind}-{zlib.crc32(name):08x}.pickle"
    hit = _read(slot, key)
    if hit is not None:
        return hit
    result = load(path, display)
    _write(folder, slot, key, result)
    return result


def _read(slot: Path, key: bytes) -> Loaded | None:
    try:
        with open(slot, "rb") as fh:
            if not _trusted(os.fstat(fh.fileno())):
                return None
            head = fh.read(len(_MAGIC) + _LENGTH.size)
            if head != _MAGIC + _LENGTH.pack(len(key)) or fh.read(len(key)) != key:
                return None
            result = pickle.load(fh)
    except Exception:  # missing, truncated, corrupt, from an older layout: a miss
        return None
    if not (isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], list)):
        return None
    return result


def _trusted(st: os.stat_result) -> bool:
    """A regular file of this user's that group and others cannot write."""
    return (stat.S_ISREG(st.st_mode) and st.st_uid == os.getuid()
            and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _write(folder: Path, slot: Path, key: bytes, result: Loaded) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + _LENGTH.pack(len(key)) + key)
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, slot)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(folder)
    except Exception:  # a read-only home, a full disk, an unpicklable value: no cache
        return


def _prune(folder: Path) -> None:
    entries = []
    for entry in os.scandir(folder):
        if entry.name.endswith(".pickle") and not entry.name.startswith("."):
            try:
                entries.append((entry.stat().st_mtime_ns, entry.path))
            except OSError:  # removed by a concurrent run
                continue
    for _, path in sorted(entries)[:-MAX_ENTRIES]:
        try:
            os.unlink(path)
        except OSError:
            pass
