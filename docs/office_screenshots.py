"""Shoot the supervisor's screens at 1366×768 in Indonesian and English, on demo data.

Usage: ``uv run python docs/office_screenshots.py [--out docs/screenshots]``. Writes, per
language, ``30-beranda-kasi-<tab>.png`` (review queue, licences, stagnation risk),
``31-beranda-baru.png`` (a new database: where to start), ``32-desa.png`` (the Desa tab),
``33-konflik.png`` (the conflict list in words) and ``34-kata-sandi.png`` (the passphrase
dialog). Runs offscreen in a temporary data folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SIZE = (1366, 768)


def main(argv: list[str] | None = None) -> int:
    """Build a supervisor's demo database and save the pictures in both languages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).parent / "screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    with tempfile.TemporaryDirectory(prefix="ikmdesk-office-shots-") as tmp:
        os.environ["IKMDESK_DATA_DIR"] = str(Path(tmp) / "data")
        return _shoot(Path(args.out), Path(tmp))


def _shoot(out: Path, tmp: Path) -> int:
    from PySide6.QtCore import QSettings

    from ikmdesk.models import Enterprise
    from ikmdesk.services.demo_data import build_demo
    from ikmdesk.services.reference_data import region_id
    from ikmdesk.services.sync_service import export_package, import_package
    from ikmdesk.ui.app import application
    from ikmdesk.ui.passphrase_dialog import PassphraseDialog
    from ikmdesk.ui.translations import install_language
    from tests.conftest import make_database
    from tests.sync.sync_helpers import add_enterprise, edit, introduce, make_node

    app = application()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    kasi = make_database(tmp / "kasi.db", role="supervisor", name="Hendra Wijaya")
    build_demo(kasi, enterprises=150, visits=900)
    fresh = make_database(tmp / "baru.db", name="Siti Rahmawati")
    sup = make_node(tmp / "sup", "Hendra Wijaya", role="supervisor")
    off = make_node(tmp / "off", "Siti Rahmawati")
    introduce(sup, off)
    row = add_enterprise(off.db, "Keripik Pisang Selangkau")
    import_package(sup.db, export_package(off.db, tmp / "1.ikmsync").path)
    edit(off.db, Enterprise, row, phone="081254320000", halal_expires_on=date(2027, 1, 15))
    edit(sup.db, Enterprise, row, phone="081350001111", kecamatan_id=region_id("64.08.16"))
    edit(sup.db, Enterprise, row, halal_expires_on=date(2027, 3, 1))
    import_package(sup.db, export_package(off.db, tmp / "2.ikmsync").path)
    try:
        for lang in ("id", "en"):
            install_language(lang)
            folder = out / lang
            folder.mkdir(parents=True, exist_ok=True)
            window = _window(app, kasi)
            page = window.open_page("beranda")
            _settle(app)
            for tab, name in ((0, "tinjauan"), (2, "izin"), (3, "stagnasi")):
                page.lists.setCurrentIndex(tab)
                _save(app, window, folder / f"30-beranda-kasi-{name}.png")
            office = window.open_page("data_kantor")
            office.show_section("desa")
            office.desa_widget.select_kecamatan("Kaliorang")
            office.desa_widget.desa_table.selectRow(0)
            _save(app, window, folder / "32-desa.png")
            _close(app, window)
            window = _window(app, fresh)
            window.open_page("beranda")
            _save(app, window, folder / "31-beranda-baru.png")
            _close(app, window)
            window = _window(app, sup.db)
            window.open_page("sinkronisasi")
            _save(app, window, folder / "33-konflik.png")
            _close(app, window)
            dialog = PassphraseDialog(
                None, file_name="ikmdesk-siti-rahmawati-2026-12-04.ikmsync", choose=True
            )
            dialog.show()
            dialog.passphrase_edit.setText("kopi")
            _save(app, dialog, folder / "34-kata-sandi.png")
            dialog.close()
    finally:
        install_language("id")
        for db in (kasi, fresh, sup.db, off.db):
            db.close()
    return 0


def _window(app, database):
    from ikmdesk.ui.main_window import MainWindow

    window = MainWindow(database)
    window.resize(*SIZE)
    window.show()
    _settle(app)
    return window


def _close(app, window) -> None:
    window.close()
    window.deleteLater()
    _settle(app, 0.3)


def _save(app, widget, target: Path) -> None:
    _settle(app)
    widget.grab().save(str(target))
    print(target)


def _settle(app, seconds: float = 1.5) -> None:
    from ikmdesk.ui.operations import wait_for_operations

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        wait_for_operations(200)
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
