"""The package passphrase: chosen (typed twice, at least MIN_PASSPHRASE_LENGTH) or entered.

``PassphraseDialog(parent, file_name=..., choose=True)`` is for an export: OK stays disabled
until both fields match and are long enough, and a line under them says what is missing.
With ``choose=False`` it is for an import: one field, and ``wrong=True`` says the last try
did not open the package, so the user can try again or cancel. ``passphrase()`` returns what
was typed once the dialog was accepted.

The fields' right-click menu is the dialog's own (``edit_menu``), in the window's language: Qt's
menu is English because PySide6 ships no Indonesian Qt translation. As in Qt's, a hidden
passphrase cannot be cut or copied.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.services.sync_exchange import MIN_PASSPHRASE_LENGTH

_ERROR_STYLE = "color: #b71c1c;"


class PassphraseDialog(QDialog):
    """Asks for the passphrase that locks (export) or opens (import) one package."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        file_name: str,
        choose: bool,
        wrong: bool = False,
    ) -> None:
        super().__init__(parent)
        self.choose = choose
        self.setWindowTitle(self.tr("Kata sandi paket"))
        self.setMinimumWidth(460)
        if choose:
            intro = self.tr(
                "Kunci {file} dengan kata sandi, karena kunci kepala seksi belum dikenal di "
                "perangkat ini. Beri tahu kata sandinya kepada kepala seksi secara langsung, "
                "jangan ditulis di flashdisk."
            ).format(file=file_name)
        else:
            intro = self.tr("{file} dikunci dengan kata sandi. Masukkan kata sandinya.").format(
                file=file_name
            )
        self.intro_label = QLabel(intro)
        self.intro_label.setWordWrap(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            edit.customContextMenuRequested.connect(
                lambda pos, e=edit: self._on_edit_menu_requested(e, pos)
            )
        self.show_check = QCheckBox(self.tr("Tampilkan kata sandi"))
        self.show_check.toggled.connect(self._on_show_check_toggled)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.error_label = QLabel(self.tr("Kata sandi salah. Coba lagi, atau pilih Batal."))
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setVisible(wrong)

        form = QFormLayout()
        form.addRow(self.tr("&Kata sandi:"), self.passphrase_edit)
        if choose:
            form.addRow(self.tr("&Ulangi kata sandi:"), self.repeat_edit)
        else:
            self.repeat_edit.hide()
        form.addRow("", self.show_check)

        self.buttons = QDialogButtonBox()
        self.ok_button: QPushButton = self.buttons.addButton(
            self.tr("Kunci dan ekspor") if choose else self.tr("Buka dan impor"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.error_label)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)

        self.passphrase_edit.textChanged.connect(self._on_text_changed)
        self.repeat_edit.textChanged.connect(self._on_text_changed)
        self._on_text_changed()
        self.passphrase_edit.setFocus()

    def edit_menu(self, edit: QLineEdit) -> QMenu:
        """Return the right-click menu of a passphrase field, worded in the window's language."""
        menu = QMenu(edit)
        hidden = edit.echoMode() != QLineEdit.EchoMode.Normal
        selected = edit.hasSelectedText()
        keys = QKeySequence.StandardKey
        entries = (
            (self.tr("&Urungkan"), keys.Undo, edit.undo, edit.isUndoAvailable()),
            (self.tr("U&lang"), keys.Redo, edit.redo, edit.isRedoAvailable()),
            None,
            (self.tr("Po&tong"), keys.Cut, edit.cut, selected and not hidden),
            (self.tr("&Salin"), keys.Copy, edit.copy, selected and not hidden),
            (self.tr("T&empel"), keys.Paste, edit.paste, bool(QGuiApplication.clipboard().text())),
            (self.tr("&Hapus"), None, edit.del_, selected),
            None,
            (self.tr("Pilih se&mua"), keys.SelectAll, edit.selectAll, bool(edit.text())),
        )
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            text, key, slot, enabled = entry
            action = menu.addAction(text)
            if key is not None:
                action.setShortcut(QKeySequence(key))
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False, run=slot: run())
        return menu

    @Slot()
    def _on_edit_menu_requested(self, edit: QLineEdit, pos: QPoint) -> None:
        menu = self.edit_menu(edit)
        menu.exec(edit.mapToGlobal(pos))
        menu.deleteLater()

    def passphrase(self) -> str:
        """Return the passphrase typed (meaningful once the dialog was accepted)."""
        return self.passphrase_edit.text()

    def problem(self) -> str:
        """Return what keeps the passphrase from being used, or "" when it can be."""
        text = self.passphrase_edit.text()
        if not text:
            return self.tr("Ketik kata sandinya.") if not self.choose else self._length_hint()
        if not self.choose:
            return ""
        if len(text) < MIN_PASSPHRASE_LENGTH:
            return self._length_hint()
        if self.repeat_edit.text() != text:
            return self.tr("Ketik kata sandi yang sama sekali lagi di isian kedua.")
        return ""

    def _length_hint(self) -> str:
        return self.tr(
            "Paling sedikit {minimum} karakter; beberapa kata lebih mudah diingat."
        ).format(minimum=MIN_PASSPHRASE_LENGTH)

    def accept(self) -> None:
        if self.problem():
            return  # Enter in a field must not get past the rule the disabled button keeps
        super().accept()

    @Slot()
    def _on_text_changed(self) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(not problem)
        self.hint_label.setText(problem)
        self.hint_label.setVisible(bool(problem) and self.choose)

    @Slot(bool)
    def _on_show_check_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)
