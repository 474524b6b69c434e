"""The progress display: drawn on a terminal, absent when stderr is not one."""

from __future__ import annotations

import io

from rich.console import Console

from pucli.render import progress


def test_nothing_is_drawn_off_a_terminal(capsys):
    with progress.steps(3, "one") as step:
        step("two")
        step("three")
    with progress.spinner("working"):
        pass
    assert capsys.readouterr().err == ""


def test_steps_are_drawn_on_a_terminal(monkeypatch):
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=80)
    monkeypatch.setattr(progress, "stderr_console", lambda: console)
    with progress.steps(3, "reading") as step:
        step("projecting")
        step("drawing")
    drawn = buf.getvalue()
    assert "reading" in drawn or "projecting" in drawn or "drawing" in drawn
    assert "3/3" in drawn  # the bar is completed before it is cleared
