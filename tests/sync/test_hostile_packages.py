"""Hostile packages from a trusted officer: each refused in one line, the database untouched.

Every package here is made with the project's own writer and signed by the officer's real
key, as a trusted-but-hostile officer (or a stolen laptop) could. After each refusal the
officer's next good package still imports. Authority cases (who may change what) are in
test_hostile_authority.py.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from ikmdesk.models import Enterprise, LocalIdentity
from ikmdesk.models.sync_state import TrustedPeer
from ikmdesk.services.sync_service import export_package, import_package
from ikmdesk.sync import package_writer
from ikmdesk.sync.knowledge import local_vector, op_lines_unknown_to
from ikmdesk.sync.package_format import ENCRYPTION_SCRYPT, ENCRYPTION_X25519, PackageRefused
from ikmdesk.sync.package_reader import MAX_COUNTER_JUMP
from ikmdesk.sync.package_writer import Encryption, PackageDraft, write_package
from tests.services import checksum
from tests.sync.sync_helpers import Node, add_enterprise, edit, file_digest, introduce, make_node

SEALED = "sealed"


@dataclasses.dataclass
class Pair:
    """A supervisor, its trusted officer (with data), and the officer's signing key."""

    sup: Node
    off: Node
    signer: bytes
    row: str
    root: Path
    count: int = 0

    def next_name(self, stem: str) -> Path:
        self.count += 1
        return self.root / f"{self.count:03d}-{stem}.ikmsync"


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    made = make_pair(tmp_path_factory.mktemp("hostile"))
    yield made
    made.sup.db.close()
    made.off.db.close()


def make_pair(root: Path) -> Pair:
    """Return a supervisor and a trusted officer whose first changes it already holds."""
    sup = make_node(root / "sup", "Bu Kasi", role="supervisor")
    off = make_node(root / "off", "Siti")
    introduce(sup, off)
    row = add_enterprise(off.db)
    with off.db.unit_of_work() as session:
        signer = session.scalars(select(LocalIdentity.signing_private_key)).one()
    result = Pair(sup, off, signer, row, root)
    # The supervisor already holds the officer's first changes, as after a normal exchange.
    assert import_package(sup.db, export_package(off.db, result.next_name("first")).path).applied
    return result


def draft_of(pair: Pair, **changes: Any) -> PackageDraft:
    """Return the officer's full package as export_package would draft it, with changes."""
    off = pair.off
    with off.db.unit_of_work() as session:
        connection = session.connection()
        ops = op_lines_unknown_to(connection, {})
        vector = local_vector(connection)
    draft = PackageDraft(
        package_id=str(uuid.uuid4()),
        created_at="2026-11-28T05:13:24.300000+00:00",
        sender={
            "device_id": off.id,
            "role": "officer",
            "officer_name": off.info.officer_name,
            "signing_public_key": off.info.signing_public_key,
            "encryption_public_key": off.info.encryption_public_key,
        },
        recipient_id=pair.sup.id,
        vector=vector,
        clock_warnings={},
        ops=ops,
        blobs={},
    )
    return dataclasses.replace(draft, **changes)


def op_of(pair: Pair, **fields: Any) -> dict[str, Any]:
    """Return a well-formed op by the officer (next counter), with ``fields`` replaced."""
    with pair.off.db.unit_of_work() as session:
        counter = session.scalars(select(LocalIdentity.op_counter)).one() + 1
    off_id = pair.off.id
    op = {
        "op_id": f"{off_id}:{counter}",
        "device_id": off_id,
        "counter": counter,
        "entity": "enterprise",
        "row_id": pair.row,
        "field": "name",
        "value": "Keripik Pisang Sangatta",
        "hlc": f"{int(time.time() * 1000):013d}-{0:010d}-{off_id}",
    }
    op.update(fields)
    if "counter" in fields:
        op["op_id"] = f"{op['device_id']}:{op['counter']}"
    return op


def with_ops(pair: Pair, extra: list[dict[str, Any]], **changes: Any) -> PackageDraft:
    """Return the officer's package with ``extra`` ops appended and its vector following them."""
    draft = draft_of(pair, **changes)
    own = [op["counter"] for op in extra if op["device_id"] == pair.off.id]
    vector = dict(draft.vector)
    if own and "vector" not in changes:
        vector[pair.off.id] = max([*own, vector.get(pair.off.id, 0)])
    return dataclasses.replace(
        draft, ops=draft.ops + [json.dumps(op) for op in extra], vector=vector
    )


def write(
    pair: Pair,
    draft: PackageDraft,
    stem: str,
    *,
    scheme: str = SEALED,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> Path:
    """Write and sign ``draft`` with the officer's key, as the officer's own writer would.

    The writer's read-back check is the importer's own reader; for manifests that reader
    refuses, it is switched off so the hostile file can exist at all.
    """
    if scheme == SEALED:
        encryption = Encryption(
            ENCRYPTION_X25519,
            recipient_id=pair.sup.id,
            recipient_key=pair.sup.info.encryption_public_key,
        )
    elif scheme == ENCRYPTION_SCRYPT:
        encryption = Encryption(ENCRYPTION_SCRYPT, passphrase="rahasia bersama")
    else:
        encryption = Encryption()
    if monkeypatch is not None:
        monkeypatch.setattr(package_writer, "_verify_written", lambda _tmp, _target: None)
    return write_package(
        pair.next_name(stem), draft, signing_key=pair.signer, encryption=encryption
    )


def refused(pair: Pair, path: Path, match: str, **kwargs: Any) -> str:
    """Import ``path``: one clear line naming ``match``; database byte for byte unchanged."""
    sup = pair.sup
    before, digest = checksum(sup.db), file_digest(sup.db.path)
    with pytest.raises(PackageRefused) as caught:
        import_package(sup.db, path, **kwargs)
    message = caught.value.message()
    assert match in message, message
    assert "\n" not in message and "Traceback" not in message
    assert checksum(sup.db) == before and file_digest(sup.db.path) == digest
    next_good_imports(pair)
    return message


def next_good_imports(pair: Pair) -> None:
    """The officer's next ordinary package still imports after a refusal."""
    pair.count += 1
    edit(pair.off.db, Enterprise, pair.row, name=f"Keripik Pisang Sangatta {pair.count}")
    result = import_package(pair.sup.db, export_package(pair.off.db, pair.next_name("good")).path)
    assert result.applied >= 1 and not result.already_imported


# --- The manifest ------------------------------------------------------------------------


def test_a_package_addressed_to_another_device_is_refused(pair, monkeypatch):
    other = str(uuid.uuid4())
    draft = draft_of(pair, recipient_id=other)
    path = write(pair, draft, "elsewhere", scheme="none", monkeypatch=monkeypatch)
    refused(pair, path, "dibuat untuk perangkat lain")


def test_a_sealed_package_naming_another_recipient_in_its_manifest_is_refused(pair, monkeypatch):
    # Sealed to the supervisor's key, but the signed manifest names someone else.
    path = write(pair, draft_of(pair), "two-recipients")
    forged = _rewrite_manifest(pair, path, lambda data: data.update(recipient=str(uuid.uuid4())))
    refused(pair, forged, "dibuat untuk perangkat lain")


def test_a_passphrase_package_for_another_device_is_refused(pair, monkeypatch):
    draft = draft_of(pair, recipient_id=str(uuid.uuid4()))
    path = write(pair, draft, "pass-elsewhere", scheme=ENCRYPTION_SCRYPT, monkeypatch=monkeypatch)
    refused(pair, path, "dibuat untuk perangkat lain", passphrase="rahasia bersama")


def test_a_passphrase_package_for_anyone_is_accepted(pair):
    pair.count += 1
    edit(pair.off.db, Enterprise, pair.row, name=f"Keripik untuk siapa saja {pair.count}")
    path = write(pair, draft_of(pair, recipient_id=None), "anyone", scheme=ENCRYPTION_SCRYPT)
    result = import_package(pair.sup.db, path, passphrase="rahasia bersama")
    assert result.applied >= 1


@pytest.mark.parametrize("role", ["supervisor", "admin", "", "SUPERVISOR"])
def test_a_sender_role_other_than_the_trusted_one_is_refused(pair, monkeypatch, role):
    draft = draft_of(pair)
    draft = dataclasses.replace(draft, sender={**draft.sender, "role": role})
    path = write(pair, draft, f"role-{role or 'empty'}", monkeypatch=monkeypatch)
    expected = "dipercaya sebagai officer" if role == "supervisor" else "not a device role"
    refused(pair, path, expected)


def test_a_changed_sender_name_is_accepted_and_recorded(pair):
    # Officers may correct their name (settings page); the name grants nothing.
    pair.count += 1
    edit(pair.off.db, Enterprise, pair.row, name=f"Keripik nama baru {pair.count}")
    draft = draft_of(pair)
    draft = dataclasses.replace(draft, sender={**draft.sender, "officer_name": "Siti Aminah"})
    assert import_package(pair.sup.db, write(pair, draft, "renamed")).applied >= 1
    with pair.sup.db.unit_of_work() as session:
        assert session.get_one(TrustedPeer, pair.off.id).officer_name == "Siti Aminah"
    next_good_imports(pair)
    with pair.sup.db.unit_of_work() as session:
        assert session.get_one(TrustedPeer, pair.off.id).officer_name == "Siti"


@pytest.mark.parametrize(
    "created",
    [
        "9999-12-31T23:59:59-14:00",
        "9999-01-01T00:00:00+00:00",
        "0001-01-01T00:00:00+14:00",
        "0001-01-01T00:00:00-14:00",
        "1999-12-31T23:59:59+00:00",
        "2100-01-01T00:00:00+00:00",
    ],
)
def test_a_creation_time_outside_the_documented_years_is_refused(pair, monkeypatch, created):
    path = write(pair, draft_of(pair, created_at=created), "created", monkeypatch=monkeypatch)
    refused(pair, path, "created_at")


def test_a_lone_surrogate_in_the_sender_name_is_refused(pair):
    path = write(pair, draft_of(pair), "name-surrogate")

    def rename(data: dict[str, Any]) -> None:
        data["sender"]["officer_name"] = "Siti \ud800"  # json.dumps writes it as an escape

    refused(pair, _rewrite_manifest(pair, path, rename), "officer_name")


def test_a_vector_claiming_more_of_the_senders_changes_than_exist_is_refused(pair, monkeypatch):
    draft = draft_of(pair)
    vector = {**draft.vector, pair.off.id: draft.vector[pair.off.id] + 1000}
    path = write(pair, dataclasses.replace(draft, vector=vector), "vector", monkeypatch=monkeypatch)
    refused(pair, path, "mengaku memuat perubahan pengirim")


# --- The ops ----------------------------------------------------------------------------


@pytest.mark.parametrize("jump", [MAX_COUNTER_JUMP + 1, 10**12])
def test_an_op_with_an_inflated_counter_is_refused(pair, jump):
    op = op_of(pair)
    op = op_of(pair, counter=op["counter"] + jump)
    refused(pair, write(pair, with_ops(pair, [op]), "inflated"), "leap from")


def test_an_inflated_counter_with_the_vector_left_alone_is_refused(pair):
    op = op_of(pair)
    op = op_of(pair, counter=op["counter"] + 10**9)
    draft = with_ops(pair, [op], vector=draft_of(pair).vector)
    refused(pair, write(pair, draft, "inflated-quiet"), "leap from")


@pytest.mark.sqlite_only(reason="restores a SQLite file backup")
def test_an_officer_restored_from_an_older_backup_still_syncs(tmp_path):
    # Same laptop: the op counter is carried forward, so its own ops skip the lost ones.
    from ikmdesk.services.backup import backup_now, restore
    from ikmdesk.services.data_file import open_data_file

    made = make_pair(tmp_path / "restore")
    sup, off = made.sup, made.off
    old = backup_now(off.db.path)
    edit(off.db, Enterprise, made.row, name="Sesudah cadangan")
    import_package(sup.db, export_package(off.db, tmp_path / "a.ikmsync").path)
    off.db.close()
    restore(off.db.path, old)
    off.db = open_data_file(off.db.path)
    edit(off.db, Enterprise, made.row, name="Sesudah pemulihan")
    result = import_package(sup.db, export_package(off.db, tmp_path / "b.ikmsync").path)
    assert result.applied >= 1
    full = export_package(off.db, tmp_path / "c.ikmsync", full=True).path
    assert not import_package(sup.db, full).already_imported
    sup.db.close()
    off.db.close()


def test_300_000_ops_on_one_field_are_refused_naming_the_limit(pair):
    template = op_of(pair)
    first, off_id, wall = template["counter"], pair.off.id, int(time.time() * 1000)
    extra = [
        {
            **template,
            "op_id": f"{off_id}:{first + n}",
            "counter": first + n,
            "value": f"Nama {n}",
            "hlc": f"{wall:013d}-{n:010d}-{off_id}",
        }
        for n in range(300_000)
    ]
    message = refused(pair, write(pair, with_ops(pair, extra), "flood"), "batasnya 10000")
    assert "enterprise.name" in message


def test_an_attachment_op_whose_file_is_not_in_the_package_is_refused(pair):
    sha = "ab" * 32
    op = op_of(pair, entity="attachment", row_id=str(uuid.uuid4()), field="sha256", value=sha)
    refused(pair, write(pair, with_ops(pair, [op]), "no-blob"), f"attachments/{sha}")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("submitted_at", "9999-12-31T23:59:59-14:00"),
        ("submitted_at", "0001-01-01T00:00:00+14:00"),
        ("reviewed_at", "0001-01-01T00:00:00-14:00"),
        ("created_at", "9999-12-31T10:00:00+14:00"),
        ("visit_date", "0001-01-01"),
        ("visit_date", "9999-12-31"),
    ],
)
def test_dates_and_times_outside_the_documented_years_are_refused(pair, field, value):
    op = op_of(pair, entity="visit", row_id=str(uuid.uuid4()), field=field, value=value)
    refused(pair, write(pair, with_ops(pair, [op]), "when"), "wrong type")


def test_a_lone_surrogate_in_an_op_value_is_refused(pair):
    op = op_of(pair, value="Keripik \ud83d")
    refused(pair, write(pair, with_ops(pair, [op]), "op-surrogate"), "surrogate")


def test_an_escaped_emoji_in_an_op_value_is_accepted(pair):
    # A surrogate pair escaped in JSON is one character, not a lone surrogate.
    from ikmdesk.sync.package_format import DEFAULT_LIMITS
    from ikmdesk.sync.package_reader import _parse_ops

    line = json.dumps(op_of(pair, value="Keripik \U0001f34c"))
    assert "\\ud83c\\udf4c" in line
    (op,) = _parse_ops(line.encode() + b"\n", "emoji.ikmsync", DEFAULT_LIMITS)
    assert op.value == "Keripik \U0001f34c"
    pair.count += 1
    edit(pair.off.db, Enterprise, pair.row, name=f"Keripik \U0001f34c {pair.count}")
    path = export_package(pair.off.db, pair.next_name("emoji")).path
    assert import_package(pair.sup.db, path).applied >= 1
    with pair.sup.db.unit_of_work() as session:
        assert "\U0001f34c" in session.get_one(Enterprise, pair.row).name


# --- Files that are not packages ----------------------------------------------------------


posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev exist on POSIX")


@posix_only
def test_a_fifo_is_refused_at_once(pair):
    fifo = pair.root / "pipe.ikmsync"
    os.mkfifo(fifo)
    refused(pair, fifo, "bukan berkas biasa")  # returns: nothing waits for a writer


@posix_only
def test_a_symlink_to_a_device_is_refused_at_once(pair):
    link = pair.root / "zero.ikmsync"
    link.symlink_to("/dev/zero")
    refused(pair, link, "bukan berkas biasa")


@posix_only
def test_a_symlink_to_a_fifo_is_refused_at_once(pair):
    fifo = pair.root / "pipe2"
    os.mkfifo(fifo)
    link = pair.root / "pipe2.ikmsync"
    link.symlink_to(fifo)
    refused(pair, link, "bukan berkas biasa")


def test_a_folder_named_like_a_package_is_refused(pair):
    folder = pair.root / "folder.ikmsync"
    folder.mkdir()
    refused(pair, folder, "bukan berkas biasa")


def test_a_symlink_to_a_good_package_still_imports(pair):
    pair.count += 1
    edit(pair.off.db, Enterprise, pair.row, name=f"Keripik lewat tautan {pair.count}")
    real = export_package(pair.off.db, pair.next_name("real")).path
    link = pair.root / "link.ikmsync"
    if os.name != "posix":
        pytest.skip("symlinks need privileges on Windows")
    link.symlink_to(real)
    assert import_package(pair.sup.db, link).applied >= 1


# --- helpers -------------------------------------------------------------------------------


def _rewrite_manifest(pair: Pair, path: Path, change: Any) -> Path:
    """Return a copy of ``path`` whose manifest is changed and re-signed by the officer."""
    import zipfile

    from ikmdesk.sync.package_crypto import b64, sign

    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    data = json.loads(members.pop("manifest.json"))
    members.pop("manifest.sig")
    change(data)
    raw = json.dumps(data).encode()
    target = pair.next_name("rewritten")
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("manifest.json", raw)
        archive.writestr("manifest.sig", b64(sign(pair.signer, raw)))
        for member, content in members.items():
            archive.writestr(member, content)
    return target


def test_two_ops_of_one_origin_with_one_stamp_are_refused(pair: Pair):
    # Merged in arrival order, two devices could keep different names from the same ops.
    first = op_of(pair, value="Keripik Pisang A")
    second = op_of(pair, value="Keripik Pisang B", counter=first["counter"] + 1, hlc=first["hlc"])
    path = write(pair, with_ops(pair, [first, second]), "same-stamp")
    refused(pair, path, "bercap waktu")


def test_an_op_stamped_before_the_origins_earlier_held_op_is_refused(pair: Pair):
    early = f"{0:013d}-{0:010d}-{pair.off.id}"
    path = write(pair, with_ops(pair, [op_of(pair, hlc=early)]), "stamped-early")
    refused(pair, path, "bercap waktu")


@pytest.mark.parametrize("defect", ["repeated", "surrogate", "bad json"])
def test_an_op_past_the_first_decoding_batch_is_refused_naming_its_line(pair, monkeypatch, defect):
    # The ops file is decoded a batch of lines at a time (peak memory of large imports);
    # a defect in a later batch is refused all the same, naming its line in the whole file.
    from ikmdesk.sync import package_reader

    monkeypatch.setattr(package_reader, "_BATCH_LINES", 2)
    draft = draft_of(pair)
    good = op_of(pair)
    bad = {
        "repeated": json.dumps(good),
        "surrogate": json.dumps(op_of(pair, counter=good["counter"] + 1, value="Keripik \ud83d")),
        "bad json": "{not json",
    }[defect]
    lines = [*draft.ops, json.dumps(good), bad]
    vector = {**draft.vector, pair.off.id: good["counter"]}
    hostile = dataclasses.replace(draft, ops=lines, vector=vector)
    expected = {"repeated": "repeated", "surrogate": "surrogate", "bad json": ""}[defect]
    message = refused(pair, write(pair, hostile, f"late-{defect}"), expected)
    assert f"(baris {len(lines)})" in message, message
