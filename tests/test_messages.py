"""The message catalog: every problem code has Chinese and English wording."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pucli.messages import HINTS, MESSAGES, hint_zh, message_zh
from pucli.problems import Problem
from pucli.render.problems import format_problem

SRC = Path(__file__).resolve().parent.parent / "src" / "pucli"
# Every way src/ names a problem code: Problem("code", …), table/doc.problem("code", …),
# self.fail("code", …), Issue(column, "code", …) and `code = "code"` in the schema mapper.
CODE_PATTERNS = [r'Problem\(\s*"([a-z0-9-]+)"', r'\.problem\(\s*"([a-z0-9-]+)"',
                 r'\bfail\(\s*"([a-z0-9-]+)"', r'Issue\(\s*"\w+",\s*"([a-z0-9-]+)"',
                 r'\bcode(?:, hint)? = "([a-z0-9-]+)"']


def codes_used_in_src() -> set[str]:
    codes: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in CODE_PATTERNS:
            codes |= set(re.findall(pattern, text))
    return codes


def test_every_code_used_in_src_has_a_catalog_entry():
    codes = codes_used_in_src()
    assert len(codes) > 40  # the scan itself works
    missing = sorted(codes - set(MESSAGES))
    assert missing == [], f"problem codes without Chinese/English wording: {missing}"


def literal_hints_in_src() -> dict[str, str]:
    """Every hint src/ writes as a plain string: ``hint=…``, Issue's 4th and Problem's 7th
    argument. (Hints built with f-strings are matched by templates; see test_hints.)"""
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            args = [k.value for k in node.keywords if k.arg == "hint"]
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            position = {"Issue": 3, "Problem": 6}.get(name)
            if position is not None and len(node.args) > position:
                args.append(node.args[position])
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found[arg.value] = f"{path.name}:{node.lineno}"
    return found


def test_every_literal_hint_in_src_has_chinese_wording():
    hints = literal_hints_in_src()
    assert len(hints) > 20  # the scan itself works
    missing = {where: hint for hint, where in hints.items() if hint_zh(hint) == hint}
    assert missing == {}


def test_catalog_templates_name_the_same_fields_in_both_languages():
    def fields(template: str) -> set[str]:
        return set(re.findall(r"\{(\w+)\}", template))

    for code, pairs in MESSAGES.items():
        for zh, en in pairs:
            assert fields(zh) == fields(en), (code, zh, en)
    for zh, en in HINTS:
        assert fields(zh) == fields(en), (zh, en)


def test_fields_are_read_back_out_of_the_english_message():
    assert message_zh("unknown-unit", "unknown unit '县发改委'") == "未知的责任单位 '县发改委'"
    assert message_zh("duplicate-id", "measure id 4 appears 3 times") == "举措编号 4 出现了 3 次"


def test_params_word_the_message_without_parsing_it():
    zh = message_zh("unknown-unit", "whatever", {"unit": "县林业局"})
    assert zh == "未知的责任单位 '县林业局'"


def test_a_message_the_catalog_cannot_read_stays_english():
    assert message_zh("no-such-code", "something odd") == "something odd"
    assert message_zh("unknown-unit", "a wording nobody catalogued") == \
        "a wording nobody catalogued"


def test_hints():
    assert hint_zh("did you mean '县发改局'?") == "是不是 '县发改局'？"
    assert hint_zh("a hint nobody catalogued") == "a hint nobody catalogued"


def test_format_problem_in_both_languages(monkeypatch):
    p = Problem("unknown-unit", "unknown unit '县发改委'", "progress.csv", 5, 14, "row 5, unit",
                hint="did you mean '县发改局'?", severity="warning")
    monkeypatch.setenv("PUCLI_LANG", "en")
    assert format_problem(p) == ("progress.csv:5:14: warning: row 5, unit: unknown unit "
                                 "'县发改委' [unknown-unit]\n  hint: did you mean '县发改局'?")
    monkeypatch.setenv("PUCLI_LANG", "zh")
    assert format_problem(p) == ("progress.csv:5:14: 警告：第 5 行, unit: 未知的责任单位 "
                                 "'县发改委' [unknown-unit]\n  提示：是不是 '县发改局'？")


def test_json_keeps_the_english_message():
    p = Problem("unknown-unit", "unknown unit 'x'", "f", params={"unit": "x"})
    assert p.to_dict()["message"] == "unknown unit 'x'" and "params" not in p.to_dict()


# -- help pages and usage errors: the same catalog, both languages ------------------------

def every_command():
    """(path, click command) for pucli and every command and sub-command, as built."""
    import typer

    from pucli.cli.app import COMMANDS, build_app
    from pucli.cli.localize import prepare, walk

    commands = list(walk(prepare(typer.main.get_command(build_app()))))
    assert {path.split()[0] for path, _ in commands if path} == set(COMMANDS)
    return commands


def has_chinese(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


def test_every_command_has_help_and_examples_in_both_languages():
    from pucli.messages import COMMAND_HELP

    missing = [path or "pucli" for path, _ in every_command() if path not in COMMAND_HELP]
    assert missing == [], ("commands without Chinese help in messages.COMMAND_HELP "
                           f"(the English is the docstring): {missing}")
    for path, command in every_command():
        zh, en = COMMAND_HELP[path], command.help or ""
        assert en.strip() and has_chinese(zh), path
        # each example runs the same command line in both languages
        examples_en = re.findall(r"^Examples?: (.+)$", en, re.MULTILINE)
        examples_zh = re.findall(r"^示例：(.+)$", zh, re.MULTILINE)
        assert examples_en == examples_zh, path
        if path and " " not in path and not getattr(command, "commands", None):
            assert examples_en, f"pucli {path} has no example"


def test_every_option_has_help_in_both_languages():
    from pucli.messages import help_zh

    options = [(path, param) for path, command in every_command() for param in command.params
               if param.param_type_name == "option" and not getattr(param, "hidden", False)]
    assert len(options) > 50  # the walk itself works
    no_help = [(path, param.opts) for path, param in options if not param.help]
    assert no_help == []
    missing = sorted({param.help for _, param in options if not has_chinese(help_zh(param.help))})
    assert missing == [], f"option help without Chinese in messages.HELP: {missing}"


def test_usage_templates_name_the_same_fields_in_both_languages():
    from pucli.messages import HELP, HELP_PAGE, USAGE

    for zh, en in USAGE + HELP_PAGE + HELP:
        assert set(re.findall(r"\{(\w+)\}", zh)) == set(re.findall(r"\{(\w+)\}", en)), (zh, en)


@pytest.mark.parametrize(("english", "chinese"), [
    ("No such option: --nosuch", "没有这个选项：--nosuch"),
    ("Missing argument 'MEASURE'.", "缺少参数 'MEASURE'。"),
    ("Invalid value for '--by': 'x' is not one of 'unit', 'measure'.",
     "'--by' 的值无效：'x' 不是可选的值（'unit', 'measure'）。"),
    ("Invalid value for '--section' / '-s': 0 is not in the range x>=1.",
     "'--section' / '-s' 的值无效：0 不在 x>=1 的范围内。"),
    ("No such command 'overdu'. Did you mean 'overdue'?", "没有命令 'overdu'。是不是 'overdue'？"),
    ("Invalid value for --as-of: '2025-13-01' is not a date; write YYYY-MM-DD, e.g. 2025-12-31",
     "--as-of 的值无效：'2025-13-01' 不是日期；写成 YYYY-MM-DD，例如 2025-12-31"),
    ("something click may say one day", "something click may say one day"),
])
def test_usage_errors_are_worded_through_the_catalog(english, chinese):
    from pucli.messages import usage_zh

    assert usage_zh(english) == chinese


def test_chinese_help_names_the_same_options_metrics_and_columns_as_english():
    """A translation goes stale when the English help changes: the Chinese help of backtest
    still promised "MASE relative to naive" after the metrics were renamed (MASE, rel_mae).
    Both must name the same options (--horizon), acronyms (MAPE) and column names
    (rel_mae); "FILE" is a placeholder the Chinese help writes as 文件."""
    from pucli.messages import COMMAND_HELP

    token = re.compile(r"--[a-z][a-z-]+|\b[A-Z]{3,}\b|\b[a-z]+_[a-z_]+\b")
    stale = {}
    for path, command in every_command():
        if path not in COMMAND_HELP:
            continue
        en = set(token.findall(command.help or "")) - {"FILE"}
        zh = set(token.findall(COMMAND_HELP[path]))
        if en != zh:
            stale[path] = (sorted(en - zh), sorted(zh - en))
    assert not stale, stale
