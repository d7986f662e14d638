"""Renders any checklist template as a form and shows its result live while it is answered.

Each item gets the widget its answer type needs: yes/no/n.a. radio buttons, a number spin box
with unit and range, a choice combo, free text, or a photo picker (one of the visit's photos).
An item that fails (for CPPB-IRT: answered "yes", the non-conformity was found) opens the
finding fields the template asks for: PLOR, corrective action and deadline. The result is
scored with the same pure function the service stores, so what is shown is what is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.errors import UserError
from ikmdesk.services.checklist_template import (
    ChecklistItem,
    ChecklistTemplate,
    FindingField,
    NonconformityLevelRule,
)
from ikmdesk.services.item_basis import ItemBasis, item_bases
from ikmdesk.services.licence_status import EXPIRED_ONLY, HOLDS, spp_irt_readiness
from ikmdesk.services.quality_check import FINDING_COLUMNS, AnswerInput
from ikmdesk.services.quality_scoring import AnswerValue, QualityResult, score
from ikmdesk.ui import dialogs
from ikmdesk.ui.translated_widget import TranslatedWidget
from ikmdesk.ui.translations import current_language
from ikmdesk.ui.validation_style import STYLE_SHEET, FieldRow, OptionalDateEdit

NUMBER_SPAN = 1_000_000.0
"""Range of a number item that sets no min/max of its own."""

FORMS_KEPT = 3
"""How many templates' built rows a checklist keeps to show again without building them."""

_ANSWER_KEYS = tuple(f.name for f in dataclass_fields(AnswerInput))


def answer_to_json(answer: AnswerInput) -> dict[str, Any]:
    """Return ``answer`` as JSON-ready data (dates as ISO text), for recovery files."""
    data = {key: getattr(answer, key) for key in _ANSWER_KEYS}
    if isinstance(data["due_date"], date):
        data["due_date"] = data["due_date"].isoformat()
    return data


def answer_from_json(data: Mapping[str, Any]) -> AnswerInput:
    """Return the answer stored by ``answer_to_json``."""
    values = {key: data.get(key) for key in _ANSWER_KEYS}
    if isinstance(values["due_date"], str):
        values["due_date"] = date.fromisoformat(values["due_date"])
    return AnswerInput(**values)


class ItemRow(QFrame):
    """One checklist item: its question, the answer widget, and its finding fields."""

    changed = Signal()

    def __init__(
        self,
        item: ChecklistItem,
        finding_fields: tuple[FindingField, ...],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"item_{item.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._note = ""
        self.question_label = QLabel(self._question(item, lang))
        self.question_label.setWordWrap(True)
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if item.help is not None:
            self.question_label.setToolTip(item.help.get(lang))
        self.radios: dict[str, QRadioButton] = {}
        self.group: QButtonGroup | None = None
        self.spin: QDoubleSpinBox | None = None
        self.combo: QComboBox | None = None
        self.text_edit: QLineEdit | None = None
        answer = self._answer_widget(item, lang)
        self._restrict_na()
        self.answer_row = FieldRow(answer, reserve_space=False)  # keeps the list dense
        top = QHBoxLayout()
        top.addWidget(self.question_label, 1)
        top.addWidget(self.answer_row)
        self._top = top
        self.guidance_button: QPushButton | None = None  # made when first needed
        # The finding fields are built when the item first needs them (it fails, or a stored
        # answer or an error mark names them): most items of a checklist never fail, and
        # building every item's six fields was most of the time a checklist took to open.
        self._finding_fields = tuple(f for f in finding_fields if f.id in FINDING_COLUMNS)
        self._finding_box: QGroupBox | None = None
        self._finding_rows: dict[str, FieldRow] = {}
        self._finding_values: dict[str, Any] = {}
        self._finding_title = ""
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self._make_basis_label())

    @property
    def finding_box(self) -> QGroupBox:
        """Return the box of finding fields (built on first use, hidden until the item fails)."""
        if self._finding_box is None:
            self._build_finding_box()
        assert self._finding_box is not None
        return self._finding_box

    @property
    def finding_rows(self) -> dict[str, FieldRow]:
        """Return the finding fields by id (built on first use)."""
        self.finding_box  # noqa: B018 - builds the fields
        return self._finding_rows

    def built_finding_rows(self) -> dict[str, FieldRow]:
        """Return the finding fields built so far (none until the item first needed them)."""
        return self._finding_rows

    def _build_finding_box(self) -> None:
        """Build the finding fields of a failed item: PLOR, corrective action, deadline.

        This is the one place a failed item's extra rows are made; anything shown only for a
        failed item (a link to guidance, say) belongs here.
        """
        box = QGroupBox(self._finding_title)
        self._finding_box = box
        self.finding_form = QFormLayout(box)
        self.finding_labels: dict[str, QLabel] = {}
        lang = current_language()
        for field in self._finding_fields:
            widget: OptionalDateEdit | QLineEdit = (
                OptionalDateEdit() if field.answer == "date" else QLineEdit()
            )
            row = FieldRow(widget)
            label = QLabel(field.label.get(lang) + (" *" if field.required else ""))
            self._finding_rows[field.id] = row
            self.finding_labels[field.id] = label
            self.finding_form.addRow(label, row)
            stored = self._finding_values.get(field.id)
            if isinstance(widget, OptionalDateEdit):
                widget.set_value(stored)
                widget.dateChanged.connect(self.changed)
            else:
                widget.setText(stored or "")
                widget.textChanged.connect(self.changed)
        box.hide()
        layout = self.layout()
        assert layout is not None
        layout.addWidget(box)
        self._apply_read_only()

    @staticmethod
    def _question(item: ChecklistItem, lang: str) -> str:
        # Numbered forms (CPPB-IRT) are discussed by number; other ids are internal codes.
        text = item.text.get(lang)
        if item.id.isdigit():
            text = f"{item.id}. {text}"
        if item.nc_class is not None:
            text += f"  [{item.nc_class}]"
        return text + (" *" if item.required else "")

    def _answer_widget(self, item: ChecklistItem, lang: str) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        if item.answer == "yes_no_na":
            self.group = QButtonGroup(box)
            for value in ("yes", "no", "na"):
                radio = QRadioButton()
                radio.setObjectName(f"answer_{item.id}_{value}")
                self.radios[value] = radio
                self.group.addButton(radio)
                layout.addWidget(radio)
            self.group.buttonToggled.connect(lambda _button, _checked: self.changed.emit())
        elif item.answer == "number":
            self.spin = QDoubleSpinBox()
            low = item.min if item.min is not None else -NUMBER_SPAN
            high = item.max if item.max is not None else NUMBER_SPAN
            # The step below the allowed minimum stands for "not answered yet".
            self.spin.setRange(low - 1, high)
            self.spin.setDecimals(2)
            self.spin.setSpecialValueText("—")
            self.spin.setValue(self.spin.minimum())
            self.spin.setMinimumWidth(130)
            if item.unit:
                self.spin.setSuffix(f" {item.unit}")
            self.spin.valueChanged.connect(lambda _value: self.changed.emit())
            layout.addWidget(self.spin)
        elif item.answer == "choice":
            self.combo = QComboBox()
            self.combo.addItem("—", None)
            for option in item.options:
                self.combo.addItem(option.label.get(lang), option.value)
            self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
            layout.addWidget(self.combo)
        elif item.answer == "photo":
            self.combo = QComboBox()
            self.combo.addItem("—", None)
            self.combo.setMinimumWidth(180)
            self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
            layout.addWidget(self.combo)
        else:
            self.text_edit = QLineEdit()
            self.text_edit.setMinimumWidth(220)
            self.text_edit.textChanged.connect(lambda _text: self.changed.emit())
            layout.addWidget(self.text_edit)
        return box

    def _restrict_na(self) -> None:
        """Disable "T/B" on an item that always applies (the service refuses it too)."""
        radio = self.radios.get("na")
        if radio is not None and not self.item.na_allowed:
            radio.setEnabled(False)

    def _make_basis_label(self) -> QLabel:
        self.basis_label = QLabel()
        self.basis_label.setObjectName(f"basis_{self.item.id}")
        self.basis_label.setWordWrap(True)
        self.basis_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.basis_label.hide()
        return self.basis_label

    def show_basis(self, basis: ItemBasis | None, lang: str) -> None:
        """Show the limit this item is judged against, its source, and whether it is confirmed."""
        if basis is None:
            self.basis_label.hide()
            return
        parts = []
        if basis.critical:
            parts.append("<b>" + _escape(self.tr("Butir kritis")) + "</b>")
        parts.append(_escape(self.tr("Batas: {limit}").format(limit=basis.limit.get(lang))))
        parts.append(_escape(self.tr("Sumber: {source}").format(source=basis.source)))
        if not basis.confirmed:
            parts.append("<i>" + _escape(self.tr("perlu dikonfirmasi")) + "</i>")
        self.basis_label.setText("<small>" + " · ".join(parts) + "</small>")
        self.basis_label.show()
        radio = self.radios.get("na")
        if radio is not None and not basis.na_allowed:
            radio.setToolTip(
                self.tr('Butir ini selalu berlaku: "tidak berlaku" tidak dapat dipilih.')
            )

    def retranslate(self, yes: str, no: str, na: str, finding_title: str) -> None:
        """Set the radio texts and the finding box title."""
        for value, text in (("yes", yes), ("no", no), ("na", na)):
            if value in self.radios:
                self.radios[value].setText(text)
        self._finding_title = finding_title
        if self._finding_box is not None:
            self._finding_box.setTitle(finding_title)

    def value(self) -> AnswerValue:
        """Return the answer given (None: not answered)."""
        if self.group is not None:
            checked = next((v for v, r in self.radios.items() if r.isChecked()), None)
            return checked
        if self.spin is not None:
            current = self.spin.value()
            if current == self.spin.minimum():
                return None
            return int(current) if float(current).is_integer() else current
        if self.combo is not None:
            return self.combo.currentData()
        if self.text_edit is not None:
            return self.text_edit.text().strip() or None
        return None

    def set_value(self, value: AnswerValue) -> None:
        """Show ``value`` (None: not answered)."""
        if self.group is not None:
            self.group.setExclusive(False)
            for key, radio in self.radios.items():
                radio.setChecked(key == value)
            self.group.setExclusive(True)
        elif self.spin is not None:
            self.spin.setValue(self.spin.minimum() if value is None else float(value))
        elif self.combo is not None:
            index = self.combo.findData(value)
            if index < 0 and value is not None:
                self.combo.addItem(str(value), value)  # a photo answer not in the list (yet)
                index = self.combo.count() - 1
            self.combo.setCurrentIndex(max(0, index))
        elif self.text_edit is not None:
            self.text_edit.setText("" if value is None else str(value))

    def set_photo_choices(self, choices: list[tuple[str, str]]) -> None:
        """Offer these (attachment id, label) photos for a photo item."""
        if self.item.answer != "photo" or self.combo is None:
            return
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("—", None)
        for attachment_id, label in choices:
            self.combo.addItem(label, attachment_id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.blockSignals(False)

    def answer(self) -> AnswerInput:
        """Return the answer with its finding fields."""
        values: dict[str, Any] = {"value": self.value(), "note": self._note or None}
        values.update(self._finding_values)
        for key, row in self._finding_rows.items():
            widget = row.editor
            if isinstance(widget, OptionalDateEdit):
                values[key] = widget.value()
            elif isinstance(widget, QLineEdit):
                values[key] = widget.text().strip() or None
        return AnswerInput(**values)

    def set_answer(self, answer: AnswerInput | None) -> None:
        """Show a stored answer (None: empty)."""
        answer = answer or AnswerInput()
        self._note = answer.note or ""
        self.set_value(answer.value)
        self._finding_values = {
            field.id: getattr(answer, field.id, None) for field in self._finding_fields
        }
        for key, row in self._finding_rows.items():
            widget = row.editor
            stored = self._finding_values.get(key)
            if isinstance(widget, OptionalDateEdit):
                widget.set_value(stored)
            elif isinstance(widget, QLineEdit):
                widget.setText(stored or "")

    def is_touched(self) -> bool:
        """Return whether anything is entered for this item."""
        answer = self.answer()
        return any(getattr(answer, key) not in (None, "") for key in _ANSWER_KEYS)

    def set_finding(self, is_finding: bool) -> None:
        """Show or hide the finding fields (they keep their text while hidden)."""
        if not self._finding_fields or (not is_finding and self._finding_box is None):
            return
        self.finding_box.setVisible(is_finding)

    def show_guidance_link(self, shown: bool, open_sheet: Callable[[], None]) -> None:
        """Show a small "Panduan" button (a failed item with a guidance sheet) or hide it."""
        if shown and self.guidance_button is None:
            self.guidance_button = QPushButton(self.tr("Panduan"))
            self.guidance_button.setObjectName(f"guidance_{self.item.id}")
            self.guidance_button.setFlat(True)
            self.guidance_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.guidance_button.setStyleSheet(
                "QPushButton { color: palette(link); text-decoration: underline; border: none; }"
            )
            self.guidance_button.setToolTip(
                self.tr("Buka lembar panduan: apa yang harus dilakukan")
            )
            self.guidance_button.clicked.connect(open_sheet)
            self._top.insertWidget(1, self.guidance_button)
        if self.guidance_button is not None:
            self.guidance_button.setVisible(shown)

    def set_read_only(self, read_only: bool) -> None:
        """Let the answer and finding fields be changed or not."""
        self._read_only = read_only
        self.answer_row.editor.setEnabled(not read_only)
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        for row in self._finding_rows.values():
            widget = row.editor
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(self._read_only)
            else:
                widget.setEnabled(not self._read_only)

    def mark(self, field: str, message: str) -> None:
        """Mark the answer (``field`` empty) or one finding field with ``message``."""
        row = self.finding_rows.get(field) if field and self._finding_fields else None
        if row is not None:
            self.finding_box.show()
            row.mark(message)
        else:
            self.answer_row.mark(message)

    def clear_marks(self) -> None:
        """Remove every error mark of this item."""
        self.answer_row.clear()
        for row in self._finding_rows.values():
            row.clear()


@dataclass
class _Form:
    """The built rows of one template, kept to be shown again."""

    template: ChecklistTemplate | None
    container: QWidget
    layout: QVBoxLayout
    rows: dict[str, ItemRow]


class ChecklistWidget(TranslatedWidget):
    """Shows one checklist template as a form and its live result (level/grade, failures)."""

    answers_changed = Signal()
    guidance_requested = Signal(str)
    """The user asked for the guidance sheet of the failed item with this id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guidance_lookup: Callable[[str], set[str]] | None = None
        """Returns the item ids of a template (by code) that have a guidance sheet."""
        self._guidance_items: frozenset[str] = frozenset()
        self._template: ChecklistTemplate | None = None
        self._today: date | None = None
        self._pirt_numbers: tuple[str, ...] | None = None
        self._result: QualityResult | None = None
        self._read_only = False
        self._loading = False
        self._photo_choices: list[tuple[str, str]] = []
        self._error = ""
        self.item_rows: dict[str, ItemRow] = {}
        self._forms: dict[tuple[str, int, str], _Form] = {}
        self._form_language = ""
        self.setStyleSheet(STYLE_SHEET)

        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setObjectName("checklistTitle")
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setObjectName("checklistResult")
        self.result_label.setWordWrap(True)
        self.unverified_label = QLabel()
        self.unverified_label.setWordWrap(True)
        self.unverified_label.setProperty("role", "fieldWarning")
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("checklistVerdict")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.failed_label = QLabel()
        self.failed_label.setWordWrap(True)
        self.failed_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result_box = QFrame()
        result_box.setFrameShape(QFrame.Shape.StyledPanel)
        result_layout = QVBoxLayout(result_box)
        result_layout.setContentsMargins(6, 4, 6, 4)
        result_layout.addWidget(self.result_label)
        result_layout.addWidget(self.verdict_label)
        result_layout.addWidget(self.unverified_label)
        self._fix_failed_label_height()
        self.next_unanswered_button = QPushButton()
        self.next_unanswered_button.clicked.connect(self.jump_to_next_unanswered)
        failed_row = QHBoxLayout()
        failed_row.addWidget(self.failed_label, 1)
        failed_row.addWidget(self.next_unanswered_button)
        result_layout.addLayout(failed_row)

        self.items_widget, self.items_layout = self._new_items_container()
        self.items_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.items_widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.source_label)
        layout.addWidget(result_box)
        layout.addWidget(self.scroll_area, 1)
        self.retranslate_ui()

    @staticmethod
    def _new_items_container() -> tuple[QWidget, QVBoxLayout]:
        widget = QWidget()
        widget.setObjectName("checklistItems")
        return widget, QVBoxLayout(widget)

    def retranslate_ui(self) -> None:
        """Set every text in the current interface language."""
        for row in self.item_rows.values():
            yes, no = self._answer_words(row.item)
            row.retranslate(yes, no, self.tr("T/B"), self.tr("Temuan dan perbaikan"))
        self.next_unanswered_button.setText(self.tr("Ke butir yang belum dijawab"))
        self._show_bases()
        self._show_result()

    def _fix_failed_label_height(self) -> None:
        # The list of failed items grows with each answer; at a fixed height it no longer pushes
        # the items down under the pointer. The whole list stays in its tooltip.
        self.failed_label.setWordWrap(False)
        self.failed_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.failed_label.setFixedHeight(self.failed_label.fontMetrics().height() + 4)

    def _compact_failed_label(self, failed_items: Sequence[Any]) -> None:
        """Show the failed items on one line (numbers only), the full list in the tooltip."""
        self.failed_label.setToolTip(self.failed_label.text())
        numbers = ", ".join(
            f"{f.item_id}{'' if f.nc_class is None else f' [{f.nc_class}]'}" for f in failed_items
        )
        self.failed_label.setText(self.tr("Tidak sesuai: {items}").format(items=numbers))
        self.failed_label.setVisible(True)
        if not failed_items:
            self.failed_label.clear()

    @Slot()
    def jump_to_next_unanswered(self) -> str | None:
        """Scroll to the next item with no answer (after the one in view) and focus it.

        Returns its id, or None when every item is answered.
        """
        rows = list(self.item_rows.values())
        top = self.scroll_area.verticalScrollBar().value()
        open_rows = [row for row in rows if row.value() is None]
        if not open_rows:
            return None
        after = [row for row in open_rows if row.y() > top + 4]
        target = after[0] if after else open_rows[0]
        self.scroll_area.ensureWidgetVisible(target, 0, 40)
        focus = next(iter(target.radios.values()), None) or target.spin or target.combo
        (focus or target).setFocus(Qt.FocusReason.OtherFocusReason)
        return target.item.id

    def _answer_words(self, item: ChecklistItem) -> tuple[str, str]:
        """Return the words for "yes" and "no" on ``item``.

        A non-conformity item (CPPB-IRT) states a fault, so "Ya" would mean "not conforming";
        its answers say what they mean instead.
        """
        if item.nc_class is not None:
            return self.tr("Ada penyimpangan"), self.tr("Tidak ada")
        return self.tr("Ya"), self.tr("Tidak")

    @property
    def template(self) -> ChecklistTemplate | None:
        """Return the template shown."""
        return self._template

    @property
    def result(self) -> QualityResult | None:
        """Return the result of the answers as they stand (None when unscorable or empty)."""
        return self._result

    def set_template(
        self,
        template: ChecklistTemplate | None,
        answers: Mapping[str, AnswerInput] | None = None,
        *,
        today: date | None = None,
    ) -> None:
        """Show ``template`` (None: nothing) filled with ``answers``; ``today`` dates P-IRT."""
        self._loading = True
        self._today = today
        lookup = self.guidance_lookup
        self._guidance_items = frozenset(lookup(template.id) if lookup and template else ())
        lang = current_language()
        self.title_label.setVisible(template is not None)
        self.source_label.setVisible(template is not None)
        if template is None:
            self.title_label.clear()
            self.source_label.clear()
        else:
            self.title_label.setText(
                f"<b>{_escape(template.title.get(lang))}</b> · v{template.version}"
            )
            self.source_label.setText(_escape(template.source.regulation))
        if template != self._template or self._form_language != lang:
            self._template = template
            self._show_form(template, lang)
        self.set_answers(answers or {})
        self.set_read_only(self._read_only)
        self._loading = False

    def _show_form(self, template: ChecklistTemplate | None, lang: str) -> None:
        """Put the rows of ``template`` in the list: built once, then kept for the next time.

        A visit's checks mostly use the same few templates, so switching between them (or
        coming back to the visit) swaps in rows already built instead of building 37 again.
        """
        key = None if template is None else (template.id, template.version, lang)
        form = self._forms.pop(key, None) if key is not None else None
        if form is not None and form.template != template:
            form.container.deleteLater()  # same id and version, other content: build afresh
            form = None
        if form is None:
            form = self._build_form(template, lang)
        shown = self.scroll_area.takeWidget()
        if shown is not None and shown is not form.container:
            shown.hide()
        self.scroll_area.setWidget(form.container)
        self.scroll_area.verticalScrollBar().setValue(0)
        self.items_widget, self.items_layout = form.container, form.layout
        self.item_rows = form.rows
        self._form_language = lang
        self._result = None  # the last form's result; the answers filled next are scored anew
        if key is not None:
            self._forms[key] = form  # the most recently shown last
            while len(self._forms) > FORMS_KEPT:
                stale = self._forms.pop(next(iter(self._forms)))
                if stale.container is not form.container:
                    stale.container.deleteLater()
        self.retranslate_ui()

    def _build_form(self, template: ChecklistTemplate | None, lang: str) -> _Form:
        # The rows are laid out in a container that is not on screen yet and shown in one go:
        # inserting them one by one into the shown list re-laid it out for every row.
        container, layout = self._new_items_container()
        rows: dict[str, ItemRow] = {}
        for section in () if template is None else template.sections:
            heading = QLabel(f"<b>{_escape(section.title.get(lang))}</b>", container)
            heading.setWordWrap(True)
            layout.addWidget(heading)
            for item in section.items:
                row = ItemRow(item, template.finding_fields, lang, container)  # type: ignore[union-attr]
                row.set_photo_choices(self._photo_choices)
                row.changed.connect(self._on_item_changed)
                rows[item.id] = row
                layout.addWidget(row)
        layout.addStretch(1)
        return _Form(template, container, layout, rows)

    def set_answers(self, answers: Mapping[str, AnswerInput]) -> None:
        """Fill the items with ``answers`` (items not named are emptied)."""
        was_loading = self._loading
        self._loading = True
        for item_id, row in self.item_rows.items():
            row.set_answer(answers.get(item_id))
            row.clear_marks()
        self._loading = was_loading
        self._rescore()

    def answers(self) -> dict[str, AnswerInput]:
        """Return the answers of every item something was entered for."""
        return {
            item_id: row.answer() for item_id, row in self.item_rows.items() if row.is_touched()
        }

    def all_answers(self) -> dict[str, AnswerInput]:
        """Return every item's answer, empty ones included (so clearing an answer is saved)."""
        return {item_id: row.answer() for item_id, row in self.item_rows.items()}

    def set_photo_choices(self, choices: list[tuple[str, str]]) -> None:
        """Offer these (attachment id, label) photos to photo items."""
        self._photo_choices = list(choices)
        for row in self.item_rows.values():
            row.set_photo_choices(self._photo_choices)

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock every answer (a submitted or approved visit is read-only)."""
        self._read_only = read_only
        for row in self.item_rows.values():
            row.set_read_only(read_only)

    def mark_error(self, field: str, message: str) -> bool:
        """Mark the item named by a service error field ("3" or "3.due_date"); False if unknown."""
        item_id, _, finding = field.partition(".")
        row = self.item_rows.get(item_id)
        if row is None:
            return False
        row.mark(finding, message)
        self.scroll_area.ensureWidgetVisible(row)
        return True

    def mark_date_problems(self) -> bool:
        """Mark every finding date that cannot be read, at its field; True when any is."""
        first: ItemRow | None = None
        for row in self.item_rows.values():
            for finding_row in row.built_finding_rows().values():
                problem = finding_row.problem() if finding_row.isVisibleTo(row) else None
                if problem is not None:
                    finding_row.mark(problem)
                    first = first or row
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first)
        return first is not None

    def _rescore(self) -> None:
        self._result = None
        self._error = ""
        if self._template is not None:
            values = {item_id: row.value() for item_id, row in self.item_rows.items()}
            try:
                self._result = score(self._template, values, today=self._today)
            except UserError as error:
                self._error = dialogs.translate_error(error)
        failed = set() if self._result is None else {f.item_id for f in self._result.failed_items}
        for item_id, row in self.item_rows.items():
            row.set_finding(item_id in failed)
            if item_id in self._guidance_items:
                row.show_guidance_link(item_id in failed, self._guidance_opener(item_id))
        self._show_result()

    def _guidance_opener(self, item_id: str) -> Callable[[], None]:
        return lambda: self.guidance_requested.emit(item_id)

    def _show_result(self) -> None:
        result = self._result
        lang = current_language()
        self._show_verdict()
        if self._template is None:
            self.result_label.setText(self.tr("Pilih atau mulai pemeriksaan mutu."))
            self.unverified_label.hide()
            self.failed_label.hide()
            return
        if result is None:
            self.result_label.setText(self._error)
            self.unverified_label.hide()
            self.failed_label.hide()
            return
        text = self.tr("Hasil: {label}").format(label=result.label.get(lang))
        if result.score is not None:
            text += "  " + self.tr("(skor {score:g})").format(score=result.score)
        if result.counts:
            counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
            text += "  · " + counts
        self.result_label.setText(text)
        self.unverified_label.setText(
            self.tr(
                "Perlu dikonfirmasi: aturan atau ambang penilaian ini belum terverifikasi "
                "dengan peraturan resmi."
            )
        )
        self.unverified_label.setVisible(result.unverified)
        failed = [
            f"{f.item_id}{'' if f.nc_class is None else f' [{f.nc_class}]'}: {f.text.get(lang)}"
            for f in result.failed_items
        ]
        if failed:
            shown = failed[:6]
            if len(failed) > len(shown):
                shown.append(self.tr("… dan %n butir lain", "", len(failed) - len(shown)))
            self.failed_label.setText(self.tr("Tidak sesuai:") + "\n" + "\n".join(shown))
        self.failed_label.setVisible(bool(failed))
        self._compact_failed_label(result.failed_items)

    def _show_bases(self) -> None:
        """Show each judged item's limit, source and "perlu dikonfirmasi" beside it."""
        lang = current_language()
        bases = {} if self._template is None else item_bases(self._template)
        for item_id, row in self.item_rows.items():
            row.show_basis(bases.get(item_id), lang)

    def _show_verdict(self) -> None:
        """Show the outcome, the critical items that failed and the consequences."""
        result = self._result
        if self._template is None or result is None:
            self.verdict_label.hide()
            return
        lang = current_language()
        verdict = result.verdict
        outcome = {
            "pass": self.tr("Sesuai"),
            "needs_improvement": self.tr("Perlu perbaikan"),
            "fail": self.tr("Tidak sesuai"),
            "not_assessed": self.tr("Tidak dapat dinilai"),
        }[verdict.outcome]
        lines = ["<b>" + _escape(self.tr("Keputusan: {outcome}").format(outcome=outcome)) + "</b>"]
        if verdict.failed_critical:
            names = [self._template.item(i).text.get(lang) for i in verdict.failed_critical]
            lines.append(
                _escape(
                    self.tr("Butir kritis tidak sesuai: {items}").format(items="; ".join(names))
                )
            )
        readiness = self._readiness_text(result)
        if readiness:
            lines.append(_escape("→ " + readiness + " (" + self.tr("perlu dikonfirmasi") + ")"))
        for action in result.actions:
            if readiness and "SPP-IRT" in action.text.id:
                continue  # worded above from the IKM's own licences
            text = "→ " + action.text.get(lang)
            if not action.verified:
                text += " (" + self.tr("perlu dikonfirmasi") + ")"
            lines.append(_escape(text))
        self.verdict_label.setText("<br>".join(lines))
        self.verdict_label.show()

    def set_licences(self, pirt_numbers: Sequence[str] | None) -> None:
        """Tell the form the IKM's P-IRT numbers, so a CPPB-IRT level is worded as readiness
        for the licence it holds or lacks (None: unknown, the template's advice is shown)."""
        self._pirt_numbers = None if pirt_numbers is None else tuple(pirt_numbers)
        if self._result is not None:
            self._show_verdict()

    def _readiness_text(self, result: QualityResult) -> str | None:
        """Return what the level means for this IKM's SPP-IRT, or None (see licence_status)."""
        numbers = self._pirt_numbers
        if numbers is None or self._template is None:
            return None
        if not isinstance(self._template.rule, NonconformityLevelRule):
            return None
        readiness = spp_irt_readiness(result.code, numbers, self._today or date.today())
        if readiness is None:
            return None
        level = "Level " + readiness.level.removeprefix("LEVEL_")
        listed = ", ".join(readiness.numbers)
        if readiness.holding == HOLDS:
            if readiness.ready:
                text = self.tr(
                    "IKM memegang SPP-IRT ({numbers}): kepemilikan izin ini menuntut sarana "
                    "tetap pada Level II atau lebih baik; saat ini {level}, pertahankan."
                )
            else:
                text = self.tr(
                    "IKM memegang SPP-IRT ({numbers}), tetapi sarana pada {level}: kepemilikan "
                    "izin ini menuntut Level II atau lebih baik; perlu perbaikan segera."
                )
        elif readiness.holding == EXPIRED_ONLY:
            if readiness.ready:
                text = self.tr(
                    "SPP-IRT IKM ({numbers}) sudah berakhir; sarana mencapai {level}: siap "
                    "mengajukan SPP-IRT baru."
                )
            else:
                text = self.tr(
                    "SPP-IRT IKM ({numbers}) sudah berakhir dan sarana pada {level}: belum siap "
                    "mengajukan SPP-IRT baru."
                )
        elif readiness.ready:
            text = self.tr(
                "Siap mengajukan SPP-IRT: sarana mencapai {level} (SPP-IRT diberikan untuk "
                "Level I–II)."
            )
        else:
            text = self.tr(
                "Belum siap mengajukan SPP-IRT: sarana pada {level}; perlu tindakan perbaikan "
                "dan pemeriksaan ulang hingga Level II atau lebih baik."
            )
        return text.format(numbers=listed, level=level)

    @Slot()
    def _on_item_changed(self) -> None:
        if self._loading:
            return
        self._rescore()
        self.answers_changed.emit()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
