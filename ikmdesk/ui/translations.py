"""Interface language: Indonesian is the source language; English comes from a shipped .qm.

API:

- ``LANGUAGES``: ``("id", "en")``; ``DEFAULT_LANGUAGE = "id"``.
- ``install_language(lang) -> str``: remove translators this module installed and install
  those for ``lang`` on the running QCoreApplication (Qt then sends every widget a
  LanguageChange event). Returns the language in force.
- ``current_language() -> str``: the language last installed.
- ``saved_language() -> str`` / ``save_language(lang)``: the user's choice, kept in QSettings
  (organisation "IKMDesk"), used when no ``--lang`` is given.
- ``qm_path(lang) -> Path``: where the compiled translation of ``lang`` ships.
- ``install_pseudo()``: developers' check for clipped layouts: every text is shown ~40 %
  longer and bracketed (``[Beranda~~~]``), placeholders kept. ``run_app`` installs it when
  the environment has ``IKMDESK_PSEUDO_TRANSLATION=1``; ``docs/screenshots.py --pseudo``
  shoots with it.

Translations are built by ``docs/update_translations.py`` (pyside6-lupdate over ikmdesk/ into
``resources/translations/ikmdesk_en.ts``, pyside6-lrelease into ``ikmdesk_en.qm``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ikmdesk.resource import resource_path

LANGUAGES: tuple[str, ...] = ("id", "en")
DEFAULT_LANGUAGE = "id"
ORGANISATION = "IKMDesk"
APPLICATION = "IKMDesk"
LANGUAGE_KEY = "ui/language"

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def qm_path(lang: str) -> Path:
    """Return the compiled translation file of ``lang`` inside the package resources."""
    return resource_path("translations", f"ikmdesk_{lang}.qm")


def app_settings() -> QSettings:
    """Return the per-user settings store of the app (window state, language)."""
    return QSettings(ORGANISATION, APPLICATION)


def saved_language() -> str:
    """Return the language the user chose last time, Indonesian when never chosen."""
    value = app_settings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    """Remember ``lang`` as the user's interface language."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    settings = app_settings()
    settings.setValue(LANGUAGE_KEY, lang)
    settings.sync()


def current_language() -> str:
    """Return the interface language installed last (Indonesian before any install)."""
    return _current


def install_language(lang: str) -> str:
    """Install the translators for ``lang`` in place of any installed before; returns it."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a running QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != DEFAULT_LANGUAGE:
        for translator in _translators(lang):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English,
            QLocale.Country.Indonesia,
        )
    )
    _current = lang
    return lang


class PseudoTranslator(QTranslator):
    """Returns every source text stretched and bracketed, to show clipping and glued text."""

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if not source:
            return source
        return f"[{source}{'~' * max(2, len(source) * 4 // 10)}]"


def install_pseudo() -> None:
    """Install the pseudo-translation on top of the current language."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_pseudo needs a running QApplication")
    translator = PseudoTranslator()
    app.installTranslator(translator)
    _installed.append(translator)


def _translators(lang: str) -> list[QTranslator]:
    ours = QTranslator()
    if not ours.load(str(qm_path(lang))):
        raise FileNotFoundError(f"translation file missing or unreadable: {qm_path(lang)}")
    found = [ours]
    qt_own = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{lang}", folder):
        found.append(qt_own)
    return found


def _locale(lang: str) -> QLocale:
    if lang == "id":
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
