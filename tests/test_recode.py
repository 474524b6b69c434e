"""`pucli recode`: GBK and UTF-16 files become UTF-8 that pucli then reads."""

from __future__ import annotations

import pytest

from pucli.loading import recode
from pucli.loading.recode import detect_encoding, recode_file
from pucli.problems import DataError


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


# -- issue 12 item 4: survivors of mutation testing -------------------------------------------

def test_the_size_limit_is_the_csv_one_for_csv_files_only(tmp_path, monkeypatch):
    # the real limits are 32 MiB (CSV) and 16 MiB (YAML); scaled down to 200 and 100 bytes
    monkeypatch.setattr(recode, "MAX_CSV_BYTES", 200)
    monkeypatch.setattr(recode, "MAX_YAML_BYTES", 100)
    body = ("日期,总数\n" + "2021-12-31,6472\n" * 8).encode("gb18030")
    assert 100 < len(body) <= 200  # 138 bytes: over the YAML limit, within the CSV one
    for name in ("a.csv", "b.CSV"):
        (tmp_path / name).write_bytes(body)
        assert recode.recode_file(tmp_path / name) == "gb18030"
    (tmp_path / "c.yaml").write_bytes(body)
    with pytest.raises(DataError) as caught:
        recode.recode_file(tmp_path / "c.yaml")
    assert caught.value.problems[0].file == str(tmp_path / "c.yaml")
    assert (tmp_path / "c.yaml").read_bytes() == body  # refused: left as it was


def test_a_missing_file_is_refused_with_its_code(tmp_path):
    with pytest.raises(DataError) as caught:
        recode_file(tmp_path / "nope.csv")
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("missing-file", str(tmp_path / "nope.csv"))
