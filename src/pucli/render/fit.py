"""Tables that fit any terminal: as a table when it is wide enough, else as records.

rich squeezes a table into a narrow terminal by shrinking its columns, down to nothing:
a name column vanishes and rows of numbers are left without labels, or a date is cut to
"2025-0…". Here each column gets at least what it needs — its header, every date and
number whole, a text column at least ``TEXT_MIN`` cells — and when the terminal is
narrower than that sum the same rows are printed as records, one block per row, each
value next to its column's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Column, Table
from rich.text import Text

# A text column (overflow="fold") narrower than this reads one word a line.
TEXT_MIN = 16
# Digit runs that must never break: dates, numbers, "2025Q1", "-611（-7.7%）".
_TOKEN = re.compile(r"[^\s\u3400-\u9fff]*\d[^\s\u3400-\u9fff]*")


def plain(cell: object) -> str:
    """The text of a table cell (a str or a rich Text)."""
    return cell.plain if isinstance(cell, Text) else str(cell)


def _width(text: str) -> int:
    return max((cell_len(line) for line in text.split("\n")), default=0)


def _tokens_width(text: str) -> int:
    return max((cell_len(m) for m in _TOKEN.findall(text)), default=0)


def needed_widths(table: Table) -> list[int]:
    """The content width each column needs so that nothing is cut or broken."""
    needs = []
    for column in table.columns:
        cells = [plain(c) for c in column._cells]
        header = _width(plain(column.header))
        longest = max((_width(c) for c in cells), default=0)
        if column.overflow == "fold" and not column.no_wrap:
            tokens = max((_tokens_width(c) for c in cells), default=0)
            need = max(header, tokens, min(longest, TEXT_MIN), column.min_width or 0)
        else:  # no_wrap, ellipsis or crop: the widest cell, whole
            need = max(header, longest, column.min_width or 0)
        needs.append(max(need, 1))
    return needs


def _frame_width(table: Table) -> int:
    """Borders and padding around the cells."""
    padding = sum(table._get_padding_width(i) for i in range(len(table.columns)))
    return table._extra_width + padding


def _allot(table: Table, width: int) -> list[int] | None:
    """Column widths for ``width`` cells, or None when the table does not fit."""
    needs = needed_widths(table)
    spare = width - _frame_width(table) - sum(needs)
    if spare < 0:
        return None
    widths = list(needs)
    longest = [max((_width(plain(c)) for c in col._cells), default=0) for col in table.columns]
    # what is left goes to the columns that want more, in proportion to what they want
    want = [max(longest[i] - needs[i], 0) for i in range(len(needs))]
    total = sum(want)
    if total:
        share = min(spare, total)
        for i, w in enumerate(want):
            widths[i] += share * w // total
        extra = share - sum(share * w // total for w in want)
        for i in sorted(range(len(want)), key=lambda k: -want[k])[:extra]:
            widths[i] += 1
    return widths


class FittedTable:
    """A rich renderable: ``table`` when the width allows, else its rows as records.

    ``fill_down``: columns left blank for "same as the row above" (a group's name); a
    record repeats the value, since it has no row above to look at.
    """

    def __init__(self, table: Table, fill_down: Iterable[int] = ()) -> None:
        self.table = table
        self.fill_down = set(fill_down)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 20), options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = _allot(self.table, options.max_width)
        if widths is None:
            yield from records(self.table, self.fill_down)
            return
        for column, width in zip(self.table.columns, widths, strict=True):
            column.width = width
        yield self.table


def records(table: Table, fill_down: Iterable[int] = ()) -> list[RenderableType]:
    """The rows of ``table`` as blocks of "name │ value" lines, a rule between rows."""
    fill = set(fill_down)
    names = [plain(c.header) for c in table.columns]
    out_table = Table(Column(no_wrap=True, style="bold"), Column(overflow="fold"),
                      box=box.MINIMAL, show_header=False, show_edge=False, pad_edge=False)
    rows = list(zip(*(c._cells for c in table.columns), strict=True)) if table.columns else []
    previous: list[object] = [""] * len(names)
    for n, row in enumerate(rows):
        cells = list(row)
        for i in fill:
            if i < len(cells) and not plain(cells[i]).strip():
                cells[i] = previous[i]
        previous = cells
        shown = [(name, cell) for name, cell in zip(names, cells, strict=True)
                 if plain(cell).strip()]
        for k, (name, cell) in enumerate(shown):
            out_table.add_row(name, cell, end_section=k == len(shown) - 1 and n < len(rows) - 1)
    out: list[RenderableType] = []
    if table.title:
        out.append(Text(plain(table.title), style="bold"))
    out.append(out_table)
    if table.caption:
        out.append(Text(plain(table.caption)))
    return out


def fit(renderable: object) -> object:
    """``renderable`` with every table in it made to fit (groups are searched)."""
    if isinstance(renderable, Table):
        return FittedTable(renderable)
    if isinstance(renderable, Group):
        return Group(*(fit(r) for r in renderable.renderables))
    return renderable
