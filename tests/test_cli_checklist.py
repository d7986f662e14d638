"""``ikmdesk checklist``: the worked examples of issue 11 scored from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ikmdesk.services.checklist_template import shipped_templates
from tests.test_cli import Capture, Run, run_in_process

TEMPLATES = {t.id: t for t in shipped_templates()}


def conforming(template_id: str) -> dict[str, Any]:
    """Every yes/no item answered the conforming way, choices at their first option."""
    template = TEMPLATES[template_id]
    answers: dict[str, Any] = {}
    for item in template.items():
        if item.answer == "yes_no_na":
            answers[item.id] = "no" if item.nc_class is not None else "yes"
        elif item.answer == "choice":
            answers[item.id] = item.options[0].value
    return answers


def cocoa_sample(**changes: Any) -> dict[str, Any]:
    sample = {
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
    return sample | changes


def score_json(
    template: str, answers: dict[str, Any], tmp_path: Path, capsys: Capture, *extra: str
) -> tuple[Run, dict[str, Any] | None]:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    run = run_in_process(
        "checklist",
        "score",
        "--template",
        template,
        "--answers",
        path,
        "--json",
        *extra,
        capsys=capsys,
    )
    return run, (json.loads(run.stdout) if run.returncode == 0 else None)


def test_banana_chips_rotten_bananas_and_unclean_water_fail(
    tmp_path: Path, capsys: Capture
) -> None:
    answers = conforming("keripik-pisang") | {"bahan_baku": "no", "air_bersih": "no"}

    run, out = score_json("keripik-pisang", answers, tmp_path, capsys)

    assert run.returncode == 0 and out is not None
    assert out["outcome"] == "fail"
    assert out["failed_critical"] == ["bahan_baku", "air_bersih"]
    assert out["percentage"] > 80  # the percentage alone would have passed
    assert (out["level"], out["grade"], out["version"]) == (None, None, 2)


def test_banana_chips_reused_oil_dirty_water_and_non_food_packaging_fail(
    tmp_path: Path, capsys: Capture
) -> None:
    answers = conforming("keripik-pisang") | {
        "minyak": "no",
        "air_bersih": "no",
        "kemasan_pangan": "no",
    }

    _, out = score_json("keripik-pisang", answers, tmp_path, capsys)

    assert out is not None and out["outcome"] == "fail"
    assert out["failed_critical"] == ["minyak", "air_bersih", "kemasan_pangan"]


def test_banana_chips_below_the_pass_mark_without_critical_failures_need_improvement(
    tmp_path: Path, capsys: Capture
) -> None:
    answers = conforming("keripik-pisang") | dict.fromkeys(
        ("warna", "bau", "rasa", "penirisan"), "no"
    )

    _, out = score_json("keripik-pisang", answers, tmp_path, capsys)

    assert out is not None
    assert (out["outcome"], out["failed_critical"]) == ("needs_improvement", [])
    assert out["percentage"] == pytest.approx(100 * 11 / 15)


def test_cppb_irt_all_not_applicable_is_refused_naming_an_item(
    tmp_path: Path, capsys: Capture
) -> None:
    answers = dict.fromkeys(conforming("cppb-irt"), "na")

    run, _ = score_json("cppb-irt", answers, tmp_path, capsys)

    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert "'1' selalu berlaku" in run.stderr


def test_cppb_irt_na_only_where_allowed_gives_a_level(tmp_path: Path, capsys: Capture) -> None:
    answers = conforming("cppb-irt") | {"28": "na", "29": "na"}

    _, out = score_json("cppb-irt", answers, tmp_path, capsys)

    assert out is not None
    assert (out["outcome"], out["level"], out["percentage"]) == ("pass", "LEVEL_I", None)


def test_cppb_irt_one_critical_finding_fails(tmp_path: Path, capsys: Capture) -> None:
    _, out = score_json("cppb-irt", conforming("cppb-irt") | {"9": "yes"}, tmp_path, capsys)

    assert out is not None
    assert (out["outcome"], out["level"], out["failed_critical"]) == ("fail", "LEVEL_IV", ["9"])


@pytest.mark.parametrize("item", ["tanpa_klaim", "kedaluwarsa", "nomor_pirt_tercantum"])
def test_label_claim_expiry_or_pirt_not_applicable_is_refused(
    item: str, tmp_path: Path, capsys: Capture
) -> None:
    run, _ = score_json("label-irt", conforming("label-irt") | {item: "na"}, tmp_path, capsys)

    assert run.returncode == 1
    assert f"'{item}' selalu berlaku" in run.stderr


def test_label_missing_expiry_fails_and_conditional_items_may_be_na(
    tmp_path: Path, capsys: Capture
) -> None:
    answers = conforming("label-irt") | {"halal": "na", "asal_bahan": "na", "peringatan": "na"}
    _, passed = score_json("label-irt", answers, tmp_path, capsys)
    _, failed = score_json("label-irt", answers | {"kedaluwarsa": "no"}, tmp_path, capsys)

    assert passed is not None and (passed["outcome"], passed["percentage"]) == ("pass", 100.0)
    assert failed is not None
    assert (failed["outcome"], failed["failed_critical"]) == ("fail", ["kedaluwarsa"])


@pytest.mark.parametrize("item", ["serangga_hidup", "bau_asing", "benda_asing"])
def test_cocoa_live_insects_foreign_odour_or_matter_not_applicable_is_refused(
    item: str, tmp_path: Path, capsys: Capture
) -> None:
    run, _ = score_json("kakao-sni-2323", cocoa_sample(**{item: "na"}), tmp_path, capsys)

    assert run.returncode == 1
    assert f"'{item}' selalu berlaku" in run.stderr


def test_cocoa_live_insects_fail_without_a_grade(tmp_path: Path, capsys: Capture) -> None:
    _, good = score_json("kakao-sni-2323", cocoa_sample(), tmp_path, capsys)
    _, bad = score_json("kakao-sni-2323", cocoa_sample(serangga_hidup="yes"), tmp_path, capsys)

    assert good is not None and (good["outcome"], good["grade"]) == ("pass", "I-B")
    assert bad is not None
    assert (bad["outcome"], bad["grade"], bad["failed_critical"]) == (
        "fail",
        None,
        ["serangga_hidup"],
    )


def test_an_older_version_can_still_be_scored_on_request(tmp_path: Path, capsys: Capture) -> None:
    answers = conforming("keripik-pisang") | {"bahan_baku": "no", "air_bersih": "no"}

    _, out = score_json("keripik-pisang", answers, tmp_path, capsys, "--version", "1")

    assert out is not None and (out["version"], out["outcome"]) == (1, "pass")


def test_plain_output_names_the_outcome_and_the_failed_critical_items(
    tmp_path: Path, capsys: Capture
) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(conforming("keripik-pisang") | {"minyak": "no"}), encoding="utf-8")

    run = run_in_process(
        "checklist", "score", "--template", "keripik-pisang", "--answers", path, capsys=capsys
    )

    assert run.returncode == 0
    assert "tidak sesuai (fail)" in run.stdout
    assert "butir kritis gagal: minyak" in run.stdout


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "bukan JSON yang sah"),
        ('["yes"]', "harus berisi satu objek JSON"),
        ('{"ghost": "yes"}', "'ghost' tidak ada di templat"),
        ('{"1": "maybe"}', "'1' tidak sah"),
    ],
)
def test_bad_answers_give_one_line_and_exit_1(
    content: str, words: str, tmp_path: Path, capsys: Capture
) -> None:
    path = tmp_path / "a.json"
    path.write_text(content, encoding="utf-8")

    run = run_in_process(
        "checklist", "score", "--template", "cppb-irt", "--answers", path, capsys=capsys
    )

    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and words in run.stderr


def test_unknown_template_missing_file_and_version_exit_1(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "a.json"
    path.write_text("{}", encoding="utf-8")

    unknown = run_in_process(
        "checklist", "score", "--template", "ghost", "--answers", path, capsys=capsys
    )
    missing = run_in_process(
        "checklist",
        "score",
        "--template",
        "cppb-irt",
        "--answers",
        tmp_path / "no.json",
        capsys=capsys,
    )
    version = run_in_process(
        "checklist",
        "score",
        "--template",
        "cppb-irt",
        "--version",
        "9",
        "--answers",
        path,
        capsys=capsys,
    )

    assert [r.returncode for r in (unknown, missing, version)] == [1, 1, 1]
    assert "'ghost' tidak ada" in unknown.stderr
    assert "tidak dapat dibaca" in missing.stderr
    assert "versi 9" in version.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("checklist",),
        ("checklist", "score", "--answers", "a.json"),
        ("checklist", "score", "--template", "cppb-irt"),
        ("checklist", "score", "--template", "x", "--answers", "a", "--today", "3/8/2025"),
        ("checklist", "list", "--bogus"),
    ],
)
def test_bad_usage_exits_2(args: tuple[str, ...], capsys: Capture) -> None:
    assert run_in_process(*args, capsys=capsys).returncode == 2


def test_list_json_names_versions_answer_types_critical_and_na_items(capsys: Capture) -> None:
    run = run_in_process("checklist", "list", "--json", capsys=capsys)

    listed = {(t["id"], t["version"]): t for t in json.loads(run.stdout)}
    assert run.returncode == 0
    assert set(listed) == {(t, v) for t in TEMPLATES for v in (1, 2)}
    chips = listed["keripik-pisang", 2]
    assert set(chips["critical"]) == {
        "tidak_tengik",
        "bahan_baku",
        "minyak",
        "air_bersih",
        "kemasan_pangan",
    }
    assert chips["na_allowed"] == []
    assert chips["na_limit_percent"] == 25
    assert listed["cppb-irt", 2]["na_allowed"] == ["28", "29"]
    item = next(i for i in listed["kakao-sni-2323", 2]["items"] if i["id"] == "kadar_air")
    assert item == {
        "id": "kadar_air",
        "answer": "number",
        "required": True,
        "judged": True,
        "critical": True,
        "na_allowed": False,
    }


def test_list_plain_shows_each_template_version_and_marks(capsys: Capture) -> None:
    run = run_in_process("checklist", "list", capsys=capsys)

    assert run.returncode == 0
    assert "keripik-pisang v2" in run.stdout and "keripik-pisang v1" in run.stdout
    assert any(
        line.split()[0] == "air_bersih" and "kritis" in line for line in run.stdout.splitlines()
    )


def test_with_db_the_stored_templates_are_used(tmp_path: Path, capsys: Capture) -> None:
    from ikmdesk.services.data_file import open_data_file

    db_path = tmp_path / "office.ikmdesk"
    open_data_file(db_path, create=True).close()
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(conforming("cppb-irt")), encoding="utf-8")

    listed = run_in_process("checklist", "list", "--db", db_path, "--json", capsys=capsys)
    scored = run_in_process(
        "checklist",
        "score",
        "--db",
        db_path,
        "--template",
        "cppb-irt",
        "--answers",
        answers,
        "--json",
        capsys=capsys,
    )

    assert {(t["id"], t["version"]) for t in json.loads(listed.stdout)} >= {("cppb-irt", 2)}
    assert json.loads(scored.stdout)["outcome"] == "pass"
