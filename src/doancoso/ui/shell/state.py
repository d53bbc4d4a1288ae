"""Window state (geometry, splitter, column widths) in ``ui-state.ini`` inside the data folder.

Kept apart from preferences and never in the registry or the home folder: in portable mode the
app writes nothing outside its data folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

STATE_FILE = "ui-state.ini"
MAX_WIDTH = 4000
"""The widest column the state file may give (pixels): wider is damage, and Qt's own limit is
2^31 - 1, beyond which asking for it raises."""
DEFAULTS_SUFFIX = "-defaults"
"""Beside a table's saved widths (``roster/columns``), the default widths they were saved over
(``roster/columns-defaults``): a version of the table's layout, see :meth:`UiState.widths`."""


class UiState:
    """Typed access to the few values the windows remember between runs."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / STATE_FILE
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def geometry(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(key, value)

    def widths(self, key: str, defaults: Sequence[int] = ()) -> list[int]:
        """A list of column widths ("" or garbage gives []; a width out of 1..MAX_WIDTH reads 0,
        which leaves that column as it is and the others in their places).

        With ``defaults`` (the table's default widths today), widths saved over other defaults,
        or before the defaults were saved beside them, give []: the defaults changed since (made
        to fit a 1366 px screen), and widths saved over the old ones would bring their faults
        back (see :meth:`set_widths`)."""
        widths = self._ints(key)
        if defaults and self._ints(f"{key}{DEFAULTS_SUFFIX}") != list(defaults):
            return []
        return [w if 0 < w <= MAX_WIDTH else 0 for w in widths]

    def set_widths(self, key: str, widths: list[int], defaults: Sequence[int] = ()) -> None:
        """Save ``widths`` (and the table's ``defaults`` they were set over, see :meth:`widths`)."""
        self._settings.setValue(key, ",".join(str(w) for w in widths))
        if defaults:
            self._settings.setValue(f"{key}{DEFAULTS_SUFFIX}", ",".join(str(w) for w in defaults))

    def _ints(self, key: str) -> list[int]:
        value = self._settings.value(key, "")
        text = ",".join(str(v) for v in value) if isinstance(value, list) else str(value or "")
        try:
            return [int(part) for part in text.split(",") if part.strip()]
        except ValueError:
            return []

    def text(self, key: str) -> str:
        return str(self._settings.value(key, "") or "")

    def set_text(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)

    def sync(self) -> None:
        self._settings.sync()
