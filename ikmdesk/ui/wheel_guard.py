"""One application-wide rule: the mouse wheel never changes a field that does not have focus.

Scrolling a long form or checklist passes over spin boxes, date fields and combo boxes; Qt lets
each of them take the wheel and change its value (a follow-up deadline moved by two weeks and was
saved). ``install_wheel_guard`` puts one event filter on the application: such a field only turns
with the wheel while it has the keyboard focus, and otherwise the wheel scrolls the nearest
scrollable area under it, as the user meant. The fields also stop taking focus from the wheel.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_GUARDED = (QAbstractSpinBox, QComboBox)
_GUARD_NAME = "ikmdeskWheelGuard"
_guarded_types: dict[type, bool] = {}


class WheelGuard(QObject):
    """Keeps wheel events away from value fields without focus; forwards them to the scroll area."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here, so the widget test comes first and is
        # a dictionary look-up: reading the event's type makes a Python enum, and the two cost
        # a tenth of the time a checklist took to build.
        kind_of_widget = type(watched)
        guarded = _guarded_types.get(kind_of_widget)
        if guarded is None:
            guarded = _guarded_types[kind_of_widget] = issubclass(kind_of_widget, _GUARDED)
        if not guarded:
            return False
        field = cast(QWidget, watched)  # a spin or combo box, as the look-up said
        kind = event.type()
        if kind == QEvent.Type.Polish:
            if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                # A wheel must not give focus, or the next notch would turn the value.
                field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel:
            return False
        if field.hasFocus():
            return False
        area = _scroll_area_around(field)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        event.accept()
        return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QComboBox):
            return parent
        parent = parent.parentWidget()
    return None


def install_wheel_guard(app: QApplication | None = None) -> None:
    """Install the guard on ``app`` (the running application by default); once per application."""
    target = app or QApplication.instance()
    if target is None or target.findChild(WheelGuard, _GUARD_NAME) is not None:
        return
    guard = WheelGuard(target)
    guard.setObjectName(_GUARD_NAME)
    target.installEventFilter(guard)
