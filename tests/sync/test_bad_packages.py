"""Hostile or damaged packages are refused, each with its own message, the database untouched."""

from __future__ import annotations

import hashlib
import json
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from ikmdesk.blob_store import BlobStore
from ikmdesk.models import LocalIdentity
from ikmdesk.models.enums import VisitPurpose
from ikmdesk.models.visit import Visit
from ikmdesk.paths import blob_dir
from ikmdesk.services.sync_service import export_package, import_package
from ikmdesk.sync.package_crypto import b64, sign
from ikmdesk.sync.package_format import PackageRefused
from tests.sync.sync_helpers import TODAY, Node, add_enterprise, dump, file_digest, introduce
from tests.sync.sync_helpers import make_node as _make_node


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    """An officer with data and a photo, its supervisor, and a good package of each kind."""
    root = tmp_path_factory.mktemp("bad")
    sup = _make_node(root / "sup", "Bu Kasi", role="supervisor")
    off = _make_node(root / "off", "Siti")
    introduce(sup, off)
    row = add_enterprise(off.db)
    sha = BlobStore(blob_dir(off.db.path)).put(b"\xff\xd8 photo " * 500)
    from ikmdesk.models import Attachment

    with off.db.unit_of_work() as session:
        visit = Visit(
            enterprise_id=row, visit_date=TODAY, officer_id=off.id, purpose=VisitPurpose.MENTORING
        )
        session.add(visit)
        session.flush()
        session.add(
            Attachment(sha256=sha, mime_type="image/jpeg", size_bytes=5000, visit_id=visit.id)
        )
        signer = session.scalars(select(LocalIdentity.signing_private_key)).one()
    plain = export_package(off.db, root / "plain.ikmsync", plain=True).path
    sealed = export_package(off.db, root / "sealed.ikmsync").path
    yield {"sup": sup, "off": off, "plain": plain, "sealed": sealed, "signer": signer, "root": root}
    sup.db.close()
    off.db.close()


def _refused(world: dict[str, Any], path: Path, match: str) -> str:
    sup: Node = world["sup"]
    before, text = file_digest(sup.db.path), dump(sup.db)
    with pytest.raises(PackageRefused) as refused:
        import_package(sup.db, path)
    message = refused.value.message()
    assert match in message, message
    assert "\n" not in message
    assert file_digest(sup.db.path) == before and dump(sup.db) == text
    return message


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def forge(
    world: dict[str, Any],
    name: str,
    *,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    replace: dict[str, bytes] | None = None,
    extra: list[tuple[str, bytes]] = (),
    drop: tuple[str, ...] = (),
    signer: bytes | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """Rebuild the plain package with one defect, re-signed so only that defect shows."""
    members = _members(world["plain"])
    data = json.loads(members.pop("manifest.json"))
    members.pop("manifest.sig")
    for member, content in (replace or {}).items():
        members[member] = content
        data["members"][member] = {
            "sha256": hashlib.sha256(content).hexdigest(),
            "size": len(content),
        }
    if manifest is not None:
        manifest(data)
    raw = json.dumps(data).encode()
    target = world["root"] / name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we mean
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr("manifest.json", raw)
            if "manifest.sig" not in drop:
                archive.writestr("manifest.sig", b64(sign(signer or world["signer"], raw)))
            for member, content in members.items():
                if member not in drop:
                    archive.writestr(member, content, compress_type=compression)
            for member, content in extra:
                archive.writestr(member, content, compress_type=compression)
    return target


def _ops_line(**changes: Any) -> bytes:
    base = json.loads(_members_first_op())
    base.update(changes)
    return (json.dumps(base) + "\n").encode()


_FIRST_OP: list[bytes] = []


def _members_first_op() -> bytes:
    return _FIRST_OP[0]


@pytest.fixture(autouse=True)
def _first_op(world):
    if not _FIRST_OP:
        _FIRST_OP.append(_members(world["plain"])["ops.jsonl"].split(b"\n")[0])


def test_the_good_packages_are_good(world, tmp_path):
    # Sanity: the corpus below differs from these by one defect each.
    from tests.sync.sync_helpers import make_node

    fresh = make_node(tmp_path / "fresh", "Bu Kasi Baru", role="supervisor")
    # The plain package is made for the supervisor; one for anyone opens on a fresh device.
    anyone = forge(world, "anyone.ikmsync", manifest=lambda data: data.update(recipient=None))
    assert import_package(fresh.db, anyone, trust=True).applied > 0
    fresh.db.close()


@pytest.mark.parametrize("kind", ["plain", "sealed"])
def test_truncated_packages_are_refused(world, kind):
    data = world[kind].read_bytes()
    target = world["root"] / f"cut-{kind}.ikmsync"
    for cut in sorted({1, 22, 100, *range(0, len(data), max(len(data) // 15, 1)), len(data) - 1}):
        target.write_bytes(data[:cut])
        _refused(world, target, target.name)


def _data_offset(path: Path, member: str) -> tuple[int, int]:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    raw = path.read_bytes()
    name_len, extra_len = struct.unpack(
        "<HH", raw[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_len + extra_len
    return start, info.compress_size


@pytest.mark.parametrize("kind", ["plain", "sealed"])
def test_a_flipped_bit_in_any_member_is_refused(world, kind):
    path: Path = world[kind]
    for member in _members(path):
        start, size = _data_offset(path, member)
        raw = bytearray(path.read_bytes())
        raw[start + size // 2] ^= 0x10
        target = world["root"] / f"flip-{kind}.ikmsync"
        target.write_bytes(bytes(raw))
        _refused(world, target, member)  # the message names the damaged member


def test_wrong_signature_is_refused(world):
    other_key = bytes(range(32))
    _refused(world, forge(world, "wrongsig.ikmsync", signer=other_key), "Tanda tangan")


def test_missing_signature_is_refused(world):
    _refused(world, forge(world, "nosig.ikmsync", drop=("manifest.sig",)), "tidak bertanda tangan")


def test_missing_manifest_is_refused(world):
    members = _members(world["plain"])
    target = world["root"] / "nomanifest.ikmsync"
    with zipfile.ZipFile(target, "w") as archive:
        for member, content in members.items():
            if member != "manifest.json":
                archive.writestr(member, content)
    _refused(world, target, "tidak memiliki manifest.json")


def test_a_missing_listed_member_is_refused(world):
    _refused(world, forge(world, "noops.ikmsync", drop=("ops.jsonl",)), "tidak lengkap")


@pytest.mark.parametrize(
    "evil", ["../../evil.txt", "/etc/cron.d/evil", "attachments/../../x", "C:\\evil.txt", "a/"]
)
def test_member_names_outside_the_package_are_refused(world, evil):
    path = forge(world, "slip.ikmsync", extra=[(evil, b"owned")])
    _refused(world, path, "nama yang tidak diizinkan")


def test_duplicate_member_names_are_refused(world):
    ops = _members(world["plain"])["ops.jsonl"]
    path = forge(world, "dup.ikmsync", extra=[("ops.jsonl", ops)])
    _refused(world, path, "lebih dari sekali")


def test_an_unlisted_member_is_refused(world):
    path = forge(world, "unlisted.ikmsync", extra=[("attachments/" + "b" * 64, b"x")])
    _refused(world, path, "tidak tercantum")


def test_a_zip_bomb_is_refused(world):
    bomb = b"\n" * (64 * 1024**2)
    path = forge(world, "bomb.ikmsync", replace={"ops.jsonl": bomb})
    assert path.stat().st_size < 1024**2
    _refused(world, path, "bom zip")


def test_a_bomb_in_an_encrypted_ops_member_is_refused(world):
    # The ratio is checked while inflating: a tiny deflate stream of a huge output.
    from ikmdesk.sync.package_format import DEFAULT_LIMITS
    from ikmdesk.sync.package_reader import _inflate

    with pytest.raises(PackageRefused, match="bom zip"):
        _inflate(zlib.compress(b"\0" * (256 * 1024**2), 9), "x.ikmsync", DEFAULT_LIMITS)


def test_a_future_format_version_is_refused_saying_which_version_is_read(world):
    def future(data: dict[str, Any]) -> None:
        data["format_version"] = 2

    message = _refused(world, forge(world, "future.ikmsync", manifest=future), "versi 2")
    assert "versi 1" in message


def test_changed_content_with_the_old_hash_is_refused(world):
    members = _members(world["plain"])
    ops = members["ops.jsonl"].replace(b"Keripik", b"Kerupuk")

    def keep_old_hash(data: dict[str, Any]) -> None:
        data["members"]["ops.jsonl"]["sha256"] = hashlib.sha256(members["ops.jsonl"]).hexdigest()

    path = forge(world, "hash.ikmsync", replace={"ops.jsonl": ops}, manifest=keep_old_hash)
    _refused(world, path, "SHA-256")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"entity": "local_identity"}, "unknown entity"),
        ({"entity": "sqlite_master"}, "unknown entity"),
        ({"field": "drop_table"}, "unknown field"),
        ({"field": "id"}, "unknown field"),
        ({"value": {"nested": True}}, "wrong type"),
        ({"counter": "7"}, "counter"),
        ({"hlc": "yesterday"}, "hlc"),
        ({"row_id": "../../etc"}, "row_id"),
        ({"op_id": "someone:1"}, "op_id"),
    ],
)
def test_ops_outside_the_whitelist_are_refused(world, change, reason):
    ops = _members(world["plain"])["ops.jsonl"]
    bad = ops + _ops_line(**change) if "counter" in change else _ops_line(**change) + ops

    def counts(data: dict[str, Any]) -> None:
        data["counts"]["ops"] += 1

    path = forge(world, "badop.ikmsync", replace={"ops.jsonl": bad}, manifest=counts)
    message = _refused(world, path, "tidak sah")
    assert reason in message


def test_wrong_value_types_are_refused(world):
    first = json.loads(_members_first_op())
    cases = [
        {"entity": "enterprise", "field": "workers", "value": "banyak"},
        {"entity": "enterprise", "field": "latitude", "value": True},
        {"entity": "visit", "field": "visit_date", "value": "kemarin"},
        {"entity": "visit", "field": "status", "value": "hacked"},
        {"entity": "enterprise", "field": "name", "value": "x" * 201},
        {"entity": "enterprise", "field": "name", "value": None},
    ]
    for number, case in enumerate(cases):
        line = (json.dumps({**first, **case}) + "\n").encode()
        ops = line + _members(world["plain"])["ops.jsonl"]

        def counts(data: dict[str, Any]) -> None:
            data["counts"]["ops"] += 1

        path = forge(world, f"type{number}.ikmsync", replace={"ops.jsonl": ops}, manifest=counts)
        _refused(world, path, "wrong type")


def test_ops_claiming_to_be_this_devices_are_refused(world):
    sup: Node = world["sup"]
    first = json.loads(_members_first_op())
    forged_op = {
        **first,
        "device_id": sup.id,
        "counter": 999_999,
        "op_id": f"{sup.id}:999999",
        "hlc": first["hlc"][:25] + sup.id,
    }
    ops = (json.dumps(forged_op) + "\n").encode() + _members(world["plain"])["ops.jsonl"]

    def counts(data: dict[str, Any]) -> None:
        data["counts"]["ops"] += 1

    path = forge(world, "own.ikmsync", replace={"ops.jsonl": ops}, manifest=counts)
    _refused(world, path, "atas nama perangkat ini")


def test_a_count_that_does_not_match_is_refused(world):
    def counts(data: dict[str, Any]) -> None:
        data["counts"]["ops"] += 5

    _refused(world, forge(world, "count.ikmsync", manifest=counts), "jumlah isi")


def test_a_file_that_is_not_a_zip_is_refused(world):
    target = world["root"] / "notes.ikmsync"
    target.write_text("Catatan rapat, bukan paket", encoding="utf-8")
    _refused(world, target, "bukan paket sinkronisasi")
