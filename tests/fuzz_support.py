"""A seeded generator of hostile cases for the whole CLI, and the checks every case must pass.

A case is a data folder (the four files, each possibly mutated: bytes flipped, cut or
spliced; YAML fields dropped, duplicated, retyped or given extreme values; CSV cells,
columns and rows likewise; re-encoded; replaced by a special file), one command line (any
command, writers included, with odd option values) and an environment. ``make_case(seed)``
builds the same case for the same seed on every machine, so a failure is reproduced by its
number: ``PUCLI_FUZZ_SEED=1234 pytest tests/test_fuzz.py``.

Every case must end with exit 0, 1, 2 or 3, print no traceback and no "internal error",
finish within a time bound, leave the files it does not write byte-for-byte as they were,
never touch the bundled copy or create a missing ``--data`` folder, and, for a writer,
keep every acknowledged write present and whole (what was there stays, the new row is
whole and validates, a refused write changes nothing).

Synthetic by construction: nothing here is real data.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import functools
import hashlib
import io
import json
import os
import random
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pucli.loading.datadir import BUNDLED

from conftest import DATA
from hostile import ACTUALS, PROGRESS
from tracking_support import PLAN

FILES = ("measures.yaml", "targets.yaml", "progress.csv", "actuals.csv")
SMALL_MEASURES = yaml.safe_dump(PLAN, allow_unicode=True, sort_keys=False)
BASE_TEXT = {
    "measures.yaml": SMALL_MEASURES,
    "targets.yaml": (DATA / "targets.yaml").read_text(encoding="utf-8"),
    "progress.csv": PROGRESS,
    "actuals.csv": ACTUALS,
}
REAL_MEASURES = (DATA / "measures.yaml").read_text(encoding="utf-8")

# Raw YAML tokens written in place of a value (not quoted by the dumper).
YAML_EXTREMES = [
    "0", "-1", "1", "0.0", "-0.0", "1e-300", "99999999999999999999999999999999", "1e400",
    "-1e400", ".inf", "-.inf", ".nan", "9223372036854775808", "0x1F", "0o17", "1_000",
    "0001-01-01", "9999-12-31", "2022-W52-6", "20220617", "2022-06-31", "2022-02-29",
    "2022-06-17T10:00:00", "yes", "no", "on", "off", "y", "Yes", "~", "null", "true",
    "false", "'24'", "'0'", "''", "' '", "[]", "{}", "[1, 2]", "{a: 1}", '"\\u200b"',
    '"县发改局\\u200b"', '"\\u202e局改发县"', '"\\ufeff县发改局"', '"\\x0b"',
    '"<script>x</script>"',
    '"=1+1"', "十二", "１２", "'1,000'", "15%", "'" + "长" * 3000 + "'", "[13]", "[0]",
    "[-1]", "13", "2.5", "!!binary aGVsbG8=", "!!str 1", "!!int '1'", "&a 1", "*nope",
]
# Text written in place of a CSV cell.
CSV_EXTREMES = [
    "", " ", "0", "-1", "-0", "1e400", "inf", "-inf", "nan", "NaN", "1e3", "9" * 20,
    "9" * 16, "100.0000001", "40%", "0001-01-01", "9999-12-31", "2022-W52-6", "20221231",
    "2022-12-31T00:00", "2022/12/31", "1_2", "+12", "١٢", "１２", "1.0", "01", "县发改局\u200b",
    "\u202e县发改局", "\ufeff县发改局", "发改局", "=1+1", "\x0b", "<script>x</script>", '"',
    "a\nb", "a\rb", "done", "已完成", "in_progress", "blocked", "x", "县市场监管局", "\u00a0",
]
DATES = ["2024-06-30", "2025-12-31", "2023-03-31", "0001-01-01", "9999-12-31", "2022-W52-6",
         "20220617", "2022-02-30", "", "today", "-1", "1e400", "2024-6-30", "２０２４-０６-３０",
         "2022-12-31T00:00:00", "9999-12-30", "0001-01-02", "1900-01-01"]
IDS = ["1", "2", "3", "0", "-1", "99", "1_2", "+1", "١", "１", "9" * 30, "1.0", " 1", "",
       "12", "48", "1e1", "0x1"]
UNITS = ["县发改局", "发改局", "县行政审批局", "县市场监管局", "县发改局\u200b", "\u202e县发改局",
         "", "x" * 300, "县发改委", " 县发改局 ", "县发改局\n"]
NUMBERS = ["0", "1", "-1", "7961", "1e400", "inf", "nan", "9" * 25, "1.5", "", "1,000",
           "١٢", "+5", "1_000", "0x10", "-0"]
TEXTS = ["", "ok", "完成, \"引号\"", "<script>alert(1)</script>", "a\x0bb", "a\nb", "=cmd|' /C",
         "\u200b", "\u202e", "x" * 5000, "\t", "；", "\ufeff", "\U0001f600"]
STATUSES = ["done", "in_progress", "not_started", "blocked", "已完成", "DONE", "", "x",
            "yes"]

SPECIALS = ("fifo", "dev_zero", "dev_urandom", "directory", "dangling", "missing")
WRITERS = ("update", "actuals add", "actuals import", "recode")


@dataclass
class Case:
    seed: int
    files: dict[str, bytes | str]  # bytes, or the name of a special file
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    close_stdout: bool = False
    stdout_full: bool = False
    mode: int | None = None  # chmod the written file (writers keep modes)
    symlinked: str | None = None  # this data file is a symlink to a file elsewhere
    import_file: bytes | None = None  # the export given to `actuals import`
    recode_target: str | None = None  # data file given to `recode`
    notes: list[str] = field(default_factory=list)

    @property
    def command(self) -> str:
        args = self.args[2:] if self.args[0] == "--lang" else self.args
        return " ".join(args[:2]) if args[0] == "actuals" else args[0]

    @property
    def needs_subprocess(self) -> bool:
        return bool(self.env or self.close_stdout or self.stdout_full or any(
            v in ("fifo", "dev_zero", "dev_urandom") for v in self.files.values()
            if isinstance(v, str)))

    def describe(self) -> str:
        special = {k: v for k, v in self.files.items() if isinstance(v, str)}
        return (f"seed {self.seed}: pucli {' '.join(repr(a) for a in self.args)}; "
                f"mutations: {'; '.join(self.notes) or 'none'}; special files: {special}; "
                f"env: {self.env}; close_stdout={self.close_stdout}; "
                f"stdout=/dev/full: {self.stdout_full}")


# ---- mutations of file content --------------------------------------------------------

def _bytes_mutation(rng: random.Random, data: bytes, notes: list[str], name: str) -> bytes:
    kind = rng.choice(["flip", "truncate", "splice", "delete", "encoding"])
    buf = bytearray(data)
    if kind == "flip" and buf:
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(buf))
            buf[at] ^= 1 << rng.randrange(8)
        notes.append(f"{name}: bits flipped")
    elif kind == "truncate":
        cut = rng.randint(0, len(buf))
        del buf[cut:]
        notes.append(f"{name}: cut at byte {cut}")
    elif kind == "splice":
        at = rng.randint(0, len(buf))
        junk = rng.choice([bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))),
                           b"\x00", b"\r", b"\xef\xbb\xbf", b"\xff\xfe", "\u2028".encode(),
                           b"\t", b"#", b"- ", b": ", b"\"", b",", b"\n\n"])
        buf[at:at] = junk
        notes.append(f"{name}: {junk!r} inserted at byte {at}")
    elif kind == "delete" and buf:
        at = rng.randrange(len(buf))
        n = rng.randint(1, 16)
        del buf[at:at + n]
        notes.append(f"{name}: {n} bytes deleted at {at}")
    else:
        enc = rng.choice(["gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                          "utf-8-sig", "big5", "latin-1"])
        text = data.decode("utf-8")
        buf = bytearray(text.encode(enc, "replace"))
        notes.append(f"{name}: encoded as {enc}")
    return bytes(buf)


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    """Every path into a parsed YAML tree (mapping keys and list indexes)."""
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


@functools.cache
def _tree(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def mutate_yaml_tree(rng: random.Random, text: str, notes: list[str], name: str) -> str:
    """Drop, duplicate, retype or give an extreme value to 1–3 nodes of a YAML document."""
    tree = copy.deepcopy(_tree(text))
    tokens: dict[str, str] = {}
    for _ in range(rng.randint(1, 3)):
        paths = _paths(tree)
        if not paths:
            break
        path = rng.choice(paths)
        parent = tree
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        op = rng.choice(["drop", "duplicate", "extreme", "extreme", "extreme", "retype"])
        where = ".".join(map(str, path))
        if op == "drop":
            del parent[last]
            notes.append(f"{name}: {where} dropped")
        elif op == "duplicate":
            if isinstance(parent, list):
                parent.insert(last, parent[last])
                notes.append(f"{name}: {where} duplicated")
            else:
                marker = f"ZZDUP{len(tokens)}ZZ"
                tokens[marker] = str(last)
                parent[marker] = parent[last]
                notes.append(f"{name}: key {where} written twice")
        else:
            raw = rng.choice(YAML_EXTREMES) if op == "extreme" else rng.choice(
                ["'text'", "[]", "{}", "1", "true", "null", "[a, b]", "{x: 1}", "2022-01-01"])
            marker = f"ZZTOK{len(tokens)}ZZ"
            tokens[marker] = raw
            parent[last] = marker
            notes.append(f"{name}: {where} = {raw[:40]}")
    out = yaml.dump(tree, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False,
                    width=10_000)
    for marker, raw in tokens.items():
        out = out.replace(marker, raw)
    return out


def _csv_mutation(rng: random.Random, text: str, notes: list[str], name: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    op = rng.choice(["cell", "cell", "cell", "drop_column", "dup_column", "dup_row",
                     "drop_row", "quote_all", "crlf_bom", "rename_column"])
    if op == "cell" and len(rows) > 1:
        r = rng.randrange(1, len(rows))
        c = rng.randrange(len(rows[r]))
        rows[r][c] = rng.choice(CSV_EXTREMES)
        notes.append(f"{name}: row {r + 1} {rows[0][c] if c < len(rows[0]) else c} = "
                     f"{rows[r][c]!r}")
    elif op == "drop_column" and rows:
        c = rng.randrange(len(rows[0]))
        notes.append(f"{name}: column {rows[0][c]} dropped")
        rows = [row[:c] + row[c + 1:] for row in rows]
    elif op == "dup_column" and rows:
        c = rng.randrange(len(rows[0]))
        notes.append(f"{name}: column {rows[0][c]} duplicated")
        rows = [row[:c + 1] + row[c:] for row in rows]
    elif op == "rename_column" and rows:
        c = rng.randrange(len(rows[0]))
        new = rng.choice(["Date", " date", "日期", "date ", "\ufeffdate", "unit", "x", ""])
        notes.append(f"{name}: column {rows[0][c]} renamed {new!r}")
        rows[0][c] = new
    elif op == "dup_row" and len(rows) > 1:
        r = rng.randrange(1, len(rows))
        rows.insert(r, rows[r])
        notes.append(f"{name}: row {r + 1} duplicated")
    elif op == "drop_row" and len(rows) > 1:
        r = rng.randrange(1, len(rows))
        del rows[r]
        notes.append(f"{name}: row {r + 1} dropped")
    elif op == "quote_all":
        buf = io.StringIO()
        csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
        notes.append(f"{name}: every field quoted (R's write.csv)")
        return buf.getvalue()
    elif op == "crlf_bom":
        notes.append(f"{name}: BOM and CRLF")
        return "\ufeff" + text.replace("\n", "\r\n")
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _mutate_file(rng: random.Random, name: str, text: str, notes: list[str]) -> bytes:
    if rng.random() < 0.3:
        return _bytes_mutation(rng, text.encode("utf-8"), notes, name)
    if name.endswith(".yaml"):
        try:
            return mutate_yaml_tree(rng, text, notes, name).encode("utf-8")
        except yaml.YAMLError:  # a real plan with anchors or odd keys: fall back to bytes
            return _bytes_mutation(rng, text.encode("utf-8"), notes, name)
    return _csv_mutation(rng, text, notes, name).encode("utf-8", "surrogatepass")


# ---- command lines --------------------------------------------------------------------

def _maybe(rng: random.Random, p: float, *items: str) -> list[str]:
    return list(items) if rng.random() < p else []


def _fmt(rng: random.Random, out: str) -> list[str]:
    fmt = rng.choice(["table", "json", "csv", "md", "xlsx", "table", "table"])
    args = ["-f", fmt]
    if fmt == "xlsx" or rng.random() < 0.2:
        args += ["-o", f"{out}/listing.{fmt}"]
    if fmt == "csv" and rng.random() < 0.3:
        args.append("--excel")
    return args


def _args(rng: random.Random, out: str, case: Case) -> list[str]:
    cmd = rng.choice(["validate", "measures", "show", "units", "project", "backtest", "quality",
                      "overdue", "due", "status", "ledger", "brief", "schema", "update",
                      "update", "update", "actuals add", "actuals add", "actuals import",
                      "recode"])
    pick = rng.choice
    as_of = _maybe(rng, 0.5, "--as-of", pick(DATES))
    if cmd == "validate":
        return ["validate", *_maybe(rng, 0.5, "-f", "json"), *_maybe(rng, 0.3, "--strict")]
    if cmd == "measures":
        return ["measures", *_maybe(rng, 0.3, "-u", pick(UNITS)),
                *_maybe(rng, 0.3, "-s", pick(IDS)), *_maybe(rng, 0.3, "--search", pick(TEXTS)),
                *_fmt(rng, out)]
    if cmd == "show":
        return ["show", pick(IDS)]
    if cmd == "units":
        return ["units", *_fmt(rng, out)]
    if cmd == "project":
        return ["project", *as_of, *_maybe(rng, 0.4, "--method", pick(
            ["plan", "constant-growth", "log-linear", "damped-trend", "seasonal", "x"])),
            *_maybe(rng, 0.1, "--chart", f"{out}/chart.{pick(['png', 'svg', 'pdf'])}"),
            *_maybe(rng, 0.3, "--metric", pick(["total", "enterprises", "high_tech", "企业",
                                                "x", ""])), *_fmt(rng, out)]
    if cmd == "backtest":
        return ["backtest", *_maybe(rng, 0.4, "--horizon", pick(IDS)),
                *_maybe(rng, 0.4, "--min-train", pick(IDS)),
                *_maybe(rng, 0.2, "--region", pick(["", "x", "城关镇"])),
                *_maybe(rng, 0.2, "--metric", pick(["enterprises", "x"])), *as_of, *_fmt(rng, out)]
    if cmd == "quality":
        return ["quality", *as_of, *_maybe(rng, 0.2, "--region", pick(["", "x"])),
                *_fmt(rng, out)]
    if cmd in ("overdue", "due", "ledger", "status"):
        args = [cmd, *as_of]
        if cmd != "status":
            args += _maybe(rng, 0.3, "-u", pick(UNITS)) + _maybe(rng, 0.3, "-s", pick(IDS))
        if cmd == "overdue":
            args += _maybe(rng, 0.3, "--by", pick(["unit", "measure", "x"]))
            args += _maybe(rng, 0.5, "--fail")
        if cmd == "due":
            args += _maybe(rng, 0.5, "--within", pick(["14d", "2w", "30", "0", "-1", "1e400",
                                                       "9" * 20, "x", "3650000d", "1w"]))
        if cmd == "status":
            args += _maybe(rng, 0.3, "--by", pick(["unit", "section", "x"]))
        return args + _fmt(rng, out)
    if cmd == "brief":
        fmt = pick(["md", "md", "html", "docx"])
        output = [] if fmt == "md" and rng.random() < 0.5 else ["-o", f"{out}/brief.{fmt}"]
        return ["brief", *output, *as_of, *_maybe(rng, 0.3, "--since", pick(DATES))]
    if cmd == "schema":
        return ["schema", "-o", f"{out}/schemas"]
    if cmd == "update":
        return ["update", pick(IDS[:3] * 4 + IDS), "-u", pick(UNITS[:4] * 3 + UNITS),
                "--status", pick(STATUSES[:4] * 2 + STATUSES),
                *_maybe(rng, 0.5, "--percent", pick(["40", "100", "0"] + NUMBERS)),
                *_maybe(rng, 0.5, "--note", pick(TEXTS)),
                *_maybe(rng, 0.3, "--evidence", pick(TEXTS)),
                *_maybe(rng, 0.8, "--date", pick(DATES[:3] * 4 + DATES))]
    if cmd == "actuals add":
        opts = []
        for opt in ("--enterprises", "--individual-businesses", "--cooperatives", "--new",
                    "--cancelled"):
            opts += _maybe(rng, 0.1, opt, pick(NUMBERS))
        return ["actuals", "add", pick(["2026-12-31", "2027-12-31"] * 3 + DATES),
                pick(["12000", "13000"] * 3 + NUMBERS), *opts,
                *_maybe(rng, 0.2, "--region", pick(["城关镇", "", "\u200b"])),
                *_maybe(rng, 0.3, "--source", pick(TEXTS)),
                *_maybe(rng, 0.2, "--metric", pick(["total", "enterprises", "x", "企业"]))]
    if cmd == "actuals import":
        rows = [["date", "total", "source"]] + [
            [pick(["2026-12-31", "2027-12-31", "2028-12-31"] + DATES),
             pick(["12000", "13000", "14000"] + NUMBERS), pick(TEXTS)]
            for _ in range(rng.randint(0, 4))]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        text = buf.getvalue()
        if rng.random() < 0.4:
            notes: list[str] = []
            text = _csv_mutation(rng, text, notes, "export.csv")
            case.notes += notes
        case.import_file = text.encode("utf-8", "surrogatepass")
        maps = []
        for _ in range(rng.choice([0, 0, 0, 1, 2])):
            maps += ["--map", pick(["date=date", "total=total", "x=date", "date=total",
                                    "source=source", "=", "date", "total=x"])]
        return ["actuals", "import", f"{out}/export.csv", *maps,
                *_maybe(rng, 0.2, "--dry-run"), *_maybe(rng, 0.1, "--sheet", "x"),
                *_maybe(rng, 0.2, "--metric", pick(["total", "enterprises", "x"]))]
    # recode
    case.recode_target = pick(FILES)
    return ["recode", f"@DATA@/{case.recode_target}",
            *_maybe(rng, 0.3, "--from", pick(["gbk", "gb18030", "utf-16", "utf-8", "latin-1",
                                               "x", "rot13", "utf-32", "hex"]))]


def make_case(seed: int) -> Case:
    """The case numbered ``seed`` (the same on every machine)."""
    rng = random.Random(seed)
    case = Case(seed, {}, [])
    texts = dict(BASE_TEXT)
    if rng.random() < 0.25:
        texts["measures.yaml"] = REAL_MEASURES
        case.notes.append("the real Pu County plan")
    n_mutated = rng.choice([0, 1, 1, 1, 2])
    mutated = set(rng.sample(FILES, n_mutated))
    for name in FILES:
        if name in mutated:
            case.files[name] = _mutate_file(rng, name, texts[name], case.notes)
        else:
            case.files[name] = texts[name].encode("utf-8")
    if rng.random() < 0.06:
        name = rng.choice(FILES)
        case.files[name] = rng.choice(SPECIALS)
    case.args = _args(rng, "@OUT@", case)
    if case.args[0] not in ("schema",) and "--data" not in case.args:
        where = rng.random()
        if where < 0.9:
            case.args += ["--data", "@DATA@"]
        elif where < 0.95:
            case.args += ["--data", "@DATA@/no-such-folder"]
            case.notes.append("--data names a missing folder")
        else:
            case.notes.append("no --data and no ./data: the bundled copy")
    if rng.random() < 0.1:
        case.args = ["--lang", rng.choice(["en", "zh"]), *case.args]
    if rng.random() < 0.08:
        case.mode = rng.choice([0o664, 0o640, 0o600, 0o444])
    if rng.random() < 0.06:
        case.symlinked = rng.choice(FILES)
    roll = rng.random()
    if roll < 0.015:
        case.env = {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}
    elif roll < 0.03:
        case.env = {"COLUMNS": "1"}
    elif roll < 0.045:
        case.close_stdout = True
    elif roll < 0.06:
        case.stdout_full = True
    return case


# ---- running a case -------------------------------------------------------------------

@dataclass
class Outcome:
    code: int | None  # None: timed out
    out: str
    err: str
    seconds: float


class CaseTimeout(BaseException):
    """Raised by the alarm; not an Exception, so pucli's top-level handler lets it pass
    instead of reporting it as an internal error."""


def _bundled_digest() -> str:
    h = hashlib.sha256()
    for p in sorted(BUNDLED.iterdir()):
        h.update(p.name.encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def _place(folder: Path, case: Case) -> None:
    folder.mkdir(parents=True)
    for name, content in case.files.items():
        path = folder / name
        if content == "fifo":
            os.mkfifo(path)
        elif content == "dev_zero":
            path.symlink_to("/dev/zero")
        elif content == "dev_urandom":
            path.symlink_to("/dev/urandom")
        elif content == "directory":
            path.mkdir()
        elif content == "dangling":
            path.symlink_to(folder / "nowhere" / name)
        elif content == "missing":
            pass
        else:
            assert isinstance(content, bytes)
            if case.symlinked == name:
                real = folder.parent / "elsewhere" / name
                real.parent.mkdir(exist_ok=True)
                real.write_bytes(content)
                path.symlink_to(real)
            else:
                path.write_bytes(content)
            if case.mode is not None:
                os.chmod(path, case.mode)


def _snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry of the folder: (kind, bytes or target, mode)."""
    snap = {}
    for name in sorted(os.listdir(folder)):
        path = folder / name
        st = os.lstat(path)
        if path.is_symlink():
            target = os.readlink(path)
            content = path.read_bytes() if "elsewhere" in target else None
            snap[name] = ("link", target, content, oct(os.stat(path).st_mode) if content
                          is not None else None)
        elif path.is_file():
            snap[name] = ("file", path.read_bytes(), oct(st.st_mode))
        else:
            snap[name] = ("other", oct(st.st_mode))
    return snap


def _expand(args: list[str], data: Path, out: Path) -> list[str]:
    return [a.replace("@DATA@", str(data)).replace("@OUT@", str(out)) for a in args]


def _address_space() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * resource.getpagesize()


@contextlib.contextmanager
def _bounded(timeout: float, memory: int = 2 << 30):
    """At most ``timeout`` seconds (then CaseTimeout) and ``memory`` more bytes of address
    space (then MemoryError, which pucli reports as an internal error) for this block: a
    case that runs away fails instead of taking the machine, which others share."""

    def alarm(signum, frame):
        raise CaseTimeout

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    previous = signal.signal(signal.SIGALRM, alarm)
    resource.setrlimit(resource.RLIMIT_AS, (_address_space() + memory, hard))
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _run_inprocess(args: list[str], timeout: float) -> Outcome:
    from pucli.cli.app import run

    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    try:
        with _bounded(timeout), contextlib.redirect_stdout(out), \
                contextlib.redirect_stderr(err):
            code: int | None = run(args)
    except CaseTimeout:
        code = None
    return Outcome(code, out.getvalue(), err.getvalue(), time.perf_counter() - start)


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def _run_subprocess(case: Case, args: list[str], cwd: Path, timeout: float) -> Outcome:
    env = {k: v for k, v in os.environ.items() if k not in ("PUCLI_DATA", "PUCLI_DEBUG")}
    env.update({"NO_COLOR": "1", **case.env})
    env = {k: v for k, v in env.items() if v != ""}
    if case.env.get("LC_ALL") == "C":
        env.pop("PYTHONUTF8", None)
    stdout: int | object = subprocess.PIPE
    full = None
    if case.stdout_full:
        full = open("/dev/full", "wb")  # noqa: SIM115 - closed below
        stdout = full

    def setup() -> None:  # pragma: no cover - runs in the child
        _limit_memory()
        if case.close_stdout:
            os.close(1)

    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "pucli", *args], cwd=cwd, env=env,
                              stdout=stdout, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              timeout=timeout, preexec_fn=setup)
        code: int | None = done.returncode
        out = done.stdout.decode("utf-8", "replace") if done.stdout else ""
        err = done.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as exc:
        code, out, err = None, "", (exc.stderr or b"").decode("utf-8", "replace")
    finally:
        if full is not None:
            full.close()
    return Outcome(code, out, err, time.perf_counter() - start)


def run_case(case: Case, root: Path, timeout: float = 30.0) -> list[str]:
    """Run ``case`` in a fresh folder under ``root``; the list of what went wrong."""
    data, out, work = root / "data", root / "out", root / "work"
    _place(data, case)
    out.mkdir()
    work.mkdir()
    if case.import_file is not None:
        (out / "export.csv").write_bytes(case.import_file)
    before = _snapshot(data)
    bundled = _bundled_digest()
    args = _expand(case.args, data, out)
    writer = case.command in WRITERS
    old_cwd = os.getcwd()
    if case.needs_subprocess:
        outcome = _run_subprocess(case, args, work, min(timeout, 20.0))
    else:
        os.chdir(work)
        try:
            outcome = _run_inprocess(args, timeout)
        finally:
            os.chdir(old_cwd)
    failures = []
    if outcome.code is None:
        failures.append(f"no answer within {timeout:.0f} s")
    elif outcome.code not in (0, 1, 2, 3):
        failures.append(f"exit {outcome.code}")
    for stream in (outcome.out, outcome.err):
        if "Traceback" in stream or "internal error" in stream or "内部错误" in stream:
            failures.append("traceback or internal error: " + stream[-1500:])
            break
    if case.close_stdout and outcome.code == 3 and "--fail" not in args:
        failures.append("exit 3 without --fail")
    if _bundled_digest() != bundled:  # compared per case: one write must not taint the rest
        failures.append("the bundled data folder was changed")
    if "no-such-folder" in " ".join(args) and (data / "no-such-folder").exists():
        failures.append("a missing --data folder was created")
    after = _snapshot(data)
    failures += _check_files(case, before, after, outcome, data, args)
    wrote = outcome.code == 0 or (case.command == "actuals import" and outcome.code == 1)
    if writer and wrote and not failures and "--dry-run" not in args:
        failures += _check_written(case, before, after, data)
    return failures


def _written_file(case: Case) -> str | None:
    if case.command == "update":
        return "progress.csv"
    if case.command in ("actuals add", "actuals import"):
        return "actuals.csv"
    if case.command == "recode":
        return case.recode_target
    return None


def _check_files(case: Case, before: dict, after: dict, outcome: Outcome, data: Path,
                 args: list[str]) -> list[str]:
    """Files a command does not write are unchanged; a refused write changes nothing."""
    target = _written_file(case) if "--data" not in args or str(data) in " ".join(args) else None
    if "no-such-folder" in " ".join(args):
        target = None
    failures = []
    for name in sorted(set(before) | set(after)):
        if before.get(name) == after.get(name):
            continue
        if name == target and outcome.code == 0 and "--dry-run" not in args:
            continue  # checked by _check_written
        if (name == target and case.command == "actuals import" and outcome.code == 1
                and "--dry-run" not in args):
            # good rows are written even when others are rejected: the old text must stay
            old, new = before.get(name), after.get(name)
            # (a symlinked ledger: the same link, its target's content grown)
            if old and new and old[0] == new[0] == "file" and new[1].startswith(old[1]):
                continue
            if (old and new and old[0] == new[0] == "link" and old[1] == new[1]
                    and old[2] is not None and new[2] is not None
                    and new[2].startswith(old[2])):
                continue
        if name.startswith(".") and name not in before and outcome.code is not None:
            failures.append(f"a stray file {name} was left behind")
            continue
        what = "written although the command failed" if name == target else "changed"
        failures.append(f"{name} {what} (exit {outcome.code})")
    return failures


def _check_written(case: Case, before: dict, after: dict, data: Path) -> list[str]:
    """An acknowledged write: the old content stays, the new rows are whole, and the
    folder still validates as before."""
    name = _written_file(case)
    assert name is not None
    old, new = before.get(name), after.get(name)
    if old == new and case.command == "actuals import":
        return []  # every row rejected
    failures = []
    if new is None:
        return [f"{name} is gone after an acknowledged write"]
    if old is not None and old[0] != new[0]:
        failures.append(f"{name} was a {old[0]}, now a {new[0]} (a symlink replaced)")
    mode_old = old[-1] if old else None
    if old and old[0] == new[0] and mode_old is not None and mode_old != new[-1]:
        failures.append(f"{name} mode {mode_old} became {new[-1]}")
    old_bytes = old[-2] if old and old[0] == "link" else (old[1] if old else b"")
    new_bytes = new[-2] if new[0] == "link" else new[1]
    if old_bytes is None or new_bytes is None:
        return failures
    if case.command == "recode":
        try:
            new_text = new_bytes.decode("utf-8-sig")
        except UnicodeDecodeError:
            return failures + [f"{name} is not UTF-8 after recode"]
        src = case.args[case.args.index("--from") + 1] if "--from" in case.args else None
        candidates = [src] if src else ["utf-8-sig", "utf-16", "utf-32", "gb18030"]
        decoded = set()
        for enc in candidates:
            with contextlib.suppress(UnicodeDecodeError, LookupError):
                decoded.add(old_bytes.decode(enc).lstrip("\ufeff"))
        if new_text.lstrip("\ufeff") not in decoded:
            failures.append(f"recode changed the text of {name}")
        return failures
    keep = old_bytes
    if not new_bytes.startswith(keep):
        return failures + [f"{name}: the earlier content was not kept"]
    added = new_bytes[len(keep):].decode("utf-8", "replace").lstrip("\r\n")
    text = new_bytes.decode("utf-8-sig", "replace")
    # newline="": a bare CR ends a record, as pucli (and Excel for Mac) read it
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0] if rows else []
    new_rows = list(csv.reader(io.StringIO(added, newline="")))
    if old_bytes == b"" and new_rows:
        new_rows = new_rows[1:]
    expected = 1 if case.command in ("update", "actuals add") else None
    if expected is not None and len(new_rows) != expected:
        failures.append(f"{name}: {len(new_rows)} rows appended, expected {expected}")
    for row in new_rows:
        if len(row) != len(header):
            failures.append(f"{name}: an appended row has {len(row)} fields, the header "
                            f"{len(header)}: {row}")
        elif not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[header.index("date")]
                              if "date" in header else "0000-00-00"):
            failures.append(f"{name}: a date was written as {row[header.index('date')]!r}")
    if case.command == "update" and new_rows and "note" in header and "--note" in case.args:
        note = case.args[case.args.index("--note") + 1]
        if new_rows[-1][header.index("note")].strip() != note.strip() and note.isprintable():
            failures.append(f"{name}: note written as {new_rows[-1][header.index('note')]!r}")
    if not any(isinstance(v, str) for v in case.files.values()):  # a FIFO never validates
        failures += _revalidate(data, name, len(old_bytes.splitlines()))
    return failures


def _revalidate(data: Path, name: str, old_lines: int) -> list[str]:
    """After an acknowledged write, `pucli validate` finds no error on a written line."""
    result = _run_inprocess(["validate", "-f", "json", "--data", str(data)], 60)
    try:
        report = json.loads(result.out)
    except ValueError:
        return [f"validate after the write gave no report: {result.err[-500:]}"]
    bad = [p for p in report.get("problems", []) if p.get("severity") == "error"
           and str(p.get("file", "")).endswith(name) and (p.get("line") or 0) > old_lines]
    return [f"{name}: validate refuses the written row: {bad[0]}"] if bad else []


def fresh_root() -> Path:
    return Path(tempfile.mkdtemp(prefix="pucli-fuzz-"))
