"""Plan or edit one follow-up by hand: the action, who is responsible, the deadline, its state.

Opened from the visit editor (for that visit) and from Tindak lanjut (for any visit, chosen
from a list). Saving runs ``services.follow_up.save_follow_up`` as one operation; a refusal
is shown inside the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.db import Database
from ikmdesk.services.follow_up import FollowUpInput, FollowUpRow, save_follow_up
from ikmdesk.services.report_data import ReportChoice, visit_choice, visit_choices
from ikmdesk.ui import dialogs
from ikmdesk.ui.operations import Operation, run_operation

STATE_OPEN, STATE_DONE = "open", "done"


class FollowUpDialog(QDialog):
    """A follow-up's plan and state; ``saved`` carries its id once it is stored."""

    saved = Signal(str)

    def __init__(
        self,
        database: Database,
        *,
        today: date,
        visit_id: str | None = None,
        row: FollowUpRow | None = None,
        suggested_visit_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.follow_up = row
        self.fixed_visit_id = row.visit_id if row is not None else visit_id
        self.suggested_visit_id = suggested_visit_id
        self._saving: Operation | None = None
        self.setWindowTitle(self.tr("Ubah tindak lanjut") if row else self.tr("Tindak lanjut baru"))
        self.setMinimumWidth(480)

        self.visit_combo = QComboBox()
        self.visit_combo.setEnabled(False)
        self.action_edit = QPlainTextEdit()
        self.action_edit.setTabChangesFocus(True)
        self.action_edit.setPlaceholderText(self.tr("mis. pasang kasa pada jendela ruang produksi"))
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText(self.tr("mis. pemilik IKM, petugas pendamping"))
        self.due_edit = _date_edit(today)
        self.state_combo = QComboBox()
        self.state_combo.addItem(self.tr("Belum selesai"), STATE_OPEN)
        self.state_combo.addItem(self.tr("Sudah selesai"), STATE_DONE)
        self.done_edit = _date_edit(today)
        self.done_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("mis. sudah dicek saat kunjungan berikut"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.state_combo.currentIndexChanged.connect(self._update_done_fields)

        form = QFormLayout()
        form.addRow(self.tr("Kunjungan:"), self.visit_combo)
        form.addRow(self.tr("Tindakan:"), self.action_edit)
        form.addRow(self.tr("Penanggung jawab:"), self.owner_edit)
        form.addRow(self.tr("Tenggat:"), self.due_edit)
        form.addRow(self.tr("Keadaan:"), self.state_combo)
        form.addRow(self.tr("Tanggal selesai:"), self.done_edit)
        form.addRow(self.tr("Catatan selesai:"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        if row is not None:
            self.action_edit.setPlainText(row.action)
            self.owner_edit.setText(row.owner or "")
            self.due_edit.setDate(_qdate(row.due_date))
            if row.done_on is not None:
                self.state_combo.setCurrentIndex(1)
                self.done_edit.setDate(_qdate(row.done_on))
                self.note_edit.setText(row.done_note or "")
        self._update_done_fields()
        self._load_visits()
        self.action_edit.setFocus()

    def _load_visits(self) -> None:
        fixed, suggested = self.fixed_visit_id, self.suggested_visit_id

        def work(session: Session) -> list[ReportChoice]:
            if fixed is not None:
                return [visit_choice(session, fixed)]
            choices = visit_choices(session)
            if suggested is not None and all(c.id != suggested for c in choices):
                choices.insert(0, visit_choice(session, suggested))
            return choices

        loading = Operation(work, database=self.database, parent=self)
        loading.succeeded.connect(self._on_visits_loaded)
        loading.failed.connect(lambda error: dialogs.show_error(self, error))
        loading.start()

    @Slot(object)
    def _on_visits_loaded(self, choices: list[ReportChoice]) -> None:
        self.visit_combo.clear()
        for choice in choices:
            self.visit_combo.addItem(choice.label, choice.id)
        self.visit_combo.setEnabled(self.fixed_visit_id is None and bool(choices))
        if self.suggested_visit_id is not None:
            self.visit_combo.setCurrentIndex(
                max(self.visit_combo.findData(self.suggested_visit_id), 0)
            )

    @Slot()
    def _update_done_fields(self) -> None:
        done = self.state_combo.currentData() == STATE_DONE
        self.done_edit.setEnabled(done)
        self.note_edit.setEnabled(done)

    def visit_id(self) -> str | None:
        """Return the visit the follow-up belongs to (None while the list is loading)."""
        return self.fixed_visit_id or self.visit_combo.currentData()

    @Slot()
    def save(self) -> None:
        """Store the follow-up; close on success, show the refusal and stay open otherwise."""
        visit_id = self.visit_id()
        if visit_id is None or self._saving is not None:
            return
        data = FollowUpInput(
            visit_id=visit_id,
            action=self.action_edit.toPlainText(),
            owner=self.owner_edit.text(),
            due_date=self.due_edit.date().toPython(),
        )
        done = self.state_combo.currentData() == STATE_DONE
        done_on = self.done_edit.date().toPython() if done else None
        note = self.note_edit.text() if done else None
        follow_up_id = self.follow_up.id if self.follow_up is not None else None
        self.error_label.hide()
        self.save_button.setEnabled(False)
        self._saving = run_operation(
            lambda session: save_follow_up(
                session, follow_up_id, data, done_on=done_on, done_note=note
            ),
            database=self.database,
            changes=("follow_up",),
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
            parent=self,
        )

    @Slot(object)
    def _on_saved(self, follow_up_id: str) -> None:
        self._saving = None
        self.saved.emit(follow_up_id)
        self.accept()

    @Slot(object)
    def _on_save_failed(self, error: BaseException) -> None:
        self._saving = None
        self.save_button.setEnabled(True)
        self.error_label.setText(dialogs.translate_error(error))
        self.error_label.show()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit
