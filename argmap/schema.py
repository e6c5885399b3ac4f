"""The JSON Schema of the brief format, generated from the models (for editors and tools)."""

from __future__ import annotations

import json
from typing import Any

from argmap.model import Brief

__all__ = ["SCHEMA_ID", "json_schema", "json_schema_text"]

SCHEMA_ID = "https://argmap.dev/schema/brief-1.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of brief format version 1."""
    schema = Brief.model_json_schema(mode="validation")
    ordered: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "argmap brief (format version 1)",
    }
    ordered.update({k: v for k, v in schema.items() if k != "title"})
    _allow_unquoted_years(ordered)
    return ordered


def _allow_unquoted_years(schema: dict[str, Any]) -> None:
    """Let ``date`` be a number too: the models turn ``date: 2008`` into text, so an editor
    must not flag it."""
    sources = schema.get("$defs", {}).get("Source", {}).get("properties", {})
    for properties in (schema.get("properties", {}), sources):
        date = properties.get("date")
        if isinstance(date, dict) and isinstance(date.get("anyOf"), list):
            date["anyOf"].insert(1, {"type": "number"})


def json_schema_text() -> str:
    """The schema as stable, indented JSON text ending in a newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
