"""Configuration: where it is found, what it may say, how mistakes are reported, and how the
command line overrides it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.config import Config, find_config, load_config, resolve_config
from argmap.errors import ConfigError

from .ci_support import Run

WARN_BRIEF = """\
argmap: 1
id: warn
title: One lonely claim
claims:
  lonely: {text: Connected to nothing.}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- finding the file --------------------------------------------------------------------------


def test_the_search_walks_up_to_the_first_folder_with_settings(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = write(tmp_path / "argmap.toml", "strict = true\n")
    brief = write(tmp_path / "briefs" / "deep" / "x.yaml", WARN_BRIEF)
    assert find_config(brief) == config
    assert find_config(brief.parent) == config


def test_the_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path / "argmap.toml", "strict = true\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert find_config(tmp_path / "repo" / "briefs") is None
    assert find_config(tmp_path / "repo") is None


def test_outside_a_repository_only_the_current_folder_is_searched(tmp_path: Path) -> None:
    write(tmp_path / "argmap.toml", "strict = true\n")
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub") is None
    assert find_config(tmp_path) == tmp_path / "argmap.toml"


def test_a_pyproject_without_a_tool_argmap_table_is_passed_by(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    outer = write(tmp_path / "pyproject.toml", "[tool.argmap]\nstrict = true\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'pkg'\n")
    assert find_config(tmp_path / "pkg") == outer


def test_a_tool_argmap_table_is_found_however_its_key_is_spelt(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    escaped = write(tmp_path / "a" / "pyproject.toml", '[tool."\\u0061rgmap"]\nstrict = true\n')
    assert find_config(escaped.parent) == escaped
    assert load_config(escaped).strict is True
    dotted = write(tmp_path / "b" / "pyproject.toml", "[tool]\n'argmap'.strict = true\n")
    assert find_config(dotted.parent) == dotted
    wide = write(tmp_path / "c" / "pyproject.toml", '[tool."\\U00000061rgmap"]\nstrict = true\n')
    assert find_config(wide.parent) == wide


def test_a_run_without_configuration_does_not_load_a_toml_parser(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", "[project]\nname = 'pkg'\n\n[tool.ruff]\nline-length = 90\n")
    write(tmp_path / "briefs" / "x.yaml", WARN_BRIEF)
    code = (
        "import sys\n"
        "from argmap.cli import main\n"
        "try:\n"
        "    main(['validate', '--quiet', 'briefs'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('tomllib', 'tomli') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=tmp_path)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_argmap_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.argmap]\nstrict = false\n")
    own = write(tmp_path / "argmap.toml", "strict = true\n")
    assert find_config(tmp_path) == own
    assert load_config(own).strict is True


def test_no_file_means_the_defaults_and_isolated_ignores_a_file(tmp_path: Path) -> None:
    assert resolve_config(cwd=tmp_path) == Config()
    write(tmp_path / "argmap.toml", "strict = true\n")
    assert resolve_config(cwd=tmp_path).strict is True
    assert resolve_config(cwd=tmp_path, isolated=True) == Config()


def test_pyproject_settings_are_read_from_tool_argmap(tmp_path: Path) -> None:
    file = write(tmp_path / "pyproject.toml", """\
[project]
name = "briefs"

[tool.argmap]
select = ["am1", "AM2"]
ignore = ["AM305"]
strict = true
root = "."
format = "json"
per-file-ignores = {"drafts/**" = ["AM2"]}
""")
    config = load_config(file)
    assert config.select == ("AM1", "AM2")
    assert config.ignore == ("AM305",)
    assert config.strict is True
    assert config.root == tmp_path
    assert config.output_format == "json"
    assert config.per_file_ignores == (("drafts/**", ("AM2",)),)


# --- mistakes are errors that name the file ----------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ('selct = ["AM1"]\n', "argmap.toml: unknown key 'selct'; did you mean 'select'?"),
    ('ignore = ["AM999"]\n', "argmap.toml: 'ignore': unknown rule code or prefix 'AM999'"),
    ('select = ["XY"]\n', "argmap.toml: 'select': unknown rule code or prefix 'XY'"),
    ('per-file-ignores = {"a/*" = ["AM2O5"]}\n', "'per-file-ignores 'a/*'': unknown rule code"),
    ('ignore = "AM205"\n', "'ignore' must be a list of rule codes"),
    ('strict = "yes"\n', "'strict' must be true or false"),
    ('root = "no/such/folder"\n', "'root' names 'no/such/folder', which is not a folder"),
    ('format = "xml"\n', "'format' must be one of text, json, github, sarif, gitlab, markdown"),
    ("strict = \n", "argmap.toml: not valid TOML"),
])
def test_a_wrong_setting_is_an_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "argmap.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "argmap.toml")
    assert message in str(caught.value)


def test_an_unknown_code_in_pyproject_names_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", '[tool.argmap]\nignore = ["AM9"]\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml \[tool.argmap\]: 'ignore': unknown"):
        load_config(tmp_path / "pyproject.toml")


def test_the_cli_exits_2_on_a_wrong_configuration(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path / "argmap.toml", 'ignore = ["AM999"]\n')
    write(tmp_path / "warn.yaml", WARN_BRIEF)
    ran = run_cli("validate", "warn.yaml", cwd=tmp_path)
    assert ran.exit_code == 2
    assert "argmap: argmap.toml: 'ignore': unknown rule code or prefix 'AM999'" in ran.stderr
    assert ran.stdout == ""


def test_the_cli_exits_2_on_an_unknown_code_on_the_command_line(
    tmp_path: Path, run_cli: Run
) -> None:
    write(tmp_path / "warn.yaml", WARN_BRIEF)
    ran = run_cli("validate", "--isolated", "--ignore", "AM2O5", "warn.yaml", cwd=tmp_path)
    assert ran.exit_code == 2
    assert "--ignore: unknown rule code or prefix 'AM2O5'; did you mean 'AM205'?" in ran.stderr


# --- what the settings do ----------------------------------------------------------------------


def test_strict_from_the_file_fails_on_warnings(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path / "warn.yaml", WARN_BRIEF)
    write(tmp_path / "argmap.toml", "strict = true\n")
    assert run_cli("validate", "warn.yaml", cwd=tmp_path).exit_code == 1
    assert run_cli("validate", "--no-strict", "warn.yaml", cwd=tmp_path).exit_code == 0


def test_ignore_from_the_file_silences_a_code(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path / "warn.yaml", WARN_BRIEF)
    write(tmp_path / "argmap.toml", 'strict = true\nignore = ["AM2"]\n')
    ran = run_cli("validate", "warn.yaml", cwd=tmp_path)
    assert ran.exit_code == 0
    assert ran.stdout == "1 brief: 0 errors, 0 warnings\n"


def test_select_on_the_command_line_replaces_the_files_selection(
    tmp_path: Path, run_cli: Run
) -> None:
    write(tmp_path / "warn.yaml", WARN_BRIEF)
    write(tmp_path / "argmap.toml", 'ignore = ["AM205"]\n')
    assert "AM205" not in run_cli("validate", "warn.yaml", cwd=tmp_path).stdout
    ran = run_cli("validate", "--select", "AM205", "warn.yaml", cwd=tmp_path)
    assert "warn.yaml:5:3: AM205 warning" in ran.stdout


def test_per_file_ignores_apply_to_matching_paths_only(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path / "drafts" / "deep" / "a.yaml", WARN_BRIEF)
    write(tmp_path / "final" / "b.yaml", WARN_BRIEF)
    write(tmp_path / "argmap.toml", 'strict = true\nper-file-ignores = {"drafts/**" = ["AM205"]}\n')
    ran = run_cli("validate", ".", cwd=tmp_path)
    assert ran.exit_code == 1
    assert "final/b.yaml:5:3: AM205" in ran.stdout
    assert "drafts" not in ran.stdout


def test_a_glob_without_a_slash_matches_the_file_name_anywhere(tmp_path: Path) -> None:
    write(tmp_path / "argmap.toml", 'per-file-ignores = {"*-draft.yaml" = ["AM2"], "b?.yaml" = ["AM1"]}\n')
    config = load_config(tmp_path / "argmap.toml")
    assert config.ignored_for(tmp_path / "x" / "y" / "plan-draft.yaml") == ("AM2",)
    assert config.ignored_for(tmp_path / "b1.yaml") == ("AM1",)
    assert config.ignored_for(tmp_path / "plan.yaml") == ()


def test_globs_are_relative_to_the_configuration_file(tmp_path: Path) -> None:
    write(tmp_path / "argmap.toml", 'per-file-ignores = {"briefs/*.yaml" = ["AM2"]}\n')
    config = load_config(tmp_path / "argmap.toml")
    assert config.ignored_for(tmp_path / "briefs" / "a.yaml") == ("AM2",)
    assert config.ignored_for(tmp_path / "briefs" / "sub" / "a.yaml") == ()
    assert config.ignored_for(tmp_path / "other" / "briefs" / "a.yaml") == ()


def test_root_narrows_the_folder_briefs_read_sources_from(tmp_path: Path, run_cli: Run) -> None:
    write(tmp_path / "sources" / "s.txt", "Ports are busy.\n")
    write(tmp_path / "briefs" / "b.yaml", """\
argmap: 1
id: b
title: T
source: {path: ../sources/s.txt}
claims:
  busy: {text: Busy., quote: Ports are busy., supports: [other]}
  other: {text: Other.}
""")
    inside = run_cli("validate", "--isolated", "briefs", cwd=tmp_path)
    assert inside.exit_code == 0, inside.stdout  # the project (here: the current folder)
    write(tmp_path / "argmap.toml", 'root = "briefs"\n')
    narrowed = run_cli("validate", "briefs", cwd=tmp_path)
    assert narrowed.exit_code == 1
    assert "AM303" in narrowed.stdout
    widened = run_cli("validate", "--root", str(tmp_path), "briefs", cwd=tmp_path)
    assert widened.exit_code == 0, widened.stdout


def test_format_from_the_file_is_used_unless_the_option_is_given(
    tmp_path: Path, run_cli: Run
) -> None:
    write(tmp_path / "warn.yaml", WARN_BRIEF)
    write(tmp_path / "argmap.toml", 'format = "json"\n')
    assert run_cli("validate", "warn.yaml", cwd=tmp_path).stdout.startswith("[")
    assert run_cli("validate", "-f", "text", "warn.yaml", cwd=tmp_path).stdout.startswith("warn")


def test_github_actions_picks_annotations_when_nothing_else_is_chosen(
    tmp_path: Path, run_cli: Run
) -> None:
    write(tmp_path / "warn.yaml", WARN_BRIEF)
    inside = run_cli("validate", "--isolated", "warn.yaml", cwd=tmp_path,
                     env={"GITHUB_ACTIONS": "true"})
    assert inside.stdout.startswith("::warning file=warn.yaml,line=5,col=3,")
    chosen = run_cli("validate", "--isolated", "-f", "text", "warn.yaml", cwd=tmp_path,
                     env={"GITHUB_ACTIONS": "true"})
    assert chosen.stdout.startswith("warn.yaml:5:3: AM205")
    outside = run_cli("validate", "--isolated", "warn.yaml", cwd=tmp_path,
                      env={"GITHUB_ACTIONS": "false"})
    assert outside.stdout.startswith("warn.yaml:5:3: AM205")


def test_an_explicit_config_file_is_used_and_isolated_ignores_all(
    tmp_path: Path, run_cli: Run
) -> None:
    write(tmp_path / "warn.yaml", WARN_BRIEF)
    write(tmp_path / "argmap.toml", 'ignore = ["AM999"]\n')  # wrong, but never read below
    write(tmp_path / "ci" / "strict.toml", "strict = true\n")
    assert run_cli("validate", "--config", "ci/strict.toml", "warn.yaml", cwd=tmp_path
                   ).exit_code == 1
    assert run_cli("validate", "--isolated", "warn.yaml", cwd=tmp_path).exit_code == 0
    assert run_cli("validate", "--config", "ci/none.toml", "warn.yaml", cwd=tmp_path
                   ).exit_code == 2


def test_rendered_outputs_are_read_relative_to_the_file(tmp_path: Path) -> None:
    write(tmp_path / "argmap.toml", """\
[rendered]
"docs/a.svg" = "briefs/a.yaml"
"docs/a.md" = {brief = "briefs/a.yaml", options = ["--template", "t.md.j2"]}
""")
    config = load_config(tmp_path / "argmap.toml")
    assert [(r.output, r.brief, r.options) for r in config.rendered] == [
        (tmp_path / "docs" / "a.svg", tmp_path / "briefs" / "a.yaml", ()),
        (tmp_path / "docs" / "a.md", tmp_path / "briefs" / "a.yaml", ("--template", "t.md.j2")),
    ]


def test_a_rendered_entry_without_a_brief_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "argmap.toml", '[rendered]\n"docs/a.svg" = {options = []}\n')
    with pytest.raises(ConfigError, match="must name the brief it is made from"):
        load_config(tmp_path / "argmap.toml")


def test_a_glob_ending_in_a_slash_covers_the_whole_folder(tmp_path: Path) -> None:
    write(tmp_path / "argmap.toml", 'per-file-ignores = {"drafts/" = ["AM2"]}\n')
    config = load_config(tmp_path / "argmap.toml")
    assert config.ignored_for(tmp_path / "drafts" / "a" / "b.yaml") == ("AM2",)
    assert config.ignored_for(tmp_path / "final" / "b.yaml") == ()
