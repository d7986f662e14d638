"""Hostile or damaged registry files: one clear line each, nothing read without bounds.

Offices receive registry sheets from many hands; a damaged or hostile one must end in a
message a person can act on, never a traceback or a hang.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ikmdesk.errors import UserError
from ikmdesk.services import registry_import
from ikmdesk.services.registry_import import MAX_ROWS, load_mapping, read_table, sheet_names

HEAD = ["Nama IKM", "Nama Pemilik", "Kecamatan", "Desa"]
SHEET = "xl/worksheets/sheet1.xml"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _good(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEAD)
    sheet.append(["UD Sari Pisang", "Ani Lestari", "Sangatta Utara", "Swarga Bara"])
    book.save(path)
    return path


def _patched(tmp_path: Path, name: str, member: str, content: bytes) -> Path:
    source = _good(tmp_path / f"source-{name}")
    target = tmp_path / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            out.writestr(info, content if info.filename == member else src.read(info))
    return target


def _one_line(call, *args, **kwargs) -> str:
    with pytest.raises(UserError) as refused:
        call(*args, **kwargs)
    message = refused.value.message()
    assert message and "\n" not in message and "Traceback" not in message
    return message


_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1)) * 10) for i in range(1, 10)
    ).replace(b"&lol0;", b"&lol;")
    + b']><worksheet xmlns="'
    + NS.encode()
    + b'"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    + b"</sheetData></worksheet>"
)
_EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b'<worksheet xmlns="' + NS.encode() + b'"><sheetData><row r="1"><c r="A1" t="inlineStr">'
    b"<is><t>&e;</t></is></c></row></sheetData></worksheet>"
)


@pytest.mark.parametrize(
    ("name", "member", "content"),
    [
        ("cut.xlsx", SHEET, b'<?xml version="1.0"?><worksheet xmlns="' + NS.encode() + b'"><she'),
        ("bomb.xlsx", SHEET, _BOMB),
        ("external.xlsx", SHEET, _EXTERNAL),
        ("workbook.xlsx", "xl/workbook.xml", b"<not xml"),
    ],
)
def test_malformed_or_hostile_sheet_xml_is_refused_in_one_line(tmp_path, name, member, content):
    path = _patched(tmp_path, name, member, content)
    message = _one_line(lambda: (sheet_names(path), read_table(path)))
    assert name in message
    assert "root:" not in message  # the external entity was never read


def test_a_csv_field_of_200k_characters_is_refused_in_one_line(tmp_path):
    path = tmp_path / "field.csv"
    path.write_text("Nama IKM,Kecamatan\n" + "A" * 200_000 + ",Sangatta Utara\n", encoding="utf-8")
    assert "field.csv" in _one_line(read_table, path)


@pytest.mark.parametrize(
    "document", ["[" * 100_000 + "]" * 100_000, '{"columns": ' + "[" * 50_000 + "]" * 50_000 + "}"]
)
def test_a_deeply_nested_mapping_is_refused_in_one_line(tmp_path, document):
    path = tmp_path / "mapping.json"
    path.write_text(document, encoding="utf-8")
    assert "Pemetaan kolom tidak sah" in _one_line(load_mapping, path)


def _sheet_of(path: Path, rows: int) -> Path:
    """Write a plain one-sheet xlsx of ``rows`` data rows quickly (no openpyxl writer)."""
    good = _good(path.with_name("template.xlsx"))
    cell = '<c t="inlineStr"><is><t>{}</t></is></c>'
    header = "<row>" + "".join(cell.format(text) for text in HEAD) + "</row>"
    line = (
        '<row><c t="inlineStr"><is><t>UD {n}</t></is></c><c t="inlineStr"><is><t>Ani</t></is>'
        '</c><c t="inlineStr"><is><t>Sangatta Utara</t></is></c><c t="inlineStr"><is>'
        "<t>Swarga Bara</t></is></c></row>"
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">'
        f'<dimension ref="A1:D{rows + 1}"/><sheetData>'
        + header
        + "".join(line.format(n=n) for n in range(rows))
        + "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = xml.encode() if info.filename == SHEET else src.read(info)
            out.writestr(info.filename, data)
    return path


def test_a_sheet_of_400k_rows_is_refused_naming_the_limit_while_streaming(tmp_path, monkeypatch):
    # The real limit (MAX_ROWS) is lowered so the suite stays quick; the rule is the same.
    assert MAX_ROWS == 10_000
    monkeypatch.setattr(registry_import, "MAX_ROWS", 1000)
    path = _sheet_of(tmp_path / "besar.xlsx", 400_000)
    seen: list[int] = []
    message = _one_line(read_table, path, progress=seen.append)
    assert "1000 baris" in message
    # Refused as soon as the limit was passed: the rest of the sheet was never read.
    assert seen and max(seen) <= 1000 + 2 * registry_import.READ_PROGRESS_EVERY


def test_a_sheet_at_the_limit_is_read_with_progress(tmp_path, monkeypatch):
    monkeypatch.setattr(registry_import, "MAX_ROWS", 3000)
    path = _sheet_of(tmp_path / "pas.xlsx", 3000)
    seen: list[int] = []
    table = read_table(path, progress=seen.append)
    assert len(table.rows) == 3000 and seen == [1000, 2000, 3000]


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev exist on POSIX")
@pytest.mark.parametrize("name", ["pipe.csv", "pipe.xlsx", "zero.csv", "mapping.json"])
def test_only_regular_registry_files_are_opened(tmp_path, name):
    path = tmp_path / name
    if name.startswith("zero"):
        path.symlink_to("/dev/zero")
    else:
        os.mkfifo(path)
    call = load_mapping if name.endswith(".json") else read_table
    assert "bukan berkas biasa" in _one_line(call, path)
