"""Office settings: stored in the setting table, validated, unknown keys preserved."""

from __future__ import annotations

import dataclasses

import pytest

from ikmdesk.db import Database
from ikmdesk.errors import ValidationError
from ikmdesk.models import Setting
from ikmdesk.services.office_settings import (
    SETTING_KEY,
    OfficeSettings,
    get_office_settings,
    save_office_settings,
)


def test_a_new_database_has_the_kutai_timur_defaults(database: Database) -> None:
    with database.unit_of_work() as session:
        settings = get_office_settings(session)
    assert settings.office_lines[0] == "PEMERINTAH KABUPATEN KUTAI TIMUR"
    assert "{seq" in settings.report_number_pattern
    assert settings.lang == "id"


def test_saved_settings_read_back_trimmed(database: Database) -> None:
    wanted = OfficeSettings(
        office_lines=("  PEMERINTAH KABUPATEN X ", "", "DINAS Y"),
        address=" Jl. Merdeka 1 ",
        supervisor_name="Ir. Budi",
        supervisor_nip="19700101 199003 1 001",
        report_number_pattern="{seq:03d}/IKM/{year}",
        lang="en",
    )
    with database.unit_of_work() as session:
        save_office_settings(session, wanted)
    with database.unit_of_work() as session:
        got = get_office_settings(session)
    assert got.office_lines == ("PEMERINTAH KABUPATEN X", "DINAS Y")
    assert got.address == "Jl. Merdeka 1"
    assert got.supervisor_nip == "197001011990031001"
    assert got.report_number_pattern == "{seq:03d}/IKM/{year}"
    assert got.lang == "en"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"office_lines": ("", " ")}, "office_lines"),
        ({"report_number_pattern": "{nomor}/IKM"}, "report_number_pattern"),
        ({"report_number_pattern": "IKM/{year}"}, "report_number_pattern"),
        ({"report_number_pattern": "{seq:04q}"}, "report_number_pattern"),
        ({"report_number_pattern": "{seq"}, "report_number_pattern"),
        ({"supervisor_nip": "123"}, "supervisor_nip"),
        ({"lang": "fr"}, "lang"),
        ({"logo_sha256": "not-a-hash"}, "logo_sha256"),
    ],
)
def test_bad_settings_are_refused_and_nothing_is_stored(
    database: Database, change: dict[str, object], field: str
) -> None:
    bad = dataclasses.replace(OfficeSettings(), **change)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught, database.unit_of_work() as session:
        save_office_settings(session, bad)
    assert caught.value.field == field
    with database.unit_of_work() as session:
        assert session.get(Setting, SETTING_KEY) is None


def test_keys_written_by_a_newer_version_survive_a_save(database: Database) -> None:
    with database.unit_of_work() as session:
        session.add(Setting(key=SETTING_KEY, value={"address": "A", "future_key": [1, 2]}))
    with database.unit_of_work() as session:
        settings = get_office_settings(session)
        save_office_settings(session, dataclasses.replace(settings, phone="0549-21000"))
    with database.unit_of_work() as session:
        stored = session.get_one(Setting, SETTING_KEY).value
    assert stored["future_key"] == [1, 2]
    assert stored["address"] == "A"
    assert stored["phone"] == "0549-21000"


def test_wrong_typed_stored_values_fall_back_to_defaults(database: Database) -> None:
    with database.unit_of_work() as session:
        session.add(Setting(key=SETTING_KEY, value={"office_lines": "oops", "city": 5}))
    with database.unit_of_work() as session:
        settings = get_office_settings(session)
    assert settings.office_lines == OfficeSettings().office_lines
    assert settings.city == OfficeSettings().city
