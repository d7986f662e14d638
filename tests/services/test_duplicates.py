"""Likely duplicates are found by NIB, phone and alike names; a merge keeps all history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from ikmdesk.db import Database
from ikmdesk.models import ChangeOp, Enterprise, FollowUp, Product, Visit
from ikmdesk.services.duplicates import (
    REASON_NAME,
    REASON_NIB,
    REASON_PHONE,
    dismiss_pair,
    find_duplicates,
    merge_enterprises,
    normalised_name,
    normalised_phone,
)
from ikmdesk.services.enterprise import EnterpriseInput, create_enterprise, get_enterprise
from ikmdesk.services.follow_up import FollowUpInput, create_follow_up
from ikmdesk.services.product import ProductInput, create_product
from ikmdesk.services.reference_data import cluster_id, region_id
from ikmdesk.services.region import add_desa
from ikmdesk.services.visit import VisitInput, create_visit

SANGATTA_UTARA = region_id("64.08.04")


def _enterprise(session, name: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
    return create_enterprise(
        session,
        EnterpriseInput(
            name=name,
            kecamatan_id=kwargs.pop("kecamatan_id", SANGATTA_UTARA),
            cluster_id=cluster_id("pisang"),
            **kwargs,
        ),
    )


def test_names_are_compared_without_legal_forms_and_punctuation() -> None:
    assert normalised_name("UD. Sari  Pisang") == "sari pisang"
    assert normalised_name("Sari Pisang (IKM)") == "sari pisang"
    assert normalised_name("CV Cokelat Wahau") == "cokelat wahau"
    assert normalised_name("UD") == "ud"
    assert normalised_phone("+62 812-3456-7890") == "081234567890"
    assert normalised_phone("81234567890") == "081234567890"


def test_alike_names_in_the_same_desa_are_found(database: Database) -> None:
    with database.unit_of_work() as session:
        desa = add_desa(session, kecamatan_id=SANGATTA_UTARA, name="Swarga Bara")
        other_desa = add_desa(session, kecamatan_id=SANGATTA_UTARA, name="Teluk Lingga")
        a = _enterprise(session, "UD. Sari Pisang", desa_id=desa)
        b = _enterprise(session, "Sari Pisang", desa_id=desa)
        _enterprise(session, "Sari Pisang", desa_id=other_desa)  # same name, other desa
        _enterprise(session, "Dodol Durian", desa_id=desa)
        pairs = find_duplicates(session)
    assert len(pairs) == 1
    [pair] = pairs
    assert {pair.first.id, pair.second.id} == {a, b}
    assert pair.reasons == (REASON_NAME,)
    assert pair.name_similarity == 1.0
    assert pair.first.desa == "Swarga Bara"


def test_same_nib_or_phone_anywhere_is_found(database: Database) -> None:
    with database.unit_of_work() as session:
        a = _enterprise(session, "Kripik Bu Ani", nib="9120001234567", phone="081234567890")
        b = _enterprise(
            session,
            "Keripik Pisang Ani",
            kecamatan_id=region_id("64.08.02"),
            nib="9120001234567",
            phone="+6281234567890",
        )
        [pair] = find_duplicates(session)
    assert {pair.first.id, pair.second.id} == {a, b}
    assert pair.reasons == (REASON_NIB, REASON_PHONE)


def test_a_dismissed_pair_is_not_offered_again(database: Database) -> None:
    with database.unit_of_work() as session:
        a = _enterprise(session, "Amplang Rina")
        b = _enterprise(session, "Amplang Rina")
        assert len(find_duplicates(session)) == 1
        dismiss_pair(session, b, a)
        assert find_duplicates(session) == []


def test_merge_keeps_every_visit_product_and_follow_up(database: Database) -> None:
    with database.unit_of_work() as session:
        keep = _enterprise(session, "Sari Pisang", phone="081234567890")
        drop = _enterprise(
            session, "UD Sari Pisang", owner_name="Ani", nib="9120001234567", workers=4
        )
        for day in (3, 4):
            create_visit(session, VisitInput(keep, date(2026, 3, day), "mentoring"))
        dropped_visits = [
            create_visit(session, VisitInput(drop, date(2026, 2, day), "monitoring"))
            for day in (1, 2, 3)
        ]
        create_product(
            session, ProductInput(drop, "Keripik pisang", pirt_number="2066408010243-27")
        )
        create_follow_up(
            session, FollowUpInput(dropped_visits[0], "Bersihkan dapur", date(2026, 3, 1))
        )
        ops_before = session.scalar(select(func.count()).select_from(ChangeOp))

    with database.unit_of_work() as session:
        result = merge_enterprises(session, keep, drop)

    assert result.moved == {"visits": 3, "products": 1, "follow_ups": 1, "attachments": 0}
    assert set(result.filled) >= {"owner_name", "nib", "workers"}
    with database.unit_of_work() as session:
        visits = session.scalar(
            select(func.count()).select_from(Visit).where(Visit.enterprise_id == keep)
        )
        assert visits == 5
        assert (
            session.scalar(
                select(func.count()).select_from(Visit).where(Visit.enterprise_id == drop)
            )
            == 0
        )
        assert session.scalar(select(Product.enterprise_id)) == keep
        assert session.scalar(select(FollowUp.enterprise_id)) == keep
        detail = get_enterprise(session, keep)
        assert (detail.owner_name, detail.nib, detail.workers, detail.phone) == (
            "Ani", "9120001234567", 4, "081234567890",
        )  # fmt: skip
        assert session.get_one(Enterprise, drop).deleted
        assert "Digabung ke IKM" in (session.get_one(Enterprise, drop).notes or "")
        ops = session.execute(
            select(ChangeOp.entity, ChangeOp.row_id, ChangeOp.field, ChangeOp.value).where(
                ChangeOp.counter > ops_before
            )
        ).all()
    assert ("enterprise", drop, "deleted", True) in ops
    visit_ops = [op for op in ops if op[0] == "visit" and op[2] == "enterprise_id"]
    assert sorted(op[1] for op in visit_ops) == sorted(dropped_visits)
    assert all(op[3] == keep for op in visit_ops)
    assert ("enterprise", keep, "owner_name", "Ani") in ops


def test_merge_does_not_take_a_desa_from_another_kecamatan(database: Database) -> None:
    with database.unit_of_work() as session:
        elsewhere = add_desa(session, kecamatan_id=region_id("64.08.02"), name="Diak Lay")
        keep = _enterprise(session, "Sari Pisang")
        drop = _enterprise(
            session, "Sari Pisang", kecamatan_id=region_id("64.08.02"), desa_id=elsewhere
        )
        merge_enterprises(session, keep, drop)
        assert get_enterprise(session, keep).desa_id is None


def test_typing_variants_in_a_kecamatan_are_found_when_a_desa_is_missing(
    database: Database,
) -> None:
    with database.unit_of_work() as session:
        desa = add_desa(session, kecamatan_id=SANGATTA_UTARA, name="Swarga Bara")
        pairs_wanted = [
            ("Keripik Pisang Bu Ani", "Kripik Pisang Bu Ani"),
            ("Dodol Rumput Laut", "Dodol Rumput Laut Sangatta"),
        ]
        ids = []
        for with_desa, without in pairs_wanted:
            ids.append(
                {_enterprise(session, with_desa, desa_id=desa), _enterprise(session, without)}
            )
        found = [{p.first.id, p.second.id} for p in find_duplicates(session)]
    assert ids[0] in found
    assert ids[1] not in found  # 0.79 alike: below the threshold


def test_each_kind_of_pair_in_a_kecamatan_is_found_once(database: Database) -> None:
    with database.unit_of_work() as session:
        swarga = add_desa(session, kecamatan_id=SANGATTA_UTARA, name="Swarga Bara")
        teluk = add_desa(session, kecamatan_id=SANGATTA_UTARA, name="Teluk Lingga")
        no_desa = [
            _enterprise(session, n) for n in ("Keripik Pisang Bu Ani", "Kripik Pisang Bu Ani")
        ]
        in_swarga = _enterprise(session, "Keripik Pisang Bu Anik", desa_id=swarga)
        in_teluk = _enterprise(session, "Keripik Pisang Bu Ana", desa_id=teluk)
        pairs = [frozenset((p.first.id, p.second.id)) for p in find_duplicates(session)]
    assert len(pairs) == len(set(pairs))  # no pair offered twice
    assert frozenset(no_desa) in pairs  # both without a desa
    for one in no_desa:  # one without a desa, the other in a desa of the kecamatan
        assert frozenset((one, in_swarga)) in pairs and frozenset((one, in_teluk)) in pairs
    assert frozenset((in_swarga, in_teluk)) not in pairs  # two different desa


class _Stop(Exception):
    pass


class _Sink:
    def __init__(self, stop_after: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self._stop_after = stop_after

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reports.append((done, total))

    def raise_if_cancelled(self) -> None:
        if self._stop_after is not None and len(self.reports) >= self._stop_after:
            raise _Stop


def _alike_registry(session) -> None:  # type: ignore[no-untyped-def]
    desa = add_desa(session, kecamatan_id=SANGATTA_UTARA, name="Swarga Bara")
    for n in range(6):
        _enterprise(session, f"Keripik Pisang Bu Ani {n}", desa_id=desa)
        _enterprise(session, f"Kripik Pisang Bu Ani {n}")


def test_the_search_reports_progress_up_to_its_total(database: Database, monkeypatch) -> None:
    monkeypatch.setattr("ikmdesk.services.duplicates.MATRIX_CELLS", 12)
    monkeypatch.setattr("ikmdesk.services.duplicates.PROGRESS_STEP", 1)
    sink = _Sink()
    with database.unit_of_work() as session:
        _alike_registry(session)
        pairs = find_duplicates(session, sink)
    assert pairs
    assert len(sink.reports) > 2
    assert sink.reports[-1][0] == sink.reports[-1][1]
    assert [done for done, _ in sink.reports] == sorted(done for done, _ in sink.reports)


def test_a_cancelled_search_stops_with_the_sinks_exception(database: Database, monkeypatch) -> None:
    monkeypatch.setattr("ikmdesk.services.duplicates.MATRIX_CELLS", 12)
    monkeypatch.setattr("ikmdesk.services.duplicates.PROGRESS_STEP", 1)
    sink = _Sink(stop_after=1)
    with database.unit_of_work() as session:
        _alike_registry(session)
        try:
            find_duplicates(session, sink)
        except _Stop:
            pass
        else:
            raise AssertionError("the search went on after it was cancelled")
    assert len(sink.reports) == 1
