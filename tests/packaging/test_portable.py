"""Portable mode in source form: where ``default_data_dir()`` puts the data.

The frozen build is checked end to end by ``packaging/check_portable.py`` (run by ``.ci/run``
after ``make package``); here the same rule is checked fast, without a bundle.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from doancoso import paths


@pytest.fixture
def frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake frozen app: ``sys.frozen`` set and the executable in ``tmp_path/usb/doancoso``."""
    folder = tmp_path / "usb" / "doancoso"
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "doancoso"))
    return folder


def test_frozen_app_root_is_the_executables_folder(frozen_app: Path) -> None:
    assert paths.is_frozen()
    assert paths.app_root() == frozen_app.resolve()


def test_marker_beside_the_executable_keeps_data_beside_it(frozen_app: Path) -> None:
    (frozen_app / "doancoso.portable").write_bytes(b"")
    assert paths.default_data_dir() == frozen_app.resolve() / "doancoso-data"


def test_without_marker_data_go_to_the_user_data_folder(frozen_app: Path) -> None:
    data = paths.default_data_dir()
    assert not data.is_relative_to(frozen_app.resolve())
    assert data.name == "doancoso"


def test_marker_elsewhere_does_not_count(frozen_app: Path, tmp_path: Path) -> None:
    (tmp_path / "doancoso.portable").write_bytes(b"")  # in a parent folder: not beside the exe
    assert not paths.default_data_dir().is_relative_to(frozen_app.resolve())


def test_source_checkout_marker_at_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "app_root", lambda: tmp_path)
    assert not paths.default_data_dir().is_relative_to(tmp_path)
    (tmp_path / "doancoso.portable").write_bytes(b"")
    assert paths.default_data_dir() == tmp_path / "doancoso-data"


def test_source_app_root_is_the_checkout() -> None:
    assert not paths.is_frozen()
    assert (paths.app_root() / "pyproject.toml").is_file()
