"""The products tab of the IKM editor: a list of products and a form with P-IRT decoding.

The P-IRT number is decoded while it is typed (packaging, food type, region, expiry year) and
badly written numbers get warnings, never a refusal: the number is stored as typed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.services.pirt import PirtNumber, parse_pirt, pirt_problems
from ikmdesk.services.product import (
    ProductInput,
    ProductRow,
    create_product,
    delete_product,
    update_product,
)
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import PRODUCT
from ikmdesk.ui.field_error import mark_field_error
from ikmdesk.ui.operations import run_operation
from ikmdesk.ui.translated_widget import TranslatedWidget
from ikmdesk.ui.translations import current_language
from ikmdesk.ui.validation_style import STYLE_SHEET, FieldRow


class ProductEditor(TranslatedWidget):
    """Lists an IKM's products and edits one at a time; saves each product on its own."""

    products_changed = Signal()
    """A product was saved or removed (the IKM editor reloads its products)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._enterprise_id: str | None = None
        self._products: list[ProductRow] = []
        self._current_id: str | None = None
        self._baseline: dict[str, Any] = {}
        self.setStyleSheet(STYLE_SHEET)

        self.product_list = QListWidget()
        self.product_list.setMaximumWidth(280)
        self.new_button = QPushButton()
        self.save_button = QPushButton()
        self.delete_button = QPushButton()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)

        self.name_edit = QLineEdit()
        self.category_edit = QLineEdit()
        self.packaging_edit = QLineEdit()
        self.net_content_edit = QLineEdit()
        self.pirt_edit = QLineEdit()
        self.pirt_edit.setPlaceholderText("2063510010243-26")
        self.pirt_decoded_label = QLabel()
        self.pirt_decoded_label.setWordWrap(True)
        self.pirt_warning_label = QLabel()
        self.pirt_warning_label.setWordWrap(True)
        self.pirt_warning_label.setProperty("role", "fieldWarning")
        self.shelf_life_spin = QSpinBox()
        self.shelf_life_spin.setRange(0, 3650)
        self.shelf_life_spin.setSpecialValueText("—")
        self.ingredients_edit = QPlainTextEdit()
        self.ingredients_edit.setMaximumHeight(70)
        self.label_notes_edit = QPlainTextEdit()
        self.label_notes_edit.setMaximumHeight(70)

        self.rows = {
            "name": FieldRow(self.name_edit),
            "category": FieldRow(self.category_edit),
            "packaging": FieldRow(self.packaging_edit),
            "net_content": FieldRow(self.net_content_edit),
            "pirt_number": FieldRow(self.pirt_edit),
            "shelf_life_days": FieldRow(self.shelf_life_spin),
            "ingredients": FieldRow(self.ingredients_edit),
            "label_notes": FieldRow(self.label_notes_edit),
        }
        self.form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        for key, row in self.rows.items():
            label = QLabel()
            self._labels[key] = label
            self.form.addRow(label, self._pirt_box(row) if key == "pirt_number" else row)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addStretch(1)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.product_list)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addLayout(body)

        self.product_list.currentRowChanged.connect(self._on_product_list_current_row_changed)
        self.pirt_edit.textChanged.connect(self._on_pirt_edit_text_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.retranslate_ui()
        self.set_enterprise(None, [])

    def _pirt_box(self, row: FieldRow) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(row)
        layout.addWidget(self.pirt_decoded_label)
        layout.addWidget(self.pirt_warning_label)
        return box

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        labels = {
            "name": self.tr("Nama produk"),
            "category": self.tr("Jenis pangan"),
            "packaging": self.tr("Kemasan"),
            "net_content": self.tr("Berat/isi bersih"),
            "pirt_number": self.tr("Nomor P-IRT"),
            "shelf_life_days": self.tr("Umur simpan (hari)"),
            "ingredients": self.tr("Komposisi"),
            "label_notes": self.tr("Catatan label"),
        }
        for key, text in labels.items():
            self._labels[key].setText(text)
        self.new_button.setText(self.tr("Produk baru"))
        self.save_button.setText(self.tr("Simpan produk"))
        self.delete_button.setText(self.tr("Hapus produk"))
        self.hint_label.setText(
            self.tr("Simpan data IKM terlebih dahulu, lalu tambahkan produknya di sini.")
        )
        self._show_pirt(self.pirt_edit.text())

    @property
    def products(self) -> list[ProductRow]:
        """Return the products shown."""
        return list(self._products)

    def set_enterprise(self, enterprise_id: str | None, products: list[ProductRow]) -> None:
        """Show the products of ``enterprise_id`` (None: an IKM not saved yet, nothing to edit)."""
        self._enterprise_id = enterprise_id
        self._products = list(products)
        self.product_list.blockSignals(True)
        self.product_list.clear()
        for product in self._products:
            item = QListWidgetItem(self._list_text(product))
            item.setData(Qt.ItemDataRole.UserRole, product.id)
            self.product_list.addItem(item)
        self.product_list.blockSignals(False)
        enabled = enterprise_id is not None
        self.hint_label.setVisible(not enabled)
        for widget in (self.product_list, self.new_button, self.save_button, self.delete_button):
            widget.setEnabled(enabled)
        for row in self.rows.values():
            row.editor.setEnabled(enabled)
        keep = self._current_id if any(p.id == self._current_id for p in products) else None
        self._load(next((p for p in self._products if p.id == keep), None))

    def select_product(self, product_id: str) -> None:
        """Show the product with ``product_id`` in the form."""
        for i in range(self.product_list.count()):
            if self.product_list.item(i).data(Qt.ItemDataRole.UserRole) == product_id:
                self.product_list.setCurrentRow(i)
                return

    def has_unsaved_changes(self) -> bool:
        """Return whether the product form differs from what was loaded."""
        return self._enterprise_id is not None and self._form_state() != self._baseline

    def form_input(self) -> ProductInput:
        """Return the product form as service input."""
        shelf = self.shelf_life_spin.value()
        return ProductInput(
            enterprise_id=self._enterprise_id or "",
            name=self.name_edit.text(),
            category=self.category_edit.text(),
            packaging=self.packaging_edit.text(),
            net_content=self.net_content_edit.text(),
            ingredients=self.ingredients_edit.toPlainText(),
            pirt_number=self.pirt_edit.text(),
            shelf_life_days=shelf or None,
            label_notes=self.label_notes_edit.toPlainText(),
        )

    def _form_state(self) -> dict[str, Any]:
        data = self.form_input()
        return {k: getattr(data, k) or None for k in self.rows}

    def _load(self, product: ProductRow | None) -> None:
        self._current_id = None if product is None else product.id
        self.name_edit.setText("" if product is None else product.name)
        self.category_edit.setText((product and product.category) or "")
        self.packaging_edit.setText((product and product.packaging) or "")
        self.net_content_edit.setText((product and product.net_content) or "")
        self.pirt_edit.setText((product and product.pirt_number) or "")
        self.shelf_life_spin.setValue((product and product.shelf_life_days) or 0)
        self.ingredients_edit.setPlainText((product and product.ingredients) or "")
        self.label_notes_edit.setPlainText((product and product.label_notes) or "")
        for row in self.rows.values():
            row.clear()
        self.delete_button.setEnabled(product is not None)
        self._baseline = self._form_state()

    def _list_text(self, product: ProductRow) -> str:
        if product.pirt_number:
            return self.tr("{name}\nP-IRT {number}").format(
                name=product.name, number=product.pirt_number
            )
        return product.name

    def _show_pirt(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.pirt_decoded_label.clear()
            self.pirt_warning_label.clear()
            self.pirt_decoded_label.hide()
            self.pirt_warning_label.hide()
            return
        parsed = parse_pirt(text)
        self.pirt_decoded_label.setText("" if parsed is None else self._decoded_text(parsed))
        self.pirt_warning_label.setText("\n".join(pirt_problems(text, current_language())))
        self.pirt_decoded_label.setVisible(parsed is not None)
        self.pirt_warning_label.setVisible(bool(self.pirt_warning_label.text()))

    def _decoded_text(self, number: PirtNumber) -> str:
        lang = current_language()
        unknown = self.tr("tidak dikenal")
        packaging = number.packaging_name.get(lang) if number.packaging_name else unknown
        food_type = number.food_type_name.get(lang) if number.food_type_name else unknown
        text = self.tr(
            "Kemasan {packaging_code} ({packaging}) · jenis pangan {food_code} ({food}) · "
            "wilayah {region} · produk ke-{product} · IRTP {irtp} · berlaku s.d. {year}"
        ).format(
            packaging_code=number.packaging_code,
            packaging=packaging,
            food_code=number.food_type_code,
            food=food_type,
            region=number.region_code,
            product=number.product_no,
            irtp=number.irtp_no,
            year=number.expiry_year,
        )
        if number.expired(date.today()):
            text += "\n" + self.tr("SPP-IRT sudah berakhir: produk tidak boleh diedarkan.")
        return text

    def _save_work(self, data: ProductInput, product_id: str | None) -> Any:
        def work(session: Any) -> str:
            if product_id is None:
                return create_product(session, data)
            update_product(session, product_id, data)
            return product_id

        return work

    def _discard_allowed(self) -> bool:
        """Return True when nothing is unsaved or the user agrees to throw the edits away."""
        return not self.has_unsaved_changes() or dialogs.confirm(
            self,
            self.tr("Perubahan belum disimpan"),
            self.tr("Perubahan pada produk ini belum disimpan. Buang perubahan itu?"),
        )

    @Slot(int)
    def _on_product_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._products) and self._products[row].id != self._current_id:
            if not self._discard_allowed():
                self.select_product(self._current_id or "")
                return
            self._load(self._products[row])

    @Slot(str)
    def _on_pirt_edit_text_changed(self, text: str) -> None:
        self._show_pirt(text)

    @Slot()
    def _on_new_button_clicked(self) -> None:
        if not self._discard_allowed():
            return
        self.product_list.clearSelection()
        self._load(None)
        self.name_edit.setFocus()

    @Slot()
    def _on_save_button_clicked(self) -> None:
        if self._enterprise_id is None:
            return
        self.save_button.setEnabled(False)
        run_operation(
            self._save_work(self.form_input(), self._current_id),
            database=self._database,
            changes=(PRODUCT,),
            on_success=self._on_save_succeeded,
            on_failure=self._on_save_failed,
            parent=self,
        )

    def _on_save_succeeded(self, product_id: object) -> None:
        self.save_button.setEnabled(True)
        self._current_id = str(product_id)
        self._baseline = self._form_state()
        self.products_changed.emit()

    def _on_save_failed(self, error: object) -> None:
        self.save_button.setEnabled(True)
        if mark_field_error(self.rows, error):
            return
        if isinstance(error, BaseException):
            dialogs.show_error(self, error)

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        product_id = self._current_id
        if product_id is None or not dialogs.confirm(
            self,
            self.tr("Hapus produk"),
            self.tr("Hapus produk {name}?").format(name=self.name_edit.text()),
        ):
            return
        run_operation(
            lambda session: delete_product(session, product_id),
            database=self._database,
            changes=(PRODUCT,),
            on_success=lambda _result: self._on_delete_succeeded(),
            on_failure=lambda error: dialogs.show_error(self, error),
            parent=self,
        )

    def _on_delete_succeeded(self) -> None:
        self._load(None)
        self.products_changed.emit()
