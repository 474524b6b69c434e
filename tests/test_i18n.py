"""Language choice: --lang, PUCLI_LANG, Chinese by default; and terminal manners."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from pucli import exitcodes, i18n
from pucli.render.problems import cell_width

from tracking_support import make_data_dir


@pytest.fixture
def data(tmp_path):
    return make_data_dir(tmp_path / "data")


def test_chinese_by_default(cli, data):
    _, out, _ = cli("overdue", "--as-of", "2025-04-01", "--data", data)
    assert out.startswith("逾期事项 — 截至 2025-04-01")


def test_lang_option_and_environment(cli, data, monkeypatch):
    _, out, _ = cli("--lang", "en", "overdue", "--as-of", "2025-04-01", "--data", data)
    assert out.startswith("Overdue — as of 2025-04-01")
    # the choice lasts one run only
    _, out, _ = cli("overdue", "--as-of", "2025-04-01", "--data", data)
    assert out.startswith("逾期事项")
    monkeypatch.setenv("PUCLI_LANG", "en_US.UTF-8")
    _, out, _ = cli("status", "--data", data)
    assert out.startswith("Status by unit")
    _, out, _ = cli("--lang", "zh", "status", "--data", data)  # the option beats the variable
    assert out.startswith("进度汇总")


def test_unknown_language(cli, monkeypatch):
    code, _, err = cli("--lang", "fr", "measures")
    assert code == exitcodes.USAGE and "'fr' 不是可选的值（'zh', 'en'）" in err
    code, _, err = cli("measures", "--lang", "fr")
    assert code == exitcodes.USAGE and "'--lang' 的值无效" in err
    monkeypatch.setenv("PUCLI_LANG", "fr")  # an unknown variable falls back to Chinese
    assert i18n.language() == "zh"


def test_problems_in_both_languages(cli, data):
    (data / "progress.csv").write_text(
        "date,measure,unit,status\n2025-01-20,3,县发改委,done\n", encoding="utf-8")
    code, _, err = cli("overdue", "--data", data)
    assert code == exitcodes.INVALID
    assert "第 2 行, unit: 未知的责任单位 '县发改委' [unknown-unit]" in err
    assert "提示：是不是 '县发改局'？" in err
    _, _, err = cli("--lang", "en", "overdue", "--data", data)
    assert "row 2, unit: unknown unit '县发改委' [unknown-unit]" in err


def test_measure_titles_in_english_come_from_title_en(cli, datadir):
    _, out, _ = cli("--lang", "en", "measures", "--section", "1", "--data", datadir)
    assert "Uphold" in out  # measure 1's title_en
    _, out, _ = cli("measures", "--section", "1", "--data", datadir)
    assert "坚持“法无禁止即可入”" in out


def test_piped_output_is_plain(tmp_path, data):
    """No colour codes and no progress frames when stdout/stderr are not a terminal."""
    env = {**os.environ, "PUCLI_DATA": str(data), "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    for args in (["overdue", "--as-of", "2025-04-01"], ["backtest"]):
        run = subprocess.run([sys.executable, "-m", "pucli", *args], capture_output=True,
                             env=env, cwd=tmp_path)
        assert b"\x1b[" not in run.stdout and b"\x1b[" not in run.stderr, args


def test_colour_on_a_terminal_unless_no_color(tmp_path, data):
    env = {**os.environ, "PUCLI_DATA": str(data), "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}
    env.pop("NO_COLOR", None)
    args = [sys.executable, "-m", "pucli", "overdue", "--as-of", "2025-04-01"]
    coloured = subprocess.run(args, capture_output=True, env=env, cwd=tmp_path).stdout
    assert b"\x1b[31m" in coloured  # "逾期" in red
    plain = subprocess.run(args, capture_output=True, env={**env, "NO_COLOR": "1"},
                           cwd=tmp_path).stdout
    assert b"\x1b[31m" not in plain


@pytest.mark.parametrize("command", [["overdue", "--as-of", "2025-04-15"], ["ledger"],
                                     ["status"]])
def test_tables_fit_80_columns_without_cutting_text(cli, datadir, monkeypatch, command):
    (datadir / "progress.csv").write_text(
        "date,measure,unit,status,percent,note,evidence\n"
        "2025-01-10,12,县行政审批局,in_progress,60,完成初稿并征求了各乡镇和相关部门的意见,\n",
        encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = cli(*command, "--data", datadir)
    # the table's own lines, or its records' "name │ value" lines when 80 columns are too
    # few for the table (piped output does not wrap the free text around it)
    rows = [line for line in out.splitlines() if line[:1] in "┏┃┡│├└" or "│" in line]
    assert rows and max(cell_width(line) for line in rows) <= 80
    assert "…" not in out
    flat = "".join(line.replace("│", "").replace(" ", "") for line in out.splitlines())
    if command[0] == "ledger":
        assert "完成初稿并征求了各乡镇和相关部门的意见" in flat  # folded, not cut


@pytest.mark.parametrize("where", ["before", "after"])
def test_lang_before_or_after_the_command(cli, data, where):
    args = ["overdue", "--as-of", "2025-04-01", "--data", data]
    args = ["--lang", "en", *args] if where == "before" else [*args, "--lang", "en"]
    _, out, _ = cli(*args)
    assert out.startswith("Overdue — as of 2025-04-01")
    _, out, _ = cli("actuals", "add", "--help", "--lang=en")  # a sub-command's too
    assert "Append one observed count" in out


def test_help_in_chinese_by_default_and_english_on_request(cli, monkeypatch):
    _, out, _ = cli("overdue", "--help")
    assert out.startswith("用法：pucli overdue [选项]")
    assert "谁在什么事项上逾期" in out and "示例：pucli overdue" in out
    assert "按责任单位或举措分组。" in out and "[默认：unit]" in out
    assert "显示本帮助并退出。" in out and "Group rows" not in out
    for args in (["overdue", "--lang", "en", "--help"], ["--lang", "en", "overdue", "-h"]):
        _, out, _ = cli(*args)
        assert out.startswith("Usage: pucli overdue [OPTIONS]")
        assert "Who is late" in out and "Example: pucli overdue" in out
        assert "谁在" not in out
    monkeypatch.setenv("PUCLI_LANG", "en")
    _, out, _ = cli("--help")
    assert "Commands:" in out and "Who is late, with what" in out


def test_every_help_page_is_in_the_chosen_language(cli):
    from test_messages import every_command

    for path, command in every_command():
        args = [*path.split(), "--help"]
        _, zh, _ = cli(*args)
        _, en, _ = cli(*args, "--lang", "en")
        assert zh.startswith("用法：") and en.startswith("Usage:"), path
        english_help = [p.help for p in command.params if getattr(p, "help", None)]
        assert not [h for h in english_help if h in zh], path
        assert all(h.split()[0] in en for h in english_help), path
        # Chinese text fits the terminal: lines are wrapped by cells, not characters
        assert max(cell_width(line) for line in zh.splitlines()
                   if re.search(r"[\u4e00-\u9fff]", line)) <= 80, path


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["overdue", "--nosuch"], "错误：没有这个选项：--nosuch", "Error: No such option: --nosuch"),
    (["overdue", "--as-off", "2025-01-01"], "（可用的选项：--as-of）",
     "(Possible options: --as-of)"),
    (["update"], "错误：缺少参数 'MEASURE'。", "Error: Missing argument 'MEASURE'."),
    (["overdue", "--by", "unti"], "'unti' 不是可选的值（'unit', 'measure'）。是不是 'unit'？",
     "'unti' is not one of 'unit', 'measure'. Did you mean 'unit'?"),
    (["overdu"], "没有命令 'overdu'。是不是 'overdue'？",
     "No such command 'overdu'. Did you mean 'overdue'?"),
    (["overdue", "--as-of", "2025-02-30"], "--as-of 的值无效：'2025-02-30' 不是日期",
     "Invalid value for --as-of: '2025-02-30' is not a date"),
])
def test_usage_errors_in_both_languages(cli, args, zh, en, monkeypatch):
    code, _, err = cli(*args)
    assert code == exitcodes.USAGE and zh in err, err
    assert "用法：pucli" in err and "查看帮助" in err
    code, _, err = cli(*args, "--lang", "en")
    assert code == exitcodes.USAGE and en in err, err
    monkeypatch.setenv("PUCLI_LANG", "en")
    assert en in cli(*args).err


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "注意：--excel 只用于 csv 格式，对 json 不起作用"),
    ("en", "note: --excel applies to the csv format only; ignored for json")])
def test_an_option_that_does_not_apply_is_said_to(cli, data, monkeypatch, lang, said):
    monkeypatch.setenv("PUCLI_LANG", lang)
    code, out, err = cli("status", "-f", "json", "--excel", "--data", data)
    assert code == exitcodes.OK and said in err and out.startswith("{")
    code, _, err = cli("status", "-f", "csv", "--excel", "--data", data)
    assert code == exitcodes.OK and "--excel" not in err
