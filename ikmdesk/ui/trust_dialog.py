"""The one question before trusting another device: its officer, role and key fingerprint.

``TrustDialog(parent, peer, source=...)`` shows who a package or key card says it is from;
"Percayai" accepts, "Jangan percayai" (the default, also Esc) rejects. ``role_text(role)``
is the role as the window names it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.models.enums import DeviceRole
from ikmdesk.services.sync_trust import PeerInfo


def role_text(role: str) -> str:
    """Return a device role ("officer", "supervisor") in the window's words."""
    if role == DeviceRole.SUPERVISOR.value:
        return QCoreApplication.translate("TrustDialog", "penyelia")
    return QCoreApplication.translate("TrustDialog", "petugas pendamping")


class TrustDialog(QDialog):
    """Asks whether to trust a device from now on, showing what to compare with its owner."""

    def __init__(self, parent: QWidget | None, peer: PeerInfo, *, source: str) -> None:
        super().__init__(parent)
        self.peer = peer
        self.setWindowTitle(self.tr("Percayai perangkat ini?"))
        self.setMinimumWidth(500)
        intro = QLabel(
            self.tr("{source} berasal dari perangkat yang belum dikenal di sini:").format(
                source=source
            )
        )
        intro.setWordWrap(True)
        self.name_label = QLabel(peer.officer_name)
        self.role_label = QLabel(role_text(peer.role))
        self.fingerprint_label = QLabel(peer.fingerprint)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setPointSizeF(fixed.pointSizeF() * 1.15)
        fixed.setBold(True)
        self.fingerprint_label.setFont(fixed)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Nama:"), self.name_label)
        form.addRow(self.tr("Peran:"), self.role_label)
        form.addRow(self.tr("Sidik jari:"), self.fingerprint_label)
        advice = QLabel(
            self.tr(
                "Cocokkan sidik jari ini dengan yang tampil di halaman Sinkronisasi perangkat "
                "tersebut (tanyakan langsung atau lewat telepon). Percayai hanya jika sama: "
                "sesudah itu paket dari perangkat ini diterima tanpa ditanya lagi."
            )
        )
        advice.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.trust_button: QPushButton = self.buttons.addButton(
            self.tr("Percayai"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reject_button: QPushButton = self.buttons.addButton(
            self.tr("Jangan percayai"), QDialogButtonBox.ButtonRole.RejectRole
        )
        # Enter and Esc both answer "no": trusting a key must be a deliberate click.
        self.trust_button.setAutoDefault(False)
        self.reject_button.setDefault(True)
        self.reject_button.setFocus()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(advice)
        layout.addWidget(self.buttons)
