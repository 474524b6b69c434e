"""Terminal tables at any width: at 40, 60, 80 and 120 columns every listing shows each
column's name and every value whole — as a table when it fits, else as records.

The check reads the printed text back: table rows are split at the column rules, records
at "name │ value"; each value must appear unbroken under its own column name, every
date or number on one line, and no line may be wider than the terminal.
"""

from __future__ import annotations

import importlib.util
import io
import re
from collections import defaultdict

import pytest
from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table

from pucli.render import fit as fit_module
from pucli.render.fit import FittedTable, plain

from conftest import ROOT

WIDTHS = (40, 60, 80, 120)
AS_OF = "2025-04-15"
LISTINGS = {
    "measures": ["measures"], "units": ["units"], "status": ["status"],
    "status-section": ["status", "--by", "section"],
    # a slice of the long listings keeps the test quick: a moved deadline (measure 12),
    # a long unit name (section 5), a milestone and a report (section 9)
    "overdue": ["overdue", "--as-of", AS_OF, "--unit", "县中小企业服务中心"],
    "overdue-measure": ["overdue", "--as-of", AS_OF, "--by", "measure", "--section", "5"],
    "due": ["due", "--as-of", "2025-03-25", "--within", "30d", "--section", "7"],
    "ledger": ["ledger", "--as-of", AS_OF, "--section", "9"],
    "project": ["project", "--as-of", AS_OF],
    "quality": ["quality", "--as-of", AS_OF], "backtest": ["backtest"],
}
_TOKEN = re.compile(r"[^\s\u3400-\u9fff]*\d[^\s\u3400-\u9fff]*")
_RULES = set("━─┡╇┩└┴┘┏┳┓┗┻┛╋┼├┤┣┫ ")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo folder: the real plan (37 units, long names), synthetic observations."""
    spec = importlib.util.spec_from_file_location("make_demo", ROOT / "examples" / "make_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_demo(tmp_path_factory.mktemp("demo") / "demo")


def _captured(cli, monkeypatch, args, data):
    """What the command hands to the terminal (rendered later at each width)."""
    seen = []
    original = fit_module.fit

    def spy(renderable):
        seen.append(renderable)
        return original(renderable)

    monkeypatch.setattr(fit_module, "fit", spy)
    result = cli(*args, "--data", data)
    assert result.code == 0, result.err
    assert seen  # the first call is the whole output (fit() recurses into groups)
    return seen[0]


def _tables(renderable) -> list[Table]:
    if isinstance(renderable, FittedTable):
        return [renderable.table]
    if isinstance(renderable, Table):
        return [renderable]
    if isinstance(renderable, Group):
        return [t for r in renderable.renderables for t in _tables(r)]
    return []


def _cells(line: str, rule: str) -> list[str]:
    parts = line.split(rule)
    if line.startswith(rule):
        parts = parts[1:-1]
    return [p.strip() for p in parts]


def read_back(text: str) -> dict[str, list[str]]:
    """Column name → the pieces printed under it, top to bottom."""
    streams: dict[str, list[str]] = defaultdict(list)
    headers: list[str] | None = None
    current = None
    for line in text.splitlines():
        if "┃" in line:
            headers = _cells(line, "┃")
            continue
        if headers is not None:
            if "│" in line and len(_cells(line, "│")) == len(headers):
                for name, piece in zip(headers, _cells(line, "│"), strict=True):
                    streams[name].append(piece)
                continue
            if line.strip() and set(line) <= _RULES:
                continue
            headers = None
        if "│" in line:  # a record: "name │ value", or a value's next line
            name, value = (part.strip() for part in line.split("│", 1))
            current = name or current
            streams[current].append(value)
    return streams


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_whole(renderable, width: int, tables: list[Table] | None = None) -> str:
    buf = io.StringIO()
    Console(file=buf, width=width, no_color=True, markup=False, emoji=False,
            highlight=False).print(fit_module.fit(renderable))
    text = buf.getvalue()
    wide = [line for line in text.splitlines() if cell_len(line.rstrip()) > width]
    assert not wide, f"lines wider than {width}: {wide[:3]}"
    streams = read_back(text)
    for table in tables or _tables(renderable):
        for column in table.columns:
            name = plain(column.header)
            values = [plain(c) for c in column._cells if plain(c).strip()]
            if not values:
                continue
            assert name in streams, f"column {name!r} lost at {width} columns:\n{text[:1500]}"
            pieces = streams[name]
            joined = _squash("".join(pieces))
            for v in values:
                assert _squash(v) in joined, f"{name}: {v!r} not whole at {width}"
                for token in _TOKEN.findall(v):
                    assert any(token in p for p in pieces), \
                        f"{name}: {token!r} of {v!r} broken at {width} columns"
    return text


@pytest.mark.parametrize("name", list(LISTINGS))
def test_every_listing_is_whole_at_every_width(cli, monkeypatch, demo, name):
    renderable = _captured(cli, monkeypatch, LISTINGS[name], demo)
    assert _tables(renderable), "nothing to check"
    layouts = set()
    for width in WIDTHS:
        text = assert_whole(renderable, width)
        layouts.add("table" if "┃" in text else "records")
    assert "table" in layouts or name in ("overdue", "overdue-measure", "due")


def test_the_checker_catches_a_vanished_label_and_a_cut_date():
    """The read-back fails on what rich alone prints in a narrow terminal."""
    table = Table(title="t")
    table.add_column("责任单位", overflow="fold")
    table.add_column("应完成")  # rich's default: cut with an ellipsis
    for n in range(5):
        table.add_column(f"状态{n}", justify="right", no_wrap=True)
    table.add_row("中国邮政集团有限公司山西省蒲县分公司", "2025-03-31", *"12345")
    buf = io.StringIO()
    Console(file=buf, width=40, no_color=True).print(table)  # without fit()
    streams = read_back(buf.getvalue())
    assert "2025-03-31" not in "".join(streams.get("应完成", []))
    with pytest.raises(AssertionError):
        assert_whole(_Unfitted(table), 40, [table])
    assert_whole(table, 40)  # fitted: records


class _Unfitted:
    """A table that bypasses fit(), to show the checker failing."""

    def __init__(self, table):
        self.table = table

    def __rich_console__(self, console, options):
        yield self.table


def test_a_status_table_in_a_60_column_terminal_keeps_its_names(cli, demo, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    result = cli("status", "--data", demo)
    assert result.code == 0
    streams = read_back(result.out)
    assert "县市场监管局" in "".join(streams["责任单位"])
    assert "中国邮政集团有限公司山西省蒲县分公司" in _squash("".join(streams["责任单位"]))
