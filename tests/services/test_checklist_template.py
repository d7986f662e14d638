"""Checklist templates: shipped ones validate and round-trip; broken ones are refused by place."""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from ikmdesk.errors import ValidationError
from ikmdesk.resource import resource_path
from ikmdesk.services.checklist_template import (
    ChecklistTemplate,
    MeasurementGradeRule,
    NonconformityLevelRule,
    TemplateError,
    WeightedPercentageRule,
    parse_template,
    previous_templates,
    shipped_templates,
    template_from_json,
    template_to_dict,
)

SHIPPED = ("cppb-irt", "kakao-sni-2323", "keripik-pisang", "label-irt")


def shipped_data(template_id: str) -> dict[str, Any]:
    """Return a fresh copy of a shipped template's JSON document."""
    path = resource_path("checklists", f"{template_id}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def shipped(template_id: str) -> ChecklistTemplate:
    return parse_template(shipped_data(template_id))


def refusal(data: dict[str, Any]) -> TemplateError:
    with pytest.raises(TemplateError) as caught:
        parse_template(data)
    return caught.value


def test_the_four_templates_are_shipped_at_version_2_with_version_1_kept() -> None:
    assert [t.key for t in shipped_templates()] == [(t, 2) for t in SHIPPED]
    assert [t.key for t in previous_templates()] == [(t, 1) for t in SHIPPED]
    assert {t.file_format for t in previous_templates()} == {1}


@pytest.mark.parametrize("template_id", SHIPPED)
def test_version_1_file_matches_the_format_1_json_schema(template_id: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = resource_path("checklists", "schema", "checklist.format-1.schema.json")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    path = resource_path("checklists", "previous", f"{template_id}.v1.json")

    jsonschema.Draft202012Validator(schema).validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("template_id", SHIPPED)
def test_version_1_files_are_kept_exactly_as_they_were(template_id: str) -> None:
    path = resource_path("checklists", "previous", f"{template_id}.v1.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    template = parse_template(data)

    assert data["format"] == 1
    assert template_to_dict(template) == data
    assert all(item.na_allowed or item.answer != "yes_no_na" for item in template.items())


@pytest.mark.parametrize("template_id", SHIPPED)
def test_shipped_template_round_trips_exactly(template_id: str) -> None:
    data = shipped_data(template_id)
    template = parse_template(data)

    assert template_to_dict(template) == data
    assert parse_template(template_to_dict(template)) == template
    assert template_from_json(json.dumps(template_to_dict(template))) == template


@pytest.mark.parametrize("template_id", SHIPPED)
def test_shipped_template_matches_the_json_schema(template_id: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = resource_path("checklists", "schema", "checklist.schema.json")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)

    jsonschema.Draft202012Validator(schema).validate(shipped_data(template_id))


@pytest.mark.parametrize("template_id", SHIPPED)
def test_shipped_template_cites_its_source(template_id: str) -> None:
    source = shipped(template_id).source

    assert source.regulation and source.urls and source.notes.id and source.notes.en


def test_cppb_has_the_37_items_of_the_14_elements_with_the_reference_tally() -> None:
    template = shipped("cppb-irt")
    items = list(template.items())

    assert [s.id for s in template.sections] == list("ABCDEFGHIJKLMN")
    assert [i.id for i in items] == [str(n) for n in range(1, 38)]
    assert Counter(i.nc_class for i in items) == {"MI": 1, "MA": 6, "SE": 16, "KR": 14}
    assert all(i.answer == "yes_no_na" and i.required for i in items)
    assert template.item("9").nc_class == "KR"
    assert template.item("36").nc_class == "MI"


def test_cppb_asks_plor_corrective_action_and_deadline_for_each_finding() -> None:
    fields = shipped("cppb-irt").finding_fields

    assert [(f.id, f.answer) for f in fields] == [
        ("problem", "text"),
        ("location", "text"),
        ("evidence", "text"),
        ("reference", "text"),
        ("corrective_action", "text"),
        ("due_date", "date"),
    ]


def test_cppb_levels_are_editable_unverified_and_ordered_most_severe_first() -> None:
    rule = shipped("cppb-irt").rule

    assert isinstance(rule, NonconformityLevelRule)
    assert not rule.verified and rule.note is not None
    assert "PerBPOM" in rule.note.id
    assert [lv.code for lv in rule.levels] == ["LEVEL_IV", "LEVEL_III", "LEVEL_II", "LEVEL_I"]


def test_cocoa_general_requirements_are_verified_and_grade_limits_are_not() -> None:
    rule = shipped("kakao-sni-2323").rule

    assert isinstance(rule, MeasurementGradeRule)
    assert all(limit.verified for limit in rule.general)
    assert [g.code for g in rule.grades] == ["I", "II", "III"]
    grade_limits = [lim for g in rule.grades for t in g.limits for lim in t.limits]
    assert grade_limits and not any(lim.verified for lim in grade_limits)
    assert {t.type_code for g in rule.grades for t in g.limits} == {"F", "B"}


def test_banana_chip_lab_values_ship_with_blank_limits() -> None:
    rule = shipped("keripik-pisang").rule

    assert isinstance(rule, WeightedPercentageRule)
    lab = {lim.item: lim for lim in rule.limits if lim.item.startswith(("kadar_", "asam_"))}
    assert set(lab) == {"kadar_air", "kadar_abu", "kadar_lemak", "asam_lemak_bebas"}
    assert all(lim.min is None and lim.max is None and not lim.is_set for lim in lab.values())


def test_label_template_checks_the_pirt_number_and_vetoes_on_claims() -> None:
    rule = shipped("label-irt").rule

    assert isinstance(rule, WeightedPercentageRule)
    assert rule.pirt_item == "nomor_pirt"
    assert rule.must_pass == ()
    assert shipped("label-irt").item("tanpa_klaim").critical


def test_an_unknown_answer_type_is_refused_naming_the_place() -> None:
    data = shipped_data("cppb-irt")
    data["sections"][2]["items"][1]["answer"] = "slider"

    error = refusal(data)

    assert error.path == "sections[2].items[1].answer"
    assert str(error) == ("sections[2].items[1].answer: jenis jawaban tidak dikenal 'slider'")


def test_a_duplicate_item_id_is_refused_naming_both_places() -> None:
    data = shipped_data("cppb-irt")
    data["sections"][3]["items"][0]["id"] = "5"

    error = refusal(data)

    assert error.path == "sections[3].items[0].id"
    assert "'5'" in str(error) and "sections[2].items[0]" in str(error)


def mutate(template_id: str, change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    data = shipped_data(template_id)
    change(data)
    return data


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


BROKEN: list[tuple[str, str, Callable[[dict[str, Any]], Any], str, str]] = [
    # (case, template, change, path named, words in the message)
    (
        "unknown rule kind",
        "cppb-irt",
        _set(["rule", "kind"], "majority_vote"),
        "rule.kind",
        "'majority_vote'",
    ),
    (
        "weighted limit on a missing item",
        "keripik-pisang",
        _set(["rule", "limits", 0, "item"], "ghost"),
        "rule.limits[0].item",
        "'ghost'",
    ),
    (
        "must-pass list in format 2",
        "label-irt",
        _set(["rule", "must_pass"], ["tanpa_klaim"]),
        "rule.must_pass",
        "tidak dikenal",
    ),
    (
        "grade type item missing",
        "kakao-sni-2323",
        _set(["rule", "type_item"], "ghost"),
        "rule.type_item",
        "'ghost'",
    ),
    (
        "grade limit item missing",
        "kakao-sni-2323",
        _set(["rule", "grades", 1, "limits", "B", 2, "item"], "ghost"),
        "rule.grades[1].limits.B[2].item",
        "'ghost'",
    ),
    (
        "pirt item missing",
        "label-irt",
        _set(["rule", "pirt_item"], "ghost"),
        "rule.pirt_item",
        "'ghost'",
    ),
    (
        "pirt item of the wrong type",
        "label-irt",
        _set(["rule", "pirt_item"], "halal"),
        "rule.pirt_item",
        "yes_no_na",
    ),
    (
        "level ranges overlap",
        "cppb-irt",
        _set(["rule", "levels", 2, "when_any", "SE"], {"min": 1, "max": 3}),
        "rule.levels[1].when_any.SE",
        "jumlah 3",
    ),
    (
        "level ranges leave a gap",
        "cppb-irt",
        _set(["rule", "levels", 2, "when_any", "SE"], {"min": 1, "max": 1}),
        "rule.levels[1].when_any.SE",
        "jumlah 2 tidak masuk",
    ),
    (
        "open range before the end",
        "cppb-irt",
        _set(["rule", "levels", 1, "when_any", "SE"], {"min": 3, "max": None}),
        "rule.levels[0].when_any.SE",
        "SE",
    ),
    (
        "no level for zero",
        "cppb-irt",
        _delete(["rule", "levels", 3, "when_any", "KR"]),
        "rule.levels[0].when_any.KR",
        "jumlah 0 tidak masuk",
    ),
    (
        "bad class in a level",
        "cppb-irt",
        _set(["rule", "levels", 0, "when_any", "XX"], {"min": 0, "max": None}),
        "rule.levels[0].when_any.XX",
        "'XX'",
    ),
    (
        "count range not an integer",
        "cppb-irt",
        _set(["rule", "levels", 0, "when_any", "KR", "min"], 1.5),
        "rule.levels[0].when_any.KR.min",
        "bilangan bulat",
    ),
    (
        "non-numeric threshold",
        "kakao-sni-2323",
        _set(["rule", "general", 1, "max"], "7,5"),
        "rule.general[1].max",
        "angka",
    ),
    (
        "boolean threshold",
        "keripik-pisang",
        _set(["rule", "pass_percent"], True),
        "rule.pass_percent",
        "angka",
    ),
    (
        "percent above 100",
        "keripik-pisang",
        _set(["rule", "pass_percent"], 180),
        "rule.pass_percent",
        "180",
    ),
    (
        "number limit on a yes/no item",
        "kakao-sni-2323",
        _set(
            ["rule", "general", 0],
            {"item": "serangga_hidup", "min": None, "max": 0, "verified": True},
        ),
        "rule.general[0]",
        "accept",
    ),
    (
        "accepting an answer the item cannot have",
        "keripik-pisang",
        _set(["rule", "limits", 0, "accept"], ["garing"]),
        "rule.limits[0].accept[0]",
        "'garing'",
    ),
    (
        "size bands not rising",
        "kakao-sni-2323",
        _set(["rule", "size", "bands", 2, "max"], 95),
        "rule.size.bands[2].max",
        "95",
    ),
    (
        "last size band closed",
        "kakao-sni-2323",
        _set(["rule", "size", "bands", 4, "max"], 200),
        "rule.size.bands[4].max",
        "max: null",
    ),
    (
        "grade limits missing a type",
        "kakao-sni-2323",
        _delete(["rule", "grades", 0, "limits", "F"]),
        "rule.grades[0].limits",
        "F",
    ),
    (
        "unknown label placeholder",
        "kakao-sni-2323",
        _set(["rule", "result_label", "en"], "Grade {mutu}"),
        "rule.result_label.en",
        "'mutu'",
    ),
    (
        "unverified rule without a note",
        "cppb-irt",
        _delete(["rule", "note"]),
        "rule.note",
        "catatan",
    ),
    (
        "missing required key",
        "cppb-irt",
        _delete(["sections", 4, "items", 2, "required"]),
        "sections[4].items[2].required",
        "wajib",
    ),
    ("missing title", "label-irt", _delete(["title"]), "title", "wajib"),
    (
        "unknown key",
        "label-irt",
        _set(["sections", 0, "items", 0, "requred"], True),
        "sections[0].items[0].requred",
        "tidak dikenal",
    ),
    (
        "bad class",
        "cppb-irt",
        _set(["sections", 1, "items", 0, "class"], "XX"),
        "sections[1].items[0].class",
        "'XX'",
    ),
    (
        "class on a number item",
        "cppb-irt",
        _set(["sections", 0, "items", 0, "answer"], "number"),
        "sections[0].items[0].class",
        "number",
    ),
    (
        "weight and class together",
        "cppb-irt",
        _set(["sections", 0, "items", 0, "weight"], 2),
        "sections[0].items[0].weight",
        "tidak keduanya",
    ),
    (
        "weight in a graded template",
        "kakao-sni-2323",
        _set(["sections", 1, "items", 1, "weight"], 2),
        "sections[1].items[1].weight",
        "measurement_grade",
    ),
    (
        "class in a weighted template",
        "label-irt",
        _set(["sections", 0, "items", 0, "class"], "KR"),
        "sections[0].items[0].weight",
        "tidak keduanya",
    ),
    (
        "class on an unweighted item of a weighted template",
        "keripik-pisang",
        _set(["sections", 4, "items", 4, "class"], "MI"),
        "sections[4].items[4].class",
        "weighted_percentage",
    ),
    (
        "weight on a photo",
        "keripik-pisang",
        _set(["sections", 4, "items", 5, "weight"], 1),
        "sections[4].items[5].weight",
        "photo",
    ),
    (
        "weighted choice without a limit",
        "keripik-pisang",
        _delete(["rule", "limits", 0]),
        "sections[0].items[3].weight",
        "rule.limits",
    ),
    (
        "choice without options",
        "keripik-pisang",
        _delete(["sections", 0, "items", 3, "options"]),
        "sections[0].items[3].options",
        "wajib",
    ),
    (
        "unit on a yes/no item",
        "label-irt",
        _set(["sections", 0, "items", 0, "unit"], "%"),
        "sections[0].items[0].unit",
        "number",
    ),
    (
        "duplicate option",
        "kakao-sni-2323",
        _set(["sections", 0, "items", 0, "options", 1, "value"], "F"),
        "sections[0].items[0].options[1].value",
        "'F'",
    ),
    (
        "duplicate section",
        "label-irt",
        _set(["sections", 1, "id"], "isi"),
        "sections[1].id",
        "'isi'",
    ),
    (
        "bad confidence",
        "label-irt",
        _set(["source", "confidence"], "sure"),
        "source.confidence",
        "'sure'",
    ),
    ("empty translation", "label-irt", _set(["title", "en"], " "), "title.en", "teks"),
    ("unsupported file format", "label-irt", _set(["format"], 3), "format", "3"),
    ("version zero", "label-irt", _set(["version"], 0), "version", "0"),
    (
        "critical item the rule does not judge",
        "keripik-pisang",
        _set(["sections", 4, "items", 4, "critical"], True),
        "sections[4].items[4].critical",
        "'laporan_uji' tidak dinilai",
    ),
    (
        "na_allowed on a number item",
        "keripik-pisang",
        _set(["sections", 1, "items", 1, "na_allowed"], True),
        "sections[1].items[1].na_allowed",
        "yes_no_na",
    ),
    (
        "critical not a boolean",
        "cppb-irt",
        _set(["sections", 0, "items", 0, "critical"], "yes"),
        "sections[0].items[0].critical",
        "true atau false",
    ),
    (
        "item source of unknown confidence",
        "cppb-irt",
        _set(["sections", 0, "items", 0, "source", "confidence"], "sure"),
        "sections[0].items[0].source.confidence",
        "'sure'",
    ),
    (
        "level outcome unknown",
        "cppb-irt",
        _set(["rule", "levels", 0, "outcome"], "bad"),
        "rule.levels[0].outcome",
        "'bad'",
    ),
    (
        "level outcome missing in format 2",
        "cppb-irt",
        _delete(["rule", "levels", 0, "outcome"]),
        "rule.levels[0].outcome",
        "wajib ada",
    ),
    (
        "N/A limit missing in format 2",
        "kakao-sni-2323",
        _delete(["rule", "na_limit_percent"]),
        "rule.na_limit_percent",
        "wajib ada",
    ),
    (
        "N/A limit above 100",
        "label-irt",
        _set(["rule", "na_limit_percent"], 120),
        "rule.na_limit_percent",
        "120",
    ),
]


@pytest.mark.parametrize(
    ("template_id", "change", "path", "words"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_broken_template_is_refused_naming_the_place(
    template_id: str, change: Callable[[dict[str, Any]], Any], path: str, words: str
) -> None:
    error = refusal(mutate(template_id, change))

    assert error.path == path
    assert str(error).startswith(f"{path}: ")
    assert words in str(error)


def test_refusal_is_a_translatable_user_error() -> None:
    data = shipped_data("cppb-irt")
    data["sections"][2]["items"][1]["answer"] = "slider"

    error = refusal(data)
    translated = error.message(lambda context, text: text.replace("jenis jawaban", "answer type"))

    assert isinstance(error, ValidationError)
    assert "{path}" in error.message_id and "{value}" in error.message_id
    assert translated == "sections[2].items[1].answer: answer type tidak dikenal 'slider'"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{not json", "bukan JSON"),
        ('{"format": 1, "format": 1}', "'format' ditulis dua kali"),
        ('{"pass": NaN}', "NaN"),
        ("[]", "objek"),
    ],
)
def test_bad_json_text_is_refused(text: str, words: str) -> None:
    with pytest.raises(TemplateError) as caught:
        template_from_json(text)

    assert words in str(caught.value)


def test_parsing_does_not_change_the_data_it_was_given() -> None:
    data = shipped_data("kakao-sni-2323")
    before = copy.deepcopy(data)

    parse_template(data)

    assert data == before


@pytest.mark.parametrize("key", ["critical", "na_allowed", "source"])
def test_format_1_files_cannot_carry_format_2_keys(key: str) -> None:
    path = resource_path("checklists", "previous", "cppb-irt.v1.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sections"][0]["items"][0][key] = True

    assert refusal(data).path == f"sections[0].items[0].{key}"


def test_banana_chip_food_safety_items_are_critical_with_their_sources() -> None:
    template = shipped("keripik-pisang")
    sources = {i.id: i.source for i in template.items() if i.critical}

    assert set(sources) == {"tidak_tengik", "bahan_baku", "minyak", "air_bersih", "kemasan_pangan"}
    assert "butir 25" in sources["bahan_baku"].reference
    assert "butir 9" in sources["air_bersih"].reference
    assert "butir 27" in sources["kemasan_pangan"].reference
    assert "SNI 01-3741-2002" in sources["minyak"].reference
    assert not any(source.confirmed for source in sources.values())  # secondary sources
    assert not any(i.na_allowed for i in template.items())
    lab = [template.item(i) for i in ("kadar_air", "kadar_abu", "kadar_lemak", "asam_lemak_bebas")]
    assert all(i.source is not None and i.source.confidence == "unverified" for i in lab)
    rule = template.rule
    assert isinstance(rule, WeightedPercentageRule)
    assert all(not lim.is_set for lim in rule.limits if lim.item in {i.id for i in lab})


def test_every_cppb_kr_item_is_critical_and_only_btp_items_may_be_na() -> None:
    template = shipped("cppb-irt")

    assert {i.id for i in template.items() if i.critical} == {
        i.id for i in template.items() if i.nc_class == "KR"
    }
    assert [i.id for i in template.items() if i.na_allowed] == ["28", "29"]
    rule = template.rule
    assert isinstance(rule, NonconformityLevelRule)
    assert [(lv.code, lv.outcome) for lv in rule.levels] == [
        ("LEVEL_IV", "fail"),
        ("LEVEL_III", "needs_improvement"),
        ("LEVEL_II", "pass"),
        ("LEVEL_I", "pass"),
    ]
    assert rule.na_limit_percent == 25
