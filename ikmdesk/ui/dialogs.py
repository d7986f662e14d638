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
- ``ask_unsaved(parent, title, text) -> str``: Simpan / Buang / Batal for unsaved edits
  (``UNSAVED_SAVE``, ``UNSAVED_DISCARD``, ``UNSAVED_CANCEL``).

File dialogs open at ``start`` when given, else at the folder used last, else at Documents.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
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


UNSAVED_SAVE, UNSAVED_DISCARD, UNSAVED_CANCEL = "save", "discard", "cancel"
LAST_FOLDER_KEY = "dialogs/last_folder"


def ask_unsaved(parent: QWidget | None, title: str, text: str) -> str:
    """Ask what to do with unsaved edits: UNSAVED_SAVE, UNSAVED_DISCARD or UNSAVED_CANCEL."""
    box = _message_box(parent, QMessageBox.Icon.Question, title, text)
    save = box.addButton(
        QCoreApplication.translate("dialogs", "Simpan"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("dialogs", "Buang"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(
        QCoreApplication.translate("dialogs", "Batal"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return UNSAVED_SAVE
    if clicked is discard:
        return UNSAVED_DISCARD
    return UNSAVED_CANCEL


def start_folder(start: str = "") -> str:
    """Return where a file dialog opens: ``start``, else the last folder used, else Documents."""
    if start:
        return start
    from ikmdesk.ui.translations import app_settings

    last = str(app_settings().value(LAST_FOLDER_KEY, "") or "")
    if last and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember_folder(path: Path) -> None:
    """Keep the folder of ``path`` (or ``path`` itself, a folder) for the next file dialog."""
    from ikmdesk.ui.translations import app_settings

    folder = path if path.is_dir() else path.parent
    app_settings().setValue(LAST_FOLDER_KEY, str(folder))


def _file_dialog(
    parent: QWidget | None, title: str, start: str, name_filter: str, mode: QFileDialog.FileMode
) -> QFileDialog:
    # Qt ships no Indonesian translation of its file dialog, so its main texts carry ours.
    dialog = QFileDialog(parent, title, start, name_filter)
    dialog.setFileMode(mode)
    labels = {
        QFileDialog.DialogLabel.LookIn: QCoreApplication.translate("dialogs", "Lihat di:"),
        QFileDialog.DialogLabel.FileName: QCoreApplication.translate("dialogs", "Nama berkas:"),
        QFileDialog.DialogLabel.FileType: QCoreApplication.translate("dialogs", "Jenis berkas:"),
        QFileDialog.DialogLabel.Reject: QCoreApplication.translate("dialogs", "Batal"),
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    return dialog


def _run_file_dialog(dialog: QFileDialog, accept_text: str) -> list[Path]:
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, accept_text)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    chosen = [Path(p) for p in dialog.selectedFiles() if p]
    if chosen:
        remember_folder(chosen[0])
    return chosen


def open_file(parent: QWidget | None, title: str, name_filter: str, start: str = "") -> Path | None:
    """Let the user pick one existing file; None when cancelled."""
    dialog = _file_dialog(
        parent, title, start_folder(start), name_filter, QFileDialog.FileMode.ExistingFile
    )
    chosen = _run_file_dialog(dialog, QCoreApplication.translate("dialogs", "Buka"))
    return chosen[0] if chosen else None


def open_files(parent: QWidget | None, title: str, name_filter: str, start: str = "") -> list[Path]:
    """Let the user pick several existing files; empty when cancelled."""
    dialog = _file_dialog(
        parent, title, start_folder(start), name_filter, QFileDialog.FileMode.ExistingFiles
    )
    return _run_file_dialog(dialog, QCoreApplication.translate("dialogs", "Buka"))


def save_file(parent: QWidget | None, title: str, suggested: str, name_filter: str) -> Path | None:
    """Ask where to save, starting from ``suggested`` (a file name or path); None when cancelled."""
    suggested_path = Path(suggested) if suggested else Path()
    if suggested and not suggested_path.is_absolute() and suggested_path.parent == Path():
        suggested = str(Path(start_folder()) / suggested_path)  # a bare name: in the last folder
    dialog = _file_dialog(
        parent, title, suggested or start_folder(), name_filter, QFileDialog.FileMode.AnyFile
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    chosen = _run_file_dialog(dialog, QCoreApplication.translate("dialogs", "Simpan"))
    return chosen[0] if chosen else None


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    """Let the user pick a folder (e.g. a USB stick); None when cancelled."""
    dialog = _file_dialog(parent, title, start_folder(start), "", QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run_file_dialog(dialog, QCoreApplication.translate("dialogs", "Pilih"))
    return chosen[0] if chosen else None
