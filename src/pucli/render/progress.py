"""A progress display on stderr for long work — only on a terminal.

When stderr is piped or redirected (CI logs, ``2> log``) nothing is drawn, so logs hold
no spinner frames; rich leaves out colour by itself under ``NO_COLOR``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pucli.render.console import stderr_console


@contextmanager
def steps(total: int, first: str) -> Iterator[Callable[[str], None]]:
    """Yield ``step(label)``: call it as each of ``total`` steps starts (the first, named
    ``first``, is shown at once); the bar is cleared when the work is done."""
    console = stderr_console()
    if not console.is_terminal:
        yield lambda _label: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  MofNCompleteColumn(), console=console, transient=True) as progress:
        task = progress.add_task(first, total=total)
        started = [False]

        def step(label: str) -> None:
            if started[0]:
                progress.advance(task)
            started[0] = True
            progress.update(task, description=label)

        step(first)
        yield step
        progress.update(task, completed=total)


@contextmanager
def spinner(label: str) -> Iterator[None]:
    """A spinner with ``label`` while one long call runs (nothing when not a terminal)."""
    console = stderr_console()
    if not console.is_terminal:
        yield
        return
    with console.status(label):
        yield
