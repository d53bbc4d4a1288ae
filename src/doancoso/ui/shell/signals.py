"""The application-wide "data changed" signal, passed to every page by its constructor."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

MEMBERS = "members"
BRANCHES = "branches"
ORGANIZATION = "organization"
YOUTH = "youth"


class DataChanged(QObject):
    """Emitted after every write: ``changed`` names what changed (see the constants above).

    Each view decides whether the change concerns it and refreshes itself. A change of
    members (added, edited, deleted, moved between chi đoàn) is announced as ``members`` only:
    views showing member counts per chi đoàn listen to it too. ``branches`` means the chi
    đoàn themselves changed (created, renamed, merged, deleted). ``youth`` is the youth register.
    ``organization`` means the organisation's settings changed, its coming-of-age age among
    them: views counting members who come of age (statistics) listen to it too.
    """

    changed = Signal(str)

    def notify(self, *what: str) -> None:
        """Emit ``changed`` once for each name in ``what``."""
        for name in what:
            self.changed.emit(name)
