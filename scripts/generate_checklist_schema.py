"""Write the checklist templates' JSON Schemas, generated from the pydantic models.

    uv run python scripts/generate_checklist_schema.py          # write the files
    uv run python scripts/generate_checklist_schema.py --check  # exit 1 if they differ

The models are ``ikmdesk/services/checklist_template_file.py``; the files are
``ikmdesk/resources/checklists/schema/checklist.schema.json`` (format 2) and
``checklist.format-1.schema.json``. ``tests/services/test_checklist_schema.py`` keeps the
committed files equal to what this writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ikmdesk.resource import resource_path
from ikmdesk.services.checklist_template_file import json_schema

FILES = {2: "checklist.schema.json", 1: "checklist.format-1.schema.json"}


def schema_text(file_format: int) -> str:
    """Return the schema file's text for ``file_format`` (stable: sorted by the models)."""
    return json.dumps(json_schema(file_format), ensure_ascii=False, indent=2) + "\n"


def schema_path(file_format: int) -> Path:
    """Return where the schema of ``file_format`` is shipped."""
    return resource_path("checklists", "schema", FILES[file_format])


def main(argv: list[str]) -> int:
    """Write (or with --check compare) both schema files."""
    stale = []
    for file_format in FILES:
        path, text = schema_path(file_format), schema_text(file_format)
        if "--check" in argv:
            if path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    for path in stale:
        print(f"{path} differs from the models; run scripts/generate_checklist_schema.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
