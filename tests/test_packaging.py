"""The wheel carries resources and migrations, and the app finds them when installed from it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    uv = shutil.which("uv")
    command = (
        [uv, "build", "--wheel", "--out-dir", str(out), str(ROOT)]
        if uv
        else [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(ROOT)]
    )
    subprocess.run(command, check=True, capture_output=True)
    return next(out.glob("ikmdesk-*.whl"))


def test_wheel_holds_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ikmdesk/resources/seed/kecamatan.json" in names
    assert "ikmdesk/resources/seed/clusters.json" in names
    assert "ikmdesk/migrations/env.py" in names
    assert any(n.startswith("ikmdesk/migrations/versions/0001") for n in names)


def test_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)  # a wheel is a zip of the installed tree
    probe = (
        "from ikmdesk.resource import resource_path\n"
        "p = resource_path('seed', 'kecamatan.json')\n"
        "assert p.is_file(), p\n"
        "print(p)\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r})\n{probe}"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().startswith(str(target))
