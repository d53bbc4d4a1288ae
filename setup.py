"""The one thing ``pyproject.toml`` cannot say: which packages to install.

Everything else is configured in ``pyproject.toml``. The packages are those under ``src/`` (the
same search as ``[tool.setuptools.packages.find] where = ["src"]``), plus ``doancoso.resources``,
which lives in ``resources/`` at the top of the repository (``package-dir`` maps it there) where
that search cannot find it, and its data folders (listed so that setuptools does not warn about
folders it could import).
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(where="src"),
        "doancoso.resources",
        *(f"doancoso.resources.{name}" for name in find_namespace_packages(where="resources")),
    ]
)
