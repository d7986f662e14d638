"""The shipped JSON Schemas are the ones generated from the template file models."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "generate_checklist_schema.py"


def _script():
    spec = importlib.util.spec_from_file_location("generate_checklist_schema", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("file_format", [1, 2])
def test_committed_schema_equals_the_one_generated_from_the_models(file_format: int) -> None:
    script = _script()

    committed = script.schema_path(file_format).read_text(encoding="utf-8")

    assert committed == script.schema_text(file_format)


def test_the_schema_refuses_what_the_models_refuse() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import json

    from ikmdesk.resource import resource_path

    schema = json.loads(_script().schema_text(2))
    data = json.loads(resource_path("checklists", "label-irt.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid(data)
    data["sections"][0]["items"][0]["answer"] = "slider"
    assert not validator.is_valid(data)
    data["sections"][0]["items"][0]["answer"] = "yes_no_na"
    data["sections"][0]["items"][0]["requred"] = True
    assert not validator.is_valid(data)
