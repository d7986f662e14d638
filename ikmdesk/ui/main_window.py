"""The main window: navigation between pages, menus, shortcuts and the status bar.

It composes pages and does none of their work. Pages are built the first time they are
opened. What a page may offer (all optional, found by name):

- ``new_record()``: Ctrl+N ("Kunjungan baru") on that page; when the current page has none,
  Ctrl+N opens the Kunjungan page and calls its ``new_record()``.
- ``focus_search()``: Ctrl+F. ``save()``: Ctrl+S.
- ``open_visit(visit_id: str)`` (Kunjungan), ``open_enterprise(enterprise_id: str)`` (IKM):
  called when another page asks to show that record.
- signals ``visit_requested(str)`` / ``enterprise_requested(str)``: emitted by a page to ask
  the window to show a visit / an enterprise on its own page; ``follow_ups_requested(str)``
  opens Tindak lanjut filtered to a state; ``page_requested(str)`` opens a page by name;
  ``section_requested(str, str)`` opens a page on a part of it (``show_section(name)`` of
  that page, or its ``new_record()`` for "new");
  ``restore_requested(str)`` replaces the database with a backup (``restore_backup``).
- ``has_unsaved_changes() -> bool``: asked before the window closes or rebuilds pages.
- ``retranslate_ui()`` or a ``changeEvent`` for ``QEvent.LanguageChange``: not needed; on a
  language switch the window rebuilds every page that has no unsaved changes.

Page modules are imported when their page is first opened, so the window appears quickly.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.errors import CONTEXT, UserError
from ikmdesk.resource import resource_path
from ikmdesk.services.dashboard import last_sync
from ikmdesk.services.device import DeviceInfo, this_device
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import ChangeBus, install_change_bus
from ikmdesk.ui.operations import pending_operations, wait_for_operations
from ikmdesk.ui.translations import app_settings, current_language
from ikmdesk.ui.wheel_guard import install_wheel_guard


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate in ``context``; translated where it is shown."""
    return text


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A page of the navigation: its name, title (source text) and where its class lives."""

    name: str
    title: str
    module: str
    class_name: str
    shortcut: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "beranda",
        QT_TRANSLATE_NOOP("MainWindow", "Beranda"),
        "ikmdesk.ui.dashboard_page",
        "DashboardPage",
        "Ctrl+1",
    ),
    PageSpec(
        "ikm",
        QT_TRANSLATE_NOOP("MainWindow", "IKM"),
        "ikmdesk.ui.enterprise_page",
        "EnterprisePage",
        "Ctrl+2",
    ),
    PageSpec(
        "kunjungan",
        QT_TRANSLATE_NOOP("MainWindow", "Kunjungan"),
        "ikmdesk.ui.visit_page",
        "VisitPage",
        "Ctrl+3",
    ),
    PageSpec(
        "tindak_lanjut",
        QT_TRANSLATE_NOOP("MainWindow", "Tindak lanjut"),
        "ikmdesk.ui.follow_up_page",
        "FollowUpPage",
        "Ctrl+4",
    ),
    PageSpec(
        "program",
        QT_TRANSLATE_NOOP("MainWindow", "Program"),
        "ikmdesk.ui.programme_page",
        "ProgrammePage",
        "Ctrl+0",
    ),
    PageSpec(
        "sinkronisasi",
        QT_TRANSLATE_NOOP("MainWindow", "Sinkronisasi"),
        "ikmdesk.ui.sync_page",
        "SyncPage",
        "Ctrl+5",
    ),
    PageSpec(
        "laporan",
        QT_TRANSLATE_NOOP("MainWindow", "Laporan"),
        "ikmdesk.ui.report_page",
        "ReportPage",
        "Ctrl+6",
    ),
    PageSpec(
        "data_kantor",
        QT_TRANSLATE_NOOP("MainWindow", "Data kantor"),
        "ikmdesk.ui.office_data_page",
        "OfficeDataPage",
        "Ctrl+7",
    ),
    PageSpec(
        "ikm_ganda",
        QT_TRANSLATE_NOOP("MainWindow", "IKM ganda"),
        "ikmdesk.ui.duplicates_page",
        "DuplicatesPage",
        "Ctrl+8",
    ),
    PageSpec(
        "pengaturan",
        QT_TRANSLATE_NOOP("MainWindow", "Pengaturan"),
        "ikmdesk.ui.settings_page",
        "SettingsPage",
        "Ctrl+9",
    ),
)
PAGE_NAMES: tuple[str, ...] = tuple(p.name for p in PAGES)
DEFAULT_PAGE = "beranda"

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
LAST_PAGE_KEY = "window/last_page"
SPLITTER_KEY = "window/splitter"


def page_icon(name: str) -> QIcon:
    """Return the navigation icon of a page (empty when none ships)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def page_class(spec: PageSpec) -> type[QWidget]:
    """Return the page's class, importing its module now (pages load on first use)."""
    return getattr(importlib.import_module(spec.module), spec.class_name)


class MainWindow(QMainWindow):
    """IKMDesk's window on one open database; pages are made on first use."""

    page_opened = Signal(str)
    language_changed = Signal(str)

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, demo: bool = False
    ) -> None:
        super().__init__(parent)
        install_wheel_guard()
        self.database = database
        self.demo = demo
        self.change_bus: ChangeBus = install_change_bus(ChangeBus(self))
        self._pages: dict[str, QWidget] = {}
        self._device: DeviceInfo | None = None
        self.setObjectName("mainWindow")
        self.setMinimumSize(QSize(800, 560))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(280)
        self.navigation.setUniformItemSizes(True)
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding-left: 10px; }")
        self.navigation.setIconSize(QSize(20, 20))
        for spec in PAGES:
            item = QListWidgetItem(page_icon(spec.name), "")
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            item.setSizeHint(QSize(140, 36))
            self.navigation.addItem(item)
        self.stack = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([170, 1100])
        self.setCentralWidget(self.splitter)

        self.demo_label = QLabel()
        self.demo_label.setStyleSheet("color: #e65100; font-weight: bold;")
        self.demo_label.setVisible(demo)
        self.officer_label = QLabel()
        self.database_label = QLabel()
        self.sync_label = QLabel()
        self.statusBar().addWidget(self.demo_label)
        for label in (self.officer_label, self.database_label, self.sync_label):
            self.statusBar().addPermanentWidget(label)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._actions: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        self._build_actions()
        self._build_menus()
        self.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.change_bus.data_changed.connect(self._on_change_bus_data_changed)

        self.retranslate_ui()
        self.refresh_status()
        self._restore_window_state()
        # Unsaved edits a crash left behind are offered at once, whatever page opens first.
        QTimer.singleShot(0, self, self.offer_recovery)

    @Slot()
    def offer_recovery(self) -> None:
        """Open the Kunjungan page when a crash left unsaved visit edits (it offers them back)."""
        from ikmdesk.services.editor_recovery import list_drafts

        try:
            drafts = list_drafts(database_path=self.database.path)
        except OSError:
            return
        if drafts and self.current_page_name() != "kunjungan":
            self.open_page("kunjungan")

    @property
    def pages(self) -> dict[str, QWidget]:
        """Return the pages built so far, by name."""
        return dict(self._pages)

    def current_page_name(self) -> str:
        """Return the name of the page on screen."""
        item = self.navigation.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else DEFAULT_PAGE

    def current_page(self) -> QWidget | None:
        """Return the page on screen (None before any page was opened)."""
        return self._pages.get(self.current_page_name())

    def open_page(self, name: str) -> QWidget:
        """Show the page called ``name`` (one of PAGE_NAMES), building it on first use."""
        if name not in PAGE_NAMES:
            raise KeyError(f"unknown page {name!r}; pages are {', '.join(PAGE_NAMES)}")
        row = PAGE_NAMES.index(name)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)  # _on_navigation_current_row_changed shows it
        else:
            self._show_page(name)
        return self._ensure_page(name)

    def page(self, name: str) -> QWidget:
        """Return the page called ``name``, built but not shown if it was not yet."""
        return self._ensure_page(name)

    def _show_page(self, name: str) -> None:
        page = self._ensure_page(name)
        self.stack.setCurrentWidget(page)
        self.page_opened.emit(name)

    def _ensure_page(self, name: str) -> QWidget:
        page = self._pages.get(name)
        if page is None:
            page = self._build_page(_spec(name))
            self._pages[name] = page
            self.stack.addWidget(page)
        return page

    def _build_page(self, spec: PageSpec) -> QWidget:
        page = page_class(spec)(self.database, self)
        page.setObjectName(f"page_{spec.name}")
        self._connect_requests(page)
        return page

    def _connect_requests(self, page: QWidget) -> None:
        visit_requested = getattr(page, "visit_requested", None)
        if visit_requested is not None:
            visit_requested.connect(self.show_visit)
        enterprise_requested = getattr(page, "enterprise_requested", None)
        if enterprise_requested is not None:
            enterprise_requested.connect(self.show_enterprise)
        page_requested = getattr(page, "page_requested", None)
        if page_requested is not None:
            page_requested.connect(self.open_page)
        section_requested = getattr(page, "section_requested", None)
        if section_requested is not None:
            section_requested.connect(self.show_section)
        follow_ups_requested = getattr(page, "follow_ups_requested", None)
        if follow_ups_requested is not None:
            follow_ups_requested.connect(self.show_follow_ups)
        restore_requested = getattr(page, "restore_requested", None)
        if restore_requested is not None:
            restore_requested.connect(self.restore_backup)

    @Slot(str)
    def show_visit(self, visit_id: str) -> None:
        """Open the Kunjungan page on one visit."""
        page = self.open_page("kunjungan")
        opener: Callable[[str], Any] | None = getattr(page, "open_visit", None)
        if opener is not None:
            opener(visit_id)

    @Slot(str, str)
    def show_section(self, name: str, section: str) -> None:
        """Open a page on one part of it: a tab ("desa"), or a new record ("new")."""
        page = self.open_page(name)
        shower: Callable[[str], Any] | None = getattr(page, "show_section", None)
        creator: Callable[[], Any] | None = getattr(page, "new_record", None)
        if shower is not None and section:
            shower(section)
        elif section == "new" and creator is not None:
            creator()

    @Slot(str)
    def show_follow_ups(self, state: str) -> None:
        """Open the Tindak lanjut page filtered to ``state`` ("overdue", "due", ...)."""
        page = self.open_page("tindak_lanjut")
        shower: Callable[[str], Any] | None = getattr(page, "show_state", None)
        if shower is not None:
            shower(state)

    @Slot(str)
    def show_enterprise(self, enterprise_id: str) -> None:
        """Open the IKM page on one enterprise."""
        page = self.open_page("ikm")
        opener: Callable[[str], Any] | None = getattr(page, "open_enterprise", None)
        if opener is not None:
            opener(enterprise_id)

    @Slot(int)
    def _on_navigation_current_row_changed(self, row: int) -> None:
        if not 0 <= row < len(PAGES):
            return
        leaving = self.stack.currentWidget()
        guard = getattr(leaving, "leave_with_guard", None)
        target = PAGES[row].name
        if (
            guard is not None
            and leaving is not self._pages.get(target)
            and _has_unsaved_changes(leaving)
        ):
            # Stay on the page until its edits are saved or thrown away (or never: Batal).
            self._select_row_quietly(leaving)
            guard(lambda: self.open_page(target))
            return
        self._show_page(PAGES[row].name)
        self._update_page_actions()

    def _select_row_quietly(self, page: QWidget) -> None:
        name = next((n for n, p in self._pages.items() if p is page), None)
        if name is None:
            return
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(PAGE_NAMES.index(name))
        self.navigation.blockSignals(False)

    def _page_title(self, spec: PageSpec) -> str:
        return QCoreApplication.translate("MainWindow", spec.title)

    def _build_actions(self) -> None:
        def action(key: str, slot: Callable[[], Any], shortcut: QKeySequence | str | None = None):
            act = QAction(self)
            act.setObjectName(f"action_{key}")
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(lambda _checked=False: slot())
            self.addAction(act)
            self._actions[key] = act
            return act

        action("new_record", self.trigger_new_record, QKeySequence.StandardKey.New)
        action("save", self.trigger_save, QKeySequence.StandardKey.Save)
        action("search", self.trigger_search, QKeySequence.StandardKey.Find)
        action("backup", self.backup_database)
        action("quit", self.close, QKeySequence.StandardKey.Quit)
        action("refresh", self.refresh_all, QKeySequence.StandardKey.Refresh)
        for spec in PAGES:
            action(f"page_{spec.name}", lambda n=spec.name: self.open_page(n), spec.shortcut)
        action("shortcuts", self.show_shortcuts)
        action("about", self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._menus["file"] = file_menu = bar.addMenu("")
        for key in ("new_record", "save", "backup"):
            file_menu.addAction(self._actions[key])
        file_menu.addSeparator()
        file_menu.addAction(self._actions["quit"])
        self._menus["data"] = data_menu = bar.addMenu("")
        data_menu.addAction(self._actions["search"])
        data_menu.addAction(self._actions["refresh"])
        data_menu.addSeparator()
        for spec in PAGES:
            data_menu.addAction(self._actions[f"page_{spec.name}"])
        self._menus["help"] = help_menu = bar.addMenu("")
        help_menu.addAction(self._actions["shortcuts"])
        help_menu.addAction(self._actions["about"])

    def retranslate_ui(self) -> None:
        """Set every text of the window itself in the current language."""
        self._menus["file"].setTitle(self.tr("&Berkas"))
        self._menus["data"].setTitle(self.tr("&Data"))
        self._menus["help"].setTitle(self.tr("Ba&ntuan"))
        texts = {
            "save": self.tr("&Simpan"),
            "search": self.tr("&Cari"),
            "backup": self.tr("Cadangkan basis data ke folder…"),
            "quit": self.tr("&Keluar"),
            "refresh": self.tr("&Muat ulang data"),
            "shortcuts": self.tr("Pintasan papan ketik"),
            "about": self.tr("Tentang IKMDesk"),
        }
        for key, text in texts.items():
            self._actions[key].setText(text)
        for row, spec in enumerate(PAGES):
            title = self._page_title(spec)
            self.navigation.item(row).setText(title)
            self._actions[f"page_{spec.name}"].setText(title)
        # Wide enough for the longest page name in this language, its icon, the style sheet's
        # padding and the frame (the items' own size hint is the first item's: uniform sizes).
        metrics = self.navigation.fontMetrics()
        longest = max(metrics.horizontalAdvance(self._page_title(spec)) for spec in PAGES)
        needed = longest + self.navigation.iconSize().width() + 2 * self.navigation.frameWidth()
        self.navigation.setMinimumWidth(min(needed + 40, 260))
        self._update_window_title()
        self._update_page_actions()
        self.refresh_status()

    def _update_window_title(self) -> None:
        if self.demo:
            # Officers must not type real visits into a file that disappears on exit.
            self.setWindowTitle(self.tr("IKMDesk — DATA DEMO (dihapus saat ditutup)"))
            self.demo_label.setText(
                self.tr("DEMO: data contoh di folder sementara, dihapus saat aplikasi ditutup.")
            )
        else:
            self.setWindowTitle(self.tr("IKMDesk — {file}").format(file=self.database.path.name))

    def _update_page_actions(self) -> None:
        page = self.current_page()
        own_new = page is not None and hasattr(page, "new_record")
        self._actions["new_record"].setText(
            self.tr("&Baru di halaman ini")
            if own_new and self.current_page_name() != "kunjungan"
            else self.tr("Kunjungan &baru")
        )
        self._actions["save"].setEnabled(page is not None and hasattr(page, "save"))
        self._actions["search"].setEnabled(page is not None and hasattr(page, "focus_search"))

    def trigger_new_record(self) -> None:
        """Ctrl+N: a new record on the current page, else a new visit."""
        page = self.current_page()
        if page is None or not hasattr(page, "new_record"):
            page = self.open_page("kunjungan")
        creator = getattr(page, "new_record", None)
        if creator is not None:
            creator()
        else:
            self.statusBar().showMessage(
                self.tr("Halaman ini belum dapat membuat data baru."), 4000
            )

    def trigger_save(self) -> None:
        """Ctrl+S: save on the current page if it can."""
        saver = getattr(self.current_page(), "save", None)
        if saver is not None:
            saver()

    def trigger_search(self) -> None:
        """Ctrl+F: move the cursor to the current page's search box if it has one."""
        focuser = getattr(self.current_page(), "focus_search", None)
        if focuser is not None:
            focuser()

    def refresh_all(self) -> None:
        """F5: tell every page to reload what it shows."""
        self.change_bus.notify(*sorted(_all_entities()))

    def refresh_status(self) -> None:
        """Show officer, database file and last sync in the status bar."""
        try:
            with self.database.unit_of_work() as session:
                self._device = this_device(session)
                synced = last_sync(session)
        except UserError:
            self._device, synced = None, None
        if self._device is None:
            self.officer_label.setText(self.tr("Petugas: belum disiapkan"))
        else:
            role = (
                self.tr("penyelia")
                if self._device.role.value == "supervisor"
                else self.tr("petugas")
            )
            self.officer_label.setText(
                self.tr("{name} ({role})").format(name=self._device.officer_name, role=role)
            )
        self.database_label.setText(self.tr("Data: {file}").format(file=self.database.path.name))
        self.database_label.setToolTip(str(self.database.path))
        self.sync_label.setText(
            self.tr("Sinkronisasi terakhir: {when}").format(when=_when(synced))
            if synced is not None
            else self.tr("Sinkronisasi terakhir: belum pernah")
        )

    @Slot(object)
    def _on_change_bus_data_changed(self, entities: frozenset[str]) -> None:
        if entities & {"device", "sync", "setting"}:
            self.refresh_status()

    def backup_database(self) -> None:
        """Copy the database (verified) into a folder the user picks, e.g. a USB stick."""
        from ikmdesk.services.backup import MSG_SERVER_BACKUP, backup_to_folder
        from ikmdesk.ui.operations import run_with_progress

        if self._refused_on_server(self.tr("Cadangkan basis data"), MSG_SERVER_BACKUP):
            return
        folder = dialogs.choose_folder(self, self.tr("Pilih folder untuk cadangan"))
        if folder is None:
            return
        path = self.database.path
        run_with_progress(
            self,
            self.tr("Mencadangkan basis data"),
            lambda progress: backup_to_folder(path, folder),
            on_success=lambda target: dialogs.inform(
                self,
                self.tr("Cadangan selesai"),
                self.tr("Cadangan tersimpan di {path}").format(path=str(target)),
            ),
        )

    @Slot(str)
    def restore_backup(self, backup_path: str) -> None:
        """Replace the open database with a backup: close it, restore, and open it again.

        Every page is closed first (they hold the database), so unsaved work is asked about.
        The replaced database is itself kept as a backup by ``services.backup.restore``.
        """
        from ikmdesk.services.backup import MSG_AFTER_RESTORE, MSG_SERVER_RESTORE, restore
        from ikmdesk.services.data_file import open_data_file

        if self._refused_on_server(self.tr("Pulihkan cadangan"), MSG_SERVER_RESTORE):
            return
        if not dialogs.confirm(
            self,
            self.tr("Pulihkan cadangan"),
            self.tr(
                "Ganti semua data di {file} dengan cadangan {backup}? Data yang sekarang "
                "disimpan dulu sebagai cadangan, jadi dapat dikembalikan."
            ).format(file=self.database.path.name, backup=Path(backup_path).name),
        ):
            return
        if any(_has_unsaved_changes(p) for p in self._pages.values()) and not dialogs.confirm(
            self,
            self.tr("Perubahan belum disimpan"),
            self.tr("Ada perubahan yang belum disimpan. Buang perubahan itu dan lanjutkan?"),
        ):
            return
        current = self.current_page_name()
        wait_for_operations()
        self._drop_pages()
        path = self.database.path
        self.database.close()
        try:
            restore(path, Path(backup_path))
        except UserError as exc:
            failed: UserError | None = exc
        else:
            failed = None
        finally:
            self.database = open_data_file(path)
        self.refresh_status()
        self.open_page(current)
        self.change_bus.notify(*sorted(_all_entities()))
        if failed is not None:
            dialogs.show_error(self, failed)
            return
        self.statusBar().showMessage(self.tr("Cadangan dipulihkan."), 6000)
        # The work done after this backup lives on only in the packages already sent; the
        # supervisor's reply to a full package brings it back (docs/sync-format.md).
        dialogs.inform(
            self,
            self.tr("Cadangan dipulihkan"),
            QCoreApplication.translate(CONTEXT, MSG_AFTER_RESTORE),
        )

    def _refused_on_server(self, title: str, message_id: str) -> bool:
        """On a server database, say that its backups are the server's (pg_dump) and refuse."""
        if self.database.is_file or self.database.url is None:
            return False
        from ikmdesk.dialect import display_url

        text = QCoreApplication.translate(CONTEXT, message_id)
        dialogs.inform(self, title, text.format(url=display_url(self.database.url)))
        return True

    def _drop_pages(self) -> None:
        for name, page in list(self._pages.items()):
            self.stack.removeWidget(page)
            del self._pages[name]
            page.deleteLater()

    def show_shortcuts(self) -> None:
        """List the keyboard shortcuts."""
        lines = [
            self.tr("Ctrl+N  Kunjungan baru (atau data baru di halaman ini)"),
            self.tr("Ctrl+S  Simpan"),
            self.tr("Ctrl+F  Cari"),
            self.tr("F5  Muat ulang data"),
            self.tr("Ctrl+1 … Ctrl+9  Pindah halaman"),
            self.tr("Ctrl+Q  Keluar"),
        ]
        dialogs.inform(self, self.tr("Pintasan papan ketik"), "\n".join(lines))

    def show_about(self) -> None:
        """Say what this program is and which version runs."""
        from ikmdesk import __version__

        dialogs.inform(
            self,
            self.tr("Tentang IKMDesk"),
            self.tr(
                "IKMDesk {version}\nPendampingan IKM pangan tanpa internet: kunjungan, "
                "pemeriksaan mutu, laporan PDF dan sinkronisasi lewat flashdisk."
            ).format(version=__version__),
        )

    def set_language(self, lang: str) -> None:
        """Switch the interface language now: install it and rebuild pages without unsaved work."""
        from ikmdesk.ui.translations import install_language, save_language

        save_language(lang)
        if lang == current_language():
            return
        install_language(lang)
        self.language_changed.emit(lang)
        # Rebuilt later so a page that asked for the switch is not deleted inside its own slot.
        QTimer.singleShot(0, self._rebuild_pages)

    def _rebuild_pages(self) -> None:
        current = self.current_page_name()
        for name, page in list(self._pages.items()):
            if _has_unsaved_changes(page):
                continue  # keeps its language until reopened; the user's work comes first
            self.stack.removeWidget(page)
            del self._pages[name]
            page.deleteLater()
        self._show_page(current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = [name for name, page in self._pages.items() if _has_unsaved_changes(page)]
        if unsaved and not dialogs.confirm(
            self,
            self.tr("Perubahan belum disimpan"),
            self.tr("Ada perubahan yang belum disimpan. Tutup aplikasi dan buang perubahan itu?"),
        ):
            event.ignore()
            return
        if pending_operations():
            self.statusBar().showMessage(self.tr("Menunggu pekerjaan yang sedang berjalan…"))
            wait_for_operations()
        self._save_window_state()
        event.accept()

    def _save_window_state(self) -> None:
        settings = app_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        settings.setValue(LAST_PAGE_KEY, self.current_page_name())
        settings.sync()

    def _restore_window_state(self) -> None:
        settings = app_settings()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)  # fits a 1366×768 laptop with its task bar
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        last = settings.value(LAST_PAGE_KEY, DEFAULT_PAGE)
        self.open_page(last if last in PAGE_NAMES else DEFAULT_PAGE)


def _spec(name: str) -> PageSpec:
    return PAGES[PAGE_NAMES.index(name)]


def _has_unsaved_changes(page: QWidget) -> bool:
    check = getattr(page, "has_unsaved_changes", None)
    return bool(check()) if check is not None else False


def _all_entities() -> frozenset[str]:
    from ikmdesk.ui.change_bus import ALL_ENTITIES

    return ALL_ENTITIES


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")
