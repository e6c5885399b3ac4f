"""Read argumentation frameworks in the ICCMA 2023 format (a test aid, not part of argmap).

The format: a header ``p af N`` declaring arguments ``1 .. N``, then one attack ``i j`` per line
(``i`` attacks ``j``). Lines starting with ``#`` are comments and blank lines are ignored.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["IccmaFormatError", "read_af"]


class IccmaFormatError(ValueError):
    """A file does not follow the ICCMA 2023 ``p af N`` format."""


def read_af(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The arguments (``"1"`` .. ``"N"``) and the attacks of the ICCMA 2023 file at ``path``."""
    n: int | None = None
    attacks: list[tuple[str, str]] = []
    with path.open(encoding="ascii") as lines:
        for number, line in enumerate(lines, start=1):
            fields = line.split()
            if not fields or fields[0].startswith("#"):
                continue
            if n is None:
                if len(fields) != 3 or fields[:2] != ["p", "af"] or not fields[2].isdigit():
                    raise IccmaFormatError(f"{path}:{number}: expected 'p af N', got {line!r}")
                n = int(fields[2])
                continue
            if len(fields) != 2 or not all(f.isdigit() and 1 <= int(f) <= n for f in fields):
                raise IccmaFormatError(f"{path}:{number}: expected an attack 'i j', got {line!r}")
            attacks.append((fields[0], fields[1]))
    if n is None:
        raise IccmaFormatError(f"{path}: no 'p af N' header")
    return [str(i) for i in range(1, n + 1)], attacks
