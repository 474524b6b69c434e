"""A cache of loaded YAML files, so an unchanged plan is not parsed and validated every run.

Loading measures.yaml (parse with locations, build the pydantic validators, validate,
cross-check) is most of what `pucli overdue` spends beyond starting Python. The result of
loading a file — the model (or None) and every problem found — depends only on the file's
bytes, the name it is reported under, and the code that loads it. So it is stored, keyed
by exactly those, and reused while none of them changes:

* the key is the file's bytes themselves, with its display name, the pucli and Python
  versions, and the size and mtime of every module of pucli outside ``cli`` and
  ``render`` and of the installed pydantic, pydantic-core, annotated-types and PyYAML (so
  editing the loader in a checkout, or upgrading a library, invalidates it); an entry
  stores its key and is used only when it is equal, byte for byte — no hash to collide,
  and no hashlib to import;
* a result is stored only if the file still holds the bytes of the key after loading
  (an editor saving in between must not pair one content with another's result), and
  only for regular files (not a pipe, which reads differently twice);
* one slot per file (named by a CRC of its kind, display name and path), overwritten on a
  miss, so the cache holds one entry per data file in use and does not grow with edits;
* at most :data:`MAX_ENTRIES` entries and :data:`MAX_TOTAL_BYTES` are kept: writing one
  removes the least recently written beyond that (a folder of test copies must not fill
  a disk); only pucli's own entry names are ever removed, whatever the folder holds;
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

import importlib.util
import os
import pickle
import re
import stat
import struct
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pucli
from pucli.loading.textfile import read_file
from pucli.problems import Problem

T = TypeVar("T")
Loaded = tuple[T | None, list[Problem]]

_PACKAGE = Path(pucli.__file__).resolve().parent
_CODE_DIRS = (".", "models", "loading")  # what loading runs; cli/ and render/ do not matter
# Libraries whose behaviour shapes a loaded result: located, not imported (importing
# pydantic or yaml only to read a version would cost more than the cache saves).
_LIBRARIES = ("pydantic", "pydantic_core", "annotated_types", "yaml")
_MAGIC = b"pucli-cache-2\n"
_LENGTH = struct.Struct("<Q")
_ENTRY = re.compile(r"(plan|targets)-[0-9a-f]{8}\.pickle")
_STALE_TMP_NS = 3600 * 10**9  # a temporary file this old was left by a killed run
MAX_ENTRIES = 32
MAX_TOTAL_BYTES = 256 * 1024 * 1024


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
    parts = [pucli.__version__, sys.version]
    files = []
    for name in _CODE_DIRS:
        files += sorted((_PACKAGE / name).glob("*.py"))
    for library in _LIBRARIES:
        spec = importlib.util.find_spec(library)
        files.append(Path(spec.origin) if spec and spec.origin else Path(library))
    for path in files:
        try:
            st = path.stat()
            parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:missing")
    return "\n".join(parts).encode()


def cached_load(kind: str, path: Path, display: str, max_bytes: int,
                load: Callable[[Path, str], Loaded]) -> Loaded:
    """``load(path, display)``, or its stored result when nothing it depends on changed.

    Files that cannot be read, or are larger than ``max_bytes``, go straight to ``load``,
    which reports them.
    """
    folder = cache_dir()
    if folder is None:
        return load(path, display)
    data, _ = read_file(path, display, max_bytes)  # the gate every data file passes
    if data is None:
        return load(path, display)  # which reports why
    try:
        fingerprint = _code_fingerprint()
        where = os.fsencode(path.resolve())
    except OSError:
        return load(path, display)
    # A folder name need not be UTF-8 (a GBK-named folder from a Windows zip): names are
    # encoded as the file system gives them, undecodable bytes kept as they are.
    shown = display.encode("utf-8", "surrogateescape")
    key = b"\0".join([kind.encode(), shown, fingerprint, data])
    name = b"\0".join([kind.encode(), shown, where])
    slot = folder / f"{kind}-{zlib.crc32(name):08x}.pickle"
    hit = _read(slot, key)
    if hit is not None:
        return hit
    result = load(path, display)
    if _unchanged(path, data):
        _write(folder, slot, key, result)
    return result


def _unchanged(path: Path, data: bytes) -> bool:
    return read_file(path, str(path), len(data))[0] == data


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
    """Remove pucli's oldest entries beyond the limits, and stale temporary files."""
    entries, doomed = [], []
    now = time.time_ns()
    for entry in os.scandir(folder):
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:  # removed by a concurrent run
            continue
        if _ENTRY.fullmatch(entry.name):
            entries.append((st.st_mtime_ns, st.st_size, entry.path))
        elif (entry.name.startswith(".tmp-") and entry.name.endswith(".pickle")
              and now - st.st_mtime_ns > _STALE_TMP_NS):
            doomed.append(entry.path)
    total = 0
    for rank, (_, size, path) in enumerate(sorted(entries, reverse=True)):  # newest first
        total += size
        if rank >= MAX_ENTRIES or total > MAX_TOTAL_BYTES:
            doomed.append(path)
    for path in doomed:
        try:
            os.unlink(path)
        except OSError:
            pass
