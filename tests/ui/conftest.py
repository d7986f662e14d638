"""UI fixtures: isolated QSettings, Indonesian by default, small demo databases, main window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from ikmdesk.db import Database
from ikmdesk.paths import blob_dir
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.demo_data import build_demo
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.follow_up import FollowUpInput, create_follow_up
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.visit import VisitInput, create_visit
from ikmdesk.ui import change_bus as change_bus_module
from ikmdesk.ui.operations import wait_for_operations
from ikmdesk.ui.translations import APPLICATION, ORGANISATION, install_language
from tests.postgres_mode import copy_demo_on_server, server_url

DEMO_ENTERPRISES = 30
DEMO_VISITS = 120


@pytest.fixture(autouse=True)
def _isolated_qt_state(qapp, tmp_path: Path) -> Iterator[None]:
    """Give each test its own QSettings files, Indonesian texts and change bus."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    folder = str(tmp_path / "qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    install_language("id")
    change_bus_module.install_change_bus(change_bus_module.ChangeBus())
    yield
    wait_for_operations(10_000)
    qapp.processEvents()
    install_language("id")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database built once per test run; tests get copies of it.

    On PostgreSQL only the path is made here: the first test builds the demo on the server.
    """
    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    if server_url() is None:
        build_demo(path, enterprises=DEMO_ENTERPRISES, visits=DEMO_VISITS)
    return path


@pytest.fixture
def demo_database(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the small demo database, open for writing."""
    target = tmp_path / "demo.db"
    if server_url() is None:
        shutil.copyfile(demo_template, target)
    else:
        copy_demo_on_server(
            target,
            lambda path: build_demo(path, enterprises=DEMO_ENTERPRISES, visits=DEMO_VISITS),
            demo_template,
        )
    if blob_dir(demo_template).exists():
        shutil.copytree(blob_dir(demo_template), blob_dir(target))
    db = open_data_file(target)
    yield db
    wait_for_operations(10_000)
    db.close()


@pytest.fixture
def main_window(qtbot, demo_database: Database):
    """The main window on a demo database, shown at the size of a 1366×768 laptop screen."""
    from ikmdesk.ui.main_window import MainWindow

    window = MainWindow(demo_database)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    wait_for_operations(10_000)


def add_follow_up(
    database: Database,
    *,
    name: str = "Keripik Pisang Uji",
    action: str = "Pasang rak penyimpanan bahan",
    due_in_days: int = -5,
    visit_days_ago: int = 30,
) -> tuple[str, str]:
    """Create an enterprise, a visit and one follow-up through the services; returns ids."""
    today = date.today()
    with database.unit_of_work() as session:
        enterprise_id = create_enterprise(
            session,
            EnterpriseInput(
                name=name, kecamatan_id=region_id("64.08.01"), cluster_id=cluster_id("pisang")
            ),
        )
        visit_id = create_visit(
            session,
            VisitInput(
                enterprise_id=enterprise_id,
                visit_date=today - timedelta(days=visit_days_ago),
                purpose="mentoring",
            ),
        )
        follow_up_id = create_follow_up(
            session,
            FollowUpInput(
                visit_id=visit_id, action=action, due_date=today + timedelta(days=due_in_days)
            ),
        )
    return visit_id, follow_up_id
