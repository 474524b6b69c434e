"""The top of the CLI: which command is built, and how the process ends."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import typer

from pucli import exitcodes
from pucli.cli.app import COMMANDS, build_app, command_named

from tracking_support import HEADER, make_data_dir


@pytest.mark.parametrize(("args", "expected"), [
    (["overdue", "--as-of", "2025-01-01"], "overdue"),
    (["--lang", "en", "overdue"], "overdue"),
    (["--lang=en", "--debug", "status"], "status"),
    (["actuals", "add"], "actuals"),
    (["--help", "overdue"], None),      # root help: the full list
    ([], None),
    (["overdu"], None),                 # a typo: the full list, for did-you-mean
    (["--lang"], None),
    (["--bogus", "overdue"], None),
])
def test_command_named(args, expected):
    assert command_named(args) == expected


def test_only_the_named_command_is_built():
    one = typer.main.get_command(build_app("overdue"))
    assert list(one.commands) == ["overdue"]  # type: ignore[attr-defined]
    every = typer.main.get_command(build_app())
    assert set(every.commands) == set(COMMANDS)  # type: ignore[attr-defined]


def pucli(*args, env=None, **kw) -> subprocess.CompletedProcess:
    # stdout block-buffered, as on a user's machine (PYTHONUNBUFFERED would hide a lost
    # buffer)
    env = {k: v for k, v in (env or os.environ).items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run([sys.executable, "-m", "pucli", *args], capture_output=True,
                          env=env, **kw)


@pytest.fixture
def data(tmp_path):
    return make_data_dir(tmp_path / "data")


def test_a_large_output_is_flushed_whole():
    # tens of KiB through a pipe (many buffer-fulls and a final partial one)
    out = pucli("measures", "-f", "json")
    assert out.returncode == 0, out.stderr.decode()
    assert len(json.loads(out.stdout)) == 48 and len(out.stdout) > 32 * 1024


def test_buffered_output_is_flushed_at_exit():
    # click and rich flush as they print; this guards any output still in a buffer
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    code = ("import sys\nfor _ in range(3000): sys.stdout.write('出' * 10)\n"
            "sys.stderr.write('e' * 100)\n"
            "from pucli.cli.app import finish_output; sys.exit(finish_output(4))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env)
    assert (result.returncode, len(result.stdout), result.stderr) == (4, 30000, "e" * 100)


@pytest.mark.parametrize("command", [["overdue"], ["measures", "-f", "json"], ["validate"],
                                     ["update", "1", "--unit", "县发改局", "--status",
                                      "done"]])
def test_a_closed_stdout_or_an_ascii_locale_is_no_internal_error(data, command):
    """`pucli … >&-` and LC_ALL=C with an ASCII stream encoding: exit 0 or 1, never 70."""
    env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii",
           "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    ascii_run = pucli(*command, "--data", str(data), env=env, timeout=120)
    assert ascii_run.returncode == 0, ascii_run.stderr.decode("utf-8", "replace")
    closed = subprocess.run([sys.executable, "-m", "pucli", *command, "--data", str(data)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120,
                            preexec_fn=lambda: os.close(1))
    assert closed.returncode == 0, closed.stderr.decode()  # as `--version >&-` (below)
    assert b"internal error" not in closed.stderr and b"Traceback" not in closed.stderr


def test_the_exit_code_survives_the_fast_exit(data):
    assert pucli("overdue", "--as-of", "2030-01-01", "--fail", "--data",
                 str(data)).returncode == exitcodes.OVERDUE
    assert pucli("validate", "--data", str(data / "absent")).returncode == exitcodes.INVALID
    assert pucli("no-such-command").returncode == 2


def test_exit_handlers_still_run():
    code = ("import atexit, sys; atexit.register(lambda: print('handler ran', file=sys.stderr))"
            "; sys.argv = ['pucli', '--version']; from pucli.cli.app import main; main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("pucli ")
    assert "handler ran" in result.stderr


def test_a_reader_that_goes_away_is_no_error(data):
    # far more output than a pipe holds (2,000 warnings), block-buffered as on a user's
    # machine, and the reader leaves after one line, like `| head -1`: exit 0, quietly
    # (typer's own handling made it exit 1, which pucli documents as "invalid data")
    (data / "progress.csv").write_text(
        HEADER + "2025-01-10,1,县发改局,done,50,,\n" * 2000, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = subprocess.Popen([sys.executable, "-m", "pucli", "validate", "--format", "json",
                             "--data", str(data)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 0, err
    assert "Traceback" not in err and "Exception ignored" not in err


def test_a_closed_stdout_is_no_error():
    result = subprocess.run(f"{sys.executable} -m pucli --version >&-", shell=True,
                            capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_output_path_that_cannot_be_written_is_a_located_error_not_a_bug(
        cli, monkeypatch, tmp_path, lang):
    monkeypatch.setenv("PUCLI_LANG", lang)
    target = tmp_path / "no-such-folder" / "x.csv"
    r = cli("measures", "-f", "csv", "-o", str(target))
    assert r.code == exitcodes.INVALID
    assert str(target) in r.err
    assert "internal error" not in r.err and "内部错误" not in r.err
    assert ("check that the folder exists" if lang == "en" else "检查文件夹是否存在") in r.err
