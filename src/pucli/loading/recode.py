"""Convert a data file saved as GBK/GB18030 or UTF-16 to UTF-8, atomically.

Offices save CSV from Excel/WPS on Chinese Windows as GBK. pucli reads UTF-8 only (so it
never shows mojibake); this is the one-step fix its encoding error points to.
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from pathlib import Path

from pucli.loading.csvfile import check_writable_folder, writers_lock
from pucli.loading.textfile import MAX_CSV_BYTES, MAX_YAML_BYTES, read_file
from pucli.problems import DataError, Problem

ENCODINGS = ("utf-8", "gb18030", "utf-16", "utf-32")


def detect_encoding(data: bytes) -> str:
    """The encoding the bytes decode in: UTF-8 first, then by BOM, then GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for enc in ("utf-8", "gb18030"):
        try:
            data.decode(enc)
            return enc
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("unknown", data, 0, 1, "no known encoding decodes this file")


def recode_file(path: Path, source_encoding: str | None = None) -> str:
    """Rewrite ``path`` as UTF-8 (CSV files get a BOM so Excel reads them); returns the
    encoding it was read in.

    A rewriter like any writer: the file must be a regular data file within the size
    limit (not the bundled copy), it is read and replaced under the writers' lock (so an
    ``update`` running at the same moment is neither lost nor overwritten), the new file
    takes the old one's permissions, and a symlink stays a symlink (its target is
    rewritten). The file is replaced atomically: a crash leaves the old one. A file that
    is already what recode would write is left untouched.
    """
    display = str(path)
    target = Path(os.path.realpath(path))  # rewrite what a symlink points at, keep the link
    check_writable_folder(target.parent, display)
    limit = MAX_CSV_BYTES if target.suffix.lower() == ".csv" else MAX_YAML_BYTES
    try:
        with writers_lock(target, display) as fd:
            data, problems = read_file(target, display, limit)
            if data is None:
                raise DataError(problems)
            encoding, out = _converted(data, source_encoding, target, display)
            if out != data:
                _replace(target, out, os.fstat(fd).st_mode)
    except FileNotFoundError:
        raise DataError([Problem("missing-file", "file not found", display)]) from None
    except OSError as exc:
        raise DataError([Problem("unreadable-file", f"cannot read file: {exc.strerror}",
                                 display)]) from None
    return encoding


def _converted(data: bytes, source_encoding: str | None, path: Path, display: str,
               ) -> tuple[str, bytes]:
    try:
        encoding = source_encoding or detect_encoding(data)
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DataError([Problem("encoding", f"cannot decode the file: {exc}", display,
                                 hint="name the encoding with --from (e.g. --from gbk)")]
                        ) from None
    text = text.lstrip("\ufeff")
    out = ("\ufeff" if path.suffix.lower() == ".csv" else "") + text
    return encoding, out.encode("utf-8")


def _replace(path: Path, data: bytes, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), stat.S_IMODE(mode))
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
