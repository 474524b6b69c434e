"""`pucli quality`: the CLI renders what the library computes (SYNTHETIC series)."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from pucli.compute.quality import quality_summary
from pucli.loading.actuals import open_actuals
from pucli.loading.datadir import DataDir
from pucli.loading.dataset import open_targets
from pucli.render.quality_tables import quality_json, quality_markdown

from synthetic_quality import DEMO_TARGETS, HEALTHY, PADDED, actuals_csv


def _folder(tmp_path, months, extra: str = ""):
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "targets.yaml").write_text(DEMO_TARGETS + extra, encoding="utf-8")
    (folder / "actuals.csv").write_text(actuals_csv(months), encoding="utf-8")
    return folder


def test_json_is_the_library_result(cli, tmp_path):
    folder = _folder(tmp_path, PADDED)
    code, out, err = cli("quality", "-f", "json", "--data", folder)
    assert code == 0, err
    d = DataDir(folder, "--data")
    targets = open_targets(d)
    lib = quality_summary(open_actuals(d), settings=targets.quality,
                          assessment_dates=[t.date for t in targets.targets], name=targets.region)
    assert json.loads(out) == json.loads(json.dumps(quality_json(lib), ensure_ascii=False))
    data = json.loads(out)
    assert [f["flag"] for f in data["flags"]] == [
        "registration-spike", "registration-spike", "registration-spike",
        "individual-led-growth", "cancellation-surge", "net-change-mismatch"]
    assert data["settings"]["spike_k"] == 5.0


def test_table_in_chinese_by_default_and_english_on_request(cli, tmp_path, monkeypatch):
    folder = _folder(tmp_path, HEALTHY)
    code, out, _ = cli("quality", "--data", folder)
    assert code == 0
    assert "企业占比24.3%，比一年前上升2.3个百分点：结构在改善。" in out
    assert "无预警提示。" in out
    monkeypatch.setenv("PUCLI_LANG", "en")
    _, out, _ = cli("quality", "--data", folder)
    assert "no flag raised." in out


def test_md_is_the_brief_section(cli, tmp_path):
    folder = _folder(tmp_path, PADDED)
    _, out, _ = cli("quality", "-f", "md", "--data", folder)
    d = DataDir(folder, "--data")
    targets = open_targets(d)
    lib = quality_summary(open_actuals(d), settings=targets.quality,
                          assessment_dates=[t.date for t in targets.targets], name=targets.region)
    assert out == quality_markdown(lib)
    assert out.startswith("## 示例县市场主体发展质量\n")
    assert "| 2023-05 | 2023-05总数由1530变为1555（+25）" in out


def test_csv_and_xlsx(cli, tmp_path):
    folder = _folder(tmp_path, PADDED)
    _, out, _ = cli("quality", "-f", "csv", "--data", folder)
    lines = out.splitlines()
    assert lines[0] == ("group,indicator,unit,window_start,window_end,latest,previous,change,"
                        "direction,reading")
    assert lines[1].startswith("structure,enterprise_share,share,2022-06-30,2023-06-30,")
    assert sum(line.startswith("flag,") for line in lines) == 6
    code, _, _ = cli("quality", "-f", "xlsx", "-o", tmp_path / "q.xlsx", "--data", folder)
    assert code == 0
    wb = load_workbook(tmp_path / "q.xlsx")
    assert wb.sheetnames == ["indicators", "flags", "periods"]
    assert wb["flags"].max_row == 7
    assert wb["periods"]["A2"].value.date().isoformat() == "2021-12-31"
    assert wb["periods"]["A1"].value == "日期"


def test_as_of_and_thresholds_from_targets(cli, tmp_path):
    folder = _folder(tmp_path, PADDED, "quality:\n  spike_k: 100\n")
    _, out, _ = cli("quality", "-f", "json", "--as-of", "2022-12-31", "--data", folder)
    data = json.loads(out)
    assert data["latest"] == "2022-12-31"
    assert [f["flag"] for f in data["flags"]] == ["individual-led-growth"]


def test_a_bad_threshold_is_a_located_error(cli, tmp_path):
    folder = _folder(tmp_path, HEALTHY, "quality:\n  spike_k: -1\n  spike: 3\n")
    code, _, err = cli("quality", "--data", folder)
    assert code == 1
    assert "targets.yaml:8:" in err and "spike_k" in err
    assert "targets.yaml:9:" in err and "spike" in err


def test_region(cli, minimal):
    (minimal / "actuals.csv").write_text(
        "date,total,enterprises,region\n2021-12-31,100,20,A\n2022-12-31,120,30,A\n"
        "2021-12-31,50,5,B\n", encoding="utf-8")
    _, out, _ = cli("quality", "-f", "json", "--region", "A", "--data", minimal)
    s = json.loads(out)["structure"][0]
    assert (s["latest"], s["previous"], s["direction"]) == (0.25, 0.2, "up")


def test_unknown_region(cli, minimal, english):
    (minimal / "actuals.csv").write_text("date,total,region\n2021-12-31,100,Anxi\n",
                                         encoding="utf-8")
    code, _, err = cli("quality", "--region", "Anx", "--data", minimal)
    assert code == 2
    assert "--region: no rows for region 'Anx' [unknown-region]" in err
    assert "did you mean 'Anxi'?" in err


def test_the_docs_demo_folder_is_the_synthetic_series(cli):
    from conftest import ROOT
    from synthetic_quality import demo_actuals

    demo = ROOT / "examples" / "quality-demo"
    assert (demo / "actuals.csv").read_text("utf-8") == demo_actuals()
    assert (demo / "targets.yaml").read_text("utf-8") == DEMO_TARGETS
    code, out, _ = cli("quality", "-f", "json", "--data", demo)
    assert code == 0
    assert len(json.loads(out)["flags"]) == 6
