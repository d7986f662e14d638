"""Worked examples of scoring: CPPB-IRT levels, cocoa grades, weighted checks, the P-IRT check."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from ikmdesk.services.checklist_template import (
    ChecklistTemplate,
    parse_template,
    previous_templates,
    shipped_templates,
    template_to_dict,
)
from ikmdesk.services.quality_scoring import (
    AnswerError,
    AnswerValue,
    QualityResult,
    Verdict,
    legacy_verdict,
    result_from_dict,
    result_to_dict,
    score,
)

TEMPLATES = {t.id: t for t in shipped_templates()}
PREVIOUS = {t.id: t for t in previous_templates()}
CPPB = TEMPLATES["cppb-irt"]
COCOA = TEMPLATES["kakao-sni-2323"]
CHIPS = TEMPLATES["keripik-pisang"]
LABEL = TEMPLATES["label-irt"]
CHIPS_V1 = PREVIOUS["keripik-pisang"]

# CPPB-IRT item numbers per class (standards.md §1.3).
MI = ["36"]
MA = ["2", "8", "10", "17", "18", "19"]
SE = ["1", "3", "4", "6", "7", "11", "12", "15", "20", "22", "26", "27", "28", "29", "33", "35"]
KR = ["5", "9", "13", "14", "16", "21", "23", "24", "25", "30", "31", "32", "34", "37"]


def inspection(*found: str, na: tuple[str, ...] = ()) -> dict[str, AnswerValue]:
    """Answer every CPPB-IRT item: "yes" (problem found) for ``found``, "na" for ``na``."""
    answers: dict[str, AnswerValue] = {item.id: "no" for item in CPPB.items()}
    answers.update(dict.fromkeys(found, "yes"))
    answers.update(dict.fromkeys(na, "na"))
    return answers


def assert_stores_exactly(result: QualityResult) -> None:
    stored = json.loads(json.dumps(result_to_dict(result)))
    assert result_from_dict(stored) == result


@pytest.mark.parametrize(
    ("found", "counts", "code"),
    [
        ((), (0, 0, 0, 0), "LEVEL_I"),
        ((*MI, MA[0]), (1, 1, 0, 0), "LEVEL_I"),
        ((*MI, MA[0], SE[0]), (1, 1, 1, 0), "LEVEL_II"),
        ((*MI, *MA[:2]), (1, 2, 0, 0), "LEVEL_II"),
        ((*SE[:2],), (0, 0, 2, 0), "LEVEL_II"),
        ((*MA[:3],), (0, 3, 0, 0), "LEVEL_III"),
        ((*SE[:3],), (0, 0, 3, 0), "LEVEL_III"),
        ((*MI, *MA, *SE[:4]), (1, 6, 4, 0), "LEVEL_III"),
        ((*SE[:5],), (0, 0, 5, 0), "LEVEL_IV"),
        ((KR[1],), (0, 0, 0, 1), "LEVEL_IV"),
        ((*MI, *MA, *SE, *KR), (1, 6, 16, 14), "LEVEL_IV"),
    ],
)
def test_cppb_findings_give_counts_per_class_and_level(
    found: tuple[str, ...], counts: tuple[int, int, int, int], code: str
) -> None:
    result = score(CPPB, inspection(*found))

    assert result.status == "complete"
    assert result.counts == dict(zip(("MI", "MA", "SE", "KR"), counts, strict=True))
    assert result.code == code
    assert result.score == sum(counts)
    assert sorted(f.item_id for f in result.failed_items) == sorted(found)
    assert result.unverified  # the level table is not verified yet
    assert_stores_exactly(result)


def test_cppb_all_clear_is_level_one_with_audit_every_two_months() -> None:
    result = score(CPPB, inspection())

    assert result.label.id == "Level I — audit internal setiap dua bulan"
    assert result.label.en == "Level I — internal audit every two months"
    assert [a.text.id for a in result.actions] == ["Audit internal setiap dua bulan"]
    assert result.failed_items == ()
    assert result.missing_required == ()


def test_one_critical_finding_is_level_four_and_needs_reinspection() -> None:
    result = score(CPPB, inspection("9"))

    assert result.code == "LEVEL_IV"
    assert result.label.id == "Level IV — audit internal setiap hari"
    (failed,) = result.failed_items
    assert (failed.item_id, failed.nc_class) == ("9", "KR")
    assert failed.text.id == "Air berasal dari suplai yang tidak bersih"
    assert failed.reason.id == "ketidaksesuaian ditemukan"
    audit, reinspect = result.actions
    assert audit.text.id == "Audit internal setiap hari"
    assert "pemeriksaan ulang" in reinspect.text.id and not reinspect.verified


def test_not_applicable_is_not_a_finding() -> None:
    result = score(CPPB, inspection(na=("28", "29")))  # BTP items: the IRTP uses no BTP

    assert result.code == "LEVEL_I"
    assert result.counts["SE"] == 0


def test_unanswered_required_items_make_the_check_incomplete_never_a_pass() -> None:
    answers = inspection("5")
    del answers["37"]
    answers["36"] = None
    answers["35"] = "  "

    result = score(CPPB, answers)

    assert result.status == "incomplete"
    assert result.code == "INCOMPLETE"
    assert result.missing_required == ("35", "36", "37")
    assert result.label.id == "Belum lengkap — 3 butir wajib belum dijawab"
    assert result.score is None and result.actions == ()
    assert result.counts["KR"] == 1  # what was answered so far still shows
    assert_stores_exactly(result)


def test_an_empty_form_is_incomplete_for_every_template() -> None:
    for template in TEMPLATES.values():
        result = score(template, {})
        required = [i.id for i in template.items() if i.required]
        assert (result.status, result.code) == ("incomplete", "INCOMPLETE")
        assert list(result.missing_required) == required


def cocoa_sample(**changes: AnswerValue) -> dict[str, AnswerValue]:
    """A bulk-cocoa sample that meets every requirement of Mutu I, size A."""
    answers: dict[str, AnswerValue] = {
        "jenis": "B",
        "jumlah_biji": 95,
        "serangga_hidup": "no",
        "kadar_air": 7.0,
        "bau_asing": "no",
        "benda_asing": "no",
        "biji_pecah": 1.0,
        "berjamur": 1.0,
        "slaty": 2.0,
        "berserangga": 0.5,
        "kotoran": 1.0,
        "berkecambah": 1.0,
    }
    answers.update(changes)
    return answers


@pytest.mark.parametrize(
    ("beans", "size"),
    [
        (60, "AA"),
        (85, "AA"),
        (86, "A"),
        (100, "A"),
        (101, "B"),
        (110, "B"),
        (111, "C"),
        (120, "C"),
        (121, "S"),
        (300, "S"),
    ],
)
def test_cocoa_bean_count_boundaries_give_the_size_class(beans: int, size: str) -> None:
    result = score(COCOA, cocoa_sample(jumlah_biji=beans))

    assert result.code == f"I-B/{size}"
    assert result.label.id == f"Mutu I-B, ukuran {size}"
    assert result.label.en == f"Grade I-B, size {size}"


@pytest.mark.parametrize("size", ["C", "S"])
def test_sizes_c_and_s_are_flagged_as_not_meeting_export_criteria(size: str) -> None:
    result = score(COCOA, cocoa_sample(jumlah_biji={"C": 115, "S": 130}[size]))

    assert [a.text.en for a in result.actions] == ["This size does not meet the export criteria"]


def test_cocoa_moisture_at_the_limit_passes_and_above_it_is_substandard() -> None:
    at_limit = score(COCOA, cocoa_sample(kadar_air=7.5))
    above = score(COCOA, cocoa_sample(kadar_air=7.6))

    assert at_limit.code == "I-B/A"
    assert above.code == "SUBSTANDARD"
    assert above.label.id == "Tidak memenuhi SNI 2323: Kadar air (b/b); ukuran A"
    (failed,) = above.failed_items
    assert failed.item_id == "kadar_air"
    assert failed.reason.id == "7,6 % melebihi batas maks 7,5 % (syarat umum)"
    assert failed.reason.en == "7.6 % is above the maximum 7.5 % (general requirement)"
    assert not above.unverified  # decided by verified general requirements only
    assert_stores_exactly(above)


@pytest.mark.parametrize(
    ("change", "failed"),
    [
        ({"serangga_hidup": "yes"}, "serangga_hidup"),
        ({"bau_asing": "yes"}, "bau_asing"),
        ({"benda_asing": "yes"}, "benda_asing"),
        ({"biji_pecah": 2.1}, "biji_pecah"),
    ],
)
def test_failing_any_general_requirement_means_substandard(
    change: dict[str, AnswerValue], failed: str
) -> None:
    result = score(COCOA, cocoa_sample(**change))

    assert result.code == "SUBSTANDARD"
    assert [f.item_id for f in result.failed_items] == [failed]
    assert COCOA.item(failed).text.id in result.label.id


def test_grade_two_reads_like_the_standard_and_says_why_not_grade_one() -> None:
    result = score(COCOA, cocoa_sample(berjamur=3.0, slaty=5.0))

    assert result.code == "II-B/A"
    assert result.label.id == "Mutu II-B, ukuran A"
    assert [f.item_id for f in result.failed_items] == ["berjamur", "slaty"]
    assert result.failed_items[0].reason.id == "3 % melebihi batas maks 2 % (Mutu I)"
    assert result.unverified  # grade limits are recollected, not verified


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"jenis": "F", "jumlah_biji": 80}, "I-F/AA"),
        ({"slaty": 8.0}, "II-B/A"),
        ({"slaty": 8.1}, "III-B/A"),
        ({"kotoran": 3.0, "jumlah_biji": 105}, "III-B/B"),
    ],
)
def test_cocoa_grades_follow_the_template_limits(
    changes: dict[str, AnswerValue], code: str
) -> None:
    assert score(COCOA, cocoa_sample(**changes)).code == code


def test_beans_worse_than_the_lowest_grade_are_substandard_naming_the_limit() -> None:
    result = score(COCOA, cocoa_sample(slaty=25.0))

    assert result.code == "SUBSTANDARD"
    assert result.label.id == "Tidak memenuhi SNI 2323: Kadar biji slaty; ukuran A"
    assert result.failed_items[0].reason.id == "25 % melebihi batas maks 20 % (Mutu III)"
    assert result.unverified


def chips_answers(**changes: AnswerValue) -> dict[str, AnswerValue]:
    """Every banana-chip check conforming, crisp, no lab values."""
    answers: dict[str, AnswerValue] = {
        item.id: "yes" for item in CHIPS.items() if item.answer == "yes_no_na"
    }
    answers["kerenyahan"] = "renyah"
    answers.update(changes)
    return answers


def test_weighted_check_all_conforming_passes_with_100_percent() -> None:
    result = score(CHIPS, chips_answers())

    assert (result.code, result.score) == ("PASS", 100.0)
    assert result.label.id == "Sesuai — skor 100 %"
    assert result.unverified  # the 80 % threshold is a local, unconfirmed decision


def test_weighted_percentage_counts_weights_and_leaves_out_not_applicable() -> None:
    # Version 1 let any item be N/A: 15 weighted answers; one "no" and one "na" leave 13
    # conforming of 14 assessed.
    result = score(CHIPS_V1, chips_answers(irisan_seragam="no", penirisan="na"))

    assert result.code == "PASS"
    assert result.score == pytest.approx(100 * 13 / 14)
    assert result.label.id == "Sesuai — skor 92,9 %"
    assert result.label.en == "Pass — score 92.9 %"
    assert [f.item_id for f in result.failed_items] == ["irisan_seragam"]


def test_below_the_threshold_fails_with_the_templates_actions() -> None:
    bad = {k: "no" for k in ("warna", "bau", "rasa", "irisan_seragam")}
    result = score(CHIPS, chips_answers(kerenyahan="melempem", **bad))

    assert result.code == "FAIL"
    assert result.score == pytest.approx(100 * 10 / 15)
    assert len(result.actions) == 1


def test_a_failed_must_pass_item_fails_whatever_the_percentage() -> None:
    result = score(CHIPS, chips_answers(tidak_tengik="no"))

    assert result.score == pytest.approx(100 * 14 / 15)
    assert result.code == "FAIL"
    assert result.failed_items[0].reason.id == "jawaban: tidak; yang sesuai: ya (butir kritis)"
    old = score(CHIPS_V1, chips_answers(tidak_tengik="no"))
    assert old.failed_items[0].reason.id == "jawaban: tidak; yang sesuai: ya (butir wajib lulus)"
    assert old.verdict.failed_critical == ("tidak_tengik",)


def test_lab_values_without_limits_are_recorded_but_not_judged() -> None:
    result = score(CHIPS, chips_answers(kadar_air=4.2, kadar_lemak=30.0))

    assert result.score == 100.0
    assert result.failed_items == ()


def test_a_choice_and_a_number_limit_are_judged() -> None:
    result = score(CHIPS, chips_answers(kerenyahan="kurang_renyah", bisulfit=0.6))

    reasons = {f.item_id: f.reason.id for f in result.failed_items}
    assert reasons == {
        "kerenyahan": "jawaban: Kurang renyah; yang sesuai: Renyah",
        "bisulfit": "0,6 % melebihi batas maks 0,5 %",
    }


def label_answers(pirt: str | None = "P-IRT No. 2063510010243-26") -> dict[str, AnswerValue]:
    answers: dict[str, AnswerValue] = {
        item.id: "yes" for item in LABEL.items() if item.answer == "yes_no_na"
    }
    answers["halal"] = "na"
    answers["nomor_pirt"] = pirt
    return answers


def test_label_check_decodes_a_valid_pirt_number() -> None:
    result = score(LABEL, label_answers(), today=date(2025, 3, 1))

    assert result.code == "PASS"
    assert result.pirt is not None
    assert (result.pirt.valid, result.pirt.expiry_year, result.pirt.expired) == (True, 2026, False)
    assert result.actions == ()
    assert_stores_exactly(result)


def test_an_expired_pirt_number_fails_the_label_check() -> None:
    result = score(LABEL, label_answers("2053374020970-22"), today=date(2025, 3, 1))

    assert result.code == "FAIL"
    assert result.pirt is not None and result.pirt.expired is True
    assert [f.item_id for f in result.failed_items] == ["nomor_pirt"]
    assert result.failed_items[0].reason.id == "SPP-IRT sudah berakhir (tahun 2022)"
    assert "Perpanjang SPP-IRT" in result.actions[0].text.id


def test_a_pirt_number_ending_this_year_asks_for_renewal() -> None:
    result = score(LABEL, label_answers(), today=date(2026, 6, 1))

    assert result.code == "PASS"
    assert [a.text.id for a in result.actions] == [
        "SPP-IRT berakhir tahun ini (2026); siapkan perpanjangan"
    ]


def test_without_today_the_expiry_is_decoded_but_not_judged() -> None:
    result = score(LABEL, label_answers())

    assert result.pirt is not None
    assert (result.pirt.expiry_year, result.pirt.expired) == (2026, None)


def test_a_malformed_pirt_number_warns_but_does_not_fail_the_label() -> None:
    result = score(LABEL, label_answers("2063510010243 26"), today=date(2025, 3, 1))

    assert result.code == "PASS"
    assert result.pirt is not None and not result.pirt.valid
    assert result.pirt.expiry_year == 2026
    assert result.pirt.problems[0].en.startswith("Write the last two digits")
    assert result.actions[0].text.id == "Periksa dan perbaiki penulisan nomor P-IRT pada label"


def test_an_undecodable_pirt_number_is_kept_as_text() -> None:
    result = score(LABEL, label_answers("P-IRT 12345"), today=date(2025, 3, 1))

    assert result.pirt is not None
    assert result.pirt.text == "P-IRT 12345"
    assert (result.pirt.valid, result.pirt.expiry_year, result.pirt.expired) == (False, None, None)


def test_without_a_pirt_number_there_is_no_pirt_check() -> None:
    assert score(LABEL, label_answers(None)).pirt is None


def test_a_health_claim_fails_the_label_even_when_everything_else_is_there() -> None:
    result = score(LABEL, {**label_answers(), "tanpa_klaim": "no"}, today=date(2025, 3, 1))

    assert result.code == "FAIL"
    assert [f.item_id for f in result.failed_items] == ["tanpa_klaim"]


def test_a_missing_label_content_fails_at_100_percent_threshold() -> None:
    result = score(LABEL, {**label_answers(), "kode_produksi": "no"})

    assert result.code == "FAIL"
    assert result.label.id.startswith("Label belum sesuai")


def tiny_weighted_template() -> ChecklistTemplate:
    return parse_template(
        {
            "format": 1,
            "id": "tiny",
            "version": 3,
            "title": {"id": "Kecil", "en": "Tiny"},
            "source": {
                "regulation": "-",
                "confidence": "unverified",
                "urls": [],
                "notes": {"id": "uji", "en": "test"},
            },
            "sections": [
                {
                    "id": "s",
                    "title": {"id": "S", "en": "S"},
                    "items": [
                        {
                            "id": "a",
                            "text": {"id": "A", "en": "A"},
                            "answer": "yes_no_na",
                            "required": True,
                            "weight": 2,
                        },
                        {
                            "id": "n",
                            "text": {"id": "N", "en": "N"},
                            "answer": "number",
                            "min": 0,
                            "max": 10,
                            "required": False,
                            "weight": 1,
                        },
                    ],
                }
            ],
            "rule": {
                "kind": "weighted_percentage",
                "verified": True,
                "pass_percent": 50,
                "limits": [{"item": "n", "min": 1, "max": None, "verified": True}],
                "pass_label": {"id": "Lulus {score}", "en": "Pass {score}"},
                "fail_label": {"id": "Gagal {score}", "en": "Fail {score}"},
            },
        }
    )


def test_nothing_to_assess_is_reported_as_such() -> None:
    result = score(tiny_weighted_template(), {"a": "na"})

    assert (result.status, result.code, result.score) == ("complete", "NOT_ASSESSED", None)
    assert not result.unverified


def test_weights_count_unequally() -> None:
    template = tiny_weighted_template()

    assert score(template, {"a": "yes", "n": 0}).score == pytest.approx(200 / 3)
    assert score(template, {"a": "no", "n": 5}).code == "FAIL"


@pytest.mark.parametrize(
    ("template", "answers", "words"),
    [
        (CPPB, {"99": "yes"}, "'99' tidak ada di templat cppb-irt versi 2"),
        (CPPB, {"1": "ya"}, "'1' tidak sah untuk jenis yes_no_na"),
        (CPPB, {"1": True}, "'1' tidak sah"),
        (COCOA, {"kadar_air": "7,5"}, "'kadar_air' tidak sah untuk jenis number"),
        (COCOA, {"kadar_air": True}, "'kadar_air' tidak sah"),
        (COCOA, {"kadar_air": float("nan")}, "'kadar_air' tidak sah"),
        (COCOA, {"kadar_air": 130}, "'kadar_air' = 130 di luar rentang 0 sampai 100"),
        (COCOA, {"jenis": "X"}, "'jenis' tidak sah untuk jenis choice"),
        (LABEL, {"nomor_pirt": 2063510010243}, "'nomor_pirt' tidak sah untuk jenis text"),
    ],
)
def test_answers_that_cannot_belong_to_the_template_are_refused(
    template: ChecklistTemplate, answers: dict[str, Any], words: str
) -> None:
    with pytest.raises(AnswerError) as caught:
        score(template, answers)

    assert words in str(caught.value)


def test_scoring_is_pure() -> None:
    answers = cocoa_sample(slaty=5.0)
    before = dict(answers)

    first = score(COCOA, answers, today=date(2030, 1, 1))

    assert answers == before
    assert score(COCOA, answers, today=date(2030, 1, 1)) == first


def test_every_result_kind_stores_as_json_and_comes_back_equal() -> None:
    results = [
        score(CPPB, inspection("5", "36")),
        score(COCOA, cocoa_sample(berjamur=3.0)),
        score(COCOA, cocoa_sample(jumlah_biji=None)),
        score(CHIPS, chips_answers(tidak_tengik="no")),
        score(LABEL, label_answers("2063510010243 20"), today=date(2025, 1, 1)),
        score(tiny_weighted_template(), {"a": "na"}),
    ]
    for result in results:
        assert_stores_exactly(result)


def lenient_cppb(na_limit: float = 25) -> ChecklistTemplate:
    """CPPB-IRT v2 as if every item allowed N/A: the N/A limit alone must stop a pass."""
    data = template_to_dict(CPPB)
    for section in data["sections"]:
        for item in section["items"]:
            item["na_allowed"] = True
    data["rule"]["na_limit_percent"] = na_limit
    return parse_template(data)


def test_cppb_all_not_applicable_is_not_assessed_even_where_na_were_allowed() -> None:
    result = score(lenient_cppb(), dict.fromkeys(inspection(), "na"))

    assert (result.status, result.code) == ("complete", "NOT_ASSESSED")
    assert result.verdict == Verdict("not_assessed")
    assert (
        result.label.id
        == 'Tidak dapat dinilai — 37 dari 37 butir dijawab "tidak berlaku" (batas 25 %)'
    )
    assert result.actions == () and result.score is None
    assert_stores_exactly(result)


def test_na_up_to_the_limit_still_gives_a_level_and_above_it_does_not() -> None:
    at_limit = score(lenient_cppb(), inspection(na=tuple(SE[:9])))  # 9 of 37 = 24.3 %
    above = score(lenient_cppb(), inspection(na=tuple(SE[:10])))  # 10 of 37 = 27 %

    assert (at_limit.verdict.outcome, at_limit.verdict.level) == ("pass", "LEVEL_I")
    assert (above.verdict.outcome, above.verdict.level) == ("not_assessed", None)


def test_a_critical_finding_fails_even_with_too_many_na() -> None:
    result = score(lenient_cppb(), inspection("9", na=tuple(SE)))

    assert result.verdict.outcome == "fail"
    assert result.verdict.failed_critical == ("9",)


def test_a_critical_failure_fails_an_incomplete_check_too() -> None:
    answers = chips_answers(air_bersih="no")
    del answers["warna"]

    result = score(CHIPS, answers)

    assert result.code == "INCOMPLETE"
    assert result.verdict == Verdict("fail", failed_critical=("air_bersih",))


def test_incomplete_without_critical_failure_is_not_assessed() -> None:
    answers = chips_answers()
    del answers["warna"]

    assert score(CHIPS, answers).verdict == Verdict("not_assessed")


def test_label_with_claim_expiry_and_pirt_na_is_never_a_pass() -> None:
    # Under version 2 each of them is refused at entry.
    for item in ("tanpa_klaim", "kedaluwarsa", "nomor_pirt_tercantum"):
        with pytest.raises(AnswerError) as caught:
            score(LABEL, {**label_answers(), item: "na"})
        assert caught.value.field == item
    # Even a template that let them be N/A could not pass on the rest.
    data = template_to_dict(LABEL)
    for section in data["sections"]:
        for entry in section["items"]:
            entry["na_allowed"] = entry["answer"] == "yes_no_na"
    lenient = parse_template(data)
    answers = {**label_answers(), "tanpa_klaim": "na", "kedaluwarsa": "na"}
    answers["nomor_pirt_tercantum"] = "na"
    answers["asal_bahan"] = "na"

    assert score(lenient, answers).verdict.outcome == "not_assessed"  # 5 of 13 > 25 %


def test_cocoa_general_requirements_cannot_be_na_and_a_failure_gives_no_grade() -> None:
    for item in ("serangga_hidup", "bau_asing", "benda_asing"):
        with pytest.raises(AnswerError):
            score(COCOA, cocoa_sample(**{item: "na"}))
    result = score(COCOA, cocoa_sample(bau_asing="yes", benda_asing="yes"))

    assert result.verdict == Verdict("fail", failed_critical=("bau_asing", "benda_asing"))


def test_cocoa_grade_and_below_the_lowest_grade() -> None:
    graded = score(COCOA, cocoa_sample(berjamur=3.0))
    below = score(COCOA, cocoa_sample(slaty=30.0))

    assert graded.verdict == Verdict("pass", grade="II-B")
    assert (below.code, below.verdict) == ("SUBSTANDARD", Verdict("needs_improvement"))


def test_cppb_levels_give_their_declared_outcome() -> None:
    assert score(CPPB, inspection(*SE[:2])).verdict == Verdict("pass", level="LEVEL_II")
    assert score(CPPB, inspection(*MA[:3])).verdict == Verdict(
        "needs_improvement", level="LEVEL_III"
    )
    assert score(CPPB, inspection(*SE[:5])).verdict == Verdict("fail", level="LEVEL_IV")


def test_an_expired_pirt_number_is_a_critical_failure() -> None:
    result = score(LABEL, label_answers("2063510010243-22"), today=date(2025, 1, 1))

    assert result.verdict.outcome == "fail"
    assert result.verdict.failed_critical == ("nomor_pirt",)


@pytest.mark.parametrize(
    ("stored", "verdict"),
    [
        ({"status": "complete", "code": "PASS", "score": 86.7}, Verdict("pass", percentage=86.7)),
        ({"status": "complete", "code": "FAIL", "score": 70.0}, Verdict("fail", percentage=70.0)),
        ({"status": "complete", "code": "NOT_ASSESSED", "score": None}, Verdict("not_assessed")),
        ({"status": "incomplete", "code": "INCOMPLETE", "score": None}, Verdict("not_assessed")),
        (
            {"status": "complete", "code": "LEVEL_II", "score": 2.0},
            Verdict("pass", level="LEVEL_II"),
        ),
        (
            {"status": "complete", "code": "LEVEL_III", "score": 3.0},
            Verdict("needs_improvement", level="LEVEL_III"),
        ),
        (
            {"status": "complete", "code": "LEVEL_IV", "score": 1.0},
            Verdict("fail", level="LEVEL_IV"),
        ),
        ({"status": "complete", "code": "II-B/A", "score": None}, Verdict("pass", grade="II-B")),
        ({"status": "complete", "code": "SUBSTANDARD", "score": None}, Verdict("fail")),
    ],
)
def test_results_stored_before_verdicts_read_as_their_code_meant(
    stored: dict[str, Any], verdict: Verdict
) -> None:
    assert legacy_verdict(stored) == verdict


def test_version_1_templates_score_as_they_always_did() -> None:
    cppb_v1 = PREVIOUS["cppb-irt"]
    all_na = score(cppb_v1, {item.id: "na" for item in cppb_v1.items()})
    chips = score(CHIPS_V1, chips_answers(bahan_baku="no", air_bersih="no"))

    assert all_na.code == "LEVEL_I"  # the old rule's flaw, kept for the checks made with it
    assert (chips.code, chips.label.id) == ("PASS", "Sesuai — skor 86,7 %")
