"""``acknowledge:`` — warnings a data file keeps on purpose, shown as notes.

A faithful transcription can carry a warning that stands: the plan's own two figures
disagree. An entry names the warning's code, where it occurs (the path the warning shows,
e.g. ``rates[0].value``) and why it stands; that one warning becomes a note, so
``pucli validate --strict`` can pass. An entry that matches no warning is itself a warning
(``stale-acknowledgement``): the data changed and the reason may no longer hold.
"""

from __future__ import annotations

import dataclasses

from pucli.loading.yamldoc import YamlDoc
from pucli.problems import Problem


def apply_acknowledgements(problems: list[Problem], entries: list, doc: YamlDoc,
                           ) -> list[Problem]:
    """``problems`` with each acknowledged warning of this file turned into a note, plus a
    warning for each entry that matched nothing."""
    out = []
    used: set[int] = set()
    for p in problems:
        match = next((i for i, a in enumerate(entries)
                      if p.severity == "warning" and p.file == doc.file
                      and a.code == p.code and a.at == p.path), None)
        if match is None:
            out.append(p)
            continue
        used.add(match)
        out.append(dataclasses.replace(p, severity="note",
                                       hint=f"acknowledged: {entries[match].reason}"))
    for i, a in enumerate(entries):
        if i not in used:
            out.append(doc.problem(
                "stale-acknowledgement",
                f"acknowledge[{i}] names {a.code} at {a.at}, which no longer occurs",
                ("acknowledge", i, "at"), severity="warning",
                hint="remove the entry, or correct its code and path (shown after each "
                     "warning's location)"))
    return out
