"""Qt's own strings in Vietnamese: the right-click menu of text fields, standard buttons (Yes,
No, OK, Cancel…), key names in menus ("Enter" for Return, "Delete" for Del), the scroll bars'
menu, the non-native file dialog, and the arrows of tabs that do not fit (their names, read by
a screen reader).

Qt ships no Vietnamese translation (PySide6 has no ``qtbase_vi.qm``), and a generated ``.qm``
is kept out of the repository; so a small :class:`QTranslator` answers from a table kept as data,
``resources/translations/qt_vi.json``: ``contexts[context][English source] = Vietnamese``. A
string not in the table stays English (``translate`` returns None, and Qt falls back).

To add a string, find its context and source text as Qt asks for them: install a QTranslator
whose ``translate`` prints its arguments and returns None, then open what shows the string (for
instance ``QLineEdit().createStandardContextMenu()``). The app's own strings are written in
Vietnamese in the code and never pass through here.

Key names are translated only where the English name would puzzle a Vietnamese user: "Return"
reads "Enter" (as on the key; the keypad's Enter already did), "Del" reads "Delete". Qt also
reads key sequences written as text in the translated names, so ``QKeySequence("Enter")`` now
means Return: name the keypad's Enter by ``Qt.Key.Key_Enter``, as the code does.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from ...paths import resource

log = logging.getLogger("doancoso.ui.translator")

TABLE = ("translations", "qt_vi.json")

Table = dict[str, dict[str, str]]


def read_table(path: Path | None = None) -> Table:
    """The table of ``qt_vi.json`` (by context, then English source); empty, with a warning in
    the log, when the file is missing or malformed (the app then shows Qt's English)."""
    path = path or resource(*TABLE)
    try:
        contexts = json.loads(path.read_text(encoding="utf-8"))["contexts"]
        return {
            str(context): {str(source): str(text) for source, text in strings.items()}
            for context, strings in contexts.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("Qt's Vietnamese strings not loaded from %s: %s", path, exc)
        return {}


class QtVietnamese(QTranslator):
    """A translator answering Qt's own strings from a table (see the module docstring)."""

    def __init__(self, table: Table, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table

    def translate(  # noqa: D102 (Qt's)
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self._table.get(context, {}).get(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self._table

    def language(self) -> str:
        return "vi"


def install_qt_vietnamese(app: QCoreApplication) -> QtVietnamese:
    """Install the translator of Qt's strings in ``app`` once (later calls return it)."""
    installed = app.findChild(QtVietnamese)
    if isinstance(installed, QtVietnamese):
        return installed
    translator = QtVietnamese(read_table(), app)
    app.installTranslator(translator)
    return translator
