"""Process start to the main window on a 100,000-IKM database, against a bare PySide6 window.

Each side runs in a fresh Python process (imports, Qt start-up and the first query included)
and says "ready" on stdout; the parent times from spawning it to that line and reads the
child's peak memory. The app side opens the real main window on the listing benchmark's
database (built once by ``bench_listing``) with the IKM list as its remembered page, and is
ready when that list shows its first page and its count. The bare side imports PySide6, runs
the same first-page and count queries through ``sqlite3`` and shows them in a QTableView.
Best of three runs each.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_listing import database_path, open_or_build
from bench.result import record

RUNS = 3

APP_SIDE = """
import sys
from PySide6.QtCore import QSettings, QTimer
from ikmdesk.ui.app import application, Launcher
from ikmdesk.ui.translations import install_language
app = application()
QSettings().setValue("window/last_page", "ikm")
install_language("id")
launcher = Launcher(db=sys.argv[1], demo=False)
launcher.start()
page = launcher.window.open_page("ikm")
def ready():
    if page.model.rowCount() > 0 and page.model.total > 0:
        app.processEvents()
        print("ready", page.model.total, flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, ready)
QTimer.singleShot(0, ready)
app.exec()
launcher.close()
"""

BARE_SIDE = """
import sqlite3, sys
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView
from bench.bench_listing import BASE_SQL, COUNT_SQL
app = QApplication(sys.argv[:1])
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute(BASE_SQL.format(where="", order="e.name ASC, e.id ASC"), (200, 0)).fetchall()
total = conn.execute(COUNT_SQL.format(where="")).fetchone()[0]
class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return len(rows)
    def columnCount(self, parent=QModelIndex()):
        return 8
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            value = rows[index.row()][index.column() + 1]
            return "" if value is None else str(value)
        return None
view = QTableView()
view.setModel(Model())
view.resize(1366, 768)
view.show()
def ready():
    app.processEvents()
    print("ready", total, flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def _run(script: str, db_path: Path, home: Path) -> tuple[float, int]:
    """Return (seconds from spawn to "ready", the child's peak RSS in KiB)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    seconds = time.perf_counter() - started
    _out, err = child.communicate(timeout=120)
    if not line.startswith("ready"):
        raise RuntimeError(f"child did not get ready: {line!r} {err[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before)


def main() -> None:
    """Print best-of-three start-up times of both sides, their ratio and the app's peak RSS."""
    open_or_build().close()
    path = database_path()
    app_times, bare_times, app_rss = [], [], 0
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        for _ in range(RUNS):
            seconds, rss = _run(APP_SIDE, path, home)
            app_times.append(seconds)
            app_rss = max(app_rss, rss)
            bare_times.append(_run(BARE_SIDE, path, home)[0])
    app_s, bare_s = min(app_times), min(bare_times)
    ratio = app_s / bare_s
    print(f"main window on 100,000 IKMs: {app_s:6.2f} s   (peak RSS {app_rss / 1024:.0f} MiB)")
    print(f"bare PySide6 table:          {bare_s:6.2f} s   ratio {ratio:.2f}")
    record(
        "startup",
        "process start to the main window on a 100,000-IKM database",
        ratio,
        seconds=round(app_s, 2),
        baseline_seconds=round(bare_s, 2),
        peak_rss_mib=round(app_rss / 1024),
    )


if __name__ == "__main__":
    main()
