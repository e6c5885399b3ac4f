"""Attributes of a package that load their module on first use (PEP 562).

``argmap`` and ``argmap.publish`` name functions whose modules pull in heavy libraries (Jinja2
for the summary, the HTML map's assets, the converters); importing those only when a name is
first read keeps a cold ``argmap validate`` from paying for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_getattr"]


def lazy_getattr(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that imports ``where[name]`` when ``name`` is
    first read, and keeps the value in the package's namespace so it is looked up only once."""

    def __getattr__(name: str) -> Any:
        module_name = where.get(name)
        if module_name is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module_name), name)
        vars(importlib.import_module(package))[name] = value
        return value

    return __getattr__
