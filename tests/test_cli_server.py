"""The file commands on a server database: ``check`` reports it, ``backup``/``restore`` refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from ikmdesk.services.data_file import open_data_file
from tests.test_cli import Capture, assert_user_error, run_in_process

URL = "postgresql+psycopg://penyelia:rahasia@192.0.2.10/ikmdesk"


@pytest.mark.parametrize(
    ("command", "instead"),
    [
        (("backup", "--db", URL, "--out", "cadangan.db"), "pg_dump"),
        (("backups", "--db", URL), "pg_dump"),
        (("restore", "--db", URL, "--from", "cadangan.db"), "pg_restore"),
    ],
)
def test_file_backups_of_a_server_database_are_refused_naming_what_to_use(
    command: tuple[str, ...], instead: str, tmp_path: Path, capsys: Capture
) -> None:
    result = run_in_process(*command, capsys=capsys)

    assert_user_error(result, instead)
    assert "server PostgreSQL" in result.stderr
    assert "rahasia" not in result.stderr  # the password is hidden
    assert not (tmp_path / "cadangan.db").exists()


def test_check_on_a_server_that_cannot_be_reached_says_so(capsys: Capture) -> None:
    result = run_in_process("check", "--db", "postgresql+psycopg://x@127.0.0.1:1/db", capsys=capsys)

    assert_user_error(result, "Tidak dapat terhubung ke basis data di server")


def test_check_reports_the_schema_and_rows_of_a_server_database(
    empty_server_url: str, capsys: Capture
) -> None:
    import json

    open_data_file(empty_server_url, create=True).close()

    result = run_in_process("check", "--db", empty_server_url, "--json", capsys=capsys)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] and report["integrity"] == "server"
    assert report["schema"]["current"]
    assert report["counts"]["region"] == 18  # the seeded kecamatan
    text = run_in_process("check", "--db", empty_server_url, capsys=capsys).stdout
    assert "pg_amcheck" in text
