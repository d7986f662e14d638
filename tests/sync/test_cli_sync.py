"""The ``ikmdesk device`` and ``ikmdesk sync`` commands, as a supervisor's script uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ikmdesk.cli import main
from tests.sync.sync_helpers import add_enterprise, make_node


def _json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def dbs(tmp_path: Path):
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    add_enterprise(off.db)
    sup.db.close()
    off.db.close()
    return sup, off


def test_key_cards_introduce_devices(dbs, tmp_path, capsys):
    sup, off = dbs
    assert main(["device", "show", "--db", str(off.db.path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {
        "device_id": off.id,
        "name": "Siti",
        "role": "officer",
        "fingerprint": off.info.fingerprint,
    }
    card = tmp_path / "kartu-kasi.json"
    assert main(["device", "export-key", "--db", str(sup.db.path), "--out", str(card)]) == 0
    data = json.loads(card.read_text(encoding="utf-8"))
    assert data["device_id"] == sup.id and data["fingerprint"] == sup.info.fingerprint
    assert {"signing_public_key", "encryption_public_key", "role", "officer_name", "nip"} <= set(
        data
    )
    capsys.readouterr()
    assert main(["device", "trust", "--db", str(off.db.path), str(card)]) == 0
    out = capsys.readouterr().out
    assert "Bu Kasi (penyelia)" in out and sup.info.fingerprint in out


def test_export_without_a_known_recipient_says_what_to_give(dbs, tmp_path, capsys):
    _sup, off = dbs
    code = main(["sync", "export", "--db", str(off.db.path), "--out", str(tmp_path / "p.ikmsync")])
    err = capsys.readouterr().err
    assert code == 1
    assert "--to" in err and "--passphrase-file" in err and "--plain" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "p.ikmsync").exists()


def test_plain_export_warns_and_import_asks_for_trust(dbs, tmp_path, capsys):
    sup, off = dbs
    package = tmp_path / "p.ikmsync"
    argv = ["sync", "export", "--db", str(off.db.path), "--out", str(package), "--plain", "--json"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    exported = json.loads(captured.out)
    assert exported["ops"] > 0 and exported["attachments"] == 0
    assert "TIDAK dienkripsi" in captured.err

    assert main(["sync", "import", "--db", str(sup.db.path), str(package)]) == 1
    err = capsys.readouterr().err
    assert off.info.fingerprint in err and "--trust" in err
    assert (
        main(["sync", "import", "--db", str(sup.db.path), str(package), "--trust", "--json"]) == 0
    )
    (result,) = _json_lines(capsys.readouterr().out)
    assert result["applied"] == exported["ops"]
    assert {"applied", "already_known", "conflicts", "attachments"} <= set(result)
    assert main(["sync", "import", "--db", str(sup.db.path), str(package), "--json"]) == 0
    (again,) = _json_lines(capsys.readouterr().out)
    assert again["already_imported"] is True and again["applied"] == 0


def test_passphrase_packages_and_refused_files(dbs, tmp_path, capsys):
    sup, off = dbs
    secret = tmp_path / "sandi.txt"
    secret.write_text("gunung bromo\n", encoding="utf-8")
    package = tmp_path / "p.ikmsync"
    argv = ["sync", "export", "--db", str(off.db.path), "--out", str(package)]
    assert main([*argv, "--passphrase-file", str(secret)]) == 0
    junk = tmp_path / "rusak.ikmsync"
    junk.write_bytes(package.read_bytes()[:-200])
    capsys.readouterr()
    code = main(
        [
            "sync", "import", "--db", str(sup.db.path), str(junk), str(package),
            "--trust", "--passphrase-file", str(secret), "--json",
        ]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 1
    refused, imported = _json_lines(captured.out)
    assert refused["file"] == "rusak.ikmsync" and "rusak" in refused["refused"]
    assert imported["applied"] > 0
    assert len(captured.err.strip().splitlines()) == 1


def test_export_refuses_a_short_passphrase_in_one_line_and_writes_nothing(dbs, tmp_path, capsys):
    _sup, off = dbs
    secret = tmp_path / "sandi.txt"
    secret.write_text("bromo\n", encoding="utf-8")
    stick = tmp_path / "stick"
    stick.mkdir()
    argv = ["sync", "export", "--db", str(off.db.path), "--out", str(stick / "p.ikmsync")]
    capsys.readouterr()
    assert main([*argv, "--passphrase-file", str(secret)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("ikmdesk: ") and "paling sedikit 10 karakter" in line, line
    assert list(stick.iterdir()) == []
    # Importing with the same short passphrase is still possible (older packages).
    imp = ["sync", "import", "--db", str(off.db.path), "--passphrase-file", str(secret)]
    assert main([*imp, str(stick / "missing.ikmsync")]) == 1
    assert "pendek" not in capsys.readouterr().err


def test_status_reports_vector_peers_and_conflicts(dbs, tmp_path, capsys):
    sup, off = dbs
    package = tmp_path / "p.ikmsync"
    main(["sync", "export", "--db", str(off.db.path), "--out", str(package), "--plain"])
    main(["sync", "import", "--db", str(sup.db.path), str(package), "--trust"])
    capsys.readouterr()
    assert main(["sync", "status", "--db", str(sup.db.path), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["vector"][off.id] > 0
    (peer,) = status["peers"]
    assert peer["device_id"] == off.id and peer["pending_ops"] > 0
    assert status["open_conflicts"] == 0 and status["missing"] == []
