"""PyInstaller hook: the package ``doancoso.resources`` is the folder ``resources/`` at the top of
the repository (``package-dir`` in pyproject.toml), not a folder of ``src/doancoso``; PyInstaller's
analysis does not read setuptools' mapping, so it is told where to look."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # hooks/pre_find_module_path/<this file>


def pre_find_module_path(api):
    api.search_dirs = [str(ROOT)]
