"""The reporters as pure functions: GitHub escaping, SARIF against the published schema, GitLab
code quality, the Markdown job summary, statistics, and the registry."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest

from argmap.checks import get_rule
from argmap.cli.validate import OutputFormat
from argmap.diagnostics import Diagnostic, Severity
from argmap.reporters import (
    Report,
    ReportOptions,
    escape_data,
    escape_property,
    get_reporter,
    reporter_names,
    statistics,
)

from .ci_support import GOLDEN, SARIF_SCHEMA

ERROR = Diagnostic("briefs/a.yaml", 3, 5, "AM101", Severity.ERROR, "no such id", "did you mean 'b'?")
WARNING = Diagnostic("briefs/a.yaml", 7, 3, "AM205", Severity.WARNING, "connected to nothing")
NOTE = Diagnostic("briefs/b.yaml", 1, 1, "AM305", Severity.INFO, "1 quote cannot be checked")
NO_LINE = Diagnostic("briefs/gone.yaml", None, None, "AM001", Severity.ERROR, "cannot read it")


def render(name: str, report: Report, **options: bool) -> str:
    return get_reporter(name).render(report, ReportOptions(**options))


def report(*diagnostics: Diagnostic, strict: bool = False) -> Report:
    files = list(dict.fromkeys(d.path for d in diagnostics)) or ["briefs/a.yaml"]
    return Report.build(files, diagnostics, strict=strict)


# --- registry ----------------------------------------------------------------------------------


def test_the_format_option_offers_exactly_the_registered_reporters() -> None:
    assert [f.value for f in OutputFormat] == list(reporter_names())


def test_an_unknown_reporter_name_lists_the_choices() -> None:
    with pytest.raises(KeyError, match="choose one of text, json, github"):
        get_reporter("xml")


# --- GitHub workflow commands ------------------------------------------------------------------


def test_github_escapes_percent_and_line_breaks_in_messages() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"


def test_github_escapes_colon_and_comma_in_properties_too() -> None:
    assert escape_property("a,b: 100%\n") == "a%2Cb%3A 100%25%0A"


def test_github_error_names_file_line_column_and_title() -> None:
    assert render("github", report(ERROR)) == (
        "::error file=briefs/a.yaml,line=3,col=5,title=AM101 undefined-reference::"
        "no such id (did you mean 'b'?)\n"
    )


def test_github_maps_warning_and_info_to_warning_and_notice() -> None:
    lines = render("github", report(WARNING, NOTE)).splitlines()
    assert lines[0].startswith("::warning file=briefs/a.yaml,line=7,col=3,")
    assert lines[1].startswith("::notice file=briefs/b.yaml,line=1,col=1,")


def test_github_leaves_out_the_line_when_a_diagnostic_has_none() -> None:
    assert render("github", report(NO_LINE)).startswith(
        "::error file=briefs/gone.yaml,title=AM001 unreadable-file::"
    )


def test_github_escapes_a_file_name_with_a_comma() -> None:
    odd = Diagnostic("b/x, y.yaml", 2, 1, "AM205", Severity.WARNING, "m")
    assert render("github", report(odd)).startswith("::warning file=b/x%2C y.yaml,line=2,")


# --- SARIF -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _assert_valid_sarif(validator: jsonschema.protocols.Validator, text: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(text)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    for run in log["runs"]:
        for result in run["results"]:
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert " " not in uri and "\\" not in uri, uri  # a URI reference, not a raw path
    return log


def test_sarif_of_every_kind_of_diagnostic_validates_against_the_published_schema(
    sarif_validator: jsonschema.protocols.Validator,
) -> None:
    odd = Diagnostic("briefs/with space%.yaml", 2, 1, "AM205", Severity.WARNING, "m\nn")
    outside = Diagnostic("/elsewhere/x.yaml", 4, 2, "AM101", Severity.ERROR, "m")
    _assert_valid_sarif(
        sarif_validator, render("sarif", report(ERROR, WARNING, NOTE, NO_LINE, odd, outside))
    )


@pytest.mark.parametrize("golden", ["negative.sarif", "positive.sarif"])
def test_sarif_golden_files_validate_against_the_published_schema(
    sarif_validator: jsonschema.protocols.Validator, golden: str
) -> None:
    _assert_valid_sarif(sarif_validator, (GOLDEN / golden).read_text(encoding="utf-8"))


def test_sarif_results_point_at_relative_uris_lines_and_columns() -> None:
    log = json.loads(render("sarif", report(ERROR, NOTE)))
    first = log["runs"][0]["results"][0]
    assert first["ruleId"] == "AM101"
    assert first["level"] == "error"
    assert first["message"]["text"] == "no such id (did you mean 'b'?)"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "briefs/a.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 5}
    assert log["runs"][0]["results"][1]["level"] == "note"


def test_sarif_percent_encodes_a_path_and_uses_file_uris_outside_the_folder() -> None:
    odd = Diagnostic("briefs/with space.yaml", 2, 1, "AM205", Severity.WARNING, "m")
    outside = Diagnostic("/elsewhere/x.yaml", 4, 2, "AM101", Severity.ERROR, "m")
    results = json.loads(render("sarif", report(odd, outside)))["runs"][0]["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in results]
    assert uris[0] == {"uri": "briefs/with%20space.yaml", "uriBaseId": "%SRCROOT%"}
    assert uris[1] == {"uri": "file:///elsewhere/x.yaml"}
    assert urlsplit(uris[1]["uri"]).scheme == "file"


def test_sarif_rules_carry_name_descriptions_and_help_from_the_docstring() -> None:
    log = json.loads(render("sarif", report(WARNING, ERROR)))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["AM101", "AM205"]
    rule = get_rule("AM205")
    assert rule is not None
    described = rules[1]
    assert described["name"] == "disconnected-statement"
    assert described["shortDescription"]["text"] == rule.summary
    assert described["fullDescription"]["text"].startswith("A statement that supports, attacks")
    assert described["help"]["text"] == rule.doc
    assert "```yaml\nclaims:\n" in described["help"]["markdown"]
    assert "Bad::" not in described["help"]["markdown"]
    assert described["defaultConfiguration"]["level"] == "warning"
    results = log["runs"][0]["results"]
    assert [rules[r["ruleIndex"]]["id"] for r in results] == [r["ruleId"] for r in results]


def test_sarif_of_a_clean_run_has_no_results_and_no_rules() -> None:
    log = json.loads(render("sarif", Report.build(["a.yaml"], [])))
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


# --- GitLab code quality -----------------------------------------------------------------------


def test_gitlab_issues_have_the_required_fields_and_severities() -> None:
    issues = json.loads(render("gitlab", report(ERROR, WARNING, NOTE, NO_LINE)))
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["location"]["lines"]["begin"] >= 1
    assert [i["severity"] for i in issues] == ["major", "minor", "info", "major"]
    assert issues[0]["description"] == "no such id (did you mean 'b'?)"
    assert issues[0]["location"] == {"path": "briefs/a.yaml", "lines": {"begin": 3}}


def test_gitlab_fingerprints_are_unique_even_for_equal_findings_and_ignore_lines() -> None:
    twin = Diagnostic("briefs/a.yaml", 9, 3, "AM205", Severity.WARNING, "connected to nothing")
    moved = Diagnostic("briefs/a.yaml", 8, 3, "AM205", Severity.WARNING, "connected to nothing")
    first = json.loads(render("gitlab", report(WARNING, twin)))
    again = json.loads(render("gitlab", report(moved, twin)))
    prints = [i["fingerprint"] for i in first]
    assert len(set(prints)) == 2
    assert prints == [i["fingerprint"] for i in again]  # a line moving keeps the identity


# --- text, JSON, statistics, Markdown ----------------------------------------------------------


def test_text_quiet_prints_only_the_summary() -> None:
    assert render("text", report(ERROR, WARNING), quiet=True) == "1 brief: 1 error, 1 warning\n"


def test_statistics_count_codes_most_frequent_first() -> None:
    again = Diagnostic("briefs/a.yaml", 9, 3, "AM205", Severity.WARNING, "connected to nothing")
    assert statistics(report(ERROR, WARNING, again, NOTE)) == [
        ("AM205", 2), ("AM101", 1), ("AM305", 1)
    ]


def test_json_statistics_are_a_list_of_counts() -> None:
    assert json.loads(render("json", report(WARNING, ERROR), statistics=True)) == [
        {"code": "AM101", "name": "undefined-reference", "severity": "error", "count": 1},
        {"code": "AM205", "name": "disconnected-statement", "severity": "warning", "count": 1},
    ]


def test_markdown_lists_only_the_failing_briefs_and_strict_counts_warnings() -> None:
    lenient = render("markdown", report(WARNING, NOTE))
    assert "none failed" in lenient
    assert "| Brief |" not in lenient
    strict = render("markdown", report(WARNING, NOTE, strict=True))
    assert "**1 of 2 briefs failed**" in strict
    assert "| `briefs/a.yaml` | 0 | 1 | AM205 |" in strict
    assert "briefs/b.yaml" not in strict


def test_markdown_escapes_table_breaking_characters_in_paths() -> None:
    odd = Diagnostic("b/x|y`.yaml", 1, 1, "AM101", Severity.ERROR, "m")
    assert "| ``b/x\\|y`.yaml`` |" in render("markdown", report(odd))  # no HTML, no break-out


def test_reporters_are_deterministic_for_the_same_report() -> None:
    full = report(ERROR, WARNING, NOTE, NO_LINE)
    for name in reporter_names():
        assert render(name, full) == render(name, full)

