"""Loading layer, bytes → text: encodings are refused with a message saying what they are."""

from __future__ import annotations

import codecs

import pytest

from pucli.loading.textfile import decode_bytes, read_text

PLAN_LINE = "region: 蒲县\n"


def test_utf8_with_bom_and_crlf_is_accepted():
    text, problems = decode_bytes(codecs.BOM_UTF8 + b"a: 1\r\nb: 2\r\n", "f.yaml")
    assert problems == []
    assert text == "a: 1\r\nb: 2\r\n"


def test_gbk_is_refused_and_named():
    text, problems = decode_bytes(("x: 1\n" + PLAN_LINE).encode("gbk"), "f.yaml")
    assert text is None
    (p,) = problems
    assert p.code == "encoding"
    assert "GBK" in p.message
    assert (p.line, p.col) == (2, 9)
    assert "UTF-8" in p.hint


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_refused(codec):
    text, problems = decode_bytes(PLAN_LINE.encode(codec), "f.yaml")
    assert text is None
    assert problems[0].code == "encoding"
    assert "UTF-16" in problems[0].message or "UTF-32" in problems[0].message


@pytest.mark.parametrize("data", [b"", b"   \n\n", codecs.BOM_UTF8])
def test_empty_files(data):
    text, problems = decode_bytes(data, "f.yaml")
    assert text is None and problems[0].code == "empty-file"


def test_binary_garbage_is_refused():
    text, problems = decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "f.yaml")
    assert text is None
    assert problems[0].code in {"encoding", "binary-file"}


def test_missing_file_and_folder(tmp_path):
    assert read_text(tmp_path / "nope.yaml", "nope.yaml", 100)[1][0].code == "missing-file"
    assert read_text(tmp_path, "dir", 100)[1][0].code == "unreadable-file"


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" * 1000)
    text, problems = read_text(path, "big.yaml", max_bytes=1024)
    assert text is None
    assert problems[0].code == "file-too-large"


GBK_TEXT = "统计日期,市场主体总数,来源\r\n2022-12-31,7443,县市场监管局年报（第２版）\r\n"


@pytest.mark.parametrize(("label", "data"), [
    ("Big5", "縣市場監管局年報,統計".encode("big5")),
    ("Shift-JIS", "東京都の市場監督,年報です".encode("shift_jis")),
    ("Latin-1", "Régie,Société générale".encode("latin-1")),
    ("UTF-8 with a stray byte", ("县局年报," * 3).encode() + b"\xa1\xa1"),
    ("GBK with a NUL", "县局,\x00".encode("gbk")),
    ("GBK and UTF-8 mixed", "县局,".encode("gbk") + "市场监管".encode()),
])
def test_only_text_that_reads_as_chinese_is_taken_for_gbk(label, data):
    """GBK decodes most byte strings; found in review, Big5, Shift-JIS, Latin-1 and UTF-8
    with a stray byte were all imported as nonsense. Each is refused."""
    from pucli.loading.textfile import plausible_gbk

    assert plausible_gbk(data) is None, label
    assert plausible_gbk(GBK_TEXT.encode("gbk")) == GBK_TEXT
