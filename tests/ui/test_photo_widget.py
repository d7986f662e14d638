"""Adding a photo works off the GUI thread: the window says it is adding, the upright thumbnail
appears when the work is done, a file that is no photo is reported, and a thumbnail a refresh
finds missing (a photo that came by sync) is made in the background and then shown.
"""

from __future__ import annotations

import shutil
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ikmdesk.db import Database
from ikmdesk.models.enums import VisitPurpose
from ikmdesk.services.attachment import thumbnail_dir
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.visit import VisitInput, create_visit
from ikmdesk.ui import dialogs
from ikmdesk.ui.operations import run_operation
from ikmdesk.ui.photo_widget import PhotoWidget
from tests.services.test_attachment import photo_bytes

LEFT = Qt.MouseButton.LeftButton


def make_visit(database: Database) -> tuple[str, str]:
    with database.unit_of_work() as session:
        enterprise_id = create_enterprise(
            session,
            EnterpriseInput(
                name="UD Amplang Samarinda",
                kecamatan_id=region_id("64.08.01"),
                cluster_id=cluster_id("pisang"),
            ),
        )
        visit_id = create_visit(
            session,
            VisitInput(
                enterprise_id=enterprise_id,
                visit_date=date.today() - timedelta(days=1),
                purpose=VisitPurpose.MENTORING.value,
                activities="Pemeriksaan sarana produksi",
            ),
        )
    return enterprise_id, visit_id


@pytest.fixture
def photos(qtbot: Any, database: Database) -> PhotoWidget:
    enterprise_id, visit_id = make_visit(database)
    widget = PhotoWidget(database)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.set_visit(visit_id, enterprise_id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def hold_the_worker() -> threading.Event:
    """Keep the one worker thread busy until the returned event is set."""
    release = threading.Event()
    run_operation(lambda: release.wait(10))
    return release


def test_a_photo_is_added_in_the_background_and_its_upright_thumbnail_shows(
    qtbot: Any, photos: PhotoWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = tmp_path / "IMG_2041.jpg"
    picture.write_bytes(photo_bytes(size=(640, 320), orientation=6))  # a phone held upright
    monkeypatch.setattr(dialogs, "open_files", lambda *_args: [picture])
    release = hold_the_worker()

    qtbot.mouseClick(photos.add_button, LEFT)
    # The click returned while the work waits: the window answers and says what it is doing.
    assert photos.is_adding
    assert photos.hint_label.text() == "Menambahkan foto…"
    assert not photos.add_button.isEnabled()
    assert photos.photo_list.count() == 0

    release.set()
    qtbot.waitUntil(lambda: photos.photo_list.count() == 1)
    assert not photos.is_adding
    assert photos.add_button.isEnabled()
    assert "Menambahkan" not in photos.hint_label.text()
    icon = photos.photo_list.item(0).icon()
    size = icon.availableSizes()[0]
    assert size.height() > size.width()  # turned upright by its EXIF orientation


def test_a_file_that_is_no_photo_is_reported_and_nothing_is_added(
    qtbot: Any, photos: PhotoWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "rusak.jpg"
    broken.write_bytes(b"this is no jpeg at all")
    errors: list[BaseException] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error: errors.append(error))
    monkeypatch.setattr(dialogs, "open_files", lambda *_args: [broken])

    qtbot.mouseClick(photos.add_button, LEFT)
    qtbot.waitUntil(lambda: bool(errors))
    assert "rusak.jpg" in dialogs.translate_error(errors[0])
    assert photos.photo_list.count() == 0
    assert not photos.is_adding
    assert photos.add_button.isEnabled()
    assert "Menambahkan" not in photos.hint_label.text()


def test_a_missing_thumbnail_is_made_in_the_background_then_shown(
    qtbot: Any, photos: PhotoWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = tmp_path / "gudang.jpg"
    picture.write_bytes(photo_bytes(gps=None))
    monkeypatch.setattr(dialogs, "open_files", lambda *_args: [picture])
    qtbot.mouseClick(photos.add_button, LEFT)
    qtbot.waitUntil(lambda: photos.photo_list.count() == 1)
    shutil.rmtree(thumbnail_dir(photos._store))  # as for a photo that arrived by sync
    photos._thumbnails_asked.clear()
    release = hold_the_worker()

    photos.refresh()
    assert photos.photo_list.item(0).icon().isNull()  # the refresh did not wait for it
    release.set()
    qtbot.waitUntil(lambda: not photos.photo_list.item(0).icon().isNull())
