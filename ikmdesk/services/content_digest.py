"""The short content hash a printed report carries, so a paper copy can be matched to its data."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

DIGEST_CHARS = 12


def content_digest(data: Any) -> str:
    """Return a short SHA-256 of ``data`` (a dataclass or plain JSON-like value).

    Where a file lies on this computer (a photo's ``path``) is left out: the same record gives
    the same digest on every device that holds it.
    """
    plain = (
        dataclasses.asdict(data)
        if dataclasses.is_dataclass(data) and not isinstance(data, type)
        else data
    )
    text = json.dumps(_without_paths(plain), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def _without_paths(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_paths(v) for k, v in value.items() if k != "path"}
    if isinstance(value, list | tuple):
        return [_without_paths(v) for v in value]
    return value
