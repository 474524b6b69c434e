"""`pucli overdue`, `validate` and `measures` start without importing pandas/matplotlib."""

import json
import subprocess
import sys

import pytest

from tracking_support import make_data_dir

PROBE = """
import json, sys
from pucli.cli.app import run
code = run(sys.argv[2:])
heavy = sorted(m for m in ("pandas", "matplotlib", "numpy", "openpyxl") if m in sys.modules)
open(sys.argv[1], "w").write(json.dumps({"code": code, "heavy": heavy}))
"""


@pytest.mark.parametrize("command", [["overdue", "--as-of", "2025-04-01"], ["validate"],
                                     ["measures"], ["due"], ["status"], ["ledger"]])
def test_fast_commands_do_not_import_pandas_or_matplotlib(tmp_path, command):
    data = make_data_dir(tmp_path / "data")
    result = tmp_path / "result.json"
    subprocess.run([sys.executable, "-c", PROBE, str(result), *command, "--data", str(data)],
                   check=True, capture_output=True)
    probe = json.loads(result.read_text())
    assert probe["code"] in (0, 1)
    assert probe["heavy"] == []
