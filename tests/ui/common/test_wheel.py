"""The wheel scrolls past combo boxes and spin boxes that have no focus, and changes them once
they have it (ui.common.wheel)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from doancoso.ui.common.wheel import wheel_needs_focus_in

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen only


def wheel(widget: QWidget) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_unfocused_boxes_pass_the_wheel_to_the_scroll_area(qtbot: QtBot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    content = QWidget()
    layout = QVBoxLayout(content)
    combo, spin = QComboBox(), QSpinBox()
    combo.addItems(["một", "hai", "ba"])
    spin.setValue(5)
    layout.addWidget(combo)
    layout.addWidget(spin)
    layout.addSpacing(2000)
    area.setWidget(content)
    area.resize(300, 200)
    wheel_needs_focus_in(area)
    area.show()
    qtbot.waitExposed(area)
    for box in (combo, spin):
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus
    scrollbar = area.verticalScrollBar()
    wheel(combo)
    assert combo.currentIndex() == 0 and scrollbar.value() > 0
    scrollbar.setValue(0)
    wheel(spin)
    assert spin.value() == 5 and scrollbar.value() > 0


def test_a_focused_box_still_follows_the_wheel(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QVBoxLayout(widget)
    combo = QComboBox()
    combo.addItems(["một", "hai", "ba"])
    layout.addWidget(combo)
    wheel_needs_focus_in(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)
    assert combo.currentIndex() == 1
