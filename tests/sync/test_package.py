"""Packages: encrypted by default, signed, round trip, refused with the wrong key or passphrase."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ikmdesk.blob_store import BlobStore
from ikmdesk.errors import UserError
from ikmdesk.models import Attachment, Enterprise
from ikmdesk.models.enums import VisitPurpose
from ikmdesk.models.visit import Visit
from ikmdesk.paths import blob_dir
from ikmdesk.services import sync_service
from ikmdesk.services.sync_exchange import MIN_PASSPHRASE_LENGTH
from ikmdesk.services.sync_service import PassphraseTooShort, export_package, import_package
from ikmdesk.sync.package_format import PackageRefused
from tests.sync.sync_helpers import (
    NIK,
    OWNER,
    PHONE,
    TODAY,
    Node,
    add_enterprise,
    content,
    file_digest,
    introduce,
    make_node,
)


@pytest.fixture
def pair(tmp_path: Path):
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    introduce(sup, off)
    yield sup, off
    sup.db.close()
    off.db.close()


def _with_photo(node: Node) -> tuple[str, str]:
    row = add_enterprise(node.db)
    photo = b"\xff\xd8\xff\xe0 fake jpeg " + bytes(range(256)) * 40
    sha = BlobStore(blob_dir(node.db.path)).put(photo)
    with node.db.unit_of_work() as session:
        visit = Visit(
            enterprise_id=row,
            visit_date=TODAY,
            officer_id=node.id,
            purpose=VisitPurpose.MENTORING,
        )
        session.add(visit)
        session.flush()
        session.add(
            Attachment(sha256=sha, mime_type="image/jpeg", size_bytes=len(photo), visit_id=visit.id)
        )
    return row, sha


def test_officer_package_goes_encrypted_to_its_supervisor_by_default(pair, tmp_path):
    sup, off = pair
    row, sha = _with_photo(off)
    result = export_package(off.db, tmp_path / "p.ikmsync")
    assert result.encryption == "x25519" and result.recipient_id == sup.id
    assert result.attachments == 1
    imported = import_package(sup.db, result.path)
    assert imported.applied == result.ops and imported.attachments == 1
    assert content(sup.db)["enterprise"] == content(off.db)["enterprise"]
    assert BlobStore(blob_dir(sup.db.path)).read(sha) == BlobStore(blob_dir(off.db.path)).read(sha)
    with sup.db.unit_of_work() as session:
        assert session.get_one(Enterprise, row).nik == NIK


def test_an_encrypted_package_shows_no_personal_data(pair, tmp_path):
    _sup, off = pair
    _with_photo(off)
    path = export_package(off.db, tmp_path / "p.ikmsync").path
    raw = path.read_bytes()
    for secret in (NIK, PHONE, OWNER, "Keripik Pisang Sangatta"):
        assert secret.encode() not in raw
        assert json.dumps(secret)[1:-1].encode() not in raw
    passworded = export_package(off.db, tmp_path / "q.ikmsync", passphrase="rahasia kantor").path
    for secret in (NIK, PHONE, OWNER):
        assert secret.encode() not in passworded.read_bytes()


def test_a_plain_package_needs_to_be_asked_for(pair, tmp_path):
    sup, off = pair
    add_enterprise(off.db)
    with pytest.raises(UserError, match="--plain"):
        export_package(sup.db, tmp_path / "none.ikmsync")
    assert not (tmp_path / "none.ikmsync").exists()
    result = export_package(off.db, tmp_path / "plain.ikmsync", plain=True)
    assert result.encryption == "none"
    with zipfile.ZipFile(result.path) as archive:
        assert NIK.encode() in archive.read("ops.jsonl")


def test_a_package_for_another_device_is_refused_unchanged(pair, tmp_path):
    sup, off = pair
    other = make_node(tmp_path / "other", "Rahmat")
    introduce(other, off)
    add_enterprise(off.db)
    path = export_package(off.db, tmp_path / "p.ikmsync", to=sup.id).path
    before = file_digest(other.db.path)
    with pytest.raises(PackageRefused, match="perangkat lain"):
        import_package(other.db, path)
    assert file_digest(other.db.path) == before
    other.db.close()


def test_passphrase_round_trip_and_wrong_passphrase(pair, tmp_path):
    sup, off = pair
    add_enterprise(off.db)
    path = export_package(off.db, tmp_path / "p.ikmsync", passphrase="kopi tubruk 2026").path
    before = file_digest(sup.db.path)
    with pytest.raises(PackageRefused, match="salah"):
        import_package(sup.db, path, passphrase="kopi susu")
    with pytest.raises(PackageRefused, match="kata sandi"):
        import_package(sup.db, path)
    assert file_digest(sup.db.path) == before
    assert import_package(sup.db, path, passphrase="kopi tubruk 2026").applied > 0


def test_unknown_sender_is_refused_with_its_fingerprint_unless_trusted(tmp_path):
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    add_enterprise(off.db)
    path = export_package(off.db, tmp_path / "p.ikmsync", plain=True).path
    with pytest.raises(PackageRefused) as refused:
        import_package(sup.db, path)
    assert off.info.fingerprint in refused.value.message()
    assert "--trust" in refused.value.message()
    result = import_package(sup.db, path, trust=True)
    assert result.newly_trusted and result.applied > 0
    sup.db.close()
    off.db.close()


def test_incremental_exports_hold_only_what_the_recipient_lacks(pair, tmp_path):
    sup, off = pair
    add_enterprise(off.db, "Pertama")
    first = export_package(off.db, tmp_path / "1.ikmsync")
    import_package(sup.db, first.path)
    # The supervisor has it, but the officer does not know yet: the next file repeats it.
    add_enterprise(off.db, "Kedua")
    second = export_package(off.db, tmp_path / "2.ikmsync")
    assert second.ops > first.ops
    import_package(off.db, export_package(sup.db, tmp_path / "back.ikmsync", to=off.id).path)
    add_enterprise(off.db, "Ketiga")
    third = export_package(off.db, tmp_path / "3.ikmsync")
    assert 0 < third.ops < second.ops
    assert export_package(off.db, tmp_path / "full.ikmsync", full=True).ops > second.ops


class _CancelAt:
    """A progress sink whose user presses Cancel when the import reaches step ``at``."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.step = 0

    def report(self, done: int, total: int, text: str = "") -> None:
        self.step = done

    def raise_if_cancelled(self) -> None:
        if self.step >= self.at:
            raise KeyboardInterrupt("cancelled")


@pytest.mark.parametrize("at", [1, 2, 3])
def test_a_cancelled_import_changes_nothing(pair, tmp_path, at):
    sup, off = pair
    _with_photo(off)
    path = export_package(off.db, tmp_path / "p.ikmsync").path
    before = content(sup.db)
    with pytest.raises(KeyboardInterrupt):
        import_package(sup.db, path, progress=_CancelAt(at))
    assert content(sup.db) == before
    assert import_package(sup.db, path).applied > 0  # not recorded as imported


def test_ops_and_photos_are_relayed_through_the_supervisor_once(pair, tmp_path):
    sup, off = pair
    other = make_node(tmp_path / "other", "Rahmat")
    introduce(sup, other)
    row, sha = _with_photo(off)
    import_package(sup.db, export_package(off.db, tmp_path / "up.ikmsync").path)
    relay = export_package(sup.db, tmp_path / "down.ikmsync", to=other.id)
    assert relay.attachments == 1
    import_package(other.db, relay.path)
    assert content(other.db)["enterprise"] == content(off.db)["enterprise"]
    assert BlobStore(blob_dir(other.db.path)).read(sha) == BlobStore(blob_dir(off.db.path)).read(
        sha
    )
    # Once the other officer's package says it holds them, they are not sent again.
    import_package(sup.db, export_package(other.db, tmp_path / "ack.ikmsync", to=sup.id).path)
    again = export_package(sup.db, tmp_path / "down2.ikmsync", to=other.id)
    assert again.attachments == 0 and again.ops == 0
    with other.db.unit_of_work() as session:
        assert session.get_one(Enterprise, row).nik == NIK
    other.db.close()


@pytest.mark.parametrize("passphrase", ["", "kopi susu", "x" * (MIN_PASSPHRASE_LENGTH - 1)])
def test_a_short_passphrase_writes_no_package(pair, tmp_path, passphrase):
    _sup, off = pair
    add_enterprise(off.db)
    out = tmp_path / "stick"
    out.mkdir()
    with pytest.raises(PassphraseTooShort) as refused:
        export_package(off.db, out / "p.ikmsync", passphrase=passphrase)
    message = refused.value.message()
    assert f"{MIN_PASSPHRASE_LENGTH} karakter" in message or "kosong" in message, message
    assert "\n" not in message
    assert list(out.iterdir()) == []
    assert export_package(off.db, out / "p.ikmsync", passphrase="x" * MIN_PASSPHRASE_LENGTH).ops


def test_a_package_locked_with_a_short_passphrase_before_the_minimum_still_imports(
    pair, tmp_path, monkeypatch
):
    sup, off = pair
    row = add_enterprise(off.db)
    with monkeypatch.context() as older:  # the writer as it was before the minimum
        older.setattr(sync_service, "MIN_PASSPHRASE_LENGTH", 1)
        path = export_package(off.db, tmp_path / "lama.ikmsync", passphrase="kopi").path
    assert sync_service.MIN_PASSPHRASE_LENGTH == MIN_PASSPHRASE_LENGTH
    assert import_package(sup.db, path, passphrase="kopi").applied > 0
    with sup.db.unit_of_work() as session:
        assert session.get(Enterprise, row) is not None
