"""The first exchange, step by step, as screenshots: officer → supervisor → officer, key cards.

Run by ``docs/screenshots.py`` once per language, each in its own process (three windows and
their databases per run; a fresh process leaves nothing of the last language behind):
``uv run python docs/sync_screenshots.py <folder> <lang>`` writes ``<folder>/sync-NN-<step>.png``.
Drives the real Sinkronisasi page and its own dialogs (trust, passphrase); only the native
file dialogs are replaced, by answers pointing into a temporary "stick" folder. A question
is drawn over the window where it opens, as the user sees it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SIZE = (1366, 768)
PASSPHRASE = "durian montong sangatta"


def main(argv: list[str]) -> int:
    """Shoot the exchange into ``argv[0]`` in language ``argv[1]``, in a temporary data folder."""
    folder, lang = Path(argv[0]), argv[1]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="ikmdesk-sync-shots-") as tmp:
        os.environ["IKMDESK_DATA_DIR"] = str(Path(tmp) / "data")
        from PySide6.QtCore import QSettings

        from ikmdesk.ui.app import application
        from ikmdesk.ui.translations import install_language

        app = application()
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "qsettings"))
        install_language(lang)
        folder.mkdir(parents=True, exist_ok=True)
        shoot_sync(app, folder, Path(tmp) / "sync")
    return 0


def shoot_sync(app, folder: Path, tmp: Path) -> list[Path]:
    """Run the exchange in fresh databases under ``tmp`` and save one PNG per step."""
    from ikmdesk.services.data_file import open_data_file
    from ikmdesk.services.demo_data import build_demo
    from ikmdesk.services.device import create_identity, update_officer
    from ikmdesk.ui import dialogs
    from ikmdesk.ui.main_window import MainWindow
    from ikmdesk.ui.passphrase_dialog import PassphraseDialog
    from ikmdesk.ui.trust_dialog import TrustDialog

    tmp.mkdir(parents=True, exist_ok=True)
    stick = tmp / "flashdisk"
    stick.mkdir()
    officer_db = open_data_file(tmp / "siti.db", create=True)
    build_demo(officer_db, enterprises=25, visits=80)
    with officer_db.unit_of_work() as session:
        update_officer(session, officer_name="Siti Rahmawati, S.TP", nip="198703122010012003")
    supervisor_db = open_data_file(tmp / "kasi.db", create=True)
    other_db = open_data_file(tmp / "rahmat.db", create=True)
    with supervisor_db.unit_of_work() as session:
        create_identity(
            session, role="supervisor", officer_name="Ir. Bambang Sutrisno",
            nip="197005151995031002",
        )  # fmt: skip
    with other_db.unit_of_work() as session:
        create_identity(session, role="officer", officer_name="Rahmat Hidayat")

    saved: list[Path] = []
    picked: list[Path] = []
    dialogs.save_file = lambda _parent, _title, name, _filter: stick / Path(name).name
    dialogs.open_files = lambda *_args, **_kwargs: list(picked)
    dialogs.open_file = lambda *_args, **_kwargs: picked[0]
    shots: list[Path] = []

    def shot(window, name: str, dialog=None) -> None:
        window.refresh_status()  # three windows in one process share one change bus
        _settle(app)
        target = folder / f"sync-{len(shots) + 1:02d}-{name}.png"
        _grab(window, dialog).save(str(target))
        shots.append(target)
        print(target)

    officer = _window(MainWindow, officer_db)
    supervisor = _window(MainWindow, supervisor_db)
    other = _window(MainWindow, other_db)
    try:
        officer_page = officer.open_page("sinkronisasi")
        _until(app, lambda: officer_page.data is not None)
        shot(officer, "petugas-sebelum-ekspor")

        officer_page.export_button.click()
        choose = _question(app, officer_page, PassphraseDialog)
        choose.passphrase_edit.setText("durian")
        choose.repeat_edit.setText("durian")
        shot(officer, "petugas-kata-sandi-terlalu-pendek", choose)
        choose.passphrase_edit.setText(PASSPHRASE)
        choose.repeat_edit.setText(PASSPHRASE)
        officer_page.export_finished.connect(lambda results: saved.append(results[0].path))
        choose.ok_button.click()
        _until(app, lambda: bool(saved))
        shot(officer, "petugas-sesudah-ekspor")

        supervisor_page = supervisor.open_page("sinkronisasi")
        _until(app, lambda: supervisor_page.data is not None)
        picked[:] = [saved[-1]]
        supervisor_page.import_button.click()
        trust = _question(app, supervisor_page, TrustDialog)
        shot(supervisor, "kasi-percayai-petugas", trust)
        trust.trust_button.click()
        enter = _question(app, supervisor_page, PassphraseDialog)
        enter.passphrase_edit.setText("durian montong")
        enter.ok_button.click()
        retry = _question(app, supervisor_page, PassphraseDialog, not_this=enter)
        retry.passphrase_edit.setText(PASSPHRASE)
        shot(supervisor, "kasi-kata-sandi-salah", retry)
        done: list[object] = []
        supervisor_page.import_completed.connect(done.append)
        retry.ok_button.click()
        _until(app, lambda: bool(done) and supervisor_page.recipient_combo.count() > 1)
        shot(supervisor, "kasi-sesudah-impor")

        supervisor_page.recipient_combo.setCurrentIndex(1)
        supervisor_page.export_finished.connect(lambda results: saved.append(results[0].path))
        supervisor_page.export_button.click()
        _until(app, lambda: len(saved) == 2)
        shot(supervisor, "kasi-ekspor-balasan")

        picked[:] = [saved[-1]]
        officer_page.import_button.click()
        trust = _question(app, officer_page, TrustDialog)
        shot(officer, "petugas-percayai-kasi", trust)
        done.clear()
        officer_page.import_completed.connect(done.append)
        trust.trust_button.click()
        _until(app, lambda: bool(done) and officer_page.recipient_combo.currentData() is not None)
        shot(officer, "petugas-sesudah-impor-balasan")

        other_page = other.open_page("sinkronisasi")
        _until(app, lambda: other_page.data is not None)
        cards: list[object] = []
        other_page.key_cards.key_card_saved.connect(cards.append)
        other_page.key_cards.save_button.click()
        _until(app, lambda: bool(cards))
        shot(other, "petugas-simpan-kartu-kunci")

        picked[:] = [stick / "kartu-kunci-Rahmat-Hidayat.json"]
        supervisor_page.key_cards.import_button.click()
        trust = _question(app, supervisor_page.key_cards, TrustDialog)
        shot(supervisor, "kasi-percayai-kartu-kunci", trust)
        trust.trust_button.click()
        _until(app, lambda: supervisor_page.recipient_combo.count() > 2)
        shot(supervisor, "kasi-sesudah-kartu-kunci")
    finally:
        for window in (officer, supervisor, other):
            window.close()
            window.deleteLater()
        _settle(app)
        for database in (officer_db, supervisor_db, other_db):
            database.close()
    return shots


def _window(window_class, database):
    window = window_class(database)
    window.resize(*SIZE)
    window.show()
    return window


def _grab(window, dialog):
    """Return the window's picture with ``dialog`` drawn centred over it, framed."""
    from PySide6.QtGui import QColor, QPainter, QPen

    picture = window.grab()
    if dialog is None:
        return picture
    face = dialog.grab()
    painter = QPainter(picture)
    left = (picture.width() - face.width()) // 2
    top = (picture.height() - face.height()) // 2
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))  # the window behind is modal-blocked
    painter.drawPixmap(left, top, face)
    painter.setPen(QPen(QColor("#5f6b7a"), 1))
    painter.drawRect(left - 1, top - 1, face.width() + 1, face.height() + 1)
    painter.end()
    return picture


def _question(app, owner, kind, *, not_this=None):
    _until(
        app,
        lambda: (
            isinstance(owner.question, kind)
            and owner.question is not not_this
            and owner.question.isVisible()
        ),
    )
    return owner.question


def _until(app, predicate: Callable[[], bool], seconds: float = 30.0) -> None:
    from ikmdesk.ui.operations import wait_for_operations

    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            texts = [label.text() for label in app.allWidgets() if hasattr(label, "text")]
            raise TimeoutError(f"the sync page did not reach the expected state: {texts}")
        wait_for_operations(100)
        app.processEvents()
        time.sleep(0.01)


def _settle(app, seconds: float = 0.6) -> None:
    from ikmdesk.ui.operations import wait_for_operations

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        wait_for_operations(100)
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
