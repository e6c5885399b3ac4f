"""A pull request cannot make argmap read, or print, a file outside the project.

Each test builds a small repository (a folder with ``.git``) with a secret beside it, runs the
real CLI from the repository's root as CI does, and checks both the outcome and that the
secret's text appears nowhere in what argmap printed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import Run, write

SECRET = "the-launch-code-is-0000"

BRIEF = """\
argmap: 1
id: pr
title: A brief from a pull request
source: {{path: {path}}}
claims:
  c: {{text: C, quote: "the-launch-code-is-0001", supports: [d]}}
  d: {{text: D}}
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository in ``tmp_path/repo`` with a secret file beside it, outside."""
    write(tmp_path / "outside-secret.txt", SECRET + "\n")
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    return root


def test_a_configuration_beside_a_brief_cannot_widen_the_read_root(repo: Path, run: Run) -> None:
    write(repo / "briefs" / "pr" / "argmap.toml", 'root = "/"\n')
    write(repo / "briefs" / "pr" / "b.yaml", BRIEF.format(path="../../../outside-secret.txt"))
    ran = run("validate", "briefs/pr/b.yaml", cwd=repo)
    assert ran.code == 1
    assert "AM303" in ran.stdout
    assert "AM301" not in ran.stdout
    assert SECRET not in ran.output
    # Named on purpose, it is refused outright: a configuration only narrows.
    named = run("validate", "--config", "briefs/pr/argmap.toml", "briefs/pr/b.yaml", cwd=repo)
    assert named.code == 2
    assert "outside the project" in named.stderr
    assert "pass --root on the command line" in named.stderr


def test_the_project_configuration_cannot_widen_the_read_root_either(repo: Path, run: Run) -> None:
    write(repo / "pyproject.toml", '[tool.argmap]\nroot = ".."\n')
    write(repo / "briefs" / "b.yaml", BRIEF.format(path="../../outside-secret.txt"))
    ran = run("validate", "briefs", cwd=repo)
    assert ran.code == 2
    assert "pyproject.toml [tool.argmap]: 'root' names '..', which is outside the project" in (
        ran.stderr)
    assert SECRET not in ran.output


def test_only_the_command_line_widens_the_read_root(repo: Path, run: Run) -> None:
    write(repo / "briefs" / "b.yaml", BRIEF.format(path="../../outside-secret.txt"))
    refused = run("validate", "briefs", cwd=repo)
    assert "AM303" in refused.stdout and SECRET not in refused.output
    allowed = run("validate", "--root", str(repo.parent), "briefs", cwd=repo)
    assert "AM303" not in allowed.stdout
    assert "AM301" in allowed.stdout  # read, because the person running argmap said so


def test_a_link_inside_the_repository_to_a_file_outside_is_not_read(repo: Path, run: Run) -> None:
    (repo / "briefs").mkdir()
    os.symlink(repo.parent / "outside-secret.txt", repo / "briefs" / "source.txt")
    write(repo / "briefs" / "b.yaml", BRIEF.format(path="source.txt"))
    ran = run("validate", "briefs/b.yaml", cwd=repo)
    assert "AM303" in ran.stdout
    assert SECRET not in ran.output


def test_hidden_files_such_as_the_git_config_are_not_read(repo: Path, run: Run) -> None:
    write(repo / ".git" / "config", f"[http]\n\textraheader = AUTHORIZATION: {SECRET}\n")
    write(repo / ".env", f"TOKEN={SECRET}\n")
    write(repo / "briefs" / "b.yaml", BRIEF.format(path="../.git/config"))
    write(repo / "briefs" / "e.yaml", BRIEF.format(path="../.env").replace("id: pr", "id: e"))
    ran = run("validate", "briefs", cwd=repo)
    assert ran.stdout.count("AM303") == 2
    assert "hidden '.git'" in ran.stdout and "hidden '.env'" in ran.stdout
    assert SECRET not in ran.output
    summary = run("summary", "briefs/b.yaml", "-o", "-", cwd=repo)
    assert SECRET not in summary.output


def test_a_brief_that_is_a_link_out_of_the_project_is_not_read(repo: Path, run: Run) -> None:
    write(repo.parent / "elsewhere.yaml", f"argmap: 1\nid: x\ntitle: {SECRET}\nunknown: {SECRET}\n")
    (repo / "briefs").mkdir()
    os.symlink(repo.parent / "elsewhere.yaml", repo / "briefs" / "b.yaml")
    for args in (("validate", "briefs"), ("validate", "briefs/b.yaml"),
                 ("summary", "briefs/b.yaml", "-o", "-"), ("render", "briefs/b.yaml", "-o", "-")):
        ran = run(*args, cwd=repo)
        assert ran.code == 1, (args, ran.output)
        assert "symbolic link that leads outside the project" in ran.output
        assert SECRET not in ran.output


@pytest.mark.parametrize(("path", "message"), [
    ('"a\\0b.txt"', "contains a NUL character"),
    ("loop.txt", "cannot be followed"),
])
def test_a_source_path_with_nul_or_a_loop_of_links_is_a_finding(
    repo: Path, run: Run, path: str, message: str
) -> None:
    (repo / "briefs").mkdir()
    os.symlink("loop.txt", repo / "briefs" / "loop.txt")
    write(repo / "briefs" / "b.yaml", BRIEF.format(path=path))
    ran = run("validate", "briefs/b.yaml", cwd=repo)
    assert ran.code == 1
    assert "AM303" in ran.stdout and message in ran.stdout


@pytest.mark.parametrize(("entry", "message"), [
    ('"../out.svg" = "briefs/b.yaml"', "names the output '../out.svg', which is outside"),
    ('"out.svg" = "../elsewhere.yaml"', "names the brief '../elsewhere.yaml', which is outside"),
    ('"o.md" = {brief = "briefs/b.yaml", options = ["--root", "/"]}', "may not give '--root'"),
    ('"o.md" = {brief = "briefs/b.yaml", options = ["--root=/"]}', "may not give '--root'"),
    ('"o.md" = {brief = "briefs/b.yaml", options = ["-o", "x"]}', "may not give '-o'"),
    ('"o.md" = {brief = "briefs/b.yaml", options = ["--no-check"]}', "may not give '--no-check'"),
    ('"o.md" = {brief = "briefs/b.yaml", options = ["--template", "../outside-secret.txt"]}',
     "names the template '../outside-secret.txt', which is outside"),
    ('".git/hooks/pre-commit" = "briefs/b.yaml"', "inside the hidden '.git'"),
    ('".github/workflows/x.yml" = "briefs/b.yaml"', "inside the hidden '.github'"),
])
def test_rendered_outputs_stay_inside_the_project(
    repo: Path, run: Run, entry: str, message: str
) -> None:
    write(repo / "argmap.toml", f"[rendered]\n{entry}\n")
    ran = run("check-rendered", cwd=repo)
    assert ran.code == 2
    assert message in ran.stderr
    assert SECRET not in ran.output


def test_a_glob_built_to_backtrack_does_not_hang_validation(repo: Path, run: Run) -> None:
    glob = "**a" * 12 + "**b"
    write(repo / "argmap.toml", f'per-file-ignores = {{"{glob}" = ["AM205"], '
                                f'"{"*a" * 12}*b" = ["AM205"]}}\n')
    name = "a" * 120
    write(repo / "a" / ("a" * 100) / f"{name}.yaml",
          "argmap: 1\nid: x\ntitle: T\nclaims:\n  lonely: {text: L}\n")
    ran = run("validate", ".", cwd=repo)  # a regular expression took minutes on this path
    assert ran.code == 0
    assert "AM205" in ran.stdout


def test_every_render_and_summary_option_is_allowed_or_forbidden_in_rendered_entries() -> None:
    """A new option of render or summary must be judged: display only, or not for strangers."""
    import typer.main

    import argmap.cli
    from argmap.config import FORBIDDEN_RENDERED_OPTIONS, RENDERED_OPTIONS

    command = typer.main.get_command(argmap.cli.app)
    for name in ("render", "summary"):
        options = {o for p in command.commands[name].params  # type: ignore[attr-defined]
                   for o in (*p.opts, *p.secondary_opts) if o.startswith("-")}
        assert options <= RENDERED_OPTIONS | FORBIDDEN_RENDERED_OPTIONS, sorted(
            options - RENDERED_OPTIONS - FORBIDDEN_RENDERED_OPTIONS)
    assert not RENDERED_OPTIONS & FORBIDDEN_RENDERED_OPTIONS


def test_no_message_names_the_runners_folders(repo: Path, run: Run) -> None:
    """Messages reach CI logs and annotations: the absolute path of the checkout is never shown,
    neither for a source that leaves the read root nor for a configuration that would widen it."""
    write(repo / "briefs" / "b.yaml", BRIEF.format(path="../../outside-secret.txt"))
    json_run = run("validate", "--format", "json", "briefs", cwd=repo)
    text_run = run("validate", "b.yaml", cwd=repo / "briefs")
    for ran in (json_run, text_run):
        assert "AM303" in ran.stdout
        assert "leads outside '.'" in ran.output or "leads outside '..'" in ran.output
        assert str(repo) not in ran.output.replace("\\\\", "\\")
        assert repo.parent.name not in ran.output
    write(repo / "pyproject.toml", '[tool.argmap]\nroot = ".."\n')
    widened = run("validate", "b.yaml", cwd=repo / "briefs")
    assert widened.code == 2
    assert "../pyproject.toml [tool.argmap]: 'root' names '..', which is outside the project '..'" \
        in widened.stderr
    assert repo.parent.name not in widened.output
    (repo / "pyproject.toml").unlink()
    write(repo / "argmap.toml", '[rendered]\n"../x.svg" = "briefs/b.yaml"\n')
    rendered = run("validate", "briefs", cwd=repo)
    assert rendered.code == 2 and "outside the project '.'" in rendered.stderr
    assert repo.parent.name not in rendered.output
