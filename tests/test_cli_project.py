"""`pucli project` / `backtest`: the CLI only renders what the library computes."""

from __future__ import annotations

import json

from pucli.compute.projection import project_counts
from pucli.loading.actuals import open_actuals
from pucli.loading.datadir import DataDir
from pucli.loading.dataset import open_targets
from pucli.render.projection_tables import projection_json


def test_json_is_the_library_result(cli, datadir):
    code, out, _ = cli("project", "-f", "json", "--data", str(datadir))
    assert code == 0
    folder = DataDir(datadir, "--data")
    lib = projection_json(project_counts(open_targets(folder), open_actuals(folder).whole()))
    assert json.loads(out) == json.loads(json.dumps(lib, ensure_ascii=False))
    data = json.loads(out)
    assert {"rows", "targets", "required_annual_growth", "rating", "method", "as_of"} <= set(data)
    assert data["rows"][1] == {"year": 2022, "period": "2022", "plan": 7961, "plan_rate": 7961,
                               "actual": None, "projection": 7961, "low": None, "high": None}
    assert data["required_annual_growth"] == 0.147872
    assert data["method"] == "plan"


def test_table_on_the_bundled_data_is_honest_about_one_point(english, cli, datadir):
    code, out, _ = cli("project", "--data", str(datadir))
    assert code == 0
    assert "there is no trend and the projection can only be the plan path" in out
    assert "required growth: 14.79 % a year" in out
    assert "required_annual_growth" not in out and "plan_rate" not in out  # words, not keys
    assert "net new 99.25 entities a month" in out


def test_csv_and_md(cli, datadir):
    _, out, _ = cli("project", "-f", "csv", "--data", str(datadir))
    lines = out.splitlines()
    assert lines[0] == ("region,date,period,plan,plan_rate,actual,projection,low,high,gap,"
                        "gap_pct")
    assert lines[1] == "蒲县,2021-12-31,2021,6472,6472,6472,,,,0,0.0"
    assert lines[5] == "蒲县,2025-12-31,2025,11236,12108,,11236,,,,"
    _, out, _ = cli("project", "-f", "md", "--data", str(datadir))
    assert out.startswith("| region | date | period | plan |")


def test_regions_and_replay(cli, minimal):
    (minimal / "actuals.csv").write_text(
        "date,total,region\n2021-12-31,60,A\n2022-12-31,66,A\n2021-12-31,40,B\n"
        "2022-12-31,48,B\n2023-12-31,53,B\n", encoding="utf-8")
    code, out, _ = cli("project", "-f", "json", "--as-of", "2022-12-31", "--data",
                       str(minimal))
    assert code == 0
    data = json.loads(out)
    assert data["as_of"] == "2022-12-31"
    assert data["latest_actual"] == {"date": "2022-12-31", "value": 114}
    sums = [r for r in data["regions"] if r["region"] == "合计" and r["date"] == "2025-12-31"]
    # the default blend: the mean of constant net increase (+6, +8 a year) and constant growth
    a = (66 + 3 * 6 + 60 * 1.1 ** 4) / 2
    b = (48 + 3 * 8 + 40 * 1.2 ** 4) / 2
    assert sums[0]["projection"] == round(a + b)


def test_chart_option_writes_a_png(cli, datadir, tmp_path):
    code, _, err = cli("project", "--chart", str(tmp_path / "c.png"), "--data", str(datadir))
    assert code == 0, err
    assert (tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"


def test_a_method_that_needs_more_points_is_a_usage_problem(cli, datadir):
    code, _, err = cli("project", "--method", "log-linear", "--data", str(datadir))
    assert code == 2
    assert "方法 log-linear 至少需要 3 个实际数，现有 1 个 [method]" in err
    code, _, err = cli("--lang", "en", "project", "--method", "log-linear", "--data",
                       str(datadir))
    assert code == 2
    assert "method 'log-linear' needs at least 3 actuals; there is 1 [method]" in err


def test_backtest_table(cli, minimal):
    rows = "".join(f"{2015 + k}-12-31,{round(100 * 1.1 ** k)}\n" for k in range(6))
    (minimal / "actuals.csv").write_text("date,total\n" + rows, encoding="utf-8")
    code, out, _ = cli("backtest", "-f", "csv", "--data", str(minimal))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "method,horizon,forecasts,mape_pct,mase,rel_mae,coverage80,note"
    # damped-trend fits from 4 actuals, so every method is scored from origins 4 and 5
    assert [ln.split(",")[:3] for ln in lines[1:7]] == [
        [m, "1", "2"] for m in ("naive", "drift", "blend", "constant-growth", "log-linear",
                                "damped-trend")]
    assert lines[7].startswith("seasonal,1,0,") and "needs at least 13 actuals" in lines[7]


def test_project_does_not_import_matplotlib():
    import subprocess
    import sys

    code = ("import sys; from pucli.cli.app import run; run(['project', '-f', 'json']); "
            "sys.stderr.write(str('matplotlib' in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stderr.strip().endswith("False")


def test_the_heading_prints_the_date_not_today(cli):
    import datetime as dt

    _, out, _ = cli("project")
    assert f"截至 {dt.date.today()}；" in out.splitlines()[0] and "今天" not in out
    _, out, _ = cli("--lang", "en", "project")
    assert f"as of {dt.date.today()};" in out.splitlines()[0]


def test_backtest_horizon_has_a_ceiling(cli, data_dir):
    """Found by the long fuzz run: a 30-digit --horizon ran out of memory (exit 70)."""
    code, _, err = cli("backtest", "--horizon", "9" * 30, "--data", data_dir)
    assert code == 2
    assert "1000" in err
