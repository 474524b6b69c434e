"""Bytes → text, refusing what would be read wrongly.

Shared by the YAML and CSV loaders. A file that is not UTF-8 is refused with a message
saying what it most likely is (GBK as saved by Excel/WPS on Chinese Windows, UTF-16 as
saved by some Windows tools) and how to convert it — never decoded into mojibake.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import stat
from pathlib import Path

from pucli.problems import Problem

# Files larger than this are refused before they are read, so a mistaken path (a database
# dump, a video) cannot exhaust memory. Measured (docs/hardening.md): loading takes about
# 26 bytes of memory per byte of YAML and 16 per byte of CSV. A 5,000-measure plan is
# 3.8 MB and a ledger of 100,000 reports 7.6 MB; at these limits (4x and 4x) a folder
# peaks near 1 GB instead of the many GB a 256 MB file would take.
MAX_YAML_BYTES = 16 * 1024 * 1024
MAX_CSV_BYTES = 32 * 1024 * 1024

_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

NOT_GBK = ("file is neither UTF-8 nor GBK Chinese text (it may be Big5, Shift-JIS or "
           "Latin-1, or UTF-8 with a damaged byte)")
RECODE_FROM_HINT = ("save it as UTF-8 (Excel/WPS: 另存为 → 'CSV UTF-8'), or convert it with "
                    "`pucli recode {file} --from ENCODING` (big5, shift_jis, latin-1 …)")
RESAVE_HINT = (
    "save the file as UTF-8 (Excel/WPS: 另存为 → 'CSV UTF-8'; editors: encoding UTF-8), "
    "or convert it with `pucli recode {file}`"
)


def line_col_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as far as decodable) of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, col


def read_text(path: Path, display: str, max_bytes: int, gbk: bool = False,
              ) -> tuple[str | None, list[Problem]]:
    """Read ``path`` as UTF-8 text (a BOM and CRLF line ends are accepted).

    With ``gbk``, a file that is not UTF-8 but is GBK (GB18030), as Excel/WPS on Chinese
    Windows save "CSV (逗号分隔)", is read as such: for files pucli only reads once (a
    returned form, a table to import), never for the data folder's own files, which stay
    UTF-8 (``pucli recode`` converts those).

    Returns the text, or ``None`` and the problems that make it unreadable.
    """
    data, problems = read_file(path, display, max_bytes)
    if data is None:
        return None, problems
    text, problems = decode_bytes(data, display)
    if text is None and gbk and not data.startswith(codecs.BOM_UTF8) \
            and not _looks_utf16(data):
        if (chinese := plausible_gbk(data)) is not None:
            return chinese, []
        # GBK would have been read: say what this is not, and how to convert it
        problems = [dataclasses.replace(
            p, message=NOT_GBK, hint=RECODE_FROM_HINT.format(file=display))
            if p.code == "encoding" and not p.message.startswith("file is UTF") else p
            for p in problems]
    return text, problems


def plausible_gbk(data: bytes) -> str | None:
    """``data`` decoded as GBK when it reads as Chinese text, else None.

    GBK decodes most byte strings, so decoding is not evidence: Big5, Shift-JIS, Latin-1
    and UTF-8 with a stray byte all decode into nonsense. The text must hold no NUL, must
    not be mostly valid UTF-8, and its non-ASCII characters must be the GB2312 repertoire
    an office writes — hanzi (rows 16–87) and punctuation and full-width forms (rows 1–3),
    no kana, Greek, Cyrillic or box drawing (rows 4–9), which such misreadings produce —
    with at most one in ten outside GB2312 (a rare character in a name).
    """
    try:
        text = data.decode("gbk")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    as_utf8 = data.decode("utf-8", "replace")
    if sum(ord(c) > 0x7F and c != "\ufffd" for c in as_utf8) >= as_utf8.count("\ufffd"):
        return None  # UTF-8 with a stray byte or two: refused as not UTF-8, located
    wide = [c for c in text if ord(c) > 0x7F]
    rare = 0
    for c in wide:
        try:
            row = c.encode("gb2312")[0] - 0xA0
        except UnicodeEncodeError:
            rare += 1
            continue
        if not (1 <= row <= 3 or 16 <= row <= 87):
            return None
    return text if wide and rare * 10 <= len(wide) else None


def dangling_link(path: Path, display: str) -> Problem:
    """A symbolic link whose target is missing: named as such, never taken for an absent
    file (which pucli reads as empty) nor created through."""
    return Problem("dangling-link", f"is a symbolic link to a missing file "
                   f"({os.readlink(path)})", display,
                   hint="point the link at the file, or remove the link")


def read_file(path: Path, display: str, max_bytes: int) -> tuple[bytes | None, list[Problem]]:
    """The bytes of ``path``, read through the one gate every data file passes.

    The file must be a regular file (a FIFO, a device or a socket is refused: reading one
    blocks or never ends) of at most ``max_bytes`` — checked on the opened file, and again
    while reading, so a file that grows, or ``/dev/zero`` behind a symlink, cannot
    exhaust memory. It is opened non-blocking: opening a FIFO never waits for a writer.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        if os.path.islink(path):
            return None, [dangling_link(path, display)]
        return None, [
            Problem("missing-file", "file not found", display,
                    hint="create it, or point --data / PUCLI_DATA at the folder that holds it")
        ]
    except OSError as exc:
        return None, [Problem("unreadable-file", f"cannot read file: {exc.strerror}", display)]
    try:
        problem = check_regular(fd, display, max_bytes)
        if problem is not None:
            return None, [problem]
        data = _read_at_most(fd, max_bytes + 1)
    except OSError as exc:
        return None, [Problem("unreadable-file", f"cannot read file: {exc.strerror}", display)]
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        return None, [too_large(len(data), max_bytes, display)]
    return data, []


def check_regular(fd: int, display: str, max_bytes: int | None = None) -> Problem | None:
    """The problem with the opened file ``fd`` when it is not a regular file of at most
    ``max_bytes``; None when it is fine."""
    return regular_problem(os.fstat(fd), display, max_bytes)


def regular_problem(st: os.stat_result, display: str, max_bytes: int | None = None,
                    ) -> Problem | None:
    """:func:`check_regular` on a ``stat`` result."""
    if stat.S_ISDIR(st.st_mode):
        return Problem("unreadable-file", "is a folder, not a file", display)
    if not stat.S_ISREG(st.st_mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
        return Problem("special-file", f"is {kind}, not a regular file", display,
                       hint="point pucli at the data file itself; a pipe or a device cannot "
                            "be read as a data file")
    if max_bytes is not None and st.st_size > max_bytes:
        return too_large(st.st_size, max_bytes, display)
    return None


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(fd, min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def too_large(size: int, max_bytes: int, display: str) -> Problem:
    """The problem for a file of ``size`` bytes over the limit ``max_bytes``."""
    return Problem("file-too-large", f"file is {_size(size)}; pucli refuses files over "
                   f"{_size(max_bytes)}", display,
                   hint="check that this is the right file (a ledger of 100,000 reports is "
                        "about 8 MB); the limits are explained in docs/hardening.md")


def _size(n: int) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def empty_file(display: str) -> Problem:
    """The problem for a file with nothing in it (a truncated file is lost data)."""
    return Problem("empty-file", "file is empty", display,
                   hint="restore its content from version control, or see the README for "
                        "the minimal form of this file")


def decode_bytes(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Decode file bytes as UTF-8, or explain precisely why not."""
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            return None, [_not_utf8(display, f"file is {name}-encoded (it starts with a "
                                    f"{name} byte-order mark); pucli reads UTF-8", None, None)]
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if not data.strip():
        return None, [empty_file(display)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = line_col_of_offset(data, exc.start)
        if _looks_utf16(data):
            what = "file looks UTF-16-encoded (no byte-order mark); pucli reads UTF-8"
        elif _decodes_as_gbk(data):
            what = ("file is not UTF-8: it looks GBK-encoded, as Excel/WPS on Chinese Windows "
                    "save it; pucli reads UTF-8 only, so it would be read as mojibake")
        else:
            what = f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x})"
        return None, [_not_utf8(display, what, line, col)]
    if "\x00" in text:
        line, col = line_col_of_offset(data, data.index(b"\x00"))
        code = "binary-file"
        if _looks_utf16(data):
            return None, [_not_utf8(display, "file looks UTF-16-encoded; pucli reads UTF-8",
                                    line, col)]
        return None, [
            Problem(code, "file contains NUL bytes: it is binary, not text", display, line, col,
                    hint="check that this is the right file")
        ]
    return text, []


def _not_utf8(display: str, message: str, line: int | None, col: int | None) -> Problem:
    return Problem("encoding", message, display, line, col, hint=RESAVE_HINT.format(file=display))


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > half * 0.3


def _decodes_as_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    # GB18030 decodes almost anything; require some double-byte Chinese characters.
    return any(0x81 <= b <= 0xFE for b in data)
