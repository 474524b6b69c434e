"""The pandas API: pucli.open(path) frames are the CLI's CSV/JSON/xlsx, typed.

Synthetic actuals (made up for the tests) on the bundled targets; the ledger data is the
small synthetic plan of tracking_support.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

import pucli
from pucli.api import frame

from tracking_support import make_data_dir

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.fixture
def data(tmp_path):
    folder = make_data_dir(tmp_path / "data", "date,measure,unit,status,percent,note\n"
                           "2025-01-20,1,县发改局,in_progress,40,已立项\n"
                           "2025-02-10,3,县市场监管局,done,,\n")
    (folder / "actuals.csv").write_text(
        "date,total,region\n2021-12-31,3000,甲\n2022-12-31,3400,甲\n2023-06-30,3600,甲\n"
        "2021-12-31,3472,乙\n2022-12-31,3900,乙\n2023-06-30,4100,乙\n", encoding="utf-8")
    return folder


def _csv(text: str) -> tuple[list[str], list[list[str]]]:
    header, *rows = list(csv.reader(io.StringIO(text)))
    return header, rows


COMMANDS = [
    ("project", ["project", "--as-of", "2023-06-30"], lambda p: p.project(as_of="2023-06-30"),
     {"metric": "total"}),
    ("backtest", ["backtest", "--min-train", "2"], lambda p: p.backtest(min_train=2), {}),
    ("ledger", ["ledger", "--as-of", "2025-04-15"], lambda p: p.ledger(as_of="2025-04-15"), {}),
    ("overdue", ["overdue", "--as-of", "2025-04-15"], lambda p: p.overdue(as_of="2025-04-15"),
     {}),
    ("status", ["status", "--as-of", "2025-04-15"], lambda p: p.status(as_of="2025-04-15"), {}),
]


@pytest.mark.parametrize(("name", "args", "call", "constant"), COMMANDS,
                         ids=[c[0] for c in COMMANDS])
def test_the_cli_writes_the_same_frames(cli, data, tmp_path, name, args, call, constant):
    expected = call(pucli.open(data))
    assert len(expected) > 0
    code, out, _ = cli(*args, "-f", "csv", "--data", data)
    assert code == 0
    pdt.assert_frame_equal(frame(*_csv(out), **constant), expected)
    target = tmp_path / f"{name}.xlsx"
    # a program reads the codes (people get the column names in words by default)
    assert cli(*args, "-f", "xlsx", "--headers", "codes", "-o", target, "--data", data).code == 0
    import openpyxl

    sheet = openpyxl.load_workbook(target).active
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    pdt.assert_frame_equal(frame(header, rows, **constant), expected)
    if name in ("ledger", "overdue", "backtest"):  # JSON: the records of the same rows
        _, out, _ = cli(*args, "-f", "json", "--data", data)
        pdt.assert_frame_equal(frame(list(expected.columns.drop(list(constant))),
                                     json.loads(out)), expected)


def test_project_json_rows_are_the_frame(cli, data):
    df = pucli.open(data).project(as_of="2023-06-30")
    _, out, _ = cli("project", "-f", "json", "--as-of", "2023-06-30", "--data", data)
    body = json.loads(out)
    whole = df[df["region"] == body["region"]].reset_index(drop=True)
    whole["region"] = whole["region"].cat.remove_unused_categories()
    rows = [{**r, "region": body["region"]} for r in body["rows"]]
    cols = ["region", "year" if "year" in rows[0] else "date", "period", "plan", "plan_rate",
            "actual", "projection", "low", "high"]
    pdt.assert_frame_equal(frame(cols, rows, metric="total"),
                           whole.drop(columns=["gap", "gap_pct"]))
    assert df.attrs["method"] == body["method"] == "blend"


def test_project_attrs_carry_the_json_flags(tmp_path, cli):
    """Level shifts and trend breaks reach ``.attrs`` as the JSON has them."""
    (tmp_path / "targets.yaml").write_text(
        "region: Testland\nbaseline: {date: 2015-12-31, value: 1000}\n"
        "targets:\n  - {date: 2025-12-31, value: 2000}\n", encoding="utf-8")
    # synthetic: 10 % a year to 2020, then 2 % a year
    values = [1000 * 1.1 ** min(k, 5) * 1.02 ** max(k - 5, 0) for k in range(10)]
    (tmp_path / "actuals.csv").write_text("date,total\n" + "".join(
        f"{2015 + k}-12-31,{round(v)}\n" for k, v in enumerate(values)), encoding="utf-8")
    attrs = pucli.open(tmp_path).project().attrs
    body = json.loads(cli("project", "-f", "json", "--data", tmp_path).out)
    assert attrs["trend_breaks"] == body["trend_breaks"] and attrs["trend_breaks"]
    assert attrs["trend_breaks"][0]["date"] == "2020-12-31"
    assert attrs["level_shifts"] == body["level_shifts"] == []


def test_dtypes_are_the_documented_ones(data):
    p = pucli.open(data)
    proj = p.project(as_of="2023-06-30")
    assert proj["date"].dtype == "datetime64[ns]"
    assert proj["metric"].dtype == "category" and proj["region"].dtype == "category"
    assert (proj[["plan", "actual", "projection", "low", "high"]].dtypes == "Int64").all()
    assert set(proj["region"].cat.categories) == {"甲", "乙", "合计", "蒲县"}
    acts = p.actuals()
    assert acts["total"].dtype == "Int64" and acts["date"].dtype == "datetime64[ns]"
    assert acts["total"].sum() == 3000 + 3400 + 3600 + 3472 + 3900 + 4100
    led = p.ledger(as_of="2025-04-15")
    assert led["lead"].dtype == "boolean" and led["date"].dtype == "datetime64[ns]"
    assert led.loc[led["status"] == "in_progress", "percent"].tolist() == [40.0]
    late = p.overdue(as_of="2025-04-15")
    assert late["due"].dtype == "datetime64[ns]" and late["days_overdue"].dtype == "Int64"
    st = p.status(as_of="2025-04-15")
    assert st["total"].dtype == "Int64" and st["done"].sum() == 1


def test_the_documented_example_runs(monkeypatch, capsys):
    code = re.search(r"```python\n(.*?)```", (DOCS / "python-api.md").read_text(
        encoding="utf-8"), re.S).group(1)
    monkeypatch.chdir(DOCS.parent)
    exec(compile(code, "docs/python-api.md", "exec"), {})
    out = capsys.readouterr().out
    assert "11236" in out and "plan" in out


def test_import_pucli_does_not_import_pandas():
    probe = "import sys, pucli; print('pandas' in sys.modules, callable(pucli.open))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.split() == ["False", "True"]


def test_bad_data_raises_the_located_problems(tmp_path):
    from pucli.problems import DataError

    folder = make_data_dir(tmp_path / "d")
    (folder / "actuals.csv").write_text("date,total\n2021-12-31,abc\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        pucli.open(folder).actuals()
    assert info.value.problems[0].line == 2


def test_frame_reads_missing_and_typed_values():
    df = frame(["date", "total", "lead", "note"], [["2024-12-31", "", "True", ""],
                                                   ["2025-12-31", "7", "False", "x"]])
    assert df["total"].tolist()[1] == 7 and df["total"].isna().tolist() == [True, False]
    assert df["lead"].tolist() == [True, False]
    assert df["date"].tolist() == [pd.Timestamp("2024-12-31"), pd.Timestamp("2025-12-31")]
