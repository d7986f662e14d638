"""Error messages in the window's language: no command-line flags, no commands to type.

Services phrase some messages for the command line ("impor dengan --trust"). The window
shows ``window_message(error)`` instead: a window wording where one is declared here, and
otherwise the service's own message with any sentence or aside naming a flag or an
``ikmdesk`` command left out, so a message added later cannot send a window user to a shell.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from ikmdesk.errors import MSG_DEVICE_NOT_SET_UP, UserError
from ikmdesk.services.sync_service import MSG_NO_RECIPIENT_KEY, MSG_UNKNOWN_RECIPIENT
from ikmdesk.sync.package_format import (
    MSG_APPLY_FAILED,
    MSG_PASSPHRASE_NEEDED,
    MSG_UNKNOWN_SENDER,
)

CONTEXT = "window_messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate in ``context``; translated where it is shown."""
    return text


WINDOW_TEXTS: dict[str, str] = {
    MSG_UNKNOWN_SENDER: QT_TRANSLATE_NOOP(
        "window_messages",
        "Paket {name} berasal dari perangkat yang belum dipercaya: {officer} ({role}), sidik "
        "jari {fingerprint}. Impor lagi dan percayai pengirimnya bila sidik jarinya cocok.",
    ),
    MSG_PASSPHRASE_NEEDED: QT_TRANSLATE_NOOP(
        "window_messages",
        "Paket {name} dikunci dengan kata sandi; impor lagi dan masukkan kata sandinya.",
    ),
    MSG_APPLY_FAILED: QT_TRANSLATE_NOOP(
        "window_messages",
        "Perubahan dari paket {name} tidak dapat diterapkan ({detail}); basis data tidak "
        "diubah. Minta pengirim mengekspor lagi dengan \u201cSemua perubahan (paket lengkap)\u201d "
        "dicentang.",
    ),
    MSG_NO_RECIPIENT_KEY: QT_TRANSLATE_NOOP(
        "window_messages",
        "Kunci penerima belum dikenal di perangkat ini. Impor kartu kunci penerima di halaman "
        "Sinkronisasi, atau kunci paket dengan kata sandi.",
    ),
    MSG_UNKNOWN_RECIPIENT: QT_TRANSLATE_NOOP(
        "window_messages",
        "Perangkat {device} belum dipercaya di sini; impor dulu kartu kuncinya di halaman "
        "Sinkronisasi.",
    ),
    MSG_DEVICE_NOT_SET_UP: QT_TRANSLATE_NOOP(
        "window_messages",
        "Perangkat ini belum disiapkan. Isi identitas petugas dulu.",
    ),
}

COMMAND_LINE = re.compile(r"--[a-z]|\bikmdesk [a-z]")  # the app name is written "IKMDesk"
_ASIDE = re.compile(r"\s*\([^()]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def window_message(error: UserError, translate: Callable[[str, str], str] | None = None) -> str:
    """Return the message the window shows for ``error``, translated, free of command lines."""
    tr = translate or QCoreApplication.translate
    window_text = WINDOW_TEXTS.get(error.message_id)
    if window_text is not None:
        try:
            return tr(CONTEXT, window_text).format(**error.format_args(tr))
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide it
            return window_text.format(**error.args_map)
    return without_command_line(error.message(tr))


def without_command_line(text: str) -> str:
    """Return ``text`` without the asides and sentences that name a flag or a command."""
    if not COMMAND_LINE.search(text):
        return text
    text = _ASIDE.sub(lambda m: "" if COMMAND_LINE.search(m.group()) else m.group(), text)
    sentences = [s for s in _SENTENCE_END.split(text) if not COMMAND_LINE.search(s)]
    return " ".join(sentences).strip() or COMMAND_LINE.split(text)[0].strip()
