"""Data kantor and IKM ganda pages, driven offscreen with the real services underneath."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt, QThread
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from sqlalchemy import func, select

from ikmdesk.models import Enterprise, Visit
from ikmdesk.services.backup import backup_now, list_backups
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.visit import VisitInput, create_visit
from ikmdesk.ui import dialogs
from ikmdesk.ui.duplicates_page import DuplicatesPage
from ikmdesk.ui.office_data_page import ImportPreviewModel, OfficeDataPage

WAIT = 10_000


def _registry(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Data IKM"
    sheet.append(["DAFTAR IKM PANGAN"])
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(["Nama Usaha", "Pemilik", "Desa", "Kecamatan", "Produk"])
    sheet.append(
        ["Keripik Pisang Bu Ani", "Ani", "Swarga Bara", "Sangatta Utara", "Keripik pisang"]
    )
    sheet.append(["Dodol", "Budi", None, "Sangata Utara", "Dodol"])
    book.save(path)
    return path


def _office_page(qtbot, database) -> OfficeDataPage:
    page = OfficeDataPage(database)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.cluster_combo.count() > 1, timeout=WAIT)
    return page


def _count(database, model) -> int:
    with database.unit_of_work() as session:
        return int(
            session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))
            or 0
        )


@pytest.mark.sqlite_only(reason="checks the SQLite file backup taken before an import")
def test_import_wizard_reads_previews_and_imports(qtbot, database, tmp_path, monkeypatch):
    path = _registry(tmp_path / "ikm.xlsx")
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: path)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    informed: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, _t, text: informed.append(text))
    page = _office_page(qtbot, database)
    assert not page.preview_button.isEnabled()

    with qtbot.waitSignal(page.table_read, timeout=WAIT):
        qtbot.mouseClick(page.choose_file_button, Qt.MouseButton.LeftButton)
    assert page.sheet_combo.currentText() == "Data IKM"
    assert page.mapping() == {"name": 0, "owner_name": 1, "desa": 2, "kecamatan": 3, "product": 4}
    assert page.mapping_combos["name"].currentText() == "Kolom A: Nama Usaha"
    assert not page.import_button.isEnabled()

    with qtbot.waitSignal(page.preview_ready, timeout=WAIT):
        qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    QAbstractItemModelTester(
        page.preview_model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    model = page.preview_model
    actions = [
        model.index(r, ImportPreviewModel.COL_ACTION).data() for r in range(model.rowCount())
    ]
    assert actions == ["Buat baru", "Lewati"]
    assert "Sangatta Utara" in model.index(1, ImportPreviewModel.COL_REASONS).data()
    assert page.preview_summary.text() == "1 baru, 0 diperbarui, 1 dilewati"

    with qtbot.waitSignal(page.import_finished, timeout=WAIT) as blocker:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].created == 1
    assert _count(database, Enterprise) == 1
    assert [b.reason for b in list_backups(database.path)] == ["import"]
    assert informed and "1 IKM baru" in informed[-1]


def test_changing_the_mapping_drops_the_stale_preview(qtbot, database, tmp_path):
    page = _office_page(qtbot, database)
    with qtbot.waitSignal(page.table_read, timeout=WAIT):
        page.read_file(_registry(tmp_path / "ikm.xlsx"))
    with qtbot.waitSignal(page.preview_ready, timeout=WAIT):
        page.make_preview()
    assert page.import_button.isEnabled()
    page.mapping_combos["owner_name"].setCurrentIndex(0)
    assert page.preview is None and not page.import_button.isEnabled()
    page.mapping_combos["kecamatan"].setCurrentIndex(0)
    assert not page.preview_button.isEnabled()


def test_export_tab_writes_the_filtered_list(qtbot, database, tmp_path, monkeypatch):
    with database.unit_of_work() as session:
        for name, cluster in (("Keripik Pisang", "pisang"), ("Cokelat Wahau", "kakao")):
            create_enterprise(
                session,
                EnterpriseInput(
                    name=name, kecamatan_id=region_id("64.08.04"), cluster_id=cluster_id(cluster)
                ),
            )
    out = tmp_path / "ekspor.xlsx"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: out)
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: None)
    page = _office_page(qtbot, database)
    assert [label.text() for label in page.export_labels[:3]] == [
        "Ekspor:",
        "Klaster:",
        "Kecamatan:",
    ]
    page.cluster_combo.setCurrentIndex(page.cluster_combo.findData("kakao"))
    assert page.personal_check.isEnabled()
    with qtbot.waitSignal(page.export_finished, timeout=WAIT) as blocker:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].rows == 1
    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["Cokelat Wahau"]

    page.export_kind_combo.setCurrentIndex(page.export_kind_combo.findData("followups"))
    assert not page.personal_check.isEnabled() and not page.dates_check.isEnabled()
    assert page.status_combo.itemText(1) == "Belum selesai"


@pytest.mark.sqlite_only(reason="backs up and restores the SQLite file")
def test_backup_tab_backs_up_and_asks_the_window_to_restore(qtbot, database, monkeypatch):
    page = _office_page(qtbot, database)
    assert page.backup_table.rowCount() == 0 and not page.restore_button.isEnabled()
    with qtbot.waitSignal(page.backups_listed, timeout=WAIT, check_params_cb=lambda n: n == 1):
        qtbot.mouseClick(page.backup_now_button, Qt.MouseButton.LeftButton)
    assert page.backup_table.item(0, 1).text() == "manual"
    page.backup_table.selectRow(0)
    assert page.restore_button.isEnabled()

    informed: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, _t, text: informed.append(text))
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert informed and "ikmdesk restore" in informed[0]  # no window listening: say how

    requested: list[str] = []
    page.restore_requested.connect(requested.append)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert requested == [str(page.backups[0].path)]


@pytest.mark.sqlite_only(reason="lists and restores the SQLite file's backups")
def test_backup_list_shows_reasons(qtbot, database):
    backup_now(database.path, reason="import")
    page = _office_page(qtbot, database)
    qtbot.waitUntil(lambda: page.backup_table.rowCount() == 1, timeout=WAIT)
    assert page.backup_table.item(0, 1).text() == "sebelum impor"


def test_duplicates_page_merges_the_chosen_pair(qtbot, database, monkeypatch):
    with database.unit_of_work() as session:
        ids = [
            create_enterprise(
                session,
                EnterpriseInput(
                    name=name, kecamatan_id=region_id("64.08.04"), cluster_id=cluster_id("pisang")
                ),
            )
            for name in ("UD. Sari Pisang", "Sari Pisang", "Dodol Durian")
        ]
        create_visit(session, VisitInput(ids[1], date(2026, 3, 4), "mentoring"))
    page = DuplicatesPage(database)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert page.count_label.text() == "1 pasangan"
    assert page.model.index(0, page.model.COL_REASONS).data() == "Nama mirip di desa yang sama"
    # The one with a visit is proposed for keeping.
    assert page.keep_panel.values["name"].text() == "Sari Pisang"
    assert page.keep_panel.values["visits"].text() == "1"
    qtbot.mouseClick(page.swap_button, Qt.MouseButton.LeftButton)
    assert page.keep_panel.values["name"].text() == "UD. Sari Pisang"

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text: asked.append(text) or True)
    with qtbot.waitSignal(page.merged, timeout=WAIT) as blocker:
        qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [ids[0]]
    assert "1 kunjungan" in asked[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT)
    assert not page.merge_button.isEnabled()
    with database.unit_of_work() as session:
        assert session.scalar(select(Visit.enterprise_id)) == ids[0]
    assert _count(database, Enterprise) == 2


def test_declined_merge_changes_nothing(qtbot, database, monkeypatch):
    with database.unit_of_work() as session:
        for name in ("Amplang Rina", "Amplang Rina"):
            create_enterprise(
                session,
                EnterpriseInput(
                    name=name, kecamatan_id=region_id("64.08.04"), cluster_id=cluster_id("pisang")
                ),
            )
    page = DuplicatesPage(database)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert _count(database, Enterprise) == 2
    with qtbot.waitSignal(page.pairs_loaded, timeout=WAIT):
        qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0


@pytest.mark.sqlite_only(reason="lists and restores the SQLite file's backups")
def test_restoring_from_the_page_brings_the_window_back_to_the_backup(
    qtbot, main_window, monkeypatch
):
    database = main_window.database
    backup_now(database.path)
    with database.unit_of_work() as session:
        create_enterprise(
            session,
            EnterpriseInput(
                name="Dibuat Sesudah Cadangan",
                kecamatan_id=region_id("64.08.04"),
                cluster_id=cluster_id("pisang"),
            ),
        )
    before = _count(database, Enterprise)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, _title, text: told.append(text))
    page = main_window.open_page("data_kantor")
    qtbot.waitUntil(lambda: page.backup_table.rowCount() == 1, timeout=WAIT)
    page.backup_table.selectRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert len(told) == 1 and "paket lengkap" in told[0]  # what to do next
    restored = main_window.database
    assert restored is not database
    assert _count(restored, Enterprise) == before - 1
    assert {b.reason for b in list_backups(restored.path)} == {"manual", "pre-restore"}


def test_a_long_duplicate_search_shows_progress_and_can_be_cancelled(qtbot, database, monkeypatch):
    import ikmdesk.ui.duplicates_page as duplicates_page

    def slow_search(session, progress):  # type: ignore[no-untyped-def]
        for done in range(10_000):
            progress.raise_if_cancelled()
            progress.report(done, 10_000)
            QThread.msleep(5)
        return []

    monkeypatch.setattr(duplicates_page, "find_duplicates", slow_search)
    page = DuplicatesPage(database)
    qtbot.addWidget(page)
    page.show()

    def dialog() -> QProgressDialog | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        return next((w for w in shown if w.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=WAIT)
    progress = dialog()
    assert progress is not None
    qtbot.waitUntil(lambda: progress.value() > 0, timeout=WAIT)
    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Batal")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "dibatalkan" in page.count_label.text(), timeout=WAIT)
    assert page.model.rowCount() == 0
