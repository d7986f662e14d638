"""Build the English translation: extract every marked string of ikmdesk/ and compile the .qm.

``pyside6-lupdate`` parses Python, but only sees literal contexts. Service modules mark their
messages as ``QT_TRANSLATE_NOOP(CONTEXT, "...")`` with ``CONTEXT`` imported from
``ikmdesk.errors``, so this module first finds those calls itself (with ``ast``), resolves the
context name, and hands lupdate a generated file that repeats them with literal contexts.

Used by ``docs/update_translations.py`` (writes the files) and by the translation tests (which
extract into a temporary copy and compare with what is committed).
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
TRANSLATIONS_DIR = PACKAGE_DIR / "resources" / "translations"
TARGET_LANGUAGES: tuple[str, ...] = ("en",)
SOURCE_LANGUAGE = "id"
NOOP_NAMES = frozenset({"QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"})


@dataclass(frozen=True, slots=True)
class Message:
    """One translatable text as the .ts file holds it."""

    context: str
    source: str
    translations: tuple[str, ...]
    unfinished: bool
    plural: bool


def ts_path(lang: str) -> Path:
    """Return the committed Qt Linguist source of ``lang``."""
    return TRANSLATIONS_DIR / f"ikmdesk_{lang}.ts"


def qm_path(lang: str) -> Path:
    """Return the committed compiled translation of ``lang``."""
    return TRANSLATIONS_DIR / f"ikmdesk_{lang}.qm"


def source_files() -> list[Path]:
    """Return every Python module of the package, in a stable order."""
    return sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def tool(name: str) -> str:
    """Return the path of a Qt tool installed beside this Python (the project's venv)."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found; install the dev environment (uv sync)")
    return found


def noop_messages(files: list[Path]) -> list[tuple[str, str]]:
    """Return (context, text) of QT_TRANSLATE_NOOP calls whose context is not a literal."""
    constants = {_module_name(p): _string_constants(_parse(p)) for p in files}
    found: list[tuple[str, str]] = []
    for path in files:
        tree = _parse(path)
        imported = _imported_names(tree)
        local = constants[_module_name(path)]
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called_name(node) in NOOP_NAMES):
                continue
            if len(node.args) < 2 or not _is_str(node.args[1]):
                continue
            context_node = node.args[0]
            if _is_str(context_node):
                continue  # lupdate reads literal contexts itself
            if isinstance(context_node, ast.Name):
                context = local.get(context_node.id)
                if context is None and context_node.id in imported:
                    module, name = imported[context_node.id]
                    context = constants.get(module, {}).get(name)
                if context is not None:
                    found.append((context, node.args[1].value))  # type: ignore[attr-defined]
    return found


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_str(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _string_constants(tree: ast.Module) -> dict[str, str]:
    values: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and _is_str(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    values[target.id] = node.value.value  # type: ignore[attr-defined]
    return values


def _imported_names(tree: ast.Module) -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module, alias.name)
    return names


def _shim_source(messages: list[tuple[str, str]]) -> str:
    lines = ["def QT_TRANSLATE_NOOP(context, text):", "    return text", ""]
    lines += [
        f"QT_TRANSLATE_NOOP({json.dumps(c, ensure_ascii=False)}, "
        f"{json.dumps(t, ensure_ascii=False)})"
        for c, t in messages
    ]
    return "\n".join(lines) + "\n"


def run_lupdate(ts: Path, lang: str) -> str:
    """Extract every message of the package into ``ts`` (kept translations stay); returns log."""
    files = source_files()
    with tempfile.TemporaryDirectory() as tmp:
        shim = Path(tmp) / "noop_messages.py"
        shim.write_text(_shim_source(noop_messages(files)), encoding="utf-8")
        result = subprocess.run(
            [
                tool("pyside6-lupdate"),
                *map(str, files),
                str(shim),
                "-source-language",
                SOURCE_LANGUAGE,
                "-target-language",
                lang,
                "-no-obsolete",
                "-locations",
                "none",
                "-ts",
                str(ts),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    return result.stdout + result.stderr


def run_lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=True,
    )


def read_messages(ts: Path) -> list[Message]:
    """Return every message of a .ts file."""
    root = ET.parse(ts).getroot()
    messages: list[Message] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            plural = message.get("numerus") == "yes"
            texts = tuple(forms) if plural else (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    translations=texts,
                    unfinished=translation.get("type") in {"unfinished", "vanished", "obsolete"},
                    plural=plural,
                )
            )
    return messages


def update_all() -> list[str]:
    """Refresh every .ts from the sources and compile its .qm; returns lupdate's logs."""
    logs = []
    for lang in TARGET_LANGUAGES:
        logs.append(run_lupdate(ts_path(lang), lang))
        run_lrelease(ts_path(lang), qm_path(lang))
    return logs


def main() -> int:
    """Update the translation files and list what still needs a translation."""
    for log in update_all():
        print(log.strip())
    missing = [m for lang in TARGET_LANGUAGES for m in read_messages(ts_path(lang)) if m.unfinished]
    for message in missing:
        print(f"untranslated [{message.context}] {message.source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
