"""Build the one-folder IKMDesk bundle with PyInstaller: ``uv run python packaging/build.py``.

The same script and spec serve Linux and Windows. The bundle lands in ``dist/IKMDesk/``; its
size is printed (and written to ``dist/IKMDesk.size``) so it can be recorded.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "ikmdesk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def folder_size(folder: Path) -> int:
    """Return the bytes of every file under ``folder`` (symbolic links not counted twice)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# Libraries a wheel vendored with auditwheel (numpy.libs: OpenBLAS, gfortran) have their ELF
# headers patched; stripped, they no longer load ("ELF load command address/offset not
# page-aligned").
def _vendored(library: Path) -> bool:
    return any(part.endswith(".libs") for part in library.parts)


def strip_symbols(bundle: Path) -> None:
    """Strip debugging symbols from the bundle's shared libraries (Linux), as PyInstaller would."""
    if sys.platform == "win32" or shutil.which("strip") is None:
        return
    for library in bundle.rglob("*.so*"):
        if library.is_symlink() or not library.is_file():
            continue
        if _vendored(library):
            continue
        subprocess.run(["strip", "--strip-unneeded", str(library)], check=False)


def main() -> int:
    """Build the bundle, then report where it is and how large."""
    bundle = DIST / "IKMDesk"
    shutil.rmtree(bundle, ignore_errors=True)
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    strip_symbols(bundle)
    size = folder_size(bundle)
    (DIST / "IKMDesk.size").write_text(f"{size}\n", encoding="ascii")
    print(f"bundle: {bundle} ({size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
