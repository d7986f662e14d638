"""The English translation is complete, matches the code, and switches the interface live."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from ikmdesk.ui.translation_build import (
    TARGET_LANGUAGES,
    qm_path,
    read_messages,
    run_lrelease,
    run_lupdate,
    ts_path,
)
from ikmdesk.ui.translations import current_language, install_language, saved_language

FIX = "run `uv run python docs/update_translations.py` and translate what it lists"
PLACEHOLDER = re.compile(r"(?<!\{)\{[a-z_0-9]*(?::[^{}]*)?\}(?!\})|%n")


@pytest.fixture(scope="module", params=TARGET_LANGUAGES)
def fresh_ts(request, tmp_path_factory) -> tuple[str, Path]:
    """The committed .ts updated from the current sources, in a temporary folder."""
    lang = request.param
    copy = tmp_path_factory.mktemp(f"ts-{lang}") / ts_path(lang).name
    shutil.copyfile(ts_path(lang), copy)
    run_lupdate(copy, lang)
    return lang, copy


def test_every_marked_string_is_in_the_committed_ts(fresh_ts):
    lang, fresh = fresh_ts
    committed = {(m.context, m.source) for m in read_messages(ts_path(lang))}
    current = {(m.context, m.source) for m in read_messages(fresh)}
    missing = sorted(current - committed)
    vanished = sorted(committed - current)
    assert not missing, f"new strings not in {ts_path(lang).name} ({FIX}): {missing[:10]}"
    assert not vanished, f"strings no longer in the code ({FIX}): {vanished[:10]}"


def test_every_string_is_translated(fresh_ts):
    lang, _ = fresh_ts
    untranslated = [
        (m.context, m.source)
        for m in read_messages(ts_path(lang))
        if m.unfinished or not all(t.strip() for t in m.translations)
    ]
    assert not untranslated, f"untranslated ({FIX}): {untranslated[:10]}"


def test_translations_keep_the_placeholders(fresh_ts):
    lang, _ = fresh_ts
    wrong = []
    for message in read_messages(ts_path(lang)):
        wanted = sorted(PLACEHOLDER.findall(message.source))
        for text in message.translations:
            if text and sorted(PLACEHOLDER.findall(text)) != wanted:
                wrong.append((message.context, message.source, text))
    assert not wrong, f"placeholders differ: {wrong[:5]}"


@pytest.mark.parametrize("lang", TARGET_LANGUAGES)
def test_committed_qm_is_built_from_the_committed_ts(lang, tmp_path):
    rebuilt = tmp_path / qm_path(lang).name
    run_lrelease(ts_path(lang), rebuilt)
    assert rebuilt.read_bytes() == qm_path(lang).read_bytes(), f"stale .qm: {FIX}"


def test_installing_english_translates_errors_and_pages(qapp):
    install_language("en")
    assert current_language() == "en"
    assert QCoreApplication.translate("MainWindow", "Beranda") == "Home"
    assert (
        QCoreApplication.translate("errors", "Nama petugas wajib diisi.")
        == "The officer's name is required."
    )
    install_language("id")
    assert QCoreApplication.translate("MainWindow", "Beranda") == "Beranda"


def test_switching_language_in_settings_changes_the_window_live(qtbot, main_window):
    settings = main_window.open_page("pengaturan")
    combo = settings.language_combo
    combo.setCurrentIndex(combo.findData("en"))

    nav = main_window.navigation
    qtbot.waitUntil(lambda: nav.item(0).text() == "Home")
    assert [nav.item(row).text() for row in range(nav.count())] == [
        "Home",
        "IKMs",
        "Visits",
        "Follow-ups",
        "Programmes",
        "Sync",
        "Reports",
        "Office data",
        "Duplicate IKMs",
        "Settings",
    ]
    assert main_window.menuBar().actions()[0].text() == "&File"
    assert main_window.sync_label.text() == "Last sync: never"
    assert saved_language() == "en"
    qtbot.waitUntil(lambda: main_window.current_page() is not settings)  # rebuilt in English
    assert main_window.current_page().title_label.text() == "Settings"
    follow_ups = main_window.open_page("tindak_lanjut")
    assert follow_ups.title_label.text() == "Follow-ups"
    assert follow_ups.model.headerData(0, Qt.Orientation.Horizontal) == "Due"
