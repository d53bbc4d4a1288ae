"""The phrases offered while a remark is typed: the common ones, then the round's own remarks
(most used first), matched anywhere in the phrase with tones and case ignored ("tich cuc"
offers "Tích cực tham gia các hoạt động của chi đoàn"). Enter on a phrase chosen in the list
puts it in the remark; Enter with none chosen saves the remark as typed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCompleter, QListView

from ...core.lang.text import fold

COMMON_REMARKS: tuple[str, ...] = (
    "Tích cực tham gia các hoạt động của chi đoàn",
    "Gương mẫu, có tinh thần trách nhiệm",
    "Hoàn thành tốt nhiệm vụ được giao",
    "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
    "Có ý thức tu dưỡng, rèn luyện đạo đức, lối sống",
    "Nhiệt tình tham gia các hoạt động tình nguyện",
    "Tham gia sinh hoạt chi đoàn chưa đều",
    "Cần tích cực hơn trong sinh hoạt chi đoàn",
    "Cần khắc phục việc vắng sinh hoạt không có lý do",
)
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_LIST_WIDTH = 620


def remark_phrases(used: Iterable[str | None]) -> list[str]:
    """The common phrases, then the remarks already written in the round, most used first."""
    counts = Counter(r.strip() for r in used if r and r.strip())
    phrases = list(COMMON_REMARKS)
    seen = set(phrases)
    for remark, _ in counts.most_common():
        if remark not in seen:
            phrases.append(remark)
            seen.add(remark)
    return phrases


class RemarkCompleter(QCompleter):
    """A completer matching the folded text anywhere in each phrase, inserting the phrase."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._phrases = QStandardItemModel(self)
        self.setModel(self._phrases)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # both sides are folded
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(9)
        self.list = PhraseList()
        """The list of phrases shown (the completer's popup)."""
        self.setPopup(self.list)

    def set_phrases(self, phrases: Iterable[str]) -> None:
        self._phrases.clear()
        widest = 0
        metrics = self.list.fontMetrics()
        for phrase in phrases:
            item = QStandardItem(phrase)
            item.setData(fold(phrase), FOLDED_ROLE)
            self._phrases.appendRow(item)
            widest = max(widest, metrics.horizontalAdvance(phrase))
        # The phrases are longer than the remark column: the list is as wide as they need.
        self.list.setMinimumWidth(min(MAX_LIST_WIDTH, widest + 40))

    def phrases(self) -> list[str]:
        return [self._phrases.item(row).text() for row in range(self._phrases.rowCount())]

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt's name)
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Enter while the phrases are offered but none is chosen: the text as typed is meant,
        so the key goes to the editor (which saves it) instead of only closing the list.

        Only key events are looked at: this filter also sees the events of the list while
        it is being made, when asking the completer for its list would make another."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QAbstractItemView)
            and watched.isVisible()
            and not watched.currentIndex().isValid()
        ):
            widget = self.widget()
            if widget is not None:
                watched.hide()
                QApplication.sendEvent(widget, event)
                return True
        return super().eventFilter(watched, event)


class PhraseList(QListView):
    """The list of phrases: wider than the remark column at the right of the grid, it is
    moved left to stay on the screen when it shows."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._keep_on_screen()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        area, frame = self.screen().availableGeometry(), self.geometry()
        width = max(frame.width(), self.minimumWidth())
        if frame.x() + width - 1 > area.right():
            self.move(max(area.left(), area.right() + 1 - width), frame.y())
