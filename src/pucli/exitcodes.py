"""Exit codes, named. Listed in ``pucli --help`` and the README."""

OK = 0
INVALID = 1  # data invalid (or a warning under --strict), or a write refused
USAGE = 2  # bad command-line usage
OVERDUE = 3  # ``pucli overdue --fail`` found something overdue
INTERNAL = 70  # a bug in pucli: rerun with --debug and report it

DESCRIPTION = (
    "Exit codes: 0 ok; 1 invalid data or refused write; 2 usage error; "
    "3 overdue items found (with --fail); 70 internal error."
)
