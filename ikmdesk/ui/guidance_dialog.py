"""The guidance-sheet library: short sourced "apa yang harus dilakukan" texts per catalogue
topic and per checklist item.

The supervisor edits a sheet's title, body and source here; the edit reaches officers by sync.
Officers read the same sheets without editing. A sheet still holding the shipped starter text
says so until the office has reviewed it (saving it is that review).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.services.checklist_template import ChecklistTemplate, shipped_templates
from ikmdesk.services.programme.authority import is_supervisor
from ikmdesk.services.programme.catalogue import target_def
from ikmdesk.services.programme.guidance import Sheet, edit_sheet, list_sheets
from ikmdesk.ui import dialogs
from ikmdesk.ui.editor_keys import saved_label, saved_text
from ikmdesk.ui.operations import run_operation
from ikmdesk.ui.translations import current_language

CODE_ROLE = Qt.ItemDataRole.UserRole


@cache
def _templates() -> dict[str, ChecklistTemplate]:
    newest: dict[str, ChecklistTemplate] = {}
    for template in shipped_templates():
        if template.id not in newest or template.version > newest[template.id].version:
            newest[template.id] = template
    return newest


def _order(sheet: Sheet) -> tuple[int, str, int, str]:
    """Checklist items first (by checklist and item number), then topics, by title."""
    if sheet.checklist_code and sheet.item_id:
        number = int(sheet.item_id) if sheet.item_id.isdigit() else 999
        return (0, sheet.checklist_code, number, sheet.title.casefold())
    return (1, "", 0, sheet.title.casefold())


class GuidanceDialog(QDialog):
    """Lists the guidance sheets and shows one; the supervisor edits and saves it."""

    sheet_saved = Signal(str)

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        *,
        select: str | None = None,
        only: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._only = only
        self._sheets: dict[str, Sheet] = {}
        with database.unit_of_work() as session:
            self.editable = is_supervisor(session)
        self.setWindowTitle(self.tr("Lembar panduan"))
        self.sheet_list = QListWidget()
        self.sheet_list.setWordWrap(True)
        self.sheet_list.setSpacing(2)
        self.sheet_list.setMinimumWidth(280)
        self.link_label = QLabel(wordWrap=True)
        self.starter_label = QLabel(wordWrap=True)
        self.starter_label.setProperty("role", "fieldWarning")
        self.starter_label.setStyleSheet("color: #8a5a00;")
        self.title_edit = QLineEdit()
        self.body_edit = QPlainTextEdit()
        self.body_edit.setMinimumHeight(180)
        self.source_edit = QPlainTextEdit()
        self.source_edit.setMaximumHeight(70)
        self.save_button = QPushButton(self.tr("Simpan lembar"))
        self.saved_label = saved_label()
        self.note_label = QLabel(wordWrap=True)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(
            self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Judul"), self.title_edit)
        form.addRow(self.tr("Apa yang harus dilakukan"), self.body_edit)
        form.addRow(self.tr("Sumber"), self.source_edit)
        save_row = QHBoxLayout()
        save_row.addWidget(self.note_label, 1)
        save_row.addWidget(self.saved_label)
        save_row.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.link_label)
        right_layout.addWidget(self.starter_label)
        right_layout.addLayout(form, 1)
        right_layout.addLayout(save_row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sheet_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(980, 560)

        self.title_edit.setReadOnly(not self.editable)
        self.body_edit.setReadOnly(not self.editable)
        self.source_edit.setReadOnly(not self.editable)
        self.save_button.setVisible(self.editable)
        self.note_label.setText(
            ""
            if self.editable
            else self.tr("Lembar panduan diubah oleh atasan; sampai ke sini lewat sinkronisasi.")
        )
        self.sheet_list.currentItemChanged.connect(self._on_sheet_list_current_changed)
        self.save_button.clicked.connect(self.save)
        self.refresh(select)

    def current_code(self) -> str | None:
        """Return the code of the sheet shown."""
        item = self.sheet_list.currentItem()
        return None if item is None else item.data(CODE_ROLE)

    def refresh(self, select: str | None = None) -> None:
        """Reload the sheets, keeping (or moving to) the selection."""
        selected = select or self.current_code()
        with self._database.unit_of_work() as session:
            sheets = list_sheets(session)
        if self._only is not None:
            sheets = [s for s in sheets if s.code in self._only]
        sheets.sort(key=_order)
        self._sheets = {s.code: s for s in sheets}
        self.sheet_list.blockSignals(True)
        self.sheet_list.clear()
        current = None
        for sheet in sheets:
            lines = [sheet.title, self._link_text(sheet)]
            if sheet.starter:
                lines.append(self.tr("teks awal, perlu ditinjau"))
            item = QListWidgetItem("\n".join(lines))
            item.setData(CODE_ROLE, sheet.code)
            self.sheet_list.addItem(item)
            if sheet.code == selected:
                current = item
        self.sheet_list.blockSignals(False)
        if current is None and self.sheet_list.count():
            current = self.sheet_list.item(0)
        self.sheet_list.setCurrentItem(current)
        self._show(None if current is None else current.data(CODE_ROLE))

    def _link_text(self, sheet: Sheet) -> str:
        lang = current_language()
        parts = []
        if sheet.checklist_code and sheet.item_id:
            template = _templates().get(sheet.checklist_code)
            name = template.title.get(lang) if template else sheet.checklist_code
            if sheet.item_id.isdigit():
                parts.append(
                    self.tr("%1, butir %2").replace("%1", name).replace("%2", sheet.item_id)
                )
            else:
                try:
                    item = template.item(sheet.item_id).text.get(lang) if template else None
                except KeyError:
                    item = None
                parts.append(f"{name}: {item or sheet.item_id}")
        if sheet.topic_code:
            topic = target_def(sheet.topic_code)
            title = topic.title(lang) if topic else sheet.topic_code
            parts.append(self.tr("Topik: %1").replace("%1", title))
        return " · ".join(parts)

    def _show(self, code: str | None) -> None:
        sheet = self._sheets.get(code or "")
        self.saved_label.clear()
        self.title_edit.setText(sheet.title if sheet else "")
        self.body_edit.setPlainText(sheet.body if sheet else "")
        self.source_edit.setPlainText(sheet.source if sheet else "")
        self.link_label.setText("" if sheet is None else self._link_text(sheet))
        self.starter_label.setVisible(bool(sheet and sheet.starter))
        self.starter_label.setText(
            self.tr(
                "Teks awal yang dikirim bersama IKMDesk, disusun dari rujukan standar. "
                "Kantor perlu meninjaunya; setelah disimpan, teks ini menjadi teks kantor."
            )
            if self.editable
            else self.tr("Teks awal yang dikirim bersama IKMDesk; belum ditinjau kantor.")
        )
        self.save_button.setEnabled(sheet is not None)

    @Slot()
    def save(self) -> None:
        """Store the shown sheet's title, body and source (supervisor only)."""
        code = self.current_code()
        if code is None or not self.editable:
            return
        title, body = self.title_edit.text(), self.body_edit.toPlainText()
        source = self.source_edit.toPlainText()
        run_operation(
            lambda session: edit_sheet(session, code, title=title, body=body, source=source),
            database=self._database,
            changes=("guidance_sheet",),
            on_success=lambda _none: self._on_saved(code),
            on_failure=lambda error: dialogs.show_error(self, error),
        )

    def _on_saved(self, code: str) -> None:
        self.refresh(select=code)
        self.saved_label.setText(saved_text())
        self.sheet_saved.emit(code)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_sheet_list_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self._show(None if current is None else current.data(CODE_ROLE))


def open_guidance(
    parent: QWidget | None,
    database: Database,
    *,
    select: str | None = None,
    only: tuple[str, ...] | None = None,
) -> GuidanceDialog:
    """Open the guidance library (at ``select``; only the sheets in ``only`` when given)."""
    dialog = GuidanceDialog(database, parent, select=select, only=only)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
