"""The IKM page at 100,000 IKMs against a bare QTableView over a plain sqlite3 query.

Measures, in the same process and on the same database (built once by ``bench_listing``):

- open: build the page (EnterprisePage: its model reads the first page and the count) and
  paint it, against a QTableView over a minimal table model filled by the same first-page
  query and count through ``sqlite3``;
- keystroke: typing "s", "sa", "sar", "sari" into the search box and applying the filter
  (the page's debounce delay left out) until the table has painted, against the same LIKE
  query on name, owner and desa and a model reset.

- the CPPB-IRT checklist built and shown, and a visit opened on its CPPB-IRT check in the visit
  editor, against bare rows of a label and three radio buttons (goal: under 300 ms);
- a 12-megapixel photo added on the photo tab until its thumbnail shows, against decoding the
  same JPEG with Pillow alone (goal: under 1 s, with the GUI thread never held up long).

Prints best-of-N times and the ratios (page / bare). Usage: ``uv run python -m bench ui``.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from bench.bench_listing import BASE_SQL, COUNT_SQL, open_or_build
from bench.result import record

REPEAT = 5
PREFIXES = ("s", "sa", "sar", "sari")
SIZE = (1180, 660)
TEXT_WHERE = "AND (e.name LIKE ? OR e.owner_name LIKE ? OR d.name LIKE ?)"


class BareModel(QAbstractTableModel):
    """The least a table model can be: tuples in, their text out."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[Any, ...]] = []
        self.total = 0

    def set_rows(self, rows: Sequence[tuple[Any, ...]], total: int) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.total = total
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        value = (row[1], row[2], row[3], row[4], row[6], row[7], row[10], row[11])[index.column()]
        return "" if value is None else str(value)


def best(run: Callable[[], Any], repeat: int = REPEAT) -> float:
    """Return the fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Print open and per-keystroke times of the IKM page and of the bare table, with ratios."""
    from ikmdesk.ui.app import application
    from ikmdesk.ui.enterprise_page import EnterprisePage
    from ikmdesk.ui.translations import install_language

    app = application()
    install_language("id")
    db = open_or_build()
    conn = sqlite3.connect(f"{db.path.as_uri()}?mode=ro", uri=True)
    pages: list[EnterprisePage] = []
    try:
        first_sql = BASE_SQL.format(where="", order="e.name ASC, e.id ASC")
        count_sql = COUNT_SQL.format(where="")

        def open_page() -> None:
            page = EnterprisePage(db)
            page.resize(*SIZE)
            page.show()
            page.repaint()
            app.processEvents()
            pages.append(page)

        def open_bare() -> None:
            model = BareModel()
            model.set_rows(
                conn.execute(first_sql, (200, 0)).fetchall(),
                conn.execute(count_sql).fetchone()[0],
            )
            view = QTableView()
            view.setModel(model)
            view.resize(*SIZE)
            view.show()
            view.repaint()
            app.processEvents()
            view.close()

        page_open, bare_open = best(open_page), best(open_bare)
        rows = pages[-1].model.total
        for page in pages[:-1]:
            page.close()
        page = pages[-1]
        _report("open (first page + count, painted)", rows, page_open, bare_open)

        view, model = QTableView(), BareModel()
        view.setModel(model)
        view.resize(*SIZE)
        view.show()
        text_sql = BASE_SQL.format(where=TEXT_WHERE, order="e.name ASC, e.id ASC")
        text_count = COUNT_SQL.format(where=TEXT_WHERE)
        for prefix in PREFIXES:

            def page_keystroke(text: str = prefix) -> None:
                page.search_edit.blockSignals(True)  # the debounce timer is not what we time
                page.search_edit.setText(text)
                page.search_edit.blockSignals(False)
                page.apply_filter()
                page.repaint()
                app.processEvents()

            def bare_keystroke(text: str = prefix) -> None:
                pattern = f"%{text}%"
                params = (pattern, pattern, pattern)
                model.set_rows(
                    conn.execute(text_sql, (*params, 200, 0)).fetchall(),
                    conn.execute(text_count, params).fetchone()[0],
                )
                view.repaint()
                app.processEvents()

            page_s, bare_s = best(page_keystroke), best(bare_keystroke)
            _report(f"keystroke '{prefix}'", page.model.total, page_s, bare_s)
            if page.model.total != model.total:
                print(f"  note: row counts differ (page {page.model.total}, bare {model.total})")
        view.close()
        page.close()
        _checklist_rows(app)
        _photo_rows(app)
    finally:
        conn.close()
        db.close()


def _checklist_rows(app: Any) -> None:
    """Time showing the CPPB-IRT checklist against bare rows of a label and three radios.

    The target on this machine is under 300 ms (issue 12). Two rows: a checklist widget built
    from nothing (the first check a session opens), and a visit's CPPB-IRT check opened in the
    visit editor (read from the database, filled, scored and painted) once the form is built.
    Both against the same bare rows; wall and CPU time are printed, as the machine is shared.
    """
    from datetime import date

    from PySide6.QtWidgets import (
        QHBoxLayout,
        QLabel,
        QRadioButton,
        QScrollArea,
        QVBoxLayout,
        QWidget,
    )

    from ikmdesk.services.checklist_template import shipped_templates
    from ikmdesk.ui.checklist_widget import ChecklistWidget
    from ikmdesk.ui.visit_editor import VisitEditor

    template = next(t for t in shipped_templates() if t.id == "cppb-irt")
    items = list(template.items())

    def open_checklist() -> None:
        widget = ChecklistWidget()
        widget.resize(*SIZE)
        widget.set_template(template, today=date.today())
        widget.show()
        widget.repaint()
        app.processEvents()
        widget.close()
        widget.deleteLater()

    def open_bare() -> None:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        for item in items:
            row = QHBoxLayout()
            row.addWidget(QLabel(item.text.get("id")), 1)
            for text in ("Ya", "Tidak", "T/B"):
                row.addWidget(QRadioButton(text))
            layout.addLayout(row)
        area = QScrollArea()
        area.setWidget(inner)
        area.resize(*SIZE)
        area.show()
        area.repaint()
        app.processEvents()
        area.close()
        area.deleteLater()

    bare = timed(open_bare)
    _record_timed("checklist CPPB-IRT built and shown", len(items), timed(open_checklist), bare)

    db, visit_id = _visit_with_checks()
    editor = VisitEditor(db)
    editor.resize(*SIZE)
    editor.show()
    try:

        def open_in_editor() -> None:
            editor.load(visit_id)
            editor.tabs.setCurrentIndex(VisitEditor.TAB_QUALITY)
            editor.repaint()
            app.processEvents()

        def switch_check() -> None:
            other = editor.check_combo.currentIndex() ^ 1
            editor.check_combo.setCurrentIndex(other)
            editor.repaint()
            app.processEvents()

        open_in_editor()  # the first time builds the form (the row above times that)
        count = len(items)
        _record_timed("visit opened on its CPPB-IRT check", count, timed(open_in_editor), bare)
        _record_timed("switching between two CPPB-IRT checks", count, timed(switch_check), bare)
    finally:
        editor.autosave_timer.stop()
        editor.close()
        db.close()


def _visit_with_checks() -> tuple[Any, str]:
    """Return a fresh database with one visit holding two CPPB-IRT checks, and the visit's id."""
    import tempfile
    from datetime import date, timedelta
    from pathlib import Path

    from ikmdesk.models.enums import VisitPurpose
    from ikmdesk.services.data_file import open_data_file
    from ikmdesk.services.device import create_identity
    from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
    from ikmdesk.services.quality_check import start_check
    from ikmdesk.services.reference_data import cluster_id, region_id
    from ikmdesk.services.visit import VisitInput, create_visit

    db = open_data_file(Path(tempfile.mkdtemp(prefix="bench-ui-")) / "ikmdesk.db", create=True)
    with db.unit_of_work() as session:
        create_identity(session, role="officer", officer_name="Petugas Bench")
        enterprise_id = create_enterprise(
            session,
            EnterpriseInput(
                name="UD Bench", kecamatan_id=region_id("64.08.01"), cluster_id=cluster_id("pisang")
            ),
        )
        visit_id = create_visit(
            session,
            VisitInput(
                enterprise_id=enterprise_id,
                visit_date=date.today() - timedelta(days=1),
                purpose=VisitPurpose.MENTORING.value,
                activities="Pemeriksaan CPPB-IRT",
            ),
        )
        for _ in range(2):
            start_check(session, visit_id=visit_id, template_code="cppb-irt")
    return db, visit_id


PHOTO_PX = (4000, 3000)
"""A 12-megapixel phone photo."""


def _photo_rows(app: Any) -> None:
    """Time adding a 12-megapixel JPEG on the visit's photo tab against decoding it with Pillow.

    The add (read, checked, stored, thumbnailed, listed) must take under 1 s (issue 12) and run
    off the GUI thread: the longest the GUI thread went without handling events while it ran
    is printed too (a timer ticking every 5 ms measures it).
    """
    import tempfile
    from pathlib import Path

    from PIL import Image
    from PySide6.QtCore import QTimer

    from ikmdesk.ui.photo_widget import PhotoWidget

    folder = Path(tempfile.mkdtemp(prefix="bench-photo-"))
    noise = Image.effect_noise(PHOTO_PX, 40).convert("RGB")
    base = Image.blend(noise, Image.linear_gradient("L").resize(PHOTO_PX).convert("RGB"), 0.6)
    exif = Image.Exif()
    exif[0x0112] = 6  # taken upright: the thumbnail must be turned
    files = []
    for number in range(REPEAT):
        base.paste((40 * number, 0, 0), (0, 0, 64, 64))  # another file, not a stored blob
        path = folder / f"IMG_{number:04d}.jpg"
        base.save(path, "JPEG", quality=85, exif=exif)
        files.append(path)
    size_mb = files[0].stat().st_size / 1_000_000

    db, visit_id = _visit_with_checks()
    widget = PhotoWidget(db)
    widget.resize(*SIZE)
    widget.set_visit(visit_id, None)
    widget.show()
    app.processEvents()
    stalls: list[float] = []
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    pending = iter(files)
    try:

        def add_photo() -> None:
            count = widget.photo_list.count()
            ticks.clear()
            timer.start()
            ticks.append(time.perf_counter())
            widget.add_files([next(pending)])
            while widget.photo_list.count() == count:
                app.processEvents()
                time.sleep(0.001)
            timer.stop()
            ticks.append(time.perf_counter())
            stalls.append(max(b - a for a, b in itertools.pairwise(ticks)))

        def decode_only() -> None:
            with Image.open(files[0]) as image:
                image.load()

        added, decoded = timed(add_photo), timed(decode_only)
        _record_timed(f"photo {size_mb:.1f} MB added, thumbnail shown", 1, added, decoded)
        print(f"  longest GUI-thread stall while adding: {max(stalls) * 1000:.0f} ms")
    finally:
        widget.close()
        db.close()


def timed(run: Callable[[], Any], repeat: int = REPEAT) -> tuple[float, float, float]:
    """Return ``repeat`` runs as (fastest wall, fastest CPU, median wall) seconds.

    The median is printed too: on a machine shared with other work the fastest run is the
    cost of the code, the median what a user waits.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), sorted(walls)[len(walls) // 2]


def _record_timed(
    label: str, rows: int, page: tuple[float, float, float], bare: tuple[float, float, float]
) -> None:
    ratio = page[0] / bare[0] if bare[0] > 0 else float("inf")
    print(
        f"{label:38s} rows {rows:>7d}  page {page[0] * 1000:7.1f} ms "
        f"(median {page[2] * 1000:6.1f}, CPU {page[1] * 1000:6.1f})  "
        f"bare {bare[0] * 1000:7.1f} ms  ratio {ratio:5.2f}"
    )
    record(
        "ui",
        label,
        ratio,
        ms=round(page[0] * 1000, 1),
        median_ms=round(page[2] * 1000, 1),
        cpu_ms=round(page[1] * 1000, 1),
        baseline_ms=round(bare[0] * 1000, 1),
        goal_ms=1000 if label.startswith("photo") else 300,
    )


def _report(label: str, rows: int, page_s: float, bare_s: float) -> None:
    ratio = page_s / bare_s if bare_s > 0 else float("inf")
    record("ui", label, ratio, ms=round(page_s * 1000, 1), baseline_ms=round(bare_s * 1000, 1))
    print(
        f"{label:38s} rows {rows:>7d}  page {page_s * 1000:8.1f} ms  "
        f"bare {bare_s * 1000:8.1f} ms  ratio {ratio:5.2f}"
    )


if __name__ == "__main__":
    main()
