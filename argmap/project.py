"""The project a run belongs to, and the folder briefs may read their sources from.

A brief, a configuration file and a template may all come from a stranger's pull request, so the
boundaries are drawn by whoever runs argmap, never by a file in the tree:

* The **project root** is the repository that holds the current folder: the nearest folder, from
  the current one upward, that has a ``.git`` (a folder, or the file a worktree has). Outside a
  repository it is the current folder itself. Configuration is read only between the current
  folder and the project root (see :func:`argmap.config.find_config`), never next to a brief.
* The **read root** of a brief is the folder its ``source.path`` must stay inside. It is the
  command line's ``--root`` (``root=`` in the library) when given; else the configuration's
  ``root``, which may only narrow it to a folder inside the project root; else the project root
  when the brief lies inside it, or the brief's own folder when it lies outside (a file named on
  the command line from elsewhere reads only beside itself).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "default_read_root", "is_inside", "leaves_through_link", "project_root", "shown_path",
]


def project_root(start: str | os.PathLike[str] | None = None) -> Path:
    """The repository holding ``start`` (the current folder by default), or ``start`` itself.

    The answer is absolute but not resolved, so that paths shown relative to it stay readable.
    """
    folder = Path(os.path.abspath(start if start is not None else os.getcwd()))
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return folder


def is_inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """True when ``path`` is ``folder`` or lies beneath it, comparing the paths as written."""
    child = os.path.normcase(os.path.abspath(path))
    parent = os.path.normcase(os.path.abspath(folder))
    try:
        return os.path.commonpath([child, parent]) == parent
    except ValueError:  # different drives on Windows
        return False


def leaves_through_link(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """True when ``path`` lies inside ``folder`` as written but a symbolic link takes it out.

    A pull request can commit a link (``briefs/b.yaml -> /home/runner/.ssh/config``); such a file
    is never read. A path that cannot be resolved (a loop of links) counts as leaving.
    """
    if not is_inside(path, folder):
        return False
    try:
        real = Path(path).resolve()
        real_folder = Path(folder).resolve()
    except (OSError, RuntimeError, ValueError):
        return True
    return not is_inside(real, real_folder)


def default_read_root(brief_file: str | os.PathLike[str] | None, cwd: Path | None = None) -> Path:
    """The read root of a brief when neither the command line nor a configuration names one."""
    root = project_root(cwd)
    if brief_file is None:
        return root
    if is_inside(brief_file, root):
        return root
    return Path(os.path.abspath(brief_file)).parent


def shown_path(path: str | os.PathLike[str], cwd: str | os.PathLike[str] | None = None) -> str:
    """A file or folder as a message names it: relative to the current folder, never absolute.

    Messages reach CI logs and pull request annotations, where an absolute path would publish the
    runner's folder layout (its user name, its work folder). ``'.'`` is the current folder
    itself; a path outside it is named by the way there (``../shared``).
    """
    here = os.path.abspath(cwd if cwd is not None else os.getcwd())
    target = os.path.abspath(path)
    try:
        return Path(os.path.relpath(target, here)).as_posix()
    except ValueError:  # on another drive (Windows): only its name is shown
        return Path(target).name or "."
