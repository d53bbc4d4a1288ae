"""Choosing in a closed list (a combo box) by typing the start of an item without tones.

Qt's own search compares the letters as typed: "nu" does not find "Nữ" (and "Nam" stays
chosen), "chuyen sinh hoat di" stops at "Chuyển sinh hoạt đến". :func:`toneless_search` makes a
combo compare as the app's searches do (:func:`~doancoso.core.lang.text.fold`: no tones, no
case, đ as d). Letters typed within Qt's keyboard interval make one search, spaces included
(alone, Space still opens the list); the same letter typed again goes on to the next item
starting with it, as in Qt; items that cannot be chosen (greyed out) are passed over; a search
that starts no item finds the first item with a word starting so ("tan thanh" finds "Chi đoàn ấp
Tân Thành", in a list of names that all start "Chi đoàn ấp"); one that finds nothing leaves the
choice as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox

from ...core.lang.text import fold

_TYPING = Qt.KeyboardModifier.NoModifier | Qt.KeyboardModifier.ShiftModifier


class _TonelessSearch(QObject):
    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._combo = combo
        self._typed = ""
        self._clock = QElapsedTimer()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched is self._combo
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.modifiers() & ~_TYPING
            and event.text()
            and event.text().isprintable()
        ):
            going_on = (
                self._clock.isValid()
                and self._clock.elapsed() < QApplication.keyboardInputInterval()
            )
            if event.text() == " " and not going_on:
                return False  # Space opens the list, as in Qt
            self._typed = self._typed + event.text() if going_on else event.text()
            self._clock.start()
            self._search()
            return True
        return super().eventFilter(watched, event)

    def _search(self) -> None:
        combo = self._combo
        count = combo.count()
        typed = fold(self._typed) if self._typed.strip() else ""
        if not typed or not count:
            return
        # The same letter again ("n", "n"): the next item starting with it, as in Qt.
        repeated = len(set(self._typed)) == 1 and len(self._typed) > 1
        if repeated:
            typed = typed[0]
        current = max(combo.currentIndex(), 0)
        start = current + 1 if repeated or len(self._typed) == 1 else current
        model = combo.model()
        rows = [
            row
            for row in ((start + step) % count for step in range(count))
            if model.flags(model.index(row, combo.modelColumn())) & Qt.ItemFlag.ItemIsEnabled
        ]
        folded = {row: fold(combo.itemText(row)) for row in rows}
        found = next((row for row in rows if folded[row].startswith(typed)), None)
        if found is None and not repeated:  # a word of the item starting so
            found = next((row for row in rows if f" {typed}" in f" {folded[row]}"), None)
        if found is not None:
            combo.setCurrentIndex(found)


def toneless_search(*combos: QComboBox) -> None:
    """Let each of ``combos`` be chosen in by typing without tones (see the module docstring)."""
    for combo in combos:
        combo.installEventFilter(_TonelessSearch(combo))
