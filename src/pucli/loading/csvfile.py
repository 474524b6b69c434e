"""CSV observation files (actuals.csv, progress.csv): reading with line numbers, and
appending one validated row safely.

Appends never rewrite the file from a parsed copy: the row is written with one
``write()`` on a descriptor opened ``O_APPEND`` while holding an exclusive ``flock``, then
fsynced. Two concurrent appenders serialise on the lock; a process killed mid-command
leaves either the whole row or none of it.
"""

from __future__ import annotations

import csv
import errno
import fcntl
import gc
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pucli.loading.textfile import (
    MAX_CSV_BYTES,
    check_regular,
    dangling_link,
    empty_file,
    read_text,
    regular_problem,
)
from pucli.problems import DataError, Problem
from pucli.suggest import did_you_mean


class CsvRow(NamedTuple):
    """One record. A tuple, not a frozen dataclass: a ledger has a row per report, and a
    frozen dataclass costs three times as much to build."""

    line: int  # 1-based line where the record starts
    values: dict[str, str]


@dataclass
class CsvTable:
    file: str
    header: list[str]
    rows: list[CsvRow]
    lines: list[str]

    def col(self, name: str) -> int:
        return self.header.index(name) + 1

    def problem(self, code: str, message: str, row: CsvRow, column: str | None = None, *,
                hint: str | None = None, severity: str = "error") -> Problem:
        """A problem at ``row`` (and ``column``, when given), the caret under that field."""
        excerpt = self.lines[row.line - 1] if 0 < row.line <= len(self.lines) else None
        col, width = None, 1
        if column and column in self.header:
            col = self.col(column)  # field number, when the field is not on the first line
            span = field_span(excerpt or "", col - 1)
            if span is not None:
                col, width = span
        path = f"row {row.line}" + (f", {column}" if column else "")
        return Problem(code, message, self.file, row.line, col, path, hint,
                       severity, excerpt, width)  # type: ignore[arg-type]


def field_span(line: str, index: int) -> tuple[int, int] | None:
    """1-based character column and width of field ``index`` on one CSV line, if there."""
    start, field, quoted = 0, 0, False
    for pos, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            if field == index:
                return start + 1, max(pos - start, 1)
            field, start = field + 1, pos + 1
    return (start + 1, max(len(line) - start, 1)) if field == index else None


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Rows are dicts of strings: no cycles to find, yet every few hundred allocations the
    collector walks them all again. On a 100,000-report ledger that walking took 0.4 s of
    the 1 s spent loading it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_csv(path: Path, display: str, required: list[str], optional: list[str],
             ) -> tuple[CsvTable | None, list[Problem]]:
    """Read a CSV file with a header row; problems for a wrong header or ragged rows."""
    text, problems = read_text(path, display, MAX_CSV_BYTES)
    if text is None:
        return None, problems
    return parse_csv(text, display, required, optional)


def parse_csv(text: str, display: str, required: list[str], optional: list[str],
              ) -> tuple[CsvTable | None, list[Problem]]:
    """Parse CSV text with a header row (see :func:`read_csv`)."""
    with paused_gc():
        return _parse_csv(text, display, required, optional)


def _parse_csv(text: str, display: str, required: list[str], optional: list[str],
               ) -> tuple[CsvTable | None, list[Problem]]:
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    # the lines as the reader counts them (CR, LF, CRLF; not U+2028 or a form feed in a note)
    lines = [line.rstrip("\r\n") for line in io.StringIO(text, newline="")]
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        return None, [Problem("csv-syntax", f"cannot read the header row: {exc}", display, 1, 1)]
    known = required + optional
    for sep, name in (("\t", "tabs"), (";", "semicolons")):
        if len(header) == 1 and sep in header[0] and len(required) > 1:
            return None, [Problem(
                "csv-separator", f"the columns are separated by {name}, not commas", display,
                1, header[0].index(sep) + 1, "header",
                "save the file as comma-separated CSV (Excel/WPS: 另存为 → 'CSV UTF-8')",
                excerpt=lines[0] if lines else None)]
    for i, name in enumerate(header):
        if name not in known:
            problems.append(Problem(
                "unknown-column", f"unknown column '{name}'", display, 1, i + 1, "header",
                did_you_mean(name, known) or "columns: " + ", ".join(known),
                excerpt=lines[0] if lines else None))
        elif header.index(name) != i:
            problems.append(Problem("duplicate-column", f"column '{name}' appears twice",
                                    display, 1, i + 1, "header", excerpt=lines[0]))
    for name in required:
        if name not in header:
            problems.append(Problem("missing-column", f"missing required column '{name}'",
                                    display, 1, 1, "header",
                                    f"the header must include: {', '.join(required)}",
                                    excerpt=lines[0] if lines else None))
    if problems:
        return None, problems
    rows: list[CsvRow] = []
    append, width, strip = rows.append, len(header), str.strip
    start = reader.line_num + 1
    try:
        for record in reader:
            # no fields, or all of them blank (a first field with text settles it quickly)
            if not (record and record[0].strip()) and not "".join(record).strip():
                start = reader.line_num + 1
                continue
            if len(record) != width:
                raw = lines[start - 1] if start <= len(lines) else ""
                col, hint = None, ("quote fields that contain commas (\"a, b\")"
                                   if len(record) > len(header)
                                   else "fill in the missing fields (empty ones too: a,,b)")
                if len(record) < len(header) and "，" in raw:
                    col = raw.index("，") + 1
                    hint = ("the row is separated by full-width commas '，' (Chinese input): "
                            "CSV needs ',' between fields")
                problems.append(Problem(
                    "csv-columns", f"row has {len(record)} fields, the header has {len(header)}",
                    display, start, col, f"row {start}", hint, excerpt=raw or None))
            else:
                append(CsvRow(start, dict(zip(header, map(strip, record), strict=True))))
            start = reader.line_num + 1
    except csv.Error as exc:
        problems.append(Problem("csv-syntax", f"malformed CSV: {exc}", display, start, None,
                                hint="check the quotes on this row"))
    return CsvTable(display, header, rows, lines), problems


def format_row(values: list[str]) -> str:
    """One CSV record as text, quoting as needed (notes with commas, quotes, newlines)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def check_writable_folder(folder: Path, display: str) -> None:
    """Refuse to write into the bundled copy of the data or into a folder that does not
    exist (a mistyped ``--data`` must not create a folder of its own): every writer
    calls this before it opens anything."""
    from pucli.loading.datadir import BUNDLED

    try:
        here, bundled = folder.resolve(), BUNDLED.resolve()
        inside_bundled = here == bundled or bundled in here.parents
    except OSError:
        inside_bundled = False
    if inside_bundled:
        raise DataError([Problem(
            "read-only-data", "the bundled data folder is read-only", display,
            hint="pass --data DIR (or set PUCLI_DATA) to the folder that holds your ledger")])
    if not folder.is_dir():
        raise DataError([Problem(
            "missing-folder", "data folder not found", str(folder),
            hint="pass --data DIR or set PUCLI_DATA to a folder holding measures.yaml and "
                 "targets.yaml")])


@contextmanager
def writers_lock(path: Path, display: str, mode: int = os.O_RDONLY,
                 create: bytes | None = None, created: set[tuple[int, int]] | None = None,
                 ) -> Iterator[int]:
    """The writers' lock of ``path``: an exclusive ``flock`` on the file itself, held
    until the block ends; yields the locked descriptor.

    Every writer — appenders and rewriters (``recode``) alike — takes it. A rewriter
    replaces the file by renaming a new one over it, and an appender that created a new
    file removes it again when it wrote nothing, so a writer that waited for the lock
    may hold a file the path no longer names: it checks, and opens the path again until
    the file it locked is the one the path names. Only regular files are opened
    (non-blocking, so a FIFO cannot hang the command). With ``create``, a missing file
    is created holding those bytes (atomically: see :func:`_create_with`), and the
    identity (device, inode) of each file this call created is added to ``created``.
    """
    while True:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            if os.path.islink(path):  # a dangling link is not a file to create
                raise DataError([dangling_link(path, display)]) from None
            if create is None:
                raise
            made = _create_with(path, create)
            if made is not None and created is not None:
                created.add(made)
            continue
        problem = regular_problem(st, display)  # before opening: a FIFO with
        if problem is not None:  # no reader cannot even be opened for writing
            raise DataError([problem])
        try:
            fd = os.open(path, mode | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            if create is None:
                raise
            continue  # removed between stat and open: look again
        try:
            problem = check_regular(fd, display)
            if problem is not None:
                raise DataError([problem])
            os.set_blocking(fd, True)
            fcntl.flock(fd, fcntl.LOCK_EX)
            if _same_file(fd, path):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # replaced or removed while we waited: lock what the path names now
    try:
        yield fd
    finally:
        os.close(fd)  # closing releases the lock


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino)


@contextmanager
def locked_for_append(path: Path, display: str, header: list[str]) -> Iterator[int]:
    """Open ``path`` for appending under the writers' lock; yield the descriptor.

    Read and validate the existing content *inside* this block, so that no other writer
    can slip a row in between the check and the write. A file that is missing is created
    holding just ``header`` — atomically (written aside, then linked into place), so no
    writer ever finds a new ledger empty; one that exists but is empty is refused, as
    ``pucli validate`` refuses it: an emptied ledger is lost data, not a new ledger.

    A refused write creates nothing: when the block ends with the file still holding only
    the header and no other writer has appended to it, the file is removed again, still
    under the lock (a writer waiting for it then creates the file anew).
    """
    check_writable_folder(path.parent, display)
    head = format_row(header).encode("utf-8")
    mine: set[tuple[int, int]] = set()
    with writers_lock(path, display, os.O_WRONLY | os.O_APPEND, create=head,
                      created=mine) as fd:
        if os.fstat(fd).st_size == 0:
            raise DataError([empty_file(display)])
        try:
            yield fd
        finally:
            st = os.fstat(fd)
            # Only a file this writer created, still holding only the header it wrote
            # (appends only grow a file): another writer's record is never removed.
            if (st.st_dev, st.st_ino) in mine and st.st_size == len(head):
                os.unlink(path)  # we hold the lock, so the path still names this file


def _create_with(path: Path, data: bytes) -> tuple[int, int] | None:
    """Create ``path`` holding ``data`` unless it exists; never a moment empty. The new
    file's (device, inode), or None when another writer's file stands."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
    try:
        append_bytes(fd, data)
        os.fchmod(fd, 0o666 & ~_umask())
        st = os.fstat(fd)
        os.close(fd)
        fd = -1
        try:
            os.link(tmp, path)  # fails if another writer created it first: theirs stands
        except FileExistsError:
            return None
        return st.st_dev, st.st_ino
    finally:
        if fd != -1:
            os.close(fd)
        os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def append_bytes(fd: int, data: bytes) -> None:
    """Append ``data`` whole, or not at all: a short write (a full disk) is retried for
    the rest, and any failure truncates the file back to its size before, so no cut row
    (``1910-12-31,12`` for ``1910-12-31,1200``) is ever left behind."""
    size = os.fstat(fd).st_size
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            if written <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.ftruncate(fd, size)
        os.fsync(fd)
        raise


def append_record(fd: int, path: Path, header: list[str], values: list[str]) -> None:
    """Append one record (and the header, if the file is new) in a single write."""
    append_records(fd, path, header, [values])


def append_records(fd: int, path: Path, header: list[str], records: list[list[str]]) -> None:
    """Append records (and the header, if the file is new) in a single write: a process
    killed meanwhile leaves all of them or none."""
    chunk = ""
    if os.fstat(fd).st_size == 0:
        chunk = format_row(header)
    else:
        with open(path, "rb") as fh:
            fh.seek(-1, os.SEEK_END)
            if fh.read(1) != b"\n":  # a hand-edited file may lack the final newline
                chunk = "\n"
    append_bytes(fd, (chunk + "".join(map(format_row, records))).encode("utf-8"))
