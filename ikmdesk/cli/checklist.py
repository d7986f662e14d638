"""``ikmdesk checklist``: list the checklist templates and score answers without a window.

``list`` shows every template version with its items, answer types, critical items and the
items that may be answered N/A. ``score`` scores a JSON file of answers (``{item_id: value}``,
values as the template uses them: ``yes``/``no``/``na``, numbers, option values) with the
same pure function the app stores. Without ``--db`` both use the templates bundled with the
app; with ``--db`` the ones stored in that database (which may hold a supervisor's newer
versions). Nothing is written.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from ikmdesk.cli import add_json_argument, print_json
from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, UserError
from ikmdesk.services.checklist_template import (
    ChecklistTemplate,
    judged_item_ids,
    previous_templates,
    shipped_templates,
)
from ikmdesk.services.data_file import open_data_file
from ikmdesk.services.quality_check import MSG_TEMPLATE_UNKNOWN, stored_templates
from ikmdesk.services.quality_scoring import QualityResult, score

MSG_TEMPLATE_VERSION_UNKNOWN = QT_TRANSLATE_NOOP(
    CONTEXT, "Templat daftar periksa '{code}' tidak mempunyai versi {version}."
)
MSG_ANSWERS_UNREADABLE = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas jawaban {path} tidak dapat dibaca: {detail}"
)
MSG_ANSWERS_NOT_JSON = QT_TRANSLATE_NOOP(
    CONTEXT, "Berkas jawaban {path} bukan JSON yang sah: {detail}"
)
MSG_ANSWERS_NOT_OBJECT = QT_TRANSLATE_NOOP(
    CONTEXT, 'Berkas jawaban {path} harus berisi satu objek JSON {{"id_butir": jawaban}}.'
)

_OUTCOME_TEXT = {
    "pass": "sesuai",
    "needs_improvement": "perlu perbaikan",
    "fail": "tidak sesuai",
    "not_assessed": "tidak dapat dinilai",
}


def register(subparsers: Any) -> None:
    """Add the ``checklist`` command with its ``list`` and ``score`` subcommands."""
    parser = subparsers.add_parser(
        "checklist",
        help="daftar templat daftar periksa dan penilaian jawaban tanpa jendela",
        description="Tampilkan templat daftar periksa atau nilai berkas jawaban JSON.",
    )
    actions = parser.add_subparsers(dest="checklist_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="tampilkan templat, versi dan butirnya")
    _add_db_option(listing)
    add_json_argument(listing)
    listing.set_defaults(func=run_list)

    scoring = actions.add_parser("score", help="nilai jawaban dari berkas JSON")
    scoring.add_argument("--template", required=True, metavar="ID", help="kode templat")
    scoring.add_argument(
        "--version", type=int, metavar="N", help="versi templat (bawaan: yang terbaru)"
    )
    scoring.add_argument(
        "--answers", required=True, metavar="FILE.json", help='berkas {"id_butir": jawaban}'
    )
    scoring.add_argument(
        "--today",
        type=date.fromisoformat,
        metavar="TTTT-BB-HH",
        help="tanggal pemeriksaan untuk masa berlaku P-IRT (bawaan: hari ini)",
    )
    _add_db_option(scoring)
    add_json_argument(scoring)
    scoring.set_defaults(func=run_score)


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", help="pakai templat yang tersimpan di basis data ini (bawaan: templat bawaan)"
    )


def run_list(args: argparse.Namespace) -> int:
    """Print every template version with its items."""
    templates = _templates(args.db)
    if args.json:
        print_json([template_listing(t) for t in templates])
        return 0
    for template in templates:
        print(f"{template.id} v{template.version}  {template.title.id}")
        for item in template.items():
            marks = [item.answer]
            if item.critical:
                marks.append("kritis")
            if item.na_allowed:
                marks.append("boleh T/B")
            print(f"  {item.id:<24} {', '.join(marks)}")
    return 0


def run_score(args: argparse.Namespace) -> int:
    """Score the answers file and print the verdict."""
    template = _pick(_templates(args.db), args.template, args.version)
    answers = _read_answers(Path(args.answers))
    result = score(template, answers, today=args.today or date.today())
    if args.json:
        print_json(score_output(template, result))
    else:
        print(_score_text(template, result))
    return 0


def template_listing(template: ChecklistTemplate) -> dict[str, Any]:
    """Return what ``checklist list --json`` prints for one template version."""
    judged = set(judged_item_ids(template))
    return {
        "id": template.id,
        "version": template.version,
        "title": template.title.as_dict(),
        "rule": template.rule.KIND,
        "na_limit_percent": template.rule.na_limit_percent,
        "items": [
            {
                "id": item.id,
                "answer": item.answer,
                "required": item.required,
                "judged": item.id in judged,
                "critical": item.critical,
                "na_allowed": item.na_allowed,
            }
            for item in template.items()
        ],
        "critical": [i.id for i in template.items() if i.critical],
        "na_allowed": [i.id for i in template.items() if i.na_allowed],
    }


def score_output(template: ChecklistTemplate, result: QualityResult) -> dict[str, Any]:
    """Return what ``checklist score --json`` prints: the verdict first, then the details."""
    return {
        "template": template.id,
        "version": template.version,
        **result.verdict.as_dict(),
        "status": result.status,
        "code": result.code,
        "label": result.label.as_dict(),
        "unverified": result.unverified,
        "failed_items": [f.item_id for f in result.failed_items],
        "missing_required": list(result.missing_required),
    }


def _score_text(template: ChecklistTemplate, result: QualityResult) -> str:
    verdict = result.verdict
    lines = [
        f"{template.id} v{template.version}: {_OUTCOME_TEXT[verdict.outcome]} ({verdict.outcome})",
        result.label.id,
    ]
    if verdict.level is not None:
        lines.append(f"level: {verdict.level}")
    if verdict.grade is not None:
        lines.append(f"mutu: {verdict.grade}")
    if verdict.percentage is not None:
        lines.append(f"persentase: {verdict.percentage:.1f} %")
    if verdict.failed_critical:
        lines.append("butir kritis gagal: " + ", ".join(verdict.failed_critical))
    if result.missing_required:
        lines.append("belum dijawab: " + ", ".join(result.missing_required))
    if result.unverified:
        lines.append("perlu dikonfirmasi: aturan atau ambang ini belum terverifikasi")
    return "\n".join(lines)


def _templates(db_path: str | None) -> list[ChecklistTemplate]:
    if db_path is None:
        bundled = [*previous_templates(), *shipped_templates()]
        return sorted(bundled, key=lambda t: t.key)
    db = open_data_file(db_path, writable=False)
    try:
        with db.unit_of_work() as session:
            return stored_templates(session)
    finally:
        db.close()


def _pick(templates: list[ChecklistTemplate], code: str, version: int | None) -> ChecklistTemplate:
    """Return the asked version of ``code``, or its newest."""
    versions = [t for t in templates if t.id == code]
    if not versions:
        raise UserError(MSG_TEMPLATE_UNKNOWN, code=code)
    if version is None:
        return max(versions, key=lambda t: t.version)
    for template in versions:
        if template.version == version:
            return template
    raise UserError(MSG_TEMPLATE_VERSION_UNKNOWN, code=code, version=version)


def _read_answers(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(MSG_ANSWERS_UNREADABLE, path=path, detail=str(exc)[:120]) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg}, line {exc.lineno} column {exc.colno}"
        raise UserError(MSG_ANSWERS_NOT_JSON, path=path, detail=detail) from exc
    if not isinstance(data, dict):
        raise UserError(MSG_ANSWERS_NOT_OBJECT, path=path)
    return data
