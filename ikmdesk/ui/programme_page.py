"""The Program page: mentoring programmes (the officer's own first), one programme's settings,
and its enrolled IKMs with visits, hours, logbook and plan targets.

The supervisor creates and edits programmes and partners here; officers see them read-only and
record diagnoses, targets and logbook entries for the IKMs enrolled in their programmes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.models.enums import VisitStatus
from ikmdesk.services.device import this_device
from ikmdesk.services.programme.authority import is_supervisor
from ikmdesk.services.programme.diagnosis import get_diagnosis, save_diagnosis, starting_answers
from ikmdesk.services.programme.diagnosis_template import current_form, form_by_id
from ikmdesk.services.programme.logbook import record_logbook
from ikmdesk.services.programme.partner import save_partner
from ikmdesk.services.programme.plan import add_target, mark_target_done
from ikmdesk.services.programme.programme import (
    ProgrammeDetail,
    ProgrammeRow,
    get_programme,
    list_programmes,
    save_programme,
)
from ikmdesk.services.visit import VisitFilter, list_visits
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import change_bus
from ikmdesk.ui.diagnosis_dialog import DiagnosisDialog
from ikmdesk.ui.logbook_dialog import LogbookDialog
from ikmdesk.ui.operations import run_operation
from ikmdesk.ui.partner_dialog import PartnerDialog
from ikmdesk.ui.programme_form import ProgrammeForm
from ikmdesk.ui.programme_progress_widget import ProgrammeProgressWidget
from ikmdesk.ui.target_dialog import TargetDialog
from ikmdesk.ui.translated_widget import TranslatedWidget
from ikmdesk.ui.translations import current_language

ID_ROLE = Qt.ItemDataRole.UserRole
PROGRAMME_ENTITIES = frozenset(
    {
        "programme",
        "programme_enrollment",
        "partner",
        "diagnosis",
        "plan_target",
        "logbook_entry",
        "visit",
        "enterprise",
        "device",
        "sync",
    }
)
OPEN_VISITS = frozenset({VisitStatus.DRAFT.value, VisitStatus.RETURNED.value})


def run_dialog(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; True when accepted (tests replace this to fill it in)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def today() -> date:
    """Return the date progress is judged on (tests replace it)."""
    return date.today()


class ProgrammePage(TranslatedWidget):
    """Lists programmes and shows one: its settings and its IKMs' progress."""

    programme_saved = Signal(str)
    visit_requested = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        with database.unit_of_work() as session:
            self.supervisor = is_supervisor(session)
            self.device_id = this_device(session).id
        self._rows: list[ProgrammeRow] = []
        self._detail: ProgrammeDetail | None = None
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(font)
        self.new_button = QPushButton()
        self.partner_button = QPushButton()
        self.guidance_button = QPushButton()
        self.programme_list = QListWidget()
        self.programme_list.setMinimumWidth(250)
        self.programme_list.setWordWrap(True)
        self.programme_list.setSpacing(3)
        self.programme_list.setAlternatingRowColors(True)
        self.summary_label = QLabel(wordWrap=True)
        self.form = ProgrammeForm(database)
        self.progress = ProgrammeProgressWidget(database)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.progress, "")
        self.tabs.addTab(self.form, "")

        head = QHBoxLayout()
        head.addWidget(self.title_label)
        head.addStretch(1)
        head.addWidget(self.guidance_button)
        head.addWidget(self.partner_button)
        head.addWidget(self.new_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary_label)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.programme_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 1000])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        self.new_button.setVisible(self.supervisor)
        self.partner_button.setVisible(self.supervisor)

        self.retranslate_ui()
        self.programme_list.currentItemChanged.connect(self._on_programme_list_current_changed)
        self.new_button.clicked.connect(self.new_record)
        self.partner_button.clicked.connect(self._on_partner_button_clicked)
        self.guidance_button.clicked.connect(self._on_guidance_button_clicked)
        self.form.save_requested.connect(self.save_programme)
        self.form.partner_report_requested.connect(self._on_form_partner_report_requested)
        self.progress.logbook_requested.connect(self._on_progress_logbook_requested)
        self.progress.target_requested.connect(self._on_progress_target_requested)
        self.progress.target_done_requested.connect(self._on_progress_target_done_requested)
        self.progress.diagnosis_requested.connect(self._on_progress_diagnosis_requested)
        self.progress.visit_requested.connect(self.visit_requested)
        change_bus().data_changed.connect(self._on_change_bus_data_changed)
        self.refresh()

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        self.title_label.setText(self.tr("Program pendampingan"))
        self.new_button.setText(self.tr("Program baru"))
        self.partner_button.setText(self.tr("Mitra baru…"))
        self.guidance_button.setText(self.tr("Lembar panduan…"))
        self.tabs.setTabText(0, self.tr("IKM dan kemajuan"))
        self.tabs.setTabText(1, self.tr("Pengaturan program"))
        if self._rows:
            self._fill_list(self.current_programme_id())
        self._show_summary()

    def current_programme_id(self) -> str | None:
        """Return the id of the programme picked in the list."""
        item = self.programme_list.currentItem()
        return None if item is None else item.data(ID_ROLE)

    def refresh(self, select: str | None = None) -> None:
        """Reload the programme list, keeping (or moving to) the selection."""
        selected = select or self.current_programme_id()
        with self._database.unit_of_work() as session:
            self._rows = list_programmes(session, officer_id=self.device_id, on=today())
        self._fill_list(selected)
        if self.programme_list.currentItem() is None:
            self._show_programme(None)

    def _fill_list(self, selected: str | None) -> None:
        lang = current_language()
        statuses = {
            "planned": self.tr("belum mulai"),
            "running": self.tr("berjalan"),
            "ended": self.tr("selesai"),
        }
        self.programme_list.blockSignals(True)
        self.programme_list.clear()
        current = None
        for row in self._rows:
            cluster = row.cluster_name_en if lang == "en" else row.cluster_name_id
            mine = self.tr("Program saya") if row.mine else ""
            lines = [row.name, f"{cluster} · {row.kecamatan} · {statuses[row.status]}"]
            if mine:
                lines.append(f"★ {mine}")
            item = QListWidgetItem("\n".join(lines))
            item.setData(ID_ROLE, row.id)
            self.programme_list.addItem(item)
            if row.id == selected:
                current = item
        self.programme_list.blockSignals(False)
        if current is None and self.programme_list.count():
            current = self.programme_list.item(0)
        if current is not None:
            self.programme_list.setCurrentItem(current)
            self._show_programme(current.data(ID_ROLE))

    def _show_programme(self, programme_id: str | None) -> None:
        self._detail = None
        if programme_id is not None:
            with self._database.unit_of_work() as session:
                self._detail = get_programme(session, programme_id, on=today())
        self.form.load(self._detail, editable=self.supervisor)
        self.form.setEnabled(self._detail is not None or self.supervisor)
        self.progress.load(programme_id, on=today())
        self._show_summary()

    def _show_summary(self) -> None:
        d = self._detail
        if d is None:
            self.summary_label.setText(
                self.tr("Belum ada program. Buat program baru.")
                if self.supervisor
                else self.tr("Belum ada program. Program dari atasan datang lewat sinkronisasi.")
            )
            return
        officers = ", ".join(name for _id, name in d.officers) or "–"
        partners = ", ".join(name for _id, name in d.partners) or "–"
        self.summary_label.setText(
            self.tr(
                "<b>%1</b><br>%2 – %3 · kunjungan setiap %4 hari, minimal %5 jam<br>"
                "Petugas: %6 · Mitra: %7"
            )
            .replace("%1", _html(d.name))
            .replace("%2", d.starts_on.strftime("%d-%m-%Y"))
            .replace("%3", d.ends_on.strftime("%d-%m-%Y"))
            .replace("%4", str(d.visit_interval_days))
            .replace("%5", f"{d.min_hours_per_visit:g}")
            .replace("%6", _html(officers))
            .replace("%7", _html(partners))
        )

    @Slot()
    def new_record(self) -> None:
        """Open an empty programme in the settings tab (supervisor only)."""
        if not self.supervisor:
            return
        self.programme_list.clearSelection()
        self._detail = None
        self.form.load(None, editable=True)
        self.progress.load(None, on=today())
        self.tabs.setCurrentWidget(self.form)
        self.form.name_edit.setFocus()

    @Slot()
    def save_programme(self) -> None:
        """Save the settings tab as a new or changed programme."""
        data = self.form.current_input()
        programme_id = self.form.programme_id
        run_operation(
            lambda session: save_programme(session, data, programme_id),
            database=self._database,
            changes=("programme", "programme_enrollment"),
            on_success=self._on_programme_saved,
            on_failure=lambda error: dialogs.show_error(self, error),
        )

    def _on_programme_saved(self, programme_id: str) -> None:
        self.refresh(select=programme_id)
        self.programme_saved.emit(programme_id)

    @Slot()
    def _on_partner_button_clicked(self) -> None:
        dialog = PartnerDialog(self)
        if not run_dialog(dialog):
            return
        data = dialog.value()
        run_operation(
            lambda session: save_partner(session, data),
            database=self._database,
            changes=("partner",),
            on_success=lambda _id: self.form.refresh_choices(),
            on_failure=lambda error: dialogs.show_error(self, error),
        )

    @Slot()
    def _on_guidance_button_clicked(self) -> None:
        from ikmdesk.ui.guidance_dialog import open_guidance

        self.guidance_dialog = open_guidance(self, self._database)

    @Slot(str)
    def _on_form_partner_report_requested(self, partner_id: str) -> None:
        from ikmdesk.reports.pdf_file import safe_file_stem
        from ikmdesk.reports.programme_render import render_partner
        from ikmdesk.ui.report_page import open_document_preview

        day = today()
        item = self.form.partner_list.currentItem()
        stem = safe_file_stem(item.text() if item is not None else partner_id[:8])

        def render(db: Database, lang: str) -> bytes:
            return render_partner(db, partner_id, on=day, lang=lang)

        self.partner_report = open_document_preview(
            self,
            self._database,
            self.tr("Laporan kerja sama mitra"),
            render,
            f"laporan-mitra-{stem}.pdf",
        )

    @Slot(str)
    def _on_progress_logbook_requested(self, enterprise_id: str) -> None:
        d = self._detail
        if d is None:
            return
        with self._database.unit_of_work() as session:
            rows = list_visits(session, VisitFilter(enterprise_id=enterprise_id), limit=200)
        visits = [
            (r.id, f"{r.visit_date.strftime('%d-%m-%Y')} · {r.officer_name}")
            for r in rows
            if r.status in OPEN_VISITS
        ]
        if not visits:
            dialogs.inform(
                self,
                self.tr("Logbook"),
                self.tr(
                    "IKM ini belum punya kunjungan draf. Catat kunjungannya dulu di halaman "
                    "Kunjungan, lalu isi logbook di sini."
                ),
            )
            return
        dialog = LogbookDialog(
            programme_id=d.id,
            visits=visits,
            partners=list(d.partners),
            min_hours=d.min_hours_per_visit,
            parent=self,
        )
        if not run_dialog(dialog):
            return
        visit_id, data = dialog.value()
        self._write(lambda session: record_logbook(session, visit_id, data), "logbook_entry")

    @Slot(str)
    def _on_progress_target_requested(self, enterprise_id: str) -> None:
        d = self._detail
        if d is None:
            return
        dialog = TargetDialog(starts_on=d.starts_on, ends_on=d.ends_on, parent=self)
        if not run_dialog(dialog):
            return
        code, due_on = dialog.value()
        self._write(
            lambda session: add_target(
                session, programme_id=d.id, enterprise_id=enterprise_id, code=code, due_on=due_on
            ),
            "plan_target",
        )

    @Slot(str)
    def _on_progress_target_done_requested(self, target_id: str) -> None:
        done_on = today()
        self._write(
            lambda session: mark_target_done(session, target_id, done_on=done_on), "plan_target"
        )

    @Slot(str)
    def _on_progress_diagnosis_requested(self, enterprise_id: str) -> None:
        d = self._detail
        if d is None:
            return
        stage = "final" if d.status == "ended" else "baseline"
        with self._database.unit_of_work() as session:
            existing = get_diagnosis(session, d.id, enterprise_id, stage)
            form = (
                form_by_id(session, existing.form.record_id) if existing else current_form(session)
            )
            answers = starting_answers(session, d.id, enterprise_id, stage)
        title = self.tr("Diagnosis akhir") if stage == "final" else self.tr("Diagnosis awal")
        dialog = DiagnosisDialog(
            form,
            answers,
            diagnosed_on=existing.diagnosed_on if existing else min(today(), d.ends_on),
            title=title,
            parent=self,
        )
        if not run_dialog(dialog):
            return
        values, diagnosed_on = dialog.value()
        self._write(
            lambda session: save_diagnosis(
                session,
                programme_id=d.id,
                enterprise_id=enterprise_id,
                answers=values,
                diagnosed_on=diagnosed_on,
                stage=stage,
            ),
            "diagnosis",
        )

    def _write(self, work, entity: str) -> None:
        run_operation(
            work,
            database=self._database,
            changes=(entity,),
            on_failure=lambda error: dialogs.show_error(self, error),
        )

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_programme_list_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is not None:
            self._show_programme(current.data(ID_ROLE))

    @Slot(object)
    def _on_change_bus_data_changed(self, entities: frozenset[str]) -> None:
        if entities & PROGRAMME_ENTITIES:
            self.refresh()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
