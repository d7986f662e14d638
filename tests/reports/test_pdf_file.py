"""Writing a PDF: all or nothing, and the old file survives a failed write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ikmdesk.errors import FileWriteError
from ikmdesk.reports.pdf_file import safe_file_stem, write_pdf


def test_a_pdf_replaces_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "laporan.pdf"
    target.write_bytes(b"old")
    write_pdf(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.pdf"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "laporan.pdf"
    target.write_bytes(b"old")

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(FileWriteError) as caught:
        write_pdf(target, b"%PDF-new")
    assert "No space left" in caught.value.message()
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["laporan.pdf"]


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("UMKM Keripik Pisang Sangatta", "umkm-keripik-pisang-sangatta"),
        ("Kue <Bu> Ani & Co / Rumah", "kue-bu-ani-co-rumah"),
        ("Café Ñoño", "cafe-nono"),
        ("中文", "laporan"),
        ("../../etc/passwd", "etc-passwd"),
    ],
)
def test_file_names_are_portable(name: str, stem: str) -> None:
    assert safe_file_stem(name) == stem
