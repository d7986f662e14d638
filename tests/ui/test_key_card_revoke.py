"""Revoking a lost laptop's key on the Sinkronisasi page, with real clicks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ikmdesk.services.sync_trust import revoked_peers, trusted_peers
from ikmdesk.ui import dialogs
from tests.sync.sync_helpers import introduce, make_node
from tests.ui.sync_page_driver import click, open_page


@pytest.fixture
def office(tmp_path: Path):
    supervisor = make_node(tmp_path / "sup", "Ir. Hendra Wijaya", role="supervisor")
    officer = make_node(tmp_path / "off", "Siti Rahmawati")
    introduce(supervisor, officer)
    yield supervisor, officer
    supervisor.db.close()
    officer.db.close()


def test_revoking_asks_first_and_then_lists_the_key_as_revoked(qtbot, monkeypatch, office):
    supervisor, officer = office
    questions: list[str] = []
    answers = iter([False, True])

    def confirm(_parent, _title, text):
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    page = open_page(qtbot, supervisor.db)
    box = page.key_cards
    assert "Siti Rahmawati" in box.peer_choice.currentText()
    tooltip = box.peer_choice.itemData(0, Qt.ItemDataRole.ToolTipRole)
    assert officer.info.fingerprint in tooltip

    click(qtbot, box.revoke_button)  # answered "Tidak": nothing changes
    with supervisor.db.unit_of_work() as session:
        assert [p.device_id for p in trusted_peers(session)] == [officer.id]

    click(qtbot, box.revoke_button)
    qtbot.waitUntil(lambda: "dicabut" in box.result_label.text(), timeout=30_000)
    assert len(questions) == 2 and "hilang atau dicuri" in questions[0]
    assert officer.info.fingerprint in questions[0]
    with supervisor.db.unit_of_work() as session:
        assert [p.device_id for p in revoked_peers(session)] == [officer.id]
    assert not box.revoke_button.isEnabled()
    assert "belum ada perangkat" in box.peer_choice.currentText()
