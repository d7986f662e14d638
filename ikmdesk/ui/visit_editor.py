"""The visit editor: the visit report, its quality checks, photos, follow-ups and review.

Saving writes the visit and the answers of every check touched since the last save in one
unit of work, so a refused answer leaves nothing half-saved. While the officer types, the
whole editor state goes to a recovery file every few seconds (``services.editor_recovery``);
the page offers it back after a crash. Submitted and approved visits are shown read-only; a
supervisor device approves or returns submitted ones, and amends approved ones.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ikmdesk.db import Database
from ikmdesk.errors import FileWriteError, UserError, ValidationError
from ikmdesk.models.enums import DeviceRole, VisitPurpose, VisitStatus
from ikmdesk.services import editor_recovery
from ikmdesk.services.device import this_device
from ikmdesk.services.enterprise import EnterpriseFilter, get_enterprise, list_enterprises
from ikmdesk.services.follow_up import FollowUpFilter, FollowUpRow, list_follow_ups
from ikmdesk.services.product import list_products
from ikmdesk.services.quality_check import (
    AnswerInput,
    CheckDetail,
    CheckSummary,
    available_templates,
    checks_for_visit,
    get_check,
    missing_finding_fields,
    remove_check,
    save_answers,
    start_check,
)
from ikmdesk.services.visit import (
    VisitDetail,
    VisitInput,
    create_visit,
    get_visit,
    submit_visit,
    update_visit,
)
from ikmdesk.services.visit_review import (
    ReviewEvent,
    approve_visit,
    is_editable,
    return_visit,
    review_history,
    start_amendment,
)
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import FOLLOW_UP, QUALITY_CHECK, VISIT
from ikmdesk.ui.checklist_widget import ChecklistWidget, answer_from_json, answer_to_json
from ikmdesk.ui.date_field import DateField
from ikmdesk.ui.editor_keys import escape_closes, saved_label, saved_text
from ikmdesk.ui.enterprise_editor import open_report_preview, report_preview_available
from ikmdesk.ui.field_error import mark_field_error
from ikmdesk.ui.follow_up_dialog import FollowUpDialog
from ikmdesk.ui.follow_up_model import state_label
from ikmdesk.ui.guidance_link import link_guidance
from ikmdesk.ui.handout_print import open_handout_preview
from ikmdesk.ui.operations import run_operation
from ikmdesk.ui.paged_table_model import format_date
from ikmdesk.ui.photo_widget import PhotoWidget
from ikmdesk.ui.translated_widget import TranslatedWidget
from ikmdesk.ui.translations import current_language
from ikmdesk.ui.unsaved_guard import leave_with_guard
from ikmdesk.ui.validation_style import (
    STYLE_SHEET,
    FieldRow,
    mark_problems,
    required_label,
    required_note,
)
from ikmdesk.ui.visit_model import VISIT_PURPOSE_LABELS, visit_status_text

AUTOSAVE_MS = 5000
ENTERPRISE_SEARCH_MS = 250
ENTERPRISE_CHOICES = 50
RECOVERY_KIND = "visit"
_SAVE_CHANGES = (VISIT, QUALITY_CHECK, FOLLOW_UP)


class VisitEditor(TranslatedWidget):
    """Edits one visit: report fields, checks, photos; submits it; reviews it on a supervisor."""

    saved = Signal(str)
    """The visit with this id was saved (or submitted, approved, returned, amended)."""
    page_requested = Signal(str)
    """The user asked for another page by name (e.g. "sinkronisasi" after submitting)."""
    close_requested = Signal()
    """The user asked to go back to the list (unsaved changes were already dealt with)."""

    TAB_VISIT, TAB_QUALITY, TAB_PHOTOS, TAB_FOLLOW_UPS, TAB_REVIEW = range(5)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._detail: VisitDetail | None = None
        self._baseline: dict[str, Any] = {}
        self._new_key = str(uuid.uuid4())
        self._check: CheckDetail | None = None
        self._pending: dict[str, dict[str, AnswerInput]] = {}
        self._check_baseline: dict[str, AnswerInput] = {}
        self._busy = False
        with database.unit_of_work() as session:
            me = this_device(session)
        self._role = me.role
        self._officer_name = me.officer_name
        self.setStyleSheet(STYLE_SHEET)

        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.status_label = QLabel()
        self.status_label.setObjectName("visitStatus")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._visit_tab(), "")
        self.tabs.addTab(self._quality_tab(), "")
        self.photo_widget = PhotoWidget(database)
        self.tabs.addTab(self.photo_widget, "")
        self.tabs.addTab(self._follow_up_tab(), "")
        self.tabs.addTab(self._review_tab(), "")

        self.back_button = QPushButton()
        self.print_button = QPushButton()
        self.print_button.setVisible(report_preview_available())
        self.handout_button = QPushButton()
        self.handout_button.setVisible(report_preview_available())
        self.save_button = QPushButton()
        self.submit_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.handout_button)
        self.saved_label = saved_label()
        buttons.addWidget(self.saved_label)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.enterprise_timer = QTimer(self)
        self.enterprise_timer.setSingleShot(True)
        self.enterprise_timer.setInterval(ENTERPRISE_SEARCH_MS)

        self.autosave_timer.timeout.connect(self.write_recovery)
        self.enterprise_timer.timeout.connect(self._on_enterprise_timer_timeout)
        self.enterprise_search.textEdited.connect(lambda _text: self.enterprise_timer.start())
        self.enterprise_combo.currentIndexChanged.connect(self._on_enterprise_combo_changed)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.submit_button.clicked.connect(self._on_submit_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.handout_button.clicked.connect(self._on_handout_button_clicked)
        self.check_combo.currentIndexChanged.connect(self._on_check_combo_changed)
        self.start_check_button.clicked.connect(self._on_start_check_button_clicked)
        self.remove_check_button.clicked.connect(self._on_remove_check_button_clicked)
        self.photo_widget.photos_changed.connect(self._on_photo_widget_photos_changed)
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.return_button.clicked.connect(self._on_return_button_clicked)
        self.amend_button.clicked.connect(self._on_amend_button_clicked)
        self.companions_edit.returnPressed.connect(self._on_save_button_clicked)
        self.date_edit.line_edit.returnPressed.connect(self._on_save_button_clicked)
        escape_closes(self, self._on_back_button_clicked)
        self.retranslate_ui()
        self.new_visit()

    def _visit_tab(self) -> QWidget:
        self.enterprise_search = QLineEdit()
        self.enterprise_combo = QComboBox()
        self.enterprise_combo.setMinimumWidth(260)
        enterprise_box = QWidget()
        enterprise_layout = QHBoxLayout(enterprise_box)
        enterprise_layout.setContentsMargins(0, 0, 0, 0)
        enterprise_layout.addWidget(self.enterprise_search, 1)
        enterprise_layout.addWidget(self.enterprise_combo, 2)
        self.date_edit = DateField(required=True)
        self.purpose_combo = QComboBox()
        self.officer_label = QLabel()
        self.companions_edit = QLineEdit()
        self.activities_edit = QPlainTextEdit()
        self.findings_edit = QPlainTextEdit()
        self.recommendations_edit = QPlainTextEdit()
        for edit in (self.activities_edit, self.findings_edit, self.recommendations_edit):
            edit.setMinimumHeight(70)
        self.enterprise_row = FieldRow(enterprise_box, required=True)
        self.rows: dict[str, FieldRow] = {
            "enterprise_id": self.enterprise_row,
            "visit_date": FieldRow(self.date_edit, required=True),
            "purpose": FieldRow(self.purpose_combo, required=True),
            "companions": FieldRow(self.companions_edit),
            "activities": FieldRow(self.activities_edit),
            "findings": FieldRow(self.findings_edit),
            "recommendations": FieldRow(self.recommendations_edit),
        }
        self.enterprise_combo.currentIndexChanged.connect(self.enterprise_row.clear)
        self._labels = {name: QLabel() for name in (*self.rows, "officer")}
        self.required_note_label = QLabel()
        form = QFormLayout()
        form.setHorizontalSpacing(12)  # labels do not touch their fields
        form.addRow(self.required_note_label)
        for name in ("enterprise_id", "visit_date", "purpose"):
            form.addRow(self._labels[name], self.rows[name])
        form.addRow(self._labels["officer"], self.officer_label)
        for name in ("companions", "activities", "findings", "recommendations"):
            form.addRow(self._labels[name], self.rows[name])
        tab = QWidget()
        tab.setLayout(form)
        return tab

    def _quality_tab(self) -> QWidget:
        self.check_combo = QComboBox()
        self.check_combo.setMinimumWidth(260)
        self.template_combo = QComboBox()
        self.product_combo = QComboBox()
        self.start_check_button = QPushButton()
        self.remove_check_button = QPushButton()
        self.checks_label = QLabel()
        self.new_check_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.checks_label)
        top.addWidget(self.check_combo, 1)
        top.addWidget(self.remove_check_button)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_check_label)
        new_row.addWidget(self.template_combo, 1)
        new_row.addWidget(self.product_combo, 1)
        new_row.addWidget(self.start_check_button)
        self.checklist = ChecklistWidget()
        link_guidance(self.checklist, self._database, self)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addLayout(new_row)
        layout.addWidget(self.checklist, 1)
        return tab

    def _follow_up_tab(self) -> QWidget:
        self.follow_up_table = QTableWidget(0, 4)
        self.follow_up_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.follow_up_table.verticalHeader().hide()
        header = self.follow_up_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.follow_up_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.follow_up_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.follow_up_table.doubleClicked.connect(self.edit_selected_follow_up)
        self.follow_up_table.itemSelectionChanged.connect(self._update_follow_up_buttons)
        self.follow_up_hint = QLabel()
        self.follow_up_hint.setWordWrap(True)
        self.add_follow_up_button = QPushButton()
        self.add_follow_up_button.clicked.connect(self.add_follow_up)
        self.edit_follow_up_button = QPushButton()
        self.edit_follow_up_button.clicked.connect(self.edit_selected_follow_up)
        self.follow_up_dialog: FollowUpDialog | None = None
        self._follow_up_rows: list[FollowUpRow] = []
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_follow_up_button)
        buttons.addWidget(self.edit_follow_up_button)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.follow_up_hint)
        layout.addWidget(self.follow_up_table, 1)
        layout.addLayout(buttons)
        return tab

    @Slot()
    def add_follow_up(self) -> None:
        """Open the dialog for a new follow-up of this visit (any status: work goes on)."""
        if self.visit_id is not None:
            self._open_follow_up_dialog(None)

    @Slot()
    def edit_selected_follow_up(self) -> None:
        """Open the dialog on the selected follow-up."""
        rows = self.follow_up_table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self._follow_up_rows):
            self._open_follow_up_dialog(self._follow_up_rows[rows[0].row()])

    def _open_follow_up_dialog(self, row: FollowUpRow | None) -> None:
        dialog = FollowUpDialog(
            self._database, today=date.today(), visit_id=self.visit_id, row=row, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _id: self._refresh_related())
        dialog.finished.connect(self._on_follow_up_dialog_finished)
        self.follow_up_dialog = dialog
        dialog.open()

    @Slot()
    def _on_follow_up_dialog_finished(self) -> None:
        self.follow_up_dialog = None

    @Slot()
    def _update_follow_up_buttons(self) -> None:
        self.add_follow_up_button.setEnabled(self.visit_id is not None)
        self.edit_follow_up_button.setEnabled(
            bool(self.follow_up_table.selectionModel().selectedRows())
        )

    def _review_tab(self) -> QWidget:
        self.review_state_label = QLabel()
        self.review_state_label.setWordWrap(True)
        self.history_table = QTableWidget(0, 5)
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.verticalHeader().hide()
        history_header = self.history_table.horizontalHeader()
        history_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history_header.setStretchLastSection(True)
        self.review_comment_edit = QPlainTextEdit()
        self.review_comment_edit.setMaximumHeight(80)
        self.review_comment_row = FieldRow(self.review_comment_edit)
        self.approve_button = QPushButton()
        self.return_button = QPushButton()
        self.amend_button = QPushButton()
        self.review_comment_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.amend_button)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.review_state_label)
        layout.addWidget(self.history_table, 1)
        layout.addWidget(self.review_comment_label)
        layout.addWidget(self.review_comment_row)
        layout.addLayout(buttons)
        return tab

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        labels = {
            "enterprise_id": self.tr("IKM"),
            "visit_date": self.tr("Tanggal"),
            "purpose": self.tr("Tujuan"),
            "officer": self.tr("Petugas"),
            "companions": self.tr("Petugas pendamping"),
            "activities": self.tr("Kegiatan"),
            "findings": self.tr("Temuan"),
            "recommendations": self.tr("Rekomendasi"),
        }
        for name, text in labels.items():
            row = self.rows.get(name)
            self._labels[name].setText(required_label(text) if row and row.required else text)
        self.required_note_label.setText(required_note())
        self.enterprise_search.setPlaceholderText(self.tr("Ketik nama IKM untuk mencari…"))
        self.companions_edit.setPlaceholderText(self.tr("Nama petugas lain yang ikut, bila ada"))
        self.purpose_combo.blockSignals(True)
        current = self.purpose_combo.currentData()
        self.purpose_combo.clear()
        for purpose in VisitPurpose:
            self.purpose_combo.addItem(
                _translate_visit_label(VISIT_PURPOSE_LABELS[purpose.value]), purpose.value
            )
        self.purpose_combo.setCurrentIndex(max(0, self.purpose_combo.findData(current)))
        self.purpose_combo.blockSignals(False)
        self.tabs.setTabText(self.TAB_VISIT, self.tr("Kunjungan"))
        self.tabs.setTabText(self.TAB_QUALITY, self.tr("Pemeriksaan mutu"))
        self.tabs.setTabText(self.TAB_PHOTOS, self.tr("Foto"))
        self.tabs.setTabText(self.TAB_FOLLOW_UPS, self.tr("Tindak lanjut"))
        self.tabs.setTabText(self.TAB_REVIEW, self.tr("Tinjauan"))
        self.checks_label.setText(self.tr("Pemeriksaan:"))
        self.new_check_label.setText(self.tr("Baru:"))
        self.start_check_button.setText(self.tr("Mulai pemeriksaan"))
        self.remove_check_button.setText(self.tr("Hapus pemeriksaan"))
        self.follow_up_hint.setText(
            self.tr(
                "Tindak lanjut dibuat dari temuan pemeriksaan yang diberi tindakan perbaikan "
                "dan batas waktu, atau ditambahkan sendiri di sini, juga setelah laporan "
                "disetujui (laporan yang disetujui tetap mencetak keadaan saat disetujui)."
            )
        )
        self.add_follow_up_button.setText(self.tr("&Tambah tindak lanjut…"))
        self.edit_follow_up_button.setText(self.tr("&Ubah…"))
        self.follow_up_table.setHorizontalHeaderLabels(
            [
                self.tr("Tindakan"),
                self.tr("Batas waktu"),
                self.tr("Penanggung jawab"),
                self.tr("Keadaan"),
            ]
        )
        self.history_table.setHorizontalHeaderLabels(
            [
                self.tr("Waktu"),
                self.tr("Oleh"),
                self.tr("Status"),
                self.tr("Revisi"),
                self.tr("Catatan"),
            ]
        )
        self.review_comment_label.setText(self.tr("Catatan tinjauan untuk petugas"))
        self.approve_button.setText(self.tr("Setujui"))
        self.return_button.setText(self.tr("Kembalikan untuk diperbaiki"))
        self.amend_button.setText(self.tr("Ubah (amandemen)"))
        self.back_button.setText(self.tr("Kembali ke daftar"))
        self.print_button.setText(self.tr("Cetak laporan"))
        self.handout_button.setText(self.tr("Lembar untuk IKM"))
        self.handout_button.setToolTip(self.tr("Cetak Lembar Pendampingan untuk disimpan IKM"))
        self.save_button.setText(self.tr("Simpan draf"))
        self.submit_button.setText(self.tr("Kirim ke atasan"))
        self._update_header()

    @property
    def visit_id(self) -> str | None:
        """Return the id of the visit shown (None while a new one is not saved yet)."""
        return None if self._detail is None else self._detail.id

    @property
    def detail(self) -> VisitDetail | None:
        """Return the visit as last read from the database."""
        return self._detail

    @property
    def editable(self) -> bool:
        """Return whether the officer may change the visit shown."""
        return self._detail is None or is_editable(self._detail.status)

    @property
    def recovery_key(self) -> str:
        """Return the key this editor's recovery file is written under."""
        return f"{RECOVERY_KIND}:{self.visit_id or self._new_key}"

    def new_visit(self, enterprise_id: str | None = None) -> None:
        """Show an empty visit, for ``enterprise_id`` when given, dated today."""
        self.saved_label.clear()
        self._detail = None
        self._new_key = str(uuid.uuid4())
        self._pending = {}
        self._check = None
        self._fill_enterprise_choices("", selected=enterprise_id)
        self.date_edit.set_value(date.today())
        self.purpose_combo.setCurrentIndex(0)
        for edit in (self.companions_edit,):
            edit.clear()
        for text_edit in (self.activities_edit, self.findings_edit, self.recommendations_edit):
            text_edit.clear()
        self.officer_label.setText(self._officer_name)
        self._after_load()
        self.tabs.setCurrentIndex(self.TAB_VISIT)

    def load(self, visit_id: str, *, check_id: str | None = None) -> None:
        """Show the visit with ``visit_id`` (read now; NotFoundError if it is gone)."""
        with self._database.unit_of_work() as session:
            detail = get_visit(session, visit_id)
        self._detail = detail
        self._pending = {}
        self._check = None
        self._fill_enterprise_choices("", selected=detail.enterprise_id)
        self.date_edit.set_value(detail.visit_date)
        self.purpose_combo.setCurrentIndex(max(0, self.purpose_combo.findData(detail.purpose)))
        self.companions_edit.setText(detail.companions or "")
        self.activities_edit.setPlainText(detail.activities or "")
        self.findings_edit.setPlainText(detail.findings or "")
        self.recommendations_edit.setPlainText(detail.recommendations or "")
        self.officer_label.setText(detail.officer_name)
        self._after_load(check_id)

    def _after_load(self, check_id: str | None = None) -> None:
        for row in self.rows.values():
            row.clear()
        self._baseline = self._form_state()
        self._refresh_checks(select=check_id)
        self._refresh_related()
        self._apply_lock()
        self._update_header()
        self.autosave_timer.start()

    def reload_if_unchanged(self) -> None:
        """Read the shown visit again unless the user is editing it or a save is running."""
        visit_id = self.visit_id
        if visit_id is None or self._busy or self.has_unsaved_changes():
            return
        # A visit removed elsewhere stays on screen; the list shows the truth on going back.
        with contextlib.suppress(UserError):
            self.load(visit_id, check_id=None if self._check is None else self._check.id)

    def has_unsaved_changes(self) -> bool:
        """Return whether the report or any check's answers hold edits not saved yet."""
        return self._form_state() != self._baseline or bool(self._dirty_answers())

    def confirm_discard(self) -> bool:
        """Return True when nothing is unsaved or the user throws it away (Simpan: save, stay)."""
        left: list[bool] = []
        self._guard(save=lambda _after: self.save(), then=lambda: left.append(True))
        return bool(left)

    def leave_with_guard(self, then: Callable[[], object]) -> None:
        """Run ``then`` once unsaved edits are saved or thrown away (Simpan / Buang / Batal)."""
        self._guard(save=lambda after: self.save(then=after), then=then)

    def _guard(
        self, *, save: Callable[[Callable[[], object]], object], then: Callable[[], object]
    ) -> None:
        leave_with_guard(
            self,
            unsaved=self.has_unsaved_changes(),
            question=self.tr("Kunjungan ini berubah dan belum disimpan. Simpan perubahan itu?"),
            save=save,
            discard=self._discard_edits,
            then=then,
        )

    def _discard_edits(self) -> None:
        editor_recovery.discard_draft(self.recovery_key)
        self._pending = {}
        self._baseline = self._form_state()
        self._check_baseline = self.checklist.all_answers()
        return True

    def form_input(self) -> VisitInput:
        """Return the report fields as service input."""
        return VisitInput(
            enterprise_id=self.enterprise_combo.currentData() or "",
            visit_date=self.date_edit.value(),  # type: ignore[arg-type]  # None: refused
            purpose=self.purpose_combo.currentData() or VisitPurpose.MENTORING.value,
            companions=self.companions_edit.text(),
            activities=self.activities_edit.toPlainText(),
            findings=self.findings_edit.toPlainText(),
            recommendations=self.recommendations_edit.toPlainText(),
        )

    def state(self) -> dict[str, Any]:
        """Return everything typed in the editor, JSON-ready, for the recovery file."""
        answers = self._dirty_answers()
        data = self.form_input()
        return {
            "visit_id": self.visit_id,
            "enterprise_id": data.enterprise_id,
            "visit_date": None if data.visit_date is None else data.visit_date.isoformat(),
            "purpose": data.purpose,
            "companions": data.companions,
            "activities": data.activities,
            "findings": data.findings,
            "recommendations": data.recommendations,
            "check_id": None if self._check is None else self._check.id,
            "answers": {
                check_id: {item: answer_to_json(a) for item, a in items.items()}
                for check_id, items in answers.items()
            },
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        """Open the visit of a recovery ``state`` and put its unsaved edits back in the form."""
        visit_id = state.get("visit_id")
        if visit_id:
            self.load(str(visit_id))
        else:
            self.new_visit(state.get("enterprise_id") or None)
        self._select_enterprise(state.get("enterprise_id") or None)
        visit_date = state.get("visit_date")
        if visit_date:
            self.date_edit.set_value(date.fromisoformat(visit_date))
        self.purpose_combo.setCurrentIndex(
            max(0, self.purpose_combo.findData(state.get("purpose")))
        )
        self.companions_edit.setText(state.get("companions") or "")
        self.activities_edit.setPlainText(state.get("activities") or "")
        self.findings_edit.setPlainText(state.get("findings") or "")
        self.recommendations_edit.setPlainText(state.get("recommendations") or "")
        self._pending = {
            check_id: {item: answer_from_json(a) for item, a in items.items()}
            for check_id, items in (state.get("answers") or {}).items()
        }
        check_id = state.get("check_id")
        if check_id:
            self._show_check(str(check_id))

    @Slot()
    def write_recovery(self) -> None:
        """Write the editor state to its recovery file when it holds unsaved edits."""
        if not self.isVisible() or not self.editable or not self.has_unsaved_changes():
            return
        # A full disk must not interrupt typing; the next tick tries again.
        with contextlib.suppress(OSError, FileWriteError):
            editor_recovery.save_draft(
                key=self.recovery_key,
                kind=RECOVERY_KIND,
                record_id=self.visit_id,
                database_path=self._database.path,
                state=self.state(),
            )

    @Slot()
    def _on_save_button_clicked(self) -> None:
        self.save()

    def save(self, then: Callable[[], object] | None = None) -> None:
        """Store the report and touched checks in one unit of work; marks refused fields.

        ``then`` runs after a successful save (e.g. submitting, starting a check).
        """
        if self._busy or not self.editable:
            return
        # Every problem the form can see is marked at once, before the service is asked.
        if mark_problems(
            self.rows,
            {
                "enterprise_id": self.tr("Pilih IKM yang dikunjungi: ketik namanya lalu pilih."),
                "purpose": self.tr("Pilih tujuan kunjungan."),
            },
        ):
            self.tabs.setCurrentIndex(self.TAB_VISIT)
            return
        if self.checklist.mark_date_problems():
            self.tabs.setCurrentIndex(self.TAB_QUALITY)
            return
        data = self.form_input()
        visit_id = self.visit_id
        answers = self._dirty_answers()
        old_key = self.recovery_key

        def work(session: Session) -> str:
            saved_id = visit_id
            if saved_id is None:
                saved_id = create_visit(session, data)
            else:
                update_visit(session, saved_id, data)
            for check_id, check_answers in answers.items():
                save_answers(session, check_id, check_answers)
            return saved_id

        def succeeded(result: object) -> None:
            editor_recovery.discard_draft(old_key)
            self._on_saved(str(result))
            if then is not None:
                then()

        self._run(work, succeeded, changes=_SAVE_CHANGES)

    def _run(self, work: Any, on_success: Any, *, changes: tuple[str, ...]) -> None:
        self._set_busy(True)

        def succeeded(result: object) -> None:
            self._set_busy(False)
            on_success(result)

        run_operation(
            work,
            database=self._database,
            changes=changes,
            on_success=succeeded,
            on_failure=self._on_operation_failed,
            parent=self,
        )

    def _on_saved(self, visit_id: str) -> None:
        current_check = None if self._check is None else self._check.id
        self.load(visit_id, check_id=current_check)
        self.saved_label.setText(saved_text())
        self.saved.emit(visit_id)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.save_button, self.submit_button, self.start_check_button):
            button.setEnabled(not busy and self.editable)

    def _on_operation_failed(self, error: object) -> None:
        self._set_busy(False)
        self._apply_lock()
        if not isinstance(error, BaseException):
            return
        if mark_field_error(
            self.rows, error, reveal=lambda: self.tabs.setCurrentIndex(self.TAB_VISIT)
        ):
            return
        if isinstance(error, ValidationError):
            if error.field == "review_comment":
                self.review_comment_row.mark(dialogs.translate_error(error))
                return
            if self.checklist.mark_error(error.field, dialogs.translate_error(error)):
                self.tabs.setCurrentIndex(self.TAB_QUALITY)
                return
        dialogs.show_error(self, error)

    def _form_state(self) -> dict[str, Any]:
        data = self.form_input()
        return {
            "enterprise_id": data.enterprise_id,
            "visit_date": self.date_edit.line_edit.text(),
            "purpose": data.purpose,
            "companions": data.companions or "",
            "activities": data.activities or "",
            "findings": data.findings or "",
            "recommendations": data.recommendations or "",
        }

    def _current_changes(self) -> dict[str, AnswerInput]:
        """Return the current check's items whose answer differs from what is stored."""
        if self._check is None:
            return {}
        return {
            item: answer
            for item, answer in self.checklist.all_answers().items()
            if answer != self._check_baseline.get(item)
        }

    def _dirty_answers(self) -> dict[str, dict[str, AnswerInput]]:
        dirty = {check_id: dict(items) for check_id, items in self._pending.items()}
        changes = self._current_changes()
        if changes and self._check is not None:
            dirty.setdefault(self._check.id, {}).update(changes)
        return dirty

    def _fill_enterprise_choices(self, text: str, *, selected: str | None = None) -> None:
        keep = selected if selected is not None else self.enterprise_combo.currentData()
        with self._database.unit_of_work() as session:
            rows = list_enterprises(session, EnterpriseFilter(text=text), limit=ENTERPRISE_CHOICES)
            known = {r.id for r in rows}
            extra = None
            if keep and keep not in known:
                try:
                    extra = get_enterprise(session, keep)
                except UserError:
                    extra = None
        self.enterprise_combo.blockSignals(True)
        self.enterprise_combo.clear()
        self.enterprise_combo.addItem(self.tr("— pilih IKM —"), None)
        if extra is not None:
            self.enterprise_combo.addItem(f"{extra.name} — {extra.kecamatan}", extra.id)
        for row in rows:
            self.enterprise_combo.addItem(f"{row.name} — {row.kecamatan}", row.id)
        self.enterprise_combo.setCurrentIndex(max(0, self.enterprise_combo.findData(keep)))
        self.enterprise_combo.blockSignals(False)

    def _select_enterprise(self, enterprise_id: str | None) -> None:
        if enterprise_id and self.enterprise_combo.findData(enterprise_id) < 0:
            self._fill_enterprise_choices("", selected=enterprise_id)
        self.enterprise_combo.setCurrentIndex(max(0, self.enterprise_combo.findData(enterprise_id)))

    def _refresh_checks(self, select: str | None = None) -> None:
        summaries: list[CheckSummary] = []
        templates = []
        products = []
        enterprise_id = self.enterprise_combo.currentData()
        with self._database.unit_of_work() as session:
            if self.visit_id is not None:
                summaries = checks_for_visit(session, self.visit_id)
            templates = available_templates(session)
            if enterprise_id:
                products = list_products(session, enterprise_id)
        lang = current_language()
        self.template_combo.clear()
        for template in templates:
            title = template.title_en if lang == "en" else template.title_id
            self.template_combo.addItem(f"{title} (v{template.version})", template.code)
        self.product_combo.clear()
        self.product_combo.addItem(self.tr("Tanpa produk"), None)
        for product in products:
            self.product_combo.addItem(product.name, product.id)
        keep = select or (None if self._check is None else self._check.id)
        self.check_combo.blockSignals(True)
        self.check_combo.clear()
        for summary in summaries:
            self.check_combo.addItem(self._check_text(summary), summary.id)
        self.check_combo.blockSignals(False)
        if summaries:
            target = keep if any(s.id == keep for s in summaries) else summaries[-1].id
            self.check_combo.setCurrentIndex(self.check_combo.findData(target))
            self._show_check(target)
        else:
            self._show_check(None)

    def _check_text(self, summary: CheckSummary) -> str:
        lang = current_language()
        title = summary.template_title_en if lang == "en" else summary.template_title_id
        parts = [f"{title} v{summary.template_version}"]
        if summary.product_name:
            parts.append(summary.product_name)
        label = summary.result_label_en if lang == "en" else summary.result_label_id
        if label:
            parts.append(label)
        return " — ".join(parts)

    def _show_check(self, check_id: str | None) -> None:
        changes = self._current_changes()
        if changes and self._check is not None:
            self._pending.setdefault(self._check.id, {}).update(changes)
        if check_id is None:
            self._check = None
            self._check_baseline = {}
            self.checklist.set_template(None)
            self.remove_check_button.setEnabled(False)
            return
        enterprise_id = self.enterprise_combo.currentData()
        with self._database.unit_of_work() as session:
            detail = get_check(session, check_id)
            licences = [p.pirt_number for p in list_products(session, enterprise_id or "")]
        self._check = detail
        stored = {item: answer.as_input() for item, answer in detail.answers.items()}
        self.checklist.set_licences([n for n in licences if n])  # readiness from the IKM's P-IRT
        self.checklist.set_template(detail.template, stored, today=detail.summary.checked_on)
        self._check_baseline = self.checklist.all_answers()
        pending = self._pending.pop(check_id, None)
        if pending:
            self.checklist.set_answers(stored | pending)
        self.checklist.set_photo_choices(self._photo_choices())
        index = self.check_combo.findData(check_id)
        if index >= 0 and index != self.check_combo.currentIndex():
            self.check_combo.blockSignals(True)
            self.check_combo.setCurrentIndex(index)
            self.check_combo.blockSignals(False)
        self.remove_check_button.setEnabled(self.editable)

    def _photo_choices(self) -> list[tuple[str, str]]:
        return [(p.id, p.caption or p.original_name or p.id[:8]) for p in self.photo_widget.photos]

    def _refresh_related(self) -> None:
        self.photo_widget.set_visit(
            self.visit_id,
            None if self._detail is None else self._detail.enterprise_id,
            read_only=not self.editable,
        )
        self.checklist.set_photo_choices(self._photo_choices())
        rows: list[FollowUpRow] = []
        events: list[ReviewEvent] = []
        if self.visit_id is not None:
            with self._database.unit_of_work() as session:
                rows = list_follow_ups(session, FollowUpFilter(visit_id=self.visit_id))
                events = review_history(session, self.visit_id)
        self._show_follow_ups(rows)
        self._show_review(events)

    def _show_follow_ups(self, rows: list[FollowUpRow]) -> None:
        self._follow_up_rows = list(rows)
        self.follow_up_table.setRowCount(len(rows))
        for row, follow_up in enumerate(rows):
            cells = (
                follow_up.action,
                format_date(follow_up.due_date),
                follow_up.owner or "",
                state_label(follow_up.state),
            )
            for column, text in enumerate(cells):
                self.follow_up_table.setItem(row, column, QTableWidgetItem(text))
        self._update_follow_up_buttons()

    def _show_review(self, events: list[ReviewEvent]) -> None:
        detail = self._detail
        self.history_table.setRowCount(len(events))
        for row, event in enumerate(events):
            cells = (
                event.at.astimezone().strftime("%d-%m-%Y %H:%M"),
                event.person,
                visit_status_text(event.status.value),
                str(event.revision),
                event.comment or "",
            )
            for column, text in enumerate(cells):
                self.history_table.setItem(row, column, QTableWidgetItem(text))
        status = VisitStatus(detail.status) if detail is not None else VisitStatus.DRAFT
        supervisor = self._role == DeviceRole.SUPERVISOR
        can_review = supervisor and status == VisitStatus.SUBMITTED
        self.approve_button.setVisible(can_review)
        self.return_button.setVisible(can_review)
        self.review_comment_label.setVisible(can_review)
        self.review_comment_row.setVisible(can_review)
        self.amend_button.setVisible(status == VisitStatus.APPROVED)
        if detail is None:
            text = self.tr("Kunjungan baru; belum dikirim.")
        elif detail.review_comment and status == VisitStatus.RETURNED:
            text = self.tr("Dikembalikan oleh {name}: {comment}").format(
                name=detail.reviewer_name or "", comment=detail.review_comment
            )
        elif status == VisitStatus.APPROVED:
            text = self.tr("Disetujui oleh {name} (revisi {revision}).").format(
                name=detail.reviewer_name or "", revision=detail.revision
            )
        elif status == VisitStatus.SUBMITTED:
            text = self.tr("Menunggu tinjauan atasan.")
        else:
            text = self.tr("Draf (revisi {revision}).").format(revision=detail.revision)
        self.review_state_label.setText(text)

    def _apply_lock(self) -> None:
        editable = self.editable
        for edit in (self.enterprise_search, self.companions_edit):
            edit.setReadOnly(not editable)
        for text_edit in (self.activities_edit, self.findings_edit, self.recommendations_edit):
            text_edit.setReadOnly(not editable)
        for widget in (
            self.enterprise_combo,
            self.date_edit,
            self.purpose_combo,
            self.template_combo,
            self.product_combo,
            self.start_check_button,
            self.save_button,
            self.submit_button,
        ):
            widget.setEnabled(editable and not self._busy)
        self.remove_check_button.setEnabled(editable and self._check is not None)
        self.checklist.set_read_only(not editable)
        self.print_button.setEnabled(self.visit_id is not None)
        self.handout_button.setEnabled(self.visit_id is not None)

    def _update_header(self) -> None:
        detail = self._detail
        if detail is None:
            self.title_label.setText(self.tr("Kunjungan baru"))
            self.status_label.setText(visit_status_text("draft"))
            return
        self.title_label.setText(
            self.tr("Kunjungan ke {name}, {date}").format(
                name=detail.enterprise_name, date=format_date(detail.visit_date)
            )
        )
        status = visit_status_text(detail.status)
        if not self.editable:
            status = self.tr("{status} — terkunci").format(status=status)
        self.status_label.setText(status)

    @Slot()
    def _on_enterprise_timer_timeout(self) -> None:
        self._fill_enterprise_choices(self.enterprise_search.text().strip())

    @Slot(int)
    def _on_enterprise_combo_changed(self, _index: int) -> None:
        enterprise_id = self.enterprise_combo.currentData()
        products = []
        if enterprise_id:
            with self._database.unit_of_work() as session:
                products = list_products(session, enterprise_id)
        self.product_combo.clear()
        self.product_combo.addItem(self.tr("Tanpa produk"), None)
        for product in products:
            self.product_combo.addItem(product.name, product.id)

    @Slot()
    def _on_back_button_clicked(self) -> None:
        self.leave_with_guard(self._close)

    def _close(self) -> None:
        self.autosave_timer.stop()
        self.close_requested.emit()

    @Slot()
    def _on_submit_button_clicked(self) -> None:
        if not self.editable or not dialogs.confirm(
            self,
            self.tr("Kirim kunjungan"),
            self.tr(
                "Kirim laporan kunjungan ini ke atasan? Setelah dikirim, laporan tidak dapat "
                "diubah kecuali dikembalikan."
            ),
        ):
            return
        self.save(then=self._submit_saved)

    def _submit_saved(self) -> None:
        visit_id = self.visit_id
        if visit_id is None:
            return
        gaps = self._unfinished_findings(visit_id)
        if gaps and not dialogs.confirm(
            self,
            self.tr("Temuan belum lengkap"),
            self.tr(
                "Temuan pada butir {items} belum lengkap (PLOR, tindakan perbaikan atau batas "
                "waktu). Tetap kirim laporan ini?"
            ).format(items=", ".join(gaps)),
        ):
            return
        self._run(
            lambda session: submit_visit(session, visit_id),
            lambda _result: self._after_submit(visit_id),
            changes=(VISIT,),
        )

    def _after_submit(self, visit_id: str) -> None:
        self._on_saved(visit_id)
        # Nothing travels by itself: the supervisor sees the visit after the next sync file.
        if dialogs.confirm(
            self,
            self.tr("Kunjungan siap dikirim"),
            self.tr(
                "Kunjungan ini menunggu tinjauan dan ikut dalam berkas sinkronisasi berikutnya. "
                "Buat berkas itu di halaman Sinkronisasi lalu serahkan ke atasan. "
                "Buka halaman Sinkronisasi sekarang?"
            ),
        ):
            self.page_requested.emit("sinkronisasi")

    def _unfinished_findings(self, visit_id: str) -> list[str]:
        """Return the items (of every check) whose required finding fields are still empty."""
        with self._database.unit_of_work() as session:
            details = [get_check(session, c.id) for c in checks_for_visit(session, visit_id)]
        return [item for detail in details for item in missing_finding_fields(detail)]

    @Slot()
    def _on_print_button_clicked(self) -> None:
        if self.visit_id is not None:
            open_report_preview(self, self._database, "visit", self.visit_id)

    @Slot()
    def _on_handout_button_clicked(self) -> None:
        if self.visit_id is not None:
            open_handout_preview(self, self._database, self.visit_id)

    @Slot(int)
    def _on_check_combo_changed(self, _index: int) -> None:
        check_id = self.check_combo.currentData()
        if check_id and (self._check is None or self._check.id != check_id):
            self._show_check(str(check_id))

    @Slot()
    def _on_start_check_button_clicked(self) -> None:
        code = self.template_combo.currentData()
        if not code or not self.editable:
            return
        product_id = self.product_combo.currentData()
        if self.visit_id is None or self.has_unsaved_changes():
            self.save(then=lambda: self._start_check(code, product_id))
        else:
            self._start_check(code, product_id)

    def _start_check(self, code: str, product_id: str | None) -> None:
        visit_id = self.visit_id
        if visit_id is None:
            return
        self._run(
            lambda session: start_check(
                session, visit_id=visit_id, template_code=code, product_id=product_id
            ),
            lambda check_id: self._refresh_checks(select=str(check_id)),
            changes=(QUALITY_CHECK,),
        )

    @Slot()
    def _on_remove_check_button_clicked(self) -> None:
        check = self._check
        if check is None or not dialogs.confirm(
            self,
            self.tr("Hapus pemeriksaan"),
            self.tr("Hapus pemeriksaan ini beserta jawabannya dan tindak lanjut yang terbuka?"),
        ):
            return
        self._pending.pop(check.id, None)
        self._check = None
        self._run(
            lambda session: remove_check(session, check.id),
            lambda _result: self._after_check_removed(),
            changes=(QUALITY_CHECK, FOLLOW_UP),
        )

    def _after_check_removed(self) -> None:
        self._refresh_checks()
        self._refresh_related()

    @Slot()
    def _on_photo_widget_photos_changed(self) -> None:
        self.checklist.set_photo_choices(self._photo_choices())

    @Slot()
    def _on_approve_button_clicked(self) -> None:
        visit_id = self.visit_id
        if visit_id is None:
            return
        comment = self.review_comment_edit.toPlainText()
        if not dialogs.confirm(
            self,
            self.tr("Setujui kunjungan"),
            self.tr("Setujui laporan kunjungan ini? Laporan lalu dibekukan.\n\n{summary}").format(
                summary=self.review_summary()
            ),
        ):
            return
        self._run(
            lambda session: approve_visit(session, visit_id, comment=comment),
            lambda _result: self._after_review(visit_id),
            changes=(VISIT,),
        )

    @Slot()
    def _on_return_button_clicked(self) -> None:
        visit_id = self.visit_id
        if visit_id is None:
            return
        comment = self.review_comment_edit.toPlainText()
        if not comment.strip():
            # Asked before the question: a return without a reason is refused anyway.
            self.review_comment_row.mark(
                self.tr("Tulis catatan untuk petugas: apa yang perlu diperbaiki.")
            )
            self.review_comment_edit.setFocus()
            return
        if not dialogs.confirm(
            self,
            self.tr("Kembalikan kunjungan"),
            self.tr("Kembalikan laporan ini ke petugas untuk diperbaiki?\n\n{summary}").format(
                summary=self.review_summary()
            ),
        ):
            return
        self._run(
            lambda session: return_visit(session, visit_id, comment=comment),
            lambda _result: self._after_review(visit_id),
            changes=(VISIT,),
        )

    @Slot()
    def _on_amend_button_clicked(self) -> None:
        visit_id = self.visit_id
        if visit_id is None or not dialogs.confirm(
            self,
            self.tr("Amandemen"),
            self.tr(
                "Buka kembali laporan yang sudah disetujui sebagai revisi baru? Revisi itu "
                "perlu disetujui lagi; persetujuan sebelumnya tetap tercatat."
            ),
        ):
            return
        self._run(
            lambda session: start_amendment(session, visit_id),
            lambda _result: self._after_review(visit_id),
            changes=(VISIT,),
        )

    def review_summary(self) -> str:
        """Return what a reviewer approves or returns: the IKM, its checks and the findings."""
        detail = self._detail
        if detail is None:
            return ""
        lines = [
            self.tr("IKM: {name}, {date}").format(
                name=detail.enterprise_name, date=format_date(detail.visit_date)
            )
        ]
        with self._database.unit_of_work() as session:
            checks = checks_for_visit(session, detail.id)
        if checks:
            lines.append(self.tr("Pemeriksaan:"))
            lines.extend(f"• {self._check_text(summary)}" for summary in checks)
        else:
            lines.append(self.tr("Pemeriksaan: tidak ada"))
        findings = (detail.findings or "").strip()
        lines.append(
            self.tr("Temuan: {text}").format(text=findings[:300])
            if findings
            else self.tr("Temuan: tidak ditulis")
        )
        return "\n".join(lines)

    def _after_review(self, visit_id: str) -> None:
        self.review_comment_edit.clear()
        self._on_saved(visit_id)


def _translate_visit_label(text: str) -> str:
    return QCoreApplication.translate("VisitTableModel", text)
