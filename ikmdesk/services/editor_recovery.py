"""Recovery files: unsaved editor state written to the data folder so a crash loses nothing.

An open editor writes its whole state every few seconds under one key (e.g. ``visit:<id>``)
into ``data_dir()/recovery``. Saving or discarding on purpose removes the file; whatever is
still there at the next start was left by a crash or power loss and is offered back. Each file
names the database it belongs to, so a draft is never offered on another data file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ikmdesk.atomic_file import write_atomically
from ikmdesk.paths import data_dir

FORMAT = 1
SUFFIX = ".recovery.json"


@dataclass(frozen=True, slots=True)
class RecoveryDraft:
    """One editor's state left behind: what kind of editor, for which record, saved when."""

    key: str
    kind: str
    record_id: str | None
    saved_at: datetime
    database_path: str
    state: dict[str, Any]
    path: Path


def recovery_dir() -> Path:
    """Return the folder recovery files live in (inside the user data folder)."""
    return data_dir() / "recovery"


def save_draft(
    *,
    key: str,
    kind: str,
    record_id: str | None,
    database_path: Path | str,
    state: dict[str, Any],
) -> Path:
    """Write ``state`` (JSON-ready) under ``key``, atomically replacing the previous version."""
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = _path_for(key)
    document = {
        "format": FORMAT,
        "key": key,
        "kind": kind,
        "record_id": record_id,
        "saved_at": datetime.now(UTC).isoformat(),
        "database_path": _db_key(database_path),
        "state": state,
    }
    text = json.dumps(document, ensure_ascii=False, default=str)
    return write_atomically(target, text.encode("utf-8"))


def list_drafts(*, database_path: Path | str, kind: str | None = None) -> list[RecoveryDraft]:
    """Return the drafts left for this database (optionally of one kind), oldest first.

    Unreadable files (cut short by the crash itself) are skipped, not offered.
    """
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    wanted_db = _db_key(database_path)
    drafts = []
    for path in folder.glob(f"*{SUFFIX}"):
        draft = _read(path)
        if draft is None or draft.database_path != wanted_db:
            continue
        if kind is None or draft.kind == kind:
            drafts.append(draft)
    return sorted(drafts, key=lambda d: d.saved_at)


def discard_draft(key: str) -> None:
    """Remove the recovery file of ``key`` (saved or thrown away on purpose); no error if none."""
    with contextlib.suppress(FileNotFoundError):
        _path_for(key).unlink()


def _path_for(key: str) -> Path:
    # Keys hold ids and colons; a hash keeps file names portable to Windows.
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return recovery_dir() / f"{digest}{SUFFIX}"


def _db_key(database_path: Path | str) -> str:
    return str(Path(database_path).expanduser().resolve())


def _read(path: Path) -> RecoveryDraft | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or not isinstance(data.get("state"), dict):
            return None
        return RecoveryDraft(
            key=str(data["key"]),
            kind=str(data["kind"]),
            record_id=data.get("record_id"),
            saved_at=datetime.fromisoformat(data["saved_at"]),
            database_path=str(data["database_path"]),
            state=data["state"],
            path=path,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
