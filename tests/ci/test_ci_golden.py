"""Acceptance: the real CLI over the positive and negative corpora, once per reporter, against
golden files in tests/fixtures/ci/golden/.

To change a golden file on purpose, run ``ARGMAP_UPDATE_GOLDEN=1 pytest tests/ci`` and review the
diff. The corpora sit under an empty ``argmap.toml``, so the repository's own settings never
change these outputs.
"""

from __future__ import annotations

import json

import pytest

from argmap.reporters import reporter_names

from .ci_support import CI_FIXTURES, Run, assert_golden

SUFFIX = {
    "text": "txt",
    "json": "json",
    "github": "github.txt",
    "sarif": "sarif",
    "gitlab": "gitlab.json",
    "markdown": "md",
}
EXIT = {"positive": 0, "negative": 1}


def test_every_reporter_has_golden_outputs() -> None:
    assert set(SUFFIX) == set(reporter_names())


@pytest.mark.parametrize("corpus", ["positive", "negative"])
@pytest.mark.parametrize("output_format", list(SUFFIX))
def test_corpus_output_matches_its_golden_file(
    run_cli: Run, corpus: str, output_format: str
) -> None:
    ran = run_cli("validate", "--strict", "--format", output_format, corpus, cwd=CI_FIXTURES)
    assert ran.exit_code == EXIT[corpus], ran.stdout + ran.stderr
    assert_golden(f"{corpus}.{SUFFIX[output_format]}", ran.stdout)


@pytest.mark.parametrize("output_format", [f for f in SUFFIX if f != "text"])
def test_machine_formats_keep_the_summary_off_standard_output(
    run_cli: Run, output_format: str
) -> None:
    ran = run_cli("validate", "--strict", "--format", output_format, "negative", cwd=CI_FIXTURES)
    assert "10 briefs: 16 errors, 9 warnings" not in ran.stdout
    assert ran.stderr.splitlines()[-1] == "10 briefs: 16 errors, 9 warnings"


@pytest.mark.parametrize(("options", "golden"), [
    (["--statistics"], "negative.statistics.txt"),
    (["--statistics", "--format", "json"], "negative.statistics.json"),
    (["--quiet"], "negative.quiet.txt"),
])
def test_option_variants_match_their_golden_files(
    run_cli: Run, options: list[str], golden: str
) -> None:
    ran = run_cli("validate", "--strict", *options, "negative", cwd=CI_FIXTURES)
    assert ran.exit_code == 1
    assert_golden(golden, ran.stdout)


def test_an_absolute_path_inside_the_working_folder_is_reported_relative(run_cli: Run) -> None:
    relative = run_cli("validate", "--strict", "negative", cwd=CI_FIXTURES)
    absolute = run_cli("validate", "--strict", str(CI_FIXTURES / "negative"), cwd=CI_FIXTURES)
    assert absolute.stdout == relative.stdout
    assert str(CI_FIXTURES) not in absolute.stdout


def test_json_golden_lists_every_diagnostic_with_the_stable_keys(run_cli: Run) -> None:
    ran = run_cli("validate", "--format", "json", "negative", cwd=CI_FIXTURES)
    items = json.loads(ran.stdout)
    assert {tuple(item) for item in items} == {
        ("path", "line", "column", "code", "severity", "message", "hint")
    }
    assert all(item["path"].startswith("negative/") for item in items)
