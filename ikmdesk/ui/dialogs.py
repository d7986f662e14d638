"""Every message box and file dialog of the app, behind functions tests can replace.

Pages call these and never ``QMessageBox``/``QFileDialog`` directly, so a test does
``monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)``. Call them as
``dialogs.confirm(...)`` (module attribute), not ``from ikmdesk.ui.dialogs import confirm``,
or the patch will not reach you.

- ``confirm(parent, title, text) -> bool``: Yes/No question, No by default.
- ``inform(parent, title, text)``, ``warn(parent, title, text)``: a message to acknowledge.
- ``show_error(parent, error)``: a ``UserError`` shows its translated message; anything else
  shows a generic "unexpected error" text with the detail, and is logged with its traceback.
- ``open_file(parent, title, name_filter) -> Path | None``, ``open_files(...) -> list[Path]``,
  ``save_file(parent, title, suggested, name_filter) -> Path | None``,
  ``choose_folder(parent, title, start="") -> Path | None``. ``name_filter`` is Qt's form,
  e.g. ``"Berkas sinkronisasi (*.ikmsync)"``; None/empty means the user cancelled.
- ``translate_error(error) -> str``: the text ``show_error`` would show (for a UserError,
  ``ui.window_messages.window_message``: the window's wording, never a command-line flag).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ikmdesk.errors import UserError
from ikmdesk.ui.window_messages import window_message

log = logging.getLogger(__name__)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True only when the user chose Yes."""
    box = _message_box(parent, QMessageBox.Icon.Question, title, text)
    yes = box.addButton(QCoreApplication.translate("dialogs", "Ya"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(
        QCoreApplication.translate("dialogs", "Tidak"), QMessageBox.ButtonRole.NoRole
    )
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Show an information message and wait for the user to close it."""
    _acknowledge(parent, QMessageBox.Icon.Information, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Show a warning and wait for the user to close it."""
    _acknowledge(parent, QMessageBox.Icon.Warning, title, text)


def _message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    # Qt ships no Indonesian translation of its own buttons, so ours carry their own text.
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def _acknowledge(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    box = _message_box(parent, icon, title, text)
    box.addButton(QCoreApplication.translate("dialogs", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def translate_error(error: BaseException) -> str:
    """Return the message shown for ``error``: translated for a UserError, generic otherwise."""
    if isinstance(error, UserError):
        return window_message(error)
    return QCoreApplication.translate(
        "dialogs", "Terjadi kesalahan yang tidak terduga: {detail}"
    ).format(detail=str(error) or type(error).__name__)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show ``error`` to the user; unexpected errors are also logged with their traceback."""
    if not isinstance(error, UserError):
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    _acknowledge(
        parent,
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("dialogs", "Kesalahan"),
        translate_error(error),
    )


def open_file(parent: QWidget | None, title: str, name_filter: str, start: str = "") -> Path | None:
    """Let the user pick one existing file; None when cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, start, name_filter)
    return Path(chosen) if chosen else None


def open_files(parent: QWidget | None, title: str, name_filter: str, start: str = "") -> list[Path]:
    """Let the user pick several existing files; empty when cancelled."""
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, start, name_filter)
    return [Path(p) for p in chosen]


def save_file(parent: QWidget | None, title: str, suggested: str, name_filter: str) -> Path | None:
    """Ask where to save, starting from ``suggested`` (a file name or path); None when cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    return Path(chosen) if chosen else None


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    """Let the user pick a folder (e.g. a USB stick); None when cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, start)
    return Path(chosen) if chosen else None
