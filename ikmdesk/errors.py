"""Errors a user can cause, each with a translatable message; the UI and CLI show them as is.

Messages are Indonesian source strings (the app's source language). They are marked with
``QT_TRANSLATE_NOOP`` so Qt Linguist extracts them without this module importing Qt; the UI
translates ``message_id`` in the ``errors`` context and then formats it with ``args``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CONTEXT = "errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` and return it unchanged."""
    return text


class Phrase(str):
    """A message argument that is itself a text marked for translation in ``CONTEXT``.

    Write it as ``Phrase(QT_TRANSLATE_NOOP(CONTEXT, "..."))``: a translated message then
    translates the argument too, where any other argument (a name, a path) stays as it is.
    """

    __slots__ = ()


class UserError(Exception):
    """A problem the user can fix: bad input, a missing or busy file, a full disk."""

    def __init__(self, message_id: str, /, **args: Any) -> None:
        self.message_id = message_id
        self.args_map = args
        super().__init__(self.message())

    def message(self, translate: Callable[[str, str], str] | None = None) -> str:
        """Return the message, translated by ``translate(context, text)`` when given."""
        template = translate(CONTEXT, self.message_id) if translate else self.message_id
        try:
            return template.format(**self.format_args(translate))
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
            return self.message_id.format(**self.args_map)

    def format_args(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        """Return the arguments to format the message with, ``Phrase`` ones translated."""
        if translate is None:
            return dict(self.args_map)
        return {
            key: translate(CONTEXT, value) if isinstance(value, Phrase) else value
            for key, value in self.args_map.items()
        }


class ValidationError(UserError):
    """A field holds a value the domain does not allow; ``field`` names it."""

    def __init__(self, field: str, message_id: str, /, **args: Any) -> None:
        self.field = field
        super().__init__(message_id, **args)


class NotFoundError(UserError):
    """A record asked for by id does not exist (or is deleted)."""


class DatabaseError(UserError):
    """The database file cannot be used as asked."""


class DatabaseMissing(DatabaseError):
    """The database file does not exist."""


class DatabaseCorrupt(DatabaseError):
    """The file is not an IKMDesk database, or it fails SQLite's integrity check."""


class DatabaseUnreachable(DatabaseMissing):
    """The database server cannot be reached or refuses the connection (host, user, name)."""


class DatabaseTooNew(DatabaseError):
    """The database was written by a newer IKMDesk; this version will not touch it."""


class DatabaseInUse(DatabaseError):
    """Another IKMDesk process has the database open for writing."""


class DeviceNotSetUp(UserError):
    """The database has no device identity yet, so nothing can be recorded."""


class FileWriteError(UserError):
    """A file could not be written (full disk, read-only or removed stick)."""


MSG_DB_MISSING = QT_TRANSLATE_NOOP(CONTEXT, "Berkas basis data tidak ditemukan: {path}")
MSG_DB_UNREACHABLE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Tidak dapat terhubung ke basis data di server {path}. Periksa alamat server, nama "
    "pengguna dan nama basis data, dan bahwa server menyala di jaringan kantor ({detail}).",
)
MSG_DB_CORRUPT = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas {path} bukan basis data IKMDesk yang utuh: {detail}"
)
MSG_DB_TOO_NEW = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Basis data {path} dibuat oleh IKMDesk yang lebih baru (skema {found}); versi ini membaca "
    "sampai skema {known}. Perbarui aplikasi; berkas tidak diubah.",
)
MSG_DB_IN_USE = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Basis data {path} sedang dipakai oleh jendela atau perintah IKMDesk lain. "
    "Tutup yang lain itu lalu coba lagi.",
)
MSG_DEVICE_NOT_SET_UP = QT_TRANSLATE_NOOP(
    CONTEXT,
    "Perangkat ini belum disiapkan. Jalankan 'ikmdesk init' atau isi identitas petugas dulu.",
)
MSG_NOT_FOUND = QT_TRANSLATE_NOOP(CONTEXT, "{what} dengan id {id} tidak ditemukan.")
MSG_WRITE_FAILED = QT_TRANSLATE_NOOP(CONTEXT, "Tidak dapat menulis berkas {path}: {detail}")
