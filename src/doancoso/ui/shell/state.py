"""Window state (geometry, splitter, column widths) in ``ui-state.ini`` inside the data folder.

Kept apart from preferences and never in the registry or the home folder: in portable mode the
app writes nothing outside its data folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

STATE_FILE = "ui-state.ini"
MAX_WIDTH = 4000
"""The widest column the state file may give (pixels): wider is damage, and Qt's own limit is
2^31 - 1, beyond which asking for it raises."""


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

    def widths(self, key: str) -> list[int]:
        """A list of column widths ("" or garbage gives []; a width out of 1..MAX_WIDTH reads 0,
        which leaves that column as it is and the others in their places)."""
        value = self._settings.value(key, "")
        text = ",".join(str(v) for v in value) if isinstance(value, list) else str(value or "")
        try:
            widths = [int(part) for part in text.split(",") if part.strip()]
        except ValueError:
            return []
        return [w if 0 < w <= MAX_WIDTH else 0 for w in widths]

    def set_widths(self, key: str, widths: list[int]) -> None:
        self._settings.setValue(key, ",".join(str(w) for w in widths))

    def text(self, key: str) -> str:
        return str(self._settings.value(key, "") or "")

    def set_text(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)

    def sync(self) -> None:
        self._settings.sync()
