"""Regenerate docs/screenshots: every page at 1366×768 in Indonesian and English, on demo data.

Usage: ``uv run python docs/screenshots.py [--out docs/screenshots]``. Runs offscreen in a
temporary data folder (your own data and settings are not touched) and writes
``<out>/<lang>/<nn>-<page>.png`` plus ``<out>/<lang>/00-setup.png`` (the first-run dialog)
and ``<out>/<lang>/sync-NN-<step>.png``, the first exchange step by step (``sync_screenshots``);
``--pseudo`` adds stretched texts in ``<out>/pseudo`` to spot clipped labels (not committed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZE = (1366, 768)
LANGS = ("id", "en")


def main(argv: list[str] | None = None) -> int:
    """Build a demo database and save a screenshot of every page in both languages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).parent / "screenshots"))
    parser.add_argument("--enterprises", type=int, default=150)
    parser.add_argument("--visits", type=int, default=900)
    parser.add_argument(
        "--pseudo", action="store_true", help="also shoot with stretched texts into <out>/pseudo"
    )
    parser.add_argument(
        "--only-sync", action="store_true", help="shoot only the sync exchange steps"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="ikmdesk-shots-") as tmp:
        os.environ["IKMDESK_DATA_DIR"] = str(Path(tmp) / "data")
        langs = (*LANGS, "pseudo") if args.pseudo else LANGS
        out, pages = Path(args.out), not args.only_sync
        return _shoot(out, Path(tmp), args.enterprises, args.visits, langs, pages=pages)


def _shoot(
    out: Path,
    tmp: Path,
    enterprises: int,
    visits: int,
    langs: tuple[str, ...],
    *,
    pages: bool = True,
) -> int:
    from PySide6.QtCore import QSettings

    from ikmdesk.services.data_file import open_data_file
    from ikmdesk.services.demo_data import build_demo
    from ikmdesk.ui.app import application
    from ikmdesk.ui.main_window import PAGES, MainWindow
    from ikmdesk.ui.setup_dialog import SetupDialog
    from ikmdesk.ui.translations import install_language, install_pseudo

    app = application()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    demo_path = tmp / "ikmdesk-demo.db"
    build_demo(demo_path, enterprises=enterprises if pages else 1, visits=visits if pages else 1)
    database = open_data_file(demo_path)
    fresh = open_data_file(tmp / "baru.db", create=True)
    try:
        for lang in langs:
            install_language("id" if lang == "pseudo" else lang)
            if lang == "pseudo":
                install_pseudo()
            folder = out / lang
            folder.mkdir(parents=True, exist_ok=True)
            if lang != "pseudo":
                script = Path(__file__).with_name("sync_screenshots.py")
                subprocess.run([sys.executable, str(script), str(folder), lang], check=True)
            if not pages:
                continue
            setup = SetupDialog(fresh)
            setup.show()
            _settle(app)
            setup.grab().save(str(folder / "00-setup.png"))
            setup.close()
            window = MainWindow(database)
            window.resize(*SIZE)
            window.show()
            for number, spec in enumerate(PAGES, start=1):
                window.open_page(spec.name)
                _settle(app)
                target = folder / f"{number:02d}-{spec.name}.png"
                window.grab().save(str(target))
                print(target)
            _shoot_editors(app, window, folder)
            window.close()
            window.deleteLater()
            _settle(app)
    finally:
        install_language("id")
        database.close()
        fresh.close()
    return 0


def _shoot_editors(app, window, folder: Path) -> None:
    """Shoot the editors: a new IKM saved empty (every error at once), a visit and its checklist."""
    from ikmdesk.ui.visit_editor import VisitEditor

    ikm = window.open_page("ikm")
    ikm.new_record()
    ikm.editor.save()  # nothing typed: every required field is marked, nothing is stored
    _settle(app)
    shots = [("20-ikm-simpan-kosong.png", window.grab())]
    ikm.show_list()
    visits = window.open_page("kunjungan")
    _settle(app)
    if visits.model.rowCount() > 0:
        visits.open_visit(visits.model.row_id(0))
        _settle(app)
        shots.append(("21-kunjungan-editor.png", window.grab()))
        visits.editor.tabs.setCurrentIndex(VisitEditor.TAB_QUALITY)
        _settle(app)
        shots.append(("22-kunjungan-pemeriksaan.png", window.grab()))
        visits.show_list()
    for name, picture in shots:
        picture.save(str(folder / name))
        print(folder / name)


def _settle(app, seconds: float = 1.0) -> None:
    """Let queued work finish and its results paint (pages load off the GUI thread)."""
    from ikmdesk.ui.operations import wait_for_operations

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        wait_for_operations(200)
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
