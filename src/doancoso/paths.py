"""Where things live: the data folder (normal or portable) and bundled resources.

Portable mode: a file named ``doancoso.portable`` beside the executable (frozen build) or at
the root of the source checkout puts the data folder beside it, in ``doancoso-data``, so the
app can run from a USB stick and write nothing elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "doancoso"
PORTABLE_MARKER = "doancoso.portable"
PORTABLE_DATA_FOLDER = "doancoso-data"


def is_frozen() -> bool:
    """True inside the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def app_root() -> Path:
    """The folder of the executable (frozen) or of the source checkout."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


RESOURCES_PACKAGE = "doancoso.resources"


def resources_dir() -> Path:
    """The folder of the app's resources: ``resources/`` at the top of the repository, installed
    as the package ``doancoso.resources``.

    Found through the import system, so one lookup works from a source checkout (the editable
    install maps the package to ``resources/``), an installed wheel and the frozen bundle (the
    spec ships the package and its files as ``doancoso/resources``).
    """
    import importlib.resources  # not at import: ~20 ms the start of the GUI does not need

    folder = importlib.resources.files(RESOURCES_PACKAGE)
    if not isinstance(folder, Path):  # e.g. a zip import: never how the app is installed
        raise RuntimeError(f"the resources are not a folder on disk: {folder!r}")
    return folder


def resource(*parts: str) -> Path:
    """Path of one bundled resource, e.g. ``resource("fonts", "LiberationSerif-Regular.ttf")``."""
    return resources_dir().joinpath(*parts)


def portable_marker() -> Path:
    return app_root() / PORTABLE_MARKER


def default_data_dir() -> Path:
    """The data folder: beside the app in portable mode, else the user's data folder."""
    if portable_marker().exists():
        return app_root() / PORTABLE_DATA_FOLDER
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
