"""Every writer, as a class: the writers' lock, the folders it may write, short writes,
new ledgers, special files, and errors that must cross process boundaries.

Writers: ``update`` (progress.csv), ``actuals add`` and ``actuals import`` (actuals.csv) and
the rewriter ``recode``. Each test runs over all of them, so a writer added later without
the shared machinery (csvfile.locked_for_append / writers_lock / append_bytes) fails here.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import importlib
import multiprocessing
import os
import pickle
import pkgutil
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import pucli
from pucli.loading.actuals_write import append_actuals
from pucli.loading.datadir import BUNDLED, DataDir
from pucli.loading.dataset import open_plan
from pucli.loading.progress import append_progress
from pucli.loading.recode import recode_file
from pucli.problems import DataError, Problem

from conftest import DATA

TODAY = dt.date(2026, 12, 2)
ENTRY = {"date": "2025-01-10", "measure": "12", "unit": "县行政审批局", "status": "in_progress",
         "percent": "", "note": "", "evidence": ""}
LEDGER_HEADER = "date,measure,unit,status,percent,note,evidence\n"


def _update(folder: Path, note: str = "") -> None:
    d = DataDir(folder, "--data")
    append_progress(d, open_plan(d), {**ENTRY, "note": note}, TODAY)


def _add(folder: Path, year: int = 2022) -> None:
    result = append_actuals(DataDir(folder, "--data"),
                            [{"date": f"{year}-12-31", "total": str(7000 + year % 100)}],
                            today=TODAY)
    assert not result.rejected, result.rejected


WRITERS = {"update": ("progress.csv", _update), "actuals add": ("actuals.csv", _add),
           "recode": ("progress.csv", lambda folder: recode_file(folder / "progress.csv"))}


def _cli_writer(name: str, folder_args: list[str], tmp_path: Path) -> list[str]:
    export = tmp_path / "export.csv"
    export.write_text("date,total\n2022-12-31,7961\n", encoding="utf-8")
    return {"update": ["update", "12", "--unit", "县行政审批局", "--status", "done"],
            "actuals add": ["actuals", "add", "2022-12-31", "7961"],
            "actuals import": ["actuals", "import", str(export)]}[name] + folder_args


@pytest.mark.parametrize("writer", ["update", "actuals add", "actuals import"])
def test_writers_refuse_a_missing_data_folder_and_create_nothing(cli, tmp_path, writer):
    missing = tmp_path / "no" / "such"
    r = cli(*_cli_writer(writer, ["--data", str(missing)], tmp_path))
    assert r.code == 1 and ("missing-folder" in r.err or "missing-file" in r.err), r.err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("writer", ["update", "actuals add", "actuals import"])
def test_writers_refuse_the_bundled_copy(cli, tmp_path, writer):
    before = {p.name: p.read_bytes() for p in BUNDLED.iterdir()}
    r = cli(*_cli_writer(writer, [], tmp_path))  # no data folder here: the bundled copy
    assert r.code == 1 and "read-only-data" in r.err, r.err
    assert {p.name: p.read_bytes() for p in BUNDLED.iterdir()} == before


def test_recode_refuses_the_bundled_copy(cli):
    before = (BUNDLED / "progress.csv").read_bytes()
    r = cli("recode", BUNDLED / "progress.csv")
    assert r.code == 1 and "read-only-data" in r.err
    assert (BUNDLED / "progress.csv").read_bytes() == before


def test_recode_keeps_the_mode_and_the_symlink(cli, data_dir):
    target = data_dir / "progress.csv"
    target.write_bytes((LEDGER_HEADER + "2025-01-10,12,县行政审批局,done,,备注,\n").encode("gbk"))
    target.chmod(0o664)
    link = data_dir / "ledger-link.csv"
    link.symlink_to("progress.csv")
    r = cli("recode", link)
    assert r.code == 0, r.err
    assert link.is_symlink() and os.readlink(link) == "progress.csv"
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert "备注" in target.read_text(encoding="utf-8-sig")


def test_recode_leaves_a_file_already_in_utf8_untouched(cli, data_dir):
    target = data_dir / "progress.csv"
    target.write_text("\ufeff" + LEDGER_HEADER, encoding="utf-8")
    inode = target.stat().st_ino
    assert cli("recode", target).code == 0
    assert target.stat().st_ino == inode  # not replaced


@pytest.mark.timeout(120)
@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_writer_waits_for_the_writers_lock(data_dir, writer):
    """While another writer holds the lock, a writer neither writes nor finishes; once it
    is released, it sees what was written under the lock. (Without the lock the writer
    finishes at once and the row written under the lock is lost or duplicated.)"""
    file, run = WRITERS[writer]
    path = data_dir / file
    outcome: list[BaseException | None] = []

    def go() -> None:
        try:
            run(data_dir)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            outcome.append(exc)

    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        thread = threading.Thread(target=go)
        thread.start()
        thread.join(timeout=5)
        assert thread.is_alive(), f"{writer} finished while another writer held the lock"
        # a row another writer appends while holding the lock
        row = ("2025-01-11,12,县行政审批局,done,,held,\n" if file == "progress.csv"
               else "2019-12-31,6000,held\n")
        os.write(fd, row.encode("utf-8"))
    finally:
        os.close(fd)
    thread.join(timeout=60)
    assert outcome == [None], outcome
    assert row in path.read_text(encoding="utf-8-sig")


def _fail_midway(monkeypatch) -> None:
    """os.write as on a full disk: a short write, then ENOSPC."""
    real = os.write
    calls = {"n": 0}

    def write(fd, data):
        calls["n"] += 1
        if calls["n"] == 1:
            return real(fd, bytes(data[: max(1, len(data) // 2)]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("writer", ["update", "actuals add"])
def test_a_short_write_leaves_the_file_exactly_as_it_was(monkeypatch, data_dir, writer):
    file, run = WRITERS[writer]
    path = data_dir / file
    if file == "progress.csv":
        path.write_text(LEDGER_HEADER + "2025-01-09,12,县行政审批局,in_progress,10,,\n",
                        encoding="utf-8")
    before = path.read_bytes()
    _fail_midway(monkeypatch)
    with pytest.raises(OSError):
        run(data_dir)
    monkeypatch.undo()
    assert path.read_bytes() == before


@pytest.mark.parametrize("writer", ["update", "actuals add"])
def test_a_short_write_to_a_new_file_leaves_no_file(monkeypatch, data_dir, writer):
    file, run = WRITERS[writer]
    (data_dir / file).unlink()
    _fail_midway(monkeypatch)
    with pytest.raises(OSError):
        run(data_dir)
    monkeypatch.undo()
    assert not (data_dir / file).exists()
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(".")] == []


REFUSED = {"update": ["update", "12", "--unit", "县行政审批局", "--status", "done",
                      "--percent", "140"],
           "actuals add": ["actuals", "add", "2099-12-31", "7000"],
           "actuals import": ["actuals", "import", "EXPORT"]}


@pytest.mark.parametrize("writer", sorted(REFUSED))
def test_a_refused_write_to_a_missing_file_creates_nothing(cli, tmp_path, data_dir, writer):
    """Found by the fuzzer (seed 2003670): a refused ``actuals add`` left a header-only
    actuals.csv behind. A refusal must leave the folder as it was."""
    for name in ("progress.csv", "actuals.csv"):
        (data_dir / name).unlink(missing_ok=True)
    export = tmp_path / "export.csv"
    export.write_text("date,total\n2022-12-31,-1\n", encoding="utf-8")
    before = sorted(p.name for p in data_dir.iterdir())
    args = [str(export) if a == "EXPORT" else a for a in REFUSED[writer]]
    result = cli(*args, "--data", str(data_dir))
    assert result.code in (1, 2), result.out + result.err
    assert sorted(p.name for p in data_dir.iterdir()) == before


def _race(work, n: int) -> list[BaseException]:
    """Run ``work(0)`` … ``work(n − 1)`` in threads at once; the exceptions they raised."""
    errors: list[BaseException] = []

    def go(k: int) -> None:
        try:
            work(k)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(k,)) for k in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    return errors


@pytest.mark.timeout(120)
def test_refused_and_accepted_writers_racing_on_a_new_file(data_dir):
    """Writers that refuse remove the file they created, under the lock; writers waiting
    for it create it anew. Every accepted row is there afterwards, once."""
    (data_dir / "actuals.csv").unlink()

    def go(n: int) -> None:
        total = str(7000 + n) if n % 2 else "-1"
        append_actuals(DataDir(data_dir, "--data"),
                       [{"date": f"{1990 + n}-12-31", "total": total}], today=TODAY)

    assert _race(go, 12) == []
    lines = (data_dir / "actuals.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("date,")
    assert sorted(lines[1:]) == sorted(f"{1990 + n}-12-31,{7000 + n}" for n in range(1, 12, 2))


@pytest.mark.timeout(120)
@pytest.mark.parametrize("writer", ["update", "actuals add"])
def test_writers_creating_a_new_file_at_once_all_succeed(data_dir, writer):
    """Eight writers at once on a file that does not exist yet: none finds it 'empty'."""
    file, run = WRITERS[writer]
    (data_dir / file).unlink()

    def go(n: int) -> None:
        if writer == "update":
            _update(data_dir, note=f"n{n}")
        else:
            _add(data_dir, 1990 + n)

    assert _race(go, 8) == []
    lines = (data_dir / file).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9 and lines[0].startswith("date,")


def test_a_refused_writer_never_removes_a_file_another_writer_created(data_dir, monkeypatch):
    """Found in review: W finds actuals.csv missing; before W takes the lock, X creates it
    and appends a row. W is refused; X's file, still shorter than W's longer header, must
    stand — a writer removes only the file it created itself."""
    from pucli.loading import csvfile

    (data_dir / "actuals.csv").unlink()
    real = csvfile._create_with

    def x_first(path, data):
        monkeypatch.setattr(csvfile, "_create_with", real)
        _add(data_dir, 2024)  # X: creates the file and writes 2024-12-31,7024
        return real(path, data)  # W's own attempt: X's file stands

    monkeypatch.setattr(csvfile, "_create_with", x_first)
    result = append_actuals(DataDir(data_dir, "--data"), [
        {"date": "2099-12-31", "total": "9300", "individual_businesses": "4000"}], today=TODAY)
    assert result.rejected and not result.written
    assert (data_dir / "actuals.csv").read_text(encoding="utf-8") == \
        "date,total\n2024-12-31,7024\n"


def test_a_dangling_symlink_as_the_ledger_is_named_as_such(cli, data_dir):
    (data_dir / "actuals.csv").unlink()
    (data_dir / "actuals.csv").symlink_to(data_dir / "gone.csv")
    r = cli("actuals", "add", "2022-12-31", "7961", "--data", data_dir)
    assert r.code == 1 and "dangling-link" in r.err and "gone.csv" in r.err, r.err
    assert (data_dir / "actuals.csv").is_symlink() and not (data_dir / "gone.csv").exists()


def test_a_symlink_loop_as_a_data_file_is_an_error_not_a_crash(cli, data_dir):
    (data_dir / "actuals.csv").unlink()
    (data_dir / "actuals.csv").symlink_to("actuals.csv")
    r = cli("project", "--data", data_dir)
    assert r.code == 1, r.err


def _raise_data_error(_: int) -> None:
    raise DataError([Problem("x-code", "a message", "f.csv", 3, 4, hint="a hint")])


@pytest.mark.timeout(120)
def test_errors_raised_in_worker_processes_reach_the_parent():
    with multiprocessing.get_context("fork").Pool(2) as pool:
        result = pool.map_async(_raise_data_error, [1, 2])
        with pytest.raises(DataError) as info:
            result.get(timeout=60)
    assert info.value.problems[0].line == 3 and info.value.problems[0].hint == "a hint"


def test_every_pucli_exception_survives_pickling():
    """Every exception class pucli defines rebuilds from a pickle with its data."""
    found = []
    for mod in pkgutil.walk_packages(pucli.__path__, "pucli."):
        if mod.name.startswith(("pucli.cli", "pucli.render", "pucli.__main__")):
            continue
        module = importlib.import_module(mod.name)
        for obj in vars(module).values():
            if (isinstance(obj, type) and issubclass(obj, BaseException)
                    and obj.__module__ == module.__name__):
                found.append(obj)
    assert len(found) >= 3
    samples = {"DataError": ([Problem("c", "m", "f", 1, 2)],),
               "DomainError": ("message", "hint", "format"),
               "_Abort": (Problem("c", "m", "f", 1, 2),)}
    for cls in found:
        exc = cls(*samples[cls.__name__])
        back = pickle.loads(pickle.dumps(exc))
        assert vars(back) == vars(exc), cls


# Which commands read which file (the others may well succeed without it).
READS = {"measures.yaml": {"validate", "overdue", "ledger", "measures", "update"},
         "targets.yaml": {"validate", "project"},
         "progress.csv": {"validate", "overdue", "ledger", "update"},
         "actuals.csv": {"validate", "project", "actuals"}}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("file", list(READS))
def test_a_fifo_or_a_device_as_a_data_file_is_refused_without_blocking(cli, data_dir, file):
    path = data_dir / file
    commands = [("validate",), ("overdue",), ("project",), ("ledger",), ("measures",)]
    commands += [tuple(_cli_writer(w, [], data_dir.parent)) for w in ("update", "actuals add")]
    for special in ("fifo", "/dev/zero", "/dev/urandom"):
        path.unlink()
        if special == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to(special)
        for args in commands:
            r = cli(*args, "--data", data_dir)
            assert "internal error" not in r.err
            if args[0] in READS[file]:
                assert r.code == 1 and "special-file" in r.err, (special, args, r.err)
    r = cli("recode", path)
    assert r.code == 1 and "special-file" in r.err


@pytest.mark.timeout(60)
def test_recode_refuses_a_device_and_a_huge_file(cli, tmp_path):
    assert cli("recode", "/dev/zero").code == 1
    big = tmp_path / "big.csv"
    with open(big, "wb") as fh:
        fh.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    r = cli("recode", big)
    assert r.code == 1 and "file-too-large" in r.err


def test_a_folder_name_that_is_not_utf8_works(tmp_path):
    """A GBK-named folder from a Windows zip: its name is not valid UTF-8. (A real
    process: its stderr writes such a name escaped, as a terminal would get it.)"""
    name = os.fsencode(tmp_path) + b"/" + "蒲县数据".encode("gbk")
    shutil.copytree(DATA, os.fsdecode(name))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _ in range(2):  # the second run reads the plan cache, keyed by the name
        for args in (["validate", "-f", "json"], ["overdue"], ["update", "12", "--unit",
                                                               "县行政审批局", "--status",
                                                               "done"]):
            r = subprocess.run([sys.executable, "-m", "pucli", *args, "--data", name],
                               env=env, capture_output=True, timeout=120)
            assert r.returncode in (0, 1), (args, r.stderr.decode(errors="replace"))
