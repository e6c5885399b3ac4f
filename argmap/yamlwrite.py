"""Writing briefs as YAML that every reader of the format types the same way.

PyYAML's dumper quotes a string only when YAML 1.1 would read it as something else; argmap reads
plain scalars as YAML 1.2 does (and rapidyaml reads ``1e3`` as a number). This dumper quotes a
string whenever either reading could mistake it, so a dumped brief loads back equal.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

__all__ = ["to_yaml"]

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _BriefDumper(_Dumper):  # type: ignore[misc,valid-type]
    """SafeDumper that also quotes what YAML 1.2 or rapidyaml would not read as text."""


_YAML_12_NON_TEXT = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
for _first in "~nNtTfF0123456789+-.":
    _BriefDumper.add_implicit_resolver("tag:yaml.org,2002:yaml12", _YAML_12_NON_TEXT, [_first])


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.rstrip("\n") and len(value) > 80 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BriefDumper.add_representer(str, _represent_text)


def to_yaml(data: Any) -> str:
    """Dump plain data (as from ``model_dump(mode="json")``) in the order given."""
    text: str = yaml.dump(
        data,
        Dumper=_BriefDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text
