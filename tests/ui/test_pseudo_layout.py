"""Layout under a pseudo-translation that makes every text 40 % longer (as Vorta checks it).

Every translated text is shown bracketed and padded (``[Beranda~~~]``, see
``translations.PseudoTranslator``), every page of the main window and the editors and dialogs
it opens are shown at 1366×768, and the test asserts what a user would see:

- no clipped text: a label without word wrap, or a button, check box or group box title, whose
  text is wider than the room it has;
- no dialog taller than the 768 px screen leaves (less a taskbar and a title bar), no window
  whose smallest size is taller than that or wider than 1366 px.

Screenshots of each screen go to ``$IKMDESK_PSEUDO_SHOTS`` when that is set (to look at them).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics, QScreen
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.services.follow_up import FollowUpFilter, list_follow_ups
from ikmdesk.services.sync_trust import PeerInfo
from ikmdesk.services.visit import VisitFilter, list_visits
from ikmdesk.ui.main_window import PAGE_NAMES, MainWindow
from ikmdesk.ui.operations import wait_for_operations
from ikmdesk.ui.translations import PseudoTranslator, install_pseudo

SCREEN = (1366, 768)
FREE_HEIGHT = SCREEN[1] - 40 - 30
"""What a window may take of the screen's height: less a taskbar and its own title bar."""
SHOTS = os.environ.get("IKMDESK_PSEUDO_SHOTS", "")
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</p>|</div>|</li>|\n", re.IGNORECASE)


def test_the_pseudo_translation_makes_every_text_longer_and_keeps_its_placeholders() -> None:
    pseudo = PseudoTranslator()
    text = pseudo.translate("VisitEditor", "Hasil: {label}")
    assert text.startswith("[Hasil: {label}") and text.endswith("]")
    assert len(text) >= len("Hasil: {label}") * 1.4
    assert text.format(label="Level 2").startswith("[Hasil: Level 2")


@pytest.fixture
def pseudo_window(
    qtbot: Any, demo_database: Database, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The main window built under the pseudo-translation at 1366×768."""
    # The offscreen screen is 800×800; windows that size themselves to the screen see a
    # 1366×768 laptop's with a 40 px taskbar instead.
    free = QRect(0, 0, SCREEN[0], SCREEN[1] - 40)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: free)
    install_pseudo()  # the autouse fixture puts Indonesian back afterwards
    window = MainWindow(demo_database)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    yield window
    wait_for_operations(10_000)


def test_every_page_fits_1366_by_768_with_no_clipped_text(
    qtbot: Any, pseudo_window: MainWindow
) -> None:
    assert "~" in pseudo_window.navigation.item(0).text()  # the pseudo-translation is on
    problems: list[str] = []
    for name in PAGE_NAMES:
        page = pseudo_window.open_page(name)
        settle(qtbot)
        problems += check_window(pseudo_window, f"page {name}")
        problems += check_tabs(qtbot, pseudo_window, page, f"page {name}")
    assert not problems, "\n".join(problems)


def test_the_editors_fit_with_no_clipped_text(qtbot: Any, pseudo_window: MainWindow) -> None:
    problems: list[str] = []
    enterprises = pseudo_window.open_page("ikm")
    enterprises.new_record()  # type: ignore[attr-defined]
    settle(qtbot)
    problems += check_window(pseudo_window, "new IKM")
    enterprises.editor.confirm_discard = lambda: True  # type: ignore[attr-defined]

    visits = pseudo_window.open_page("kunjungan")
    with pseudo_window.database.unit_of_work() as session:
        visit_id = list_visits(session, VisitFilter(), limit=1)[0].id
    visits.open_visit(visit_id)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: visits.editor.visit_id == visit_id)  # type: ignore[attr-defined]
    settle(qtbot)
    problems += check_window(pseudo_window, "visit editor")
    problems += check_tabs(qtbot, pseudo_window, visits.editor, "visit editor")  # type: ignore[attr-defined]
    assert not problems, "\n".join(problems)


def test_every_dialog_fits_the_screen_with_no_clipped_text(
    qtbot: Any, pseudo_window: MainWindow
) -> None:
    from ikmdesk.services.programme.diagnosis_template import current_form
    from ikmdesk.ui.diagnosis_dialog import DiagnosisDialog
    from ikmdesk.ui.follow_up_dialog import FollowUpDialog
    from ikmdesk.ui.follow_up_page import MarkDoneDialog
    from ikmdesk.ui.logbook_dialog import LogbookDialog
    from ikmdesk.ui.partner_dialog import PartnerDialog
    from ikmdesk.ui.passphrase_dialog import PassphraseDialog
    from ikmdesk.ui.report_page import ReportPreviewDialog
    from ikmdesk.ui.setup_dialog import SetupDialog
    from ikmdesk.ui.target_dialog import TargetDialog
    from ikmdesk.ui.trust_dialog import TrustDialog

    database: Database = pseudo_window.database
    today = date.today()
    with database.unit_of_work() as session:
        follow_up = list_follow_ups(session, FollowUpFilter())[0]
        visit = list_visits(session, VisitFilter(), limit=1)[0]
        visit_id = visit.id
        form = current_form(session)
    peer = PeerInfo(
        device_id="0f3c2a9e-0000-4000-8000-000000000001",
        role="officer",
        officer_name="Rina Wulandari",
        nip="198703122010012003",
        fingerprint="7K3Q-9ZLM-2XWD-PA4H",
        signing_public_key="",
        encryption_public_key="",
    )
    dialogs: dict[str, QDialog] = {
        "setup": SetupDialog(database, pseudo_window),
        "new follow-up": FollowUpDialog(database, today=today, parent=pseudo_window),
        "follow-up": FollowUpDialog(database, today=today, row=follow_up, parent=pseudo_window),
        "mark done": MarkDoneDialog(follow_up, today, pseudo_window),
        "partner": PartnerDialog(pseudo_window),
        "target": TargetDialog(
            starts_on=today, ends_on=today + timedelta(days=365), parent=pseudo_window
        ),
        "choose password": PassphraseDialog(pseudo_window, file_name="paket.ikms", choose=True),
        "enter password": PassphraseDialog(
            pseudo_window, file_name="paket.ikms", choose=False, wrong=True
        ),
        "trust": TrustDialog(pseudo_window, peer, source="paket.ikms"),
        "report preview": ReportPreviewDialog(database, "visit", visit_id, pseudo_window),
        "diagnosis": DiagnosisDialog(
            form, {}, diagnosed_on=today, title="Diagnosis awal", parent=pseudo_window
        ),
        "logbook": LogbookDialog(
            programme_id="programme",
            visits=[(visit_id, "02-12-2026 — KUB Kakao Bersatu")],
            partners=[("partner", "Balai Besar POM di Samarinda")],
            min_hours=3.0,
            parent=pseudo_window,
        ),
    }
    problems: list[str] = []
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        settle(qtbot)
        problems += check_window(dialog, f"dialog {name}")
        dialog.reject()
    assert not problems, "\n".join(problems)


def settle(qtbot: Any) -> None:
    """Let queued work report back and layouts settle."""
    wait_for_operations(10_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    qtbot.wait(30)


def check_tabs(qtbot: Any, window: QWidget, root: QWidget, where: str) -> list[str]:
    """Check ``window`` with each tab of every tab widget under ``root`` in front."""
    problems: list[str] = []
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisibleTo(window):
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(qtbot)
            problems += check_window(window, f"{where}, tab {index}")
        tabs.setCurrentIndex(0)
    return problems


def check_window(window: QWidget, where: str) -> list[str]:
    """Return what does not fit in ``window`` as it is shown now (and save its screenshot)."""
    if SHOTS:
        folder = Path(SHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^a-z0-9]+", "-", where.lower()).strip("-")
        window.grab().save(str(folder / f"{name}.png"))
    problems = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if isinstance(window, QDialog):
        tall = max(window.height(), minimum.height())
    else:  # the main window is shown at the whole screen; its content must fit the free height
        tall = minimum.height()
    if tall > FREE_HEIGHT:
        problems.append(f"{where}: {tall} px tall, the screen leaves {FREE_HEIGHT}")
    if minimum.width() > SCREEN[0]:
        problems.append(f"{where}: needs {minimum.width()} px width")
    navigation = window.findChild(QListWidget, "navigation")
    if navigation is not None and navigation.isVisibleTo(window):
        room = navigation.viewport().width()
        for row in range(navigation.count()):
            item = navigation.item(row)
            needed = navigation.visualItemRect(item).x() + _item_width(navigation, item)
            if needed > room:
                problems.append(f"{where}: navigation {item.text()!r} needs {needed}, has {room}")
    for widget in window.findChildren(QWidget):
        if widget.isVisibleTo(window) and widget.window() is window:
            problem = clipped(widget)
            if problem:
                problems.append(f"{where}: {problem}")
    return problems


def clipped(widget: QWidget) -> str | None:
    """Describe ``widget``'s text if it is wider than the room it has, else None."""
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text() or widget.pixmap() is not None:
            return None
        room = widget.contentsRect().width() - 2 * max(widget.margin(), 0)
        needed = text_width(widget.fontMetrics(), widget.text(), widget.textFormat())
    elif isinstance(widget, QPushButton | QCheckBox | QRadioButton):
        if not widget.text():
            return None
        room, needed = widget.width(), widget.sizeHint().width()
    elif isinstance(widget, QGroupBox):
        if not widget.title():
            return None
        room = widget.width()
        needed = QFontMetrics(widget.font()).horizontalAdvance(widget.title()) + 16
    else:
        return None
    if needed <= room + 1:
        return None
    text = widget.title() if isinstance(widget, QGroupBox) else widget.text()  # type: ignore[attr-defined]
    kind = type(widget).__name__
    owner = _owner(widget)
    return f"{kind} {text!r} in {owner} needs {needed} px, has {room}"


def _item_width(view: QListWidget, item: QListWidgetItem) -> int:
    """Return the width a list item's icon and text take (what the view elides when short)."""
    metrics = view.fontMetrics()
    icon = view.iconSize().width() + 8 if not item.icon().isNull() else 0
    return icon + metrics.horizontalAdvance(item.text()) + 2 * 4 + 10  # margins, the padding


def text_width(metrics: QFontMetrics, text: str, text_format: Qt.TextFormat) -> int:
    """Return the width of the widest line of ``text`` (tags removed from rich text)."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if rich:
        lines = [html.unescape(_TAG.sub("", part)) for part in _BREAK.split(text)]
    else:
        lines = text.split("\n")
    return max((metrics.horizontalAdvance(line.replace("&&", "&")) for line in lines), default=0)


def _owner(widget: QWidget) -> str:
    names = []
    parent: QWidget | None = widget
    while parent is not None and len(names) < 3:
        if parent.objectName():
            names.append(parent.objectName())
        parent = parent.parentWidget()
    return "/".join(names) or type(widget.parentWidget()).__name__
