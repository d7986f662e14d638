"""Writing a package: a full disk, a read-only folder or a pulled stick leaves no package file."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import IO, Any

import pytest

from ikmdesk.services.sync_service import export_package, import_package
from ikmdesk.sync.package_format import SUFFIX, PackageWriteFailed
from ikmdesk.sync.package_writer import PackageFiles
from tests.sync.sync_helpers import add_enterprise, introduce, make_node


class _FailingHandle:
    """A file that stops accepting bytes after ``budget`` of them, like a full stick."""

    def __init__(self, handle: IO[bytes], budget: int, error: int) -> None:
        self._handle = handle
        self._budget = budget
        self._error = error

    def write(self, data: bytes) -> int:
        if len(data) > self._budget:
            self._handle.write(bytes(data[: self._budget]))
            self._budget = 0
            raise OSError(self._error, "injected")
        self._budget -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


class FullDisk(PackageFiles):
    def __init__(self, budget: int, error: int = errno.ENOSPC) -> None:
        self.budget, self.error = budget, error

    def open_new(self, path: Path) -> Any:
        return _FailingHandle(super().open_new(path), self.budget, self.error)


class ReadOnlyFolder(PackageFiles):
    def open_new(self, path: Path) -> Any:
        raise PermissionError(errno.EROFS, "Read-only file system")


class PulledBeforeSync(PackageFiles):
    def fsync(self, handle: IO[bytes]) -> None:
        raise OSError(errno.EIO, "Input/output error")


class PulledBeforeRename(PackageFiles):
    def replace(self, source: Path, target: Path) -> None:
        raise OSError(errno.ENODEV, "No such device")


class LyingStick(PackageFiles):
    """Acknowledges every write but keeps garbage in the middle (fake-capacity stick)."""

    def fsync(self, handle: IO[bytes]) -> None:
        super().fsync(handle)
        handle.seek(200)
        handle.write(b"\0" * 64)
        super().fsync(handle)


@pytest.fixture
def officer(tmp_path: Path):
    sup = make_node(tmp_path / "sup", "Bu Kasi", role="supervisor")
    off = make_node(tmp_path / "off", "Siti")
    introduce(sup, off)
    for n in range(5):
        add_enterprise(off.db, f"IKM {n}")
    yield off, sup
    off.db.close()
    sup.db.close()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("fraction", [0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99])
def test_a_full_disk_at_any_point_leaves_no_file(officer, tmp_path, fraction):
    off, _sup = officer
    size = export_package(off.db, tmp_path / f"whole{SUFFIX}").path.stat().st_size
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(PackageWriteFailed) as failed:
        export_package(off.db, stick / f"p{SUFFIX}", files=FullDisk(int(size * fraction)))
    assert "tidak dapat ditulis" in failed.value.message()
    assert _leftovers(stick) == []


@pytest.mark.parametrize(
    ("files", "words"),
    [
        (ReadOnlyFolder(), "Read-only"),
        (PulledBeforeSync(), "Input/output"),
        (PulledBeforeRename(), "No such device"),
        (LyingStick(), "gagal diperiksa ulang"),
    ],
)
def test_failures_give_a_clear_message_and_leave_no_file(officer, tmp_path, files, words):
    off, _sup = officer
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(PackageWriteFailed) as failed:
        export_package(off.db, stick / f"p{SUFFIX}", files=files)
    assert words in failed.value.message()
    assert "\n" not in failed.value.message()
    assert _leftovers(stick) == []


def test_after_a_failure_the_next_export_works_and_holds_everything(officer, tmp_path):
    off, sup = officer
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(PackageWriteFailed):
        export_package(off.db, stick / f"p{SUFFIX}", files=FullDisk(500))
    result = export_package(off.db, stick / f"p{SUFFIX}")
    assert _leftovers(stick) == [f"p{SUFFIX}"]
    assert import_package(sup.db, result.path).applied == result.ops
