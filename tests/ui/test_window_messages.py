"""The window never tells its user to type a command: no flags, no ``ikmdesk`` commands."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from ikmdesk.errors import UserError
from ikmdesk.sync.package_format import MSG_APPLY_FAILED, MSG_UNKNOWN_SENDER
from ikmdesk.ui import dialogs
from ikmdesk.ui.passphrase_dialog import PassphraseDialog
from ikmdesk.ui.translation_build import read_messages, ts_path
from ikmdesk.ui.translations import install_language
from ikmdesk.ui.window_messages import COMMAND_LINE, WINDOW_TEXTS, without_command_line

PLACEHOLDER = re.compile(r"\{([a-z_0-9]+)(?::[^{}]*)?\}")


def _every_error_message() -> list[str]:
    return sorted({m.source for m in read_messages(ts_path("en")) if m.context == "errors"})


def _filled(message_id: str) -> UserError:
    return UserError(message_id, **{name: "X" for name in PLACEHOLDER.findall(message_id)})


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_error_message_shown_in_the_window_names_a_flag_or_a_command(qapp, lang):
    install_language(lang)
    shown = {m: dialogs.translate_error(_filled(m)) for m in _every_error_message()}
    leaking = {m: text for m, text in shown.items() if COMMAND_LINE.search(text)}
    assert not leaking
    assert all(text.strip() for text in shown.values())


def test_the_window_wording_keeps_what_the_user_must_know(qapp):
    install_language("id")
    text = dialogs.translate_error(
        UserError(MSG_UNKNOWN_SENDER, name="a.ikmsync", officer="Siti", role="officer",
                  fingerprint="AB12")
    )  # fmt: skip
    assert "Siti" in text and "AB12" in text and "--" not in text
    install_language("en")
    text = dialogs.translate_error(UserError(MSG_APPLY_FAILED, name="a.ikmsync", detail="CHECK"))
    assert "CHECK" in text and "All changes" in text and "--full" not in text
    assert MSG_APPLY_FAILED in WINDOW_TEXTS


def test_a_message_added_later_loses_only_its_command_line_part():
    text = "Paket rusak. Jalankan ikmdesk sync import --full lagi. Data tidak diubah (--db X)."
    assert without_command_line(text) == "Paket rusak. Data tidak diubah."


def test_the_export_passphrase_must_be_long_and_typed_twice(qtbot):
    dialog = PassphraseDialog(None, file_name="a.ikmsync", choose=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase_edit, "abc")
    qtbot.keyClicks(dialog.repeat_edit, "abc")
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()
    assert "10" in dialog.hint_label.text()
    qtbot.keyClicks(dialog.passphrase_edit, "defghijk")
    qtbot.keyClicks(dialog.repeat_edit, "defghijk")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.passphrase() == "abcdefghijk"
