"""Choosing in a list (a combo box, closed or open) by typing the start of an item without tones.

Qt's own search compares the letters as typed: "nu" does not find "Nữ" (and "Nam" stays
chosen), "chuyen sinh hoat di" stops at "Chuyển sinh hoạt đến". :func:`toneless_search` makes a
combo compare as the app's searches do (:func:`~doancoso.core.lang.text.fold`: no tones, no
case, đ as d). Letters typed within Qt's keyboard interval make one search, spaces included
(alone, Space still opens the list); a letter goes on from the item chosen (with none chosen
yet, from the first), and the same letter typed again to the next item starting with it, as in
Qt; items that cannot be chosen (greyed out) are passed over; a search that starts no item
finds the first item with a word starting so ("tan thanh" finds "Chi đoàn ấp Tân Thành", in a
list of names that all start "Chi đoàn ấp"); one that finds nothing leaves the choice as it
was.

The open list (the combo's popup, whose view has the keys while it shows) searches the same
way: it moves the highlighted row, and Enter chooses it, as a click would; Esc leaves the choice
as it was.
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
        # The open list's view, made now (view() makes the popup): asked for in eventFilter,
        # it would be made again there from the events of its making.
        self._view = combo.view()
        self._typed = ""
        self._clock = QElapsedTimer()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        view = self._view
        if (
            (watched is self._combo or watched is view)
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
            if watched is view:  # the open list: its highlighted row, Enter chooses it
                found = self._search(view.currentIndex().row())
                if found is not None:
                    index = self._combo.model().index(found, self._combo.modelColumn())
                    view.setCurrentIndex(index)
                    view.scrollTo(index)
            else:
                found = self._search(self._combo.currentIndex())
                if found is not None:
                    self._combo.setCurrentIndex(found)
            return True
        return super().eventFilter(watched, event)

    def _search(self, current: int) -> int | None:
        """The row the letters typed find, searching on from ``current`` (-1: nothing chosen),
        or None."""
        combo = self._combo
        count = combo.count()
        typed = fold(self._typed) if self._typed.strip() else ""
        if not typed or not count:
            return None
        # The same letter again ("n", "n"): the next item starting with it, as in Qt.
        repeated = len(set(self._typed)) == 1 and len(self._typed) > 1
        if repeated:
            typed = typed[0]
        # A new letter, or the same again: from the next item, as in Qt; with nothing chosen
        # yet, from the first. Letters added to a search: from the item it found.
        step = 1 if repeated or len(self._typed) == 1 else 0
        start = 0 if current < 0 else current + step
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
        return found


def toneless_search(*combos: QComboBox) -> None:
    """Let each of ``combos`` be chosen in by typing without tones (see the module docstring)."""
    for combo in combos:
        search = _TonelessSearch(combo)
        combo.installEventFilter(search)
        # After the popup's own filter on its view (made by view()): this one is asked first.
        combo.view().installEventFilter(search)
