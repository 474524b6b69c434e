"""`pucli recode`: GBK and UTF-16 files become UTF-8 that pucli then reads."""

from __future__ import annotations

import pytest

from pucli.loading.recode import detect_encoding


@pytest.mark.parametrize(("codec", "expected"), [("gbk", "gb18030"), ("utf-16", "utf-16"),
                                                 ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig")])
def test_detect(codec, expected):
    assert detect_encoding("区域,蒲县\n县行政审批局\n".encode(codec)) == expected


def test_recode_gbk_targets_then_validate(cli, data_dir):
    path = data_dir / "targets.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_bytes(original.encode("gb18030"))  # GBK lacks U+2212; GB18030 has it
    assert cli("validate", "--data", data_dir).code == 1
    r = cli("recode", path)
    assert r.code == 0 and "gb18030 → utf-8" in r.err
    assert path.read_text(encoding="utf-8") == original
    assert cli("validate", "--data", data_dir).code == 0


def test_recode_csv_gets_bom(tmp_path, cli):
    path = tmp_path / "a.csv"
    path.write_bytes("date,total\n2021-12-31,6472\n".encode("utf-16"))
    assert cli("recode", path).code == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbfdate,total")


def test_recode_missing_file(english, tmp_path, cli):
    r = cli("recode", tmp_path / "nope.csv")
    assert r.code == 1 and "file not found" in r.err
