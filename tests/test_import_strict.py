"""Class 9: imports never pick one of two candidates silently, and a broken cell or a
hidden sheet is a located error. (Each case is refused and actuals.csv is unchanged.)"""

from __future__ import annotations

import pytest


def _refused(cli, minimal, *args, code="") -> str:
    target = minimal / "actuals.csv"
    before = target.read_bytes() if target.exists() else None
    r = cli("actuals", "import", *map(str, args), "--data", minimal)
    assert r.code in (1, 2) and "internal error" not in r.err, r.err
    assert code in r.err, r.err
    assert (target.read_bytes() if target.exists() else None) == before
    return r.err


@pytest.mark.parametrize("header,maps", [
    ("date,total,total", []),  # a duplicated source header
    ("日期,总数,合计", ["--map", "总数=total", "--map", "合计=total", "--map", "日期=date"]),
    ("date,总数,total", ["--map", "总数=total"]),  # a mapped column and a named one
])
def test_two_candidates_for_one_column_are_refused(cli, minimal, tmp_path, header, maps):
    src = tmp_path / "export.csv"
    src.write_text(header + "\n2022-12-31,1,2\n", encoding="utf-8")
    _refused(cli, minimal, src, *maps)


def test_a_fully_quoted_header_is_read_by_writers_as_by_validate(cli, minimal, tmp_path):
    (minimal / "actuals.csv").write_text('"date","total"\n"2021-12-31","100"\n',
                                         encoding="utf-8")
    assert cli("validate", "--data", minimal).code in (0, 1)
    r = cli("actuals", "add", "2022-12-31", "110", "--data", minimal)
    assert r.code == 0, r.err
    src = tmp_path / "export.csv"
    src.write_text('"date","total"\n"2023-12-31","120"\n', encoding="utf-8")
    r = cli("actuals", "import", src, "--data", minimal)
    assert r.code == 0, r.err


def _workbook(path, hidden_first: bool = False):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    ws.append(["date", "total"])
    ws.append(["2022-12-31", 999])
    data = wb.create_sheet("数据")
    data.append(["date", "total"])
    data.append(["2022-12-31", 120])
    if hidden_first:
        ws.sheet_state = "hidden"
    wb.save(path)


def test_a_hidden_first_sheet_is_not_read_silently(cli, minimal, tmp_path):
    _workbook(tmp_path / "x.xlsx", hidden_first=True)
    err = _refused(cli, minimal, tmp_path / "x.xlsx", code="hidden-sheet")
    assert "数据" in err
    r = cli("actuals", "import", tmp_path / "x.xlsx", "--sheet", "数据", "--data", minimal)
    assert r.code == 0, r.err


def test_a_corrupt_cell_is_a_located_error(cli, minimal, tmp_path):
    import zipfile

    good = tmp_path / "good.xlsx"
    _workbook(good)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<v>999</v>", b"<v>abc</v>")
            zout.writestr(item, data)
    _refused(cli, minimal, bad, code="unreadable-file")


def test_rejected_rows_do_not_each_cost_a_parse_of_the_file(english, cli, minimal, tmp_path,
                                                           monkeypatch):
    """Class 7/10: 2,000 rejected rows took 21 s, one parse of the whole file per row."""
    from pucli.loading import actuals_write

    calls = []
    real = actuals_write.parse_actuals_text
    monkeypatch.setattr(actuals_write, "parse_actuals_text",
                        lambda *a, **k: calls.append(1) or real(*a, **k))
    rows = "".join(f"{2000 + i // 12}-{i % 12 + 1:02d}-28,abc\n" for i in range(300))
    src = tmp_path / "export.csv"
    src.write_text("date,total\n" + rows + "2030-12-31,5\n2023-12-31,7\n2023-12-31,8\n",
                   encoding="utf-8")
    r = cli("actuals", "import", src, "--data", minimal)
    # 300 malformed rows, one in the future, the second of two rows for 2023-12-31
    assert r.code == 1 and "imported 1 row(s)" in r.err and "rejected 302" in r.err, r.err
    assert len(calls) <= 4, len(calls)
