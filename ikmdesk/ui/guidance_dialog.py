"""The guidance-sheet library: short sourced "apa yang harus dilakukan" texts per catalogue
topic and per checklist item.

The supervisor edits a sheet's title, body and source here, adds an office-written sheet
(linked to a catalogue topic and/or a checklist item) and removes one; all of it reaches officers
by sync (a removal is a tombstone). Officers read the same sheets without changing them. A
sheet still holding the shipped starter text says so until the office has reviewed it (saving
it is that review).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
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
from ikmdesk.services.programme.authority import is_supervisor
from ikmdesk.services.programme.catalogue import target_def, targets
from ikmdesk.services.programme.guidance import (
    Sheet,
    SheetInput,
    add_sheet,
    edit_sheet,
    list_sheets,
    newest_templates,
    remove_sheet,
)
from ikmdesk.ui import dialogs
from ikmdesk.ui.editor_keys import saved_label, saved_text
from ikmdesk.ui.field_error import mark_field_error
from ikmdesk.ui.operations import run_operation
from ikmdesk.ui.translations import current_language
from ikmdesk.ui.unsaved_guard import leave_with_guard
from ikmdesk.ui.validation_style import STYLE_SHEET, FieldRow, required_label, required_note

CODE_ROLE = Qt.ItemDataRole.UserRole


def _order(sheet: Sheet) -> tuple[int, str, int, str]:
    """Checklist items first (by checklist and item number), then topics, by title."""
    if sheet.checklist_code and sheet.item_id:
        number = int(sheet.item_id) if sheet.item_id.isdigit() else 999
        return (0, sheet.checklist_code, number, sheet.title.casefold())
    return (1, "", 0, sheet.title.casefold())


class GuidanceDialog(QDialog):
    """Lists the guidance sheets and shows one; the supervisor edits, adds and removes them."""

    sheet_saved = Signal(str)
    sheet_removed = Signal(str)

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
        self._new = False
        self._shown: str | None = None
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
        self.topic_combo = QComboBox()
        self.topic_combo.addItem(self.tr("(tanpa topik)"), None)
        lang = current_language()
        for target in targets():
            self.topic_combo.addItem(target.title(lang), target.id)
        self.checklist_combo = QComboBox()
        self.checklist_combo.addItem(self.tr("(tanpa butir daftar periksa)"), None)
        for code, template in sorted(newest_templates().items()):
            self.checklist_combo.addItem(template.title.get(lang), code)
        self.item_combo = QComboBox()
        self.item_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.item_combo.setMinimumContentsLength(30)
        self.save_button = QPushButton(self.tr("Simpan lembar"))
        self.add_button = QPushButton(self.tr("Lembar baru"))
        self.remove_button = QPushButton(self.tr("Hapus lembar…"))
        self.saved_label = saved_label()
        self.note_label = QLabel(wordWrap=True)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(
            self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.rejected.connect(self.reject)

        self.rows = {
            "topic": FieldRow(self.topic_combo),
            "checklist": FieldRow(self.checklist_combo),
            "item": FieldRow(self.item_combo),
            "title": FieldRow(self.title_edit, required=True),
            "body": FieldRow(self.body_edit, required=True),
            "source": FieldRow(self.source_edit, required=True),
        }
        self._form = form = QFormLayout()
        form.addRow(self.tr("Topik katalog"), self.rows["topic"])
        form.addRow(self.tr("Daftar periksa"), self.rows["checklist"])
        form.addRow(self.tr("Butir"), self.rows["item"])
        form.addRow(required_label(self.tr("Judul")), self.rows["title"])
        form.addRow(required_label(self.tr("Apa yang harus dilakukan")), self.rows["body"])
        form.addRow(required_label(self.tr("Sumber")), self.rows["source"])
        save_row = QHBoxLayout()
        save_row.addWidget(self.add_button)
        save_row.addWidget(self.remove_button)
        save_row.addWidget(self.note_label, 1)
        save_row.addWidget(self.saved_label)
        save_row.addWidget(self.save_button)
        self.setStyleSheet(STYLE_SHEET)
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
        self.add_button.setVisible(self.editable and only is None)
        self.remove_button.setVisible(self.editable)
        self.note_label.setText(
            required_note()
            if self.editable
            else self.tr("Lembar panduan diubah oleh atasan; sampai ke sini lewat sinkronisasi.")
        )
        self.sheet_list.currentItemChanged.connect(self._on_sheet_list_current_changed)
        self.save_button.clicked.connect(lambda: self.save())
        self.add_button.clicked.connect(self.start_new)
        self.remove_button.clicked.connect(self.remove)
        self.checklist_combo.currentIndexChanged.connect(self._on_checklist_combo_changed)
        self._on_checklist_combo_changed()
        self._show_link_rows(False)
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
        if current is None and self.sheet_list.count():
            current = self.sheet_list.item(0)
        self.sheet_list.setCurrentItem(current)
        self.sheet_list.blockSignals(False)
        self._show(None if current is None else current.data(CODE_ROLE))

    def _link_text(self, sheet: Sheet) -> str:
        lang = current_language()
        parts = []
        if sheet.checklist_code and sheet.item_id:
            template = newest_templates().get(sheet.checklist_code)
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

    def _show_link_rows(self, shown: bool) -> None:
        for name in ("topic", "checklist", "item"):
            self._form.setRowVisible(self.rows[name], shown)

    def has_unsaved_changes(self) -> bool:
        """Return whether the form holds typing that is not stored yet."""
        if not self.editable:
            return False
        sheet = self._sheets.get(self._shown or "")
        stored = (sheet.title, sheet.body, sheet.source) if sheet else ("", "", "")
        typed = (
            self.title_edit.text(),
            self.body_edit.toPlainText(),
            self.source_edit.toPlainText(),
        )
        return typed != stored

    def leave_with_guard(self, then: Callable[[], object]) -> None:
        """Run ``then`` once unsaved typing is saved or thrown away (Simpan / Buang / Batal)."""
        leave_with_guard(
            self,
            unsaved=self.has_unsaved_changes(),
            question=self.tr(
                "Lembar panduan ini berubah dan belum disimpan. Simpan perubahan itu?"
            ),
            save=lambda after: self.save(then=after),
            discard=lambda: None,
            then=then,
        )

    def reject(self) -> None:
        """Close, after asking about unsaved typing."""
        self.leave_with_guard(super().reject)

    def _select(self, code: str | None) -> None:
        self.sheet_list.blockSignals(True)
        for row in range(self.sheet_list.count()):
            item = self.sheet_list.item(row)
            if item.data(CODE_ROLE) == code:
                self.sheet_list.setCurrentItem(item)
                break
        else:
            self.sheet_list.setCurrentItem(None)
            self.sheet_list.clearSelection()
        self.sheet_list.blockSignals(False)

    def _show(self, code: str | None) -> None:
        sheet = self._sheets.get(code or "")
        self._shown = sheet.code if sheet else None
        self._new = False
        self._show_link_rows(False)
        for row in self.rows.values():
            row.clear()
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
        self.remove_button.setEnabled(sheet is not None)

    @Slot()
    def start_new(self) -> None:
        """Empty the form for a new office-written sheet (supervisor only)."""
        if self.editable:
            self.leave_with_guard(self._start_new)

    def _start_new(self) -> None:
        self.sheet_list.blockSignals(True)
        self.sheet_list.setCurrentItem(None)
        self.sheet_list.clearSelection()
        self.sheet_list.blockSignals(False)
        self._show(None)
        self._new = True
        self._show_link_rows(True)
        self.link_label.setText(
            self.tr("Lembar baru dari kantor: pilih topik dan/atau butir, lalu tulis isinya.")
        )
        self.topic_combo.setCurrentIndex(0)
        self.checklist_combo.setCurrentIndex(0)
        self.save_button.setEnabled(True)
        self.remove_button.setEnabled(False)
        self.title_edit.setFocus()

    def save(self, then: Callable[[], object] | None = None) -> None:
        """Store the shown sheet's title, body and source, or the new sheet (supervisor only).

        ``then`` runs after a successful save (leaving the sheet once it is stored).
        """
        if not self.editable:
            return
        title, body = self.title_edit.text(), self.body_edit.toPlainText()
        source = self.source_edit.toPlainText()
        for row in self.rows.values():
            row.clear()
        if self._new:
            data = SheetInput(
                title=title,
                body=body,
                source=source,
                topic_code=self.topic_combo.currentData(),
                checklist_code=self.checklist_combo.currentData(),
                item_id=self.item_combo.currentData(),
            )
            run_operation(
                lambda session: add_sheet(session, data),
                database=self._database,
                changes=("guidance_sheet",),
                on_success=lambda code: self._on_saved(str(code), then),
                on_failure=self._on_save_failed,
            )
            return
        code = self.current_code()
        if code is None:
            return
        run_operation(
            lambda session: edit_sheet(session, code, title=title, body=body, source=source),
            database=self._database,
            changes=("guidance_sheet",),
            on_success=lambda _none: self._on_saved(code, then),
            on_failure=self._on_save_failed,
        )

    def _on_save_failed(self, error: object) -> None:
        if mark_field_error(self.rows, error):
            return
        if isinstance(error, BaseException):
            dialogs.show_error(self, error)

    @Slot()
    def remove(self) -> None:
        """Remove the shown sheet after asking, naming it (supervisor only; synced)."""
        code = self.current_code()
        sheet = self._sheets.get(code or "")
        if sheet is None or not self.editable or self._new:
            return
        if not dialogs.confirm(
            self,
            self.tr("Hapus lembar panduan"),
            self.tr(
                'Hapus lembar panduan "{title}"? Lembar ini juga hilang di perangkat '
                "petugas setelah sinkronisasi."
            ).format(title=sheet.title),
        ):
            return
        run_operation(
            lambda session: remove_sheet(session, sheet.code),
            database=self._database,
            changes=("guidance_sheet",),
            on_success=lambda _none: self._on_removed(sheet.code),
            on_failure=lambda error: dialogs.show_error(self, error),
        )

    def _on_removed(self, code: str) -> None:
        self.refresh()
        self.sheet_removed.emit(code)

    @Slot()
    def _on_checklist_combo_changed(self, _index: int = 0) -> None:
        self.item_combo.clear()
        code = self.checklist_combo.currentData()
        template = newest_templates().get(code) if code else None
        self.item_combo.setEnabled(template is not None)
        if template is None:
            return
        lang = current_language()
        self.item_combo.addItem(self.tr("(pilih butir)"), None)
        for number, item in enumerate(template.items(), start=1):
            label = item.id if item.id.isdigit() else str(number)
            self.item_combo.addItem(f"{label}. {item.text.get(lang)}", item.id)

    def _on_saved(self, code: str, then: Callable[[], object] | None = None) -> None:
        self.refresh(select=code)
        self.saved_label.setText(saved_text())
        self.sheet_saved.emit(code)
        if then is not None:
            then()

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_sheet_list_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        wanted = None if current is None else current.data(CODE_ROLE)
        if wanted == self._shown and not self._new:
            return
        # Stay on the typed sheet until the user has said what becomes of the typing.
        was_new = self._new
        self._select(None if was_new else self._shown)
        self.leave_with_guard(lambda: self._select_and_show(wanted))

    def _select_and_show(self, code: str | None) -> None:
        self._select(code)
        self._show(code)


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
