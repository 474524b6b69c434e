"""Exit codes, named. Listed in ``pucli --help`` and the README."""

OK = 0
INVALID = 1  # data invalid (or a warning under --strict), or a write refused
USAGE = 2  # bad command-line usage
OVERDUE = 3  # ``pucli overdue --fail`` found something overdue
INTERNAL = 70  # a bug in pucli: rerun with --debug and report it

# Problems that are not the user's option value even when located at an option: a
# package that is not installed.
_NOT_USAGE = {"missing-extra"}


def of_problems(problems) -> int:  # type: ignore[no-untyped-def]
    """The exit code for problems that stopped a command: usage (2) when each is about a
    value typed on the command line (located at an option such as ``--metric`` or at an
    argument such as ``MEASURE``), else invalid data (1). The one rule: a bad option or
    option value exits 2, bad data exits 1."""
    if problems and all((p.file.startswith("-") or p.file.isupper())
                        and p.code not in _NOT_USAGE for p in problems):
        return USAGE
    return INVALID


DESCRIPTION = (
    "Exit codes: 0 ok; 1 invalid data or refused write; 2 usage error (bad option or "
    "option value); "
    "3 overdue items found (with --fail); 70 internal error."
)
