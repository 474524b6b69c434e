"""`pucli brief` end to end: the files open in what the analyst will open them with."""

from __future__ import annotations

import base64
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pucli import exitcodes

from brief_support import AS_OF, SINCE, make_brief_data

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def data(tmp_path) -> Path:
    return make_brief_data(tmp_path / "data")


def brief_args(data: Path, *more: object) -> list[object]:
    return ["brief", "--as-of", AS_OF, "--since", SINCE, "--data", data, *more]


class Page(HTMLParser):
    """Collects images, tables and headings of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []
        self.tables = 0
        self.headings: list[str] = []
        self._in_heading = False
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))
        elif tag == "table":
            self.tables += 1
        elif tag in ("h1", "h2"):
            self._in_heading = True
            self.headings.append("")
        elif tag in ("link", "script"):
            self.links.append(tag)

    def handle_endtag(self, tag):
        if tag in ("h1", "h2"):
            self._in_heading = False

    def handle_data(self, text):
        if self._in_heading:
            self.headings[-1] += text


def test_html_is_self_contained_with_the_chart_inline(cli, data, tmp_path):
    target = tmp_path / "简报.html"
    code, out, err = cli(*brief_args(data, "-o", target))
    assert code == exitcodes.OK and out == ""
    assert err == f"已写入 {target}\n"  # piped: no progress bar frames in the log
    page = Page()
    page.feed(target.read_text(encoding="utf-8"))
    assert len(page.images) == 1
    src = page.images[0]["src"] or ""
    assert src.startswith("data:image/png;base64,")
    assert base64.b64decode(src.split(",", 1)[1]).startswith(PNG_MAGIC)
    # body: targets, units, long overdue, sections; annexes: the overdue list, and under
    # changes: new reports, newly overdue, no longer overdue, newly done
    assert page.tables == 9
    assert page.links == []  # no stylesheet or script to fetch
    assert page.headings[:3] == ["测试方案工作简报", "一、总体情况", "二、逾期情况"]
    assert page.headings[-2:] == ["逾期事项清单", "自 2024-12-15 以来的变化明细"]  # 附件


def test_docx_has_the_picture_and_real_tables(cli, data, tmp_path):
    docx = pytest.importorskip("docx")
    target = tmp_path / "简报.docx"
    code, _, _ = cli(*brief_args(data, "-o", target))
    assert code == exitcodes.OK
    doc = docx.Document(str(target))
    assert len(doc.inline_shapes) == 1
    assert len(doc.tables) == 9
    overdue = doc.tables[4]  # annex 1
    assert [c.text for c in overdue.rows[0].cells] == [
        "责任单位", "举措", "事项", "应完成", "逾期天数", "程度", "最近报送"]
    assert [c.text for c in overdue.rows[1].cells][:5] == [
        "县行政审批局（牵头）", "2. 举措二", "节点：方案印发", "2024-12-31", "105"]
    assert any(p.text == "一、总体情况" for p in doc.paragraphs)
    assert any(p.text == "附件1" for p in doc.paragraphs)


def test_markdown_writes_the_chart_next_to_it(cli, data, tmp_path):
    target = tmp_path / "brief.md"
    code, _, _ = cli("--lang", "en", *brief_args(data, "-o", target))
    assert code == exitcodes.OK
    text = target.read_text(encoding="utf-8")
    assert "![Plan path, actuals and projection](brief.png)" in text
    assert (tmp_path / "brief.png").read_bytes().startswith(PNG_MAGIC)
    assert "| 县行政审批局 (lead) | 2. 举措二 | milestone: 方案印发 | 2024-12-31 | 105 |" in text
    assert "4 new reports, 1 newly overdue, 5 no longer overdue, 1 newly done (details in " \
        "annex 2)." in text
    assert "\n## Annex 1: Overdue items\n" in text


def test_markdown_to_stdout_without_chart(cli, data):
    code, out, _ = cli(*brief_args(data))
    assert code == exitcodes.OK
    assert out.startswith("# 测试方案工作简报\n") and "![" not in out


def test_usage_errors(english, cli, data, tmp_path):
    code, _, err = cli("brief", "--as-of", "2025-01-01", "--since", "2025-02-01",
                       "--data", data)
    assert code == exitcodes.USAGE and "is not before --as-of" in err
    code, _, err = cli(*brief_args(data, "-o", tmp_path / "brief.txt"))
    assert code == exitcodes.USAGE and "cannot tell the format" in err
    code, _, err = cli(*brief_args(data, "--format", "html"))
    assert code == exitcodes.USAGE and "-o FILE.html" in err


def test_missing_python_docx_names_the_extra(cli, data, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx → ImportError
    code, _, err = cli("--lang", "en", *brief_args(data, "-o", tmp_path / "b.docx"))
    assert code == exitcodes.INVALID
    assert "writing .docx needs the python-docx package [missing-extra]" in err
    assert "pip install 'pucli[docx]'" in err
    assert not (tmp_path / "b.docx").exists()


def test_formula_note_is_plain_text_in_the_brief(cli, data, tmp_path):
    target = tmp_path / "b.html"
    cli(*brief_args(data, "-o", target))
    html = target.read_text(encoding="utf-8")
    assert "=HYPERLINK(&quot;http://x.example&quot;,&quot;点我&quot;)" in html


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_html_opens_in_headless_chromium(cli, data, tmp_path):
    target = tmp_path / "brief.html"
    assert cli(*brief_args(data, "-o", target)).code == exitcodes.OK
    shot = tmp_path / "shot.png"
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                          f"--screenshot={shot}", "--window-size=1000,1400",
                          target.as_uri()], capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-2000:]
    assert shot.read_bytes().startswith(PNG_MAGIC)
    dumped = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                             "--dump-dom", target.as_uri()], capture_output=True, timeout=120)
    dom = dumped.stdout.decode("utf-8")
    assert dom.count("<table>") == 9 and 'src="data:image/png;base64,' in dom


def test_brief_has_the_quality_section_when_actuals_allow(cli, tmp_path):
    """The synthetic quality demo (a padded series) gives the brief its quality section,
    with the flags the series was built to raise."""
    import shutil

    from conftest import DATA, ROOT

    folder = tmp_path / "q"
    shutil.copytree(ROOT / "examples" / "quality-demo", folder)
    shutil.copy(DATA / "measures.yaml", folder / "measures.yaml")
    out = tmp_path / "brief.md"
    assert cli("brief", "--data", folder, "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    section = text.split("增长质量：结构、活力与预警\n", 1)[1]
    assert "企业占比" in section
    assert "registration-spike" in section and "cancellation-surge" in section


def test_brief_without_flows_has_no_quality_section(cli, data_dir, tmp_path):
    out = tmp_path / "brief.md"
    assert cli("brief", "--data", data_dir, "-o", out).code == 0
    assert "增长质量" not in out.read_text(encoding="utf-8")


def test_final_evaluation_in_every_format(cli, data, tmp_path):
    docx = pytest.importorskip("docx")
    for name in ("final.md", "final.html", "final.docx"):
        code, _, err = cli("brief", "--final", "--as-of", "2026-03-31", "--data", data,
                           "-o", tmp_path / name)
        assert code == exitcodes.OK, err
    md = (tmp_path / "final.md").read_text(encoding="utf-8")
    assert md.startswith("# 测试方案终期评估\n")
    assert "| 2022-12-31 | 7,961 | 7,350 | -611（-7.7%） | 未完成 | 23.0% | 13.6% |" in md
    assert "## 附件1　各举措和责任单位最终状态" in md
    page = Page()
    page.feed((tmp_path / "final.html").read_text(encoding="utf-8"))
    assert page.headings[:2] == ["测试方案终期评估", "一、总体结论"]
    assert "完成时限执行明细" in page.headings and len(page.images) == 1
    doc = docx.Document(str(tmp_path / "final.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert "五、方案自身需要说明的问题" in texts and "附件2" in texts
    assert len(doc.inline_shapes) == 1


def test_final_is_automatic_after_the_plan_period(cli, data):
    """Markdown to stdout (no chart to draw): which document each option gives."""
    def first_line(*args: object) -> str:
        code, out, err = cli("brief", *args, "--data", data)
        assert code == exitcodes.OK, err
        return out

    assert first_line("--as-of", "2026-01-05").startswith("# 测试方案终期评估\n")
    assert first_line("--meeting", "--as-of", "2026-01-05").startswith("# 测试方案工作简报\n")
    # on the plan's last day it is still the meeting brief; --final evaluates before the end
    assert first_line("--as-of", "2025-12-31").startswith("# 测试方案工作简报\n")
    assert "规划期至 2025-12-31 尚未结束" in first_line("--final", "--as-of", "2025-06-30")


def test_final_evaluation_of_the_demo_folder(cli, tmp_path):
    """The command of the issue, on the demo folder of examples/make_demo.py."""
    pytest.importorskip("docx")
    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "examples"))
    try:
        from make_demo import make_demo
    finally:
        sys.path.pop(0)
    demo = make_demo(tmp_path / "demo")
    out = tmp_path / "final.docx"
    code, _, err = cli("brief", "--final", "--as-of", "2026-03-31", "--data", demo, "-o", out)
    assert code == exitcodes.OK, err
    import docx

    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any("方案的“十四五年均增长率” 15% 与目标不一致" in p for p in texts)
    assert any(p.startswith("方案共规定 3 个完成时限") for p in texts)
