"""Every secondary metric is recorded, projected, backtested and charted with the same
commands as the total. All series here are synthetic."""

from __future__ import annotations

import json

import pytest

from pucli.models.metrics import BUILTIN

# These tests read English wording; the default language is Chinese.
pytestmark = pytest.mark.usefixtures("english")

SECONDARY = [m for m in BUILTIN if m != "total"]
# synthetic: five year ends of a made-up count
SYNTHETIC = [("2019-12-31", 40), ("2020-12-31", 44), ("2021-12-31", 50), ("2022-12-31", 53),
             ("2023-12-31", 60)]


def _folder(minimal, metric: str | None):
    column = "" if metric is None else ",metric"
    cell = "" if metric is None else f",{metric}"
    rows = "".join(f"{d},{v}{cell}\n" for d, v in SYNTHETIC)
    (minimal / "actuals.csv").write_text(f"date,total{column}\n{rows}", encoding="utf-8")
    return minimal


def _strip(data: dict) -> dict:
    return {k: v for k, v in data.items() if k not in ("metric", "metric_label", "targets",
                                                       "rating", "rating_rule", "notes",
                                                       "plan_readings", "rows",
                                                       "required_annual_growth",
                                                       "net_new_per_month")}


@pytest.mark.parametrize("metric", SECONDARY)
def test_a_metric_projects_and_backtests_like_the_total(cli, minimal, tmp_path, metric):
    total_dir = tmp_path / "as_total"
    total_dir.mkdir()
    (total_dir / "targets.yaml").write_text((minimal / "targets.yaml").read_text("utf-8"),
                                            encoding="utf-8")
    _folder(total_dir, None)
    _folder(minimal, metric)
    code, out, err = cli("project", "--metric", metric, "-f", "json", "--data", minimal)
    assert code == 0, err
    mine = json.loads(out)
    _, out, _ = cli("project", "-f", "json", "--data", total_dir)
    total = json.loads(out)
    assert mine["metric"] == metric and mine["metric_label"] == BUILTIN[metric].label
    assert _strip(mine) == _strip(total)  # same method, same latest actual, same reasons
    # The total's rows start at its baseline (2021); the metric has none, so it shows all.
    rows = {r["year"]: (r["actual"], r["projection"], r["low"], r["high"])
            for r in mine["rows"]}
    assert rows[2019] == (40, None, None, None)
    assert {y: v for y, v in rows.items() if y >= 2021} == {
        r["year"]: (r["actual"], r["projection"], r["low"], r["high"]) for r in total["rows"]}
    assert rows[2025][1] is not None  # projected to the plan's horizon
    assert mine["rating"] == "not rated"  # the plan states no number for it
    _, b_mine, _ = cli("backtest", "--metric", metric, "-f", "json", "--data", minimal)
    _, b_total, _ = cli("backtest", "-f", "json", "--data", total_dir)
    assert json.loads(b_mine) == json.loads(b_total)
    code, _, err = cli("project", "--metric", metric, "--chart", tmp_path / "c.png", "--data",
                       minimal)
    assert code == 0 and (tmp_path / "c.png").stat().st_size > 0, err


def test_the_chinese_label_works_as_the_metric(cli, minimal):
    _folder(minimal, "high_tech")
    code, out, _ = cli("project", "--metric", "高新技术企业", "--data", minimal)
    assert code == 0
    assert "Testland: high-tech enterprises (high_tech)" in out  # English run: English label


def test_unknown_metric_is_a_usage_problem_with_a_suggestion(cli, minimal):
    code, _, err = cli("project", "--metric", "hightech", "--data", minimal)
    assert code == 2
    assert "--metric: unknown metric 'hightech' [unknown-metric]" in err
    assert "did you mean 'high_tech'?" in err


def test_add_with_metric_and_without(cli, minimal):
    (minimal / "actuals.csv").write_text("date,total,metric\n2021-12-31,100,\n",
                                         encoding="utf-8")
    code, _, err = cli("actuals", "add", "2022-12-31", "12", "--metric", "xianshang",
                       "--data", minimal)
    assert code == 0, err
    code, _, err = cli("actuals", "add", "2022-12-31", "120", "--data", minimal)
    assert code == 0, err
    assert (minimal / "actuals.csv").read_text("utf-8") == (
        "date,total,metric\n2021-12-31,100,\n2022-12-31,12,xianshang\n2022-12-31,120,\n")


def test_add_metric_to_a_file_without_the_column_says_how(cli, minimal):
    (minimal / "actuals.csv").write_text("date,total\n2021-12-31,100\n", encoding="utf-8")
    code, _, err = cli("actuals", "add", "2022-12-31", "12", "--metric", "high_tech",
                       "--data", minimal)
    assert code == 1
    assert "has no column 'metric'" in err and "existing rows stay blank" in err
    # --metric total is the default and needs no column
    code, _, err = cli("actuals", "add", "2022-12-31", "120", "--metric", "total",
                       "--data", minimal)
    assert code == 0, err


def test_import_with_metric(cli, minimal, tmp_path):
    (minimal / "actuals.csv").write_text("date,total,metric\n", encoding="utf-8")
    src = tmp_path / "export.csv"
    src.write_text("统计日期,个转企累计\n2022年6月,3\n2022年12月,7\n", encoding="utf-8")
    code, _, err = cli("actuals", "import", src, "--map", "统计日期=date", "--map",
                       "个转企累计=total", "--metric", "ge_zhuan_qi", "--data", minimal)
    assert code == 0, err
    assert (minimal / "actuals.csv").read_text("utf-8") == (
        "date,total,metric\n2022-06-30,3,ge_zhuan_qi\n2022-12-31,7,ge_zhuan_qi\n")


def test_validate_knows_a_metric_declared_in_targets(cli, minimal):
    (minimal / "targets.yaml").write_text(
        (minimal / "targets.yaml").read_text("utf-8")
        + "metrics:\n  - {name: dianshang, label: 电商企业}\n", encoding="utf-8")
    (minimal / "actuals.csv").write_text("date,total,metric\n2021-12-31,5,电商企业\n"
                                         "2022-12-31,6,dianshang\n", encoding="utf-8")
    code, out, err = cli("project", "--metric", "dianshang", "-f", "json", "--data", minimal)
    assert code == 0, err
    assert json.loads(out)["latest_actual"] == {"date": "2022-12-31", "value": 6}
