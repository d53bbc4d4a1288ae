"""Resources (``resources/`` at the top of the repository, installed as ``doancoso.resources``):
found through one lookup, and every file of theirs is declared for the wheel.

The wheel and the frozen bundle are checked end to end by building them (``make package`` runs
``packaging/check_bundle.py`` and the bundle's ``--self-test``); here, fast, from the checkout.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from doancoso.paths import RESOURCES_PACKAGE, resource, resources_dir

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"


def _files(folder: Path) -> set[Path]:
    return {
        p
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.name != "__init__.py"
    }


def test_the_lookup_finds_the_repositorys_resources() -> None:
    assert resources_dir().resolve() == RESOURCES.resolve()
    assert resource("fonts", "LiberationSerif-Regular.ttf").is_file()
    assert resource("fonts", "LICENSE-LiberationFonts.txt").is_file()


def test_every_resource_is_declared_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert setuptools["package-dir"][RESOURCES_PACKAGE] == "resources"
    globs = setuptools["package-data"][RESOURCES_PACKAGE]
    declared = {p for pattern in globs for p in RESOURCES.glob(pattern) if p.is_file()}
    missing = sorted(str(p.relative_to(RESOURCES)) for p in _files(RESOURCES) - declared)
    assert not missing, f"add a glob to package-data for {missing}"


def test_the_licence_is_declared_in_the_current_form() -> None:
    """An SPDX string (PEP 639): the old table form made setuptools print a deprecation banner
    three times on every install."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert "setuptools>=77" in project["build-system"]["requires"]
