"""The mouse wheel scrolls what the pointer is over; it changes a choice only once it has focus.

Qt lets the wheel change any combo box or spin box under the pointer, focused or not. Inside
something that scrolls (a table of column choices, a long form, a settings page), turning the
wheel to scroll the page then silently changes whichever box passes under the pointer. After
:func:`wheel_needs_focus`, such a box takes focus only by a click or Tab (``StrongFocus``,
never by the wheel) and, while it has no focus, hands wheel events to the nearest scroll area
holding it, which scrolls; once clicked or tabbed into, the wheel changes it as usual.

The event is handed on explicitly (to the scroll area's viewport, as if the pointer were over
an empty part of it) rather than left unaccepted for Qt to propagate: Qt 6 propagates only
the events of the real mouse, so the same path serves the user and the tests.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_GUARDED = "_doancoso_wheel_guard"


class _WheelGuard(QObject):
    """Keeps a wheel event over an unfocused box from the box; the nearest scroll area holding
    the box scrolls instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() != QEvent.Type.Wheel
            or not isinstance(watched, QWidget)
            or watched.hasFocus()
            or not isinstance(event, QWheelEvent)
        ):
            return False
        area = _scroll_area(watched)
        if area is None:
            event.ignore()  # nothing to scroll: the box stays as it is
            return True
        viewport = area.viewport()
        position = QPointF(watched.mapTo(viewport, event.position().toPoint()))
        passed = QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(viewport, passed)
        event.setAccepted(passed.isAccepted())
        return True


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area that holds ``widget`` in its viewport."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def wheel_needs_focus(*widgets: QWidget) -> None:
    """Make the wheel leave each of ``widgets`` (combo boxes, spin boxes, date edits) alone
    until it has focus; a widget already guarded is left as it is."""
    for widget in widgets:
        if widget.property(_GUARDED):
            continue
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_WheelGuard(widget))
        widget.setProperty(_GUARDED, True)


def wheel_needs_focus_in(container: QWidget) -> None:
    """:func:`wheel_needs_focus` for every combo box and spin box inside ``container`` now."""
    boxes: list[QWidget] = [*container.findChildren(QComboBox)]
    boxes += container.findChildren(QAbstractSpinBox)
    wheel_needs_focus(*boxes)
