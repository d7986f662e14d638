"""P-IRT numbers decode as the reference reads them, and bad writing only gives warnings."""

from __future__ import annotations

from datetime import date

import pytest

from ikmdesk.services.pirt import PirtNumber, parse_pirt, pirt_problem_texts, pirt_problems


def test_banyuwangi_example_decodes_as_in_the_reference() -> None:
    number = parse_pirt("2063510010243-26")

    assert number == PirtNumber(
        packaging_code="2",
        food_type_code="06",
        region_code="3510",
        product_no="01",
        irtp_no="0243",
        expiry_year=2026,
    )
    assert number.packaging_name is not None and number.packaging_name.id == "plastik"
    assert number.food_type_name is not None
    assert number.food_type_name.id == "Tepung dan hasil olahnya"
    assert (number.province_code, number.regency_code) == ("35", "10")
    assert number.text == "2063510010243-26"
    assert pirt_problems("2063510010243-26") == []


def test_semarang_example_decodes_as_in_the_reference() -> None:
    number = parse_pirt("2053374020970-28")

    assert number is not None
    assert number.packaging_code == "2"
    assert number.food_type_code == "05"
    assert number.region_code == "3374"
    assert number.product_no == "02"
    assert number.irtp_no == "0970"
    assert number.expiry_year == 2028
    assert pirt_problems("2053374020970-28") == []


@pytest.mark.parametrize(
    "text",
    [
        "P-IRT No. 2063510010243-26",
        "PIRT 2063510010243-26",
        "2 06 3510 01 0243-26",
        " p-irt no: 2063510010243-26 ",
    ],
)
def test_usual_ways_of_writing_are_read_without_warnings(text: str) -> None:
    assert parse_pirt(text) == parse_pirt("2063510010243-26")
    assert pirt_problems(text) == []


def test_a_missing_hyphen_is_decoded_but_warned_about() -> None:
    assert parse_pirt("206351001024326") == parse_pirt("2063510010243-26")
    assert pirt_problems("206351001024326") == [
        "Tulis dua angka terakhir (tahun berakhir) setelah tanda hubung, contoh 2063510010243-26."
    ]
    assert "hyphen" in pirt_problems("2063510010-24326", lang="en")[0]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "kosong"),
        ("   ", "kosong"),
        ("P-IRT No. ", "kosong"),
        ("206351001024-26", "tertulis 14 angka"),
        ("20635100102433-26", "tertulis 16 angka"),
        ("2063510O10243-26", "karakter selain angka: O"),
        ("２０６３５１００１０２４３-26", "karakter selain angka"),
    ],
)
def test_malformed_numbers_are_not_decoded_and_say_why(text: str, fragment: str) -> None:
    assert parse_pirt(text) is None
    problems = pirt_problems(text)
    assert len(problems) == 1
    assert fragment in problems[0]


def test_an_unknown_packaging_code_is_a_warning_not_a_refusal() -> None:
    number = parse_pirt("9063510010243-26")

    assert number is not None and number.packaging_name is None
    assert pirt_problems("9063510010243-26") == ["Kode jenis kemasan 9 tidak dikenal (1–8)."]


def test_a_food_type_the_reference_does_not_list_is_unknown_but_fine() -> None:
    number = parse_pirt("2123510010243-26")

    assert number is not None and number.food_type_code == "12"
    assert number.food_type_name is None
    assert pirt_problems("2123510010243-26") == []


def test_the_certificate_is_valid_until_the_end_of_its_expiry_year() -> None:
    number = parse_pirt("2063510010243-26")

    assert number is not None
    assert not number.expired(date(2026, 12, 31))
    assert number.expired(date(2027, 1, 1))


def test_warnings_are_available_in_both_languages() -> None:
    (text,) = pirt_problem_texts("206351001024-26")

    assert text.id == "Nomor P-IRT harus 15 angka; yang tertulis 14 angka."
    assert text.en == "A P-IRT number has 15 digits; this one has 14."
    assert pirt_problems("206351001024-26", lang="en") == [text.en]
