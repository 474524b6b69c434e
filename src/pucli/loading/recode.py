"""Convert a data file saved as GBK/GB18030 or UTF-16 to UTF-8, atomically.

Offices save CSV from Excel/WPS on Chinese Windows as GBK. pucli reads UTF-8 only (so it
never shows mojibake); this is the one-step fix its encoding error points to.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

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
    encoding it was read in. The file is replaced atomically: a crash leaves the old one."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError([Problem("unreadable-file", f"cannot read file: {exc.strerror}",
                                 str(path))]) from None
    try:
        encoding = source_encoding or detect_encoding(data)
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DataError([Problem("encoding", f"cannot decode the file: {exc}", str(path),
                                 hint="name the encoding with --from (e.g. --from gbk)")]) from None
    text = text.lstrip("\ufeff")
    out = ("\ufeff" if path.suffix.lower() == ".csv" else "") + text
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(out)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return encoding
