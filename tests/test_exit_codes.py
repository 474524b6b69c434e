"""One rule for exit codes: a bad option or option value exits 2, bad data exits 1.

Every command is run with a bad value for each of its options. The commands and their
options are read from the CLI itself, so a command or option added later is either
covered here or named by the test as needing a case.
"""

from __future__ import annotations

import re

import pytest
from test_messages import every_command

from pucli import exitcodes

# option → a value it can never take (malformed, out of range, or naming nothing)
BAD_VALUES = {
    "--as-of": "2025-02-30", "--since": "2025-02-30", "--date": "2025-02-30",
    "--unit": "县无此局", "--metric": "无此指标", "--region": "无此地区", "--section": "99",
    "--within": "soon", "--horizon": "0", "--min-train": "zero", "--map": "没有等号",
    "--chart": "chart.gif", "--chart-size": "huge", "--headers": "sideways",
    "--percent": "150", "--status": "finished", "--lang": "fr",
    "--new": "-1", "--cancelled": "-1", "--enterprises": "-1",
    "--individual-businesses": "-1", "--cooperatives": "-1", "--from": "no-such-codec",
    "--deadline": "2025-02-30", "--by": "2025-02-30", "--period": "2025Q5",
}
# options whose value is free (any text or any path): nothing to make bad
FREE = {"--data", "--output", "--search", "--note", "--evidence", "--source", "--sheet",
        "--install-completion", "--show-completion", "--sender"}
# options whose value is free for one command: a new region is a good value to record
FREE_FOR = {"actuals add": {"--region"}}
# what each command needs besides the option under test
ARGS = {
    "show": ["12"], "update": ["12", "--unit", "县行政审批局", "--status", "in_progress"],
    "actuals add": ["2025-09-30", "9600"], "actuals import": ["{import_csv}"],
    "recode": ["{gbk_csv}"], "collect": ["{import_csv}"],
}


def leaf_commands():
    return [(path, command) for path, command in every_command()
            if path and not getattr(command, "commands", None)]


def bad_values(command) -> list[tuple[str, str]]:
    """(option, bad value) for every option of ``command`` that can take a bad one."""
    cases = []
    for param in command.params:
        if param.param_type_name != "option" or param.is_flag:
            continue
        name = max(param.opts, key=len)
        if name in FREE_FOR.get(command.pucli_path, ()):
            continue
        if getattr(param.type, "choices", None):
            cases.append((name, "nosuch"))
        elif name in BAD_VALUES:
            cases.append((name, BAD_VALUES[name]))
        else:
            assert name in FREE, (f"{command.name} {name}: add a value it cannot take to "
                                  "BAD_VALUES, or put it in FREE")
    return cases


@pytest.fixture(scope="module")
def demo_once(tmp_path_factory):
    """The demo folder with metric and region columns, so that --metric and --region
    name columns that exist (built once: make_demo takes a while)."""
    import subprocess
    import sys

    from conftest import ROOT

    folder = tmp_path_factory.mktemp("exit-codes") / "demo"
    subprocess.run([sys.executable, str(ROOT / "examples" / "make_demo.py"), str(folder)],
                   check=True, capture_output=True, timeout=120)
    actuals = folder / "actuals.csv"
    lines = actuals.read_text(encoding="utf-8").splitlines()
    actuals.write_text("\n".join([lines[0] + ",region,metric"]
                                 + [line + ",," for line in lines[1:]]) + "\n",
                       encoding="utf-8")
    return folder


@pytest.fixture
def demo(demo_once, tmp_path):
    """A copy of it for each test, with an export to import and a GBK file to recode."""
    import shutil

    folder = tmp_path / "demo"
    shutil.copytree(demo_once, folder)
    (tmp_path / "import.csv").write_text("date,total\n2025-09-30,9600\n", encoding="utf-8")
    (tmp_path / "gbk.csv").write_bytes("date,total\n2025-09-30,9600\n".encode("gbk"))
    return folder


@pytest.mark.parametrize("path", [path for path, _ in leaf_commands()])
def test_every_command_exits_2_on_a_bad_option_value(cli, demo, path):
    command = dict(leaf_commands())[path]
    cases = bad_values(command)
    assert cases, f"pucli {path} has no option to test"
    fill = {"import_csv": demo.parent / "import.csv", "gbk_csv": demo.parent / "gbk.csv"}
    base = [a.format(**fill) for a in ARGS.get(path, [])]
    for option, value in cases:
        args = list(base)
        if option in args:  # replace the good value the command needs
            args[args.index(option) + 1] = value
        else:
            args += [option, value]
        code, out, err = cli(*path.split(), *args, "--data", demo)
        assert code == exitcodes.USAGE, (path, option, value, code, err)
        assert "Traceback" not in err and "内部错误" not in err
        # the message itself in Chinese, not only the usage lines around it
        message = re.sub(r"用法：.*|试试 .* 查看帮助。|错误：|\S+ 的值无效：", "", err)
        assert re.search(r"[\u4e00-\u9fff]", message.replace(value, "")), (path, option, err)


def writes_xlsx(command) -> bool:
    return any("--format" in p.opts and "xlsx" in [str(getattr(c, "value", c))
                                                   for c in getattr(p.type, "choices", ())]
               for p in command.params)


@pytest.mark.parametrize("path", [path for path, command in leaf_commands()
                                  if writes_xlsx(command)])
def test_xlsx_without_an_output_file_is_a_usage_error(cli, demo, path):
    code, _, err = cli(*path.split(), "-f", "xlsx", "--data", demo)
    assert code == exitcodes.USAGE, err


def test_bad_data_exits_1_and_a_bad_argument_2(cli, demo):
    (demo / "progress.csv").write_text("date,measure,unit,status\n2025-01-20,3,县发改委,done\n",
                                       encoding="utf-8")
    assert cli("overdue", "--data", demo).code == exitcodes.INVALID
    assert cli("show", "99", "--data", demo).code == exitcodes.USAGE
    assert cli("overdue", "--no-such-option").code == exitcodes.USAGE
    assert cli("no-such-command").code == exitcodes.USAGE
