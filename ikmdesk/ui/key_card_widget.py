"""Kartu kunci: save this device's key card, and trust another device from its card.

A key card introduces a device once (``services.sync_trust``); after that packages for it are
locked with its key instead of a passphrase. Importing a card asks the one trust question
(``TrustDialog``: officer, role, fingerprint) before anything is stored. A trusted device's key
can be revoked here when its laptop is lost or stolen: its packages are refused from then on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ikmdesk.db import Database
from ikmdesk.services.device import DeviceInfo
from ikmdesk.services.sync_exchange import key_card_file_name
from ikmdesk.services.sync_trust import (
    PeerInfo,
    export_key_card,
    read_key_card,
    revoke_peer,
    trust_peer,
)
from ikmdesk.ui import dialogs
from ikmdesk.ui.change_bus import SYNC
from ikmdesk.ui.operations import run_operation
from ikmdesk.ui.trust_dialog import TrustDialog, role_text


class KeyCardWidget(QGroupBox):
    """The key card box of the Sinkronisasi page; emits what it saved or trusted."""

    key_card_saved = Signal(object)
    peer_trusted = Signal(object)
    peer_revoked = Signal(object)
    question_asked = Signal(object)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kartu kunci"), parent)
        self.database = database
        self.device: DeviceInfo | None = None
        self.trusted: dict[str, PeerInfo] = {}
        self.question: TrustDialog | None = None
        intro = QLabel(
            self.tr(
                "Tukar kartu kunci sekali dengan kepala seksi atau petugas: sesudahnya paket "
                "dikunci untuk perangkat tujuan, tanpa kata sandi."
            )
        )
        intro.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Simpan kartu kunci perangkat ini…"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.import_button = QPushButton(self.tr("Impor kartu kunci…"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        self.peer_choice = QComboBox()
        self.peer_choice.setAccessibleName(self.tr("Perangkat yang dipercaya"))
        self.revoke_button = QPushButton(self.tr("Cabut kunci…"))
        self.revoke_button.setToolTip(
            self.tr("Untuk laptop yang hilang atau dicuri: paket dari kunci itu akan ditolak.")
        )
        self.revoke_button.clicked.connect(self._on_revoke_button_clicked)
        peers_row = QHBoxLayout()
        peers_row.addWidget(QLabel(self.tr("Dipercaya:")))
        peers_row.addWidget(self.peer_choice, 1)
        peers_row.addWidget(self.revoke_button)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(buttons)
        column.addLayout(peers_row)
        column.addWidget(self.result_label)
        self._show_peers()

    def set_state(self, device: DeviceInfo, trusted: list[PeerInfo]) -> None:
        """Tell the box which device this is and which peers are already trusted."""
        self.device = device
        self.trusted = {p.device_id: p for p in trusted}
        self._show_peers()

    def _show_peers(self) -> None:
        self.peer_choice.clear()
        for peer in self.trusted.values():
            self.peer_choice.addItem(
                self.tr("{name} ({role})").format(
                    name=peer.officer_name, role=role_text(peer.role)
                ),
                peer.device_id,
            )
            self.peer_choice.setItemData(
                self.peer_choice.count() - 1,
                self.tr("Sidik jari {fingerprint}").format(fingerprint=peer.fingerprint),
                Qt.ItemDataRole.ToolTipRole,
            )
        if not self.trusted:
            self.peer_choice.addItem(self.tr("(belum ada perangkat yang dipercaya)"), None)
        self.peer_choice.setEnabled(bool(self.trusted))
        self.revoke_button.setEnabled(bool(self.trusted))

    @Slot()
    def _on_revoke_button_clicked(self) -> None:
        peer = self.trusted.get(self.peer_choice.currentData() or "")
        if peer is None:
            return
        question = self.tr(
            "Cabut kunci {name} ({role}), sidik jari {fingerprint}?\n\nLakukan ini bila laptop "
            "perangkat itu hilang atau dicuri. Paket yang ditandatangani kunci ini akan ditolak "
            "mulai sekarang, dan perangkat itu tidak dapat dipercaya lagi; data yang sudah "
            "diterima darinya tetap ada. Petugasnya perlu menyiapkan perangkat baru dan "
            "mengirim kartu kunci barunya."
        ).format(name=peer.officer_name, role=role_text(peer.role), fingerprint=peer.fingerprint)
        if not dialogs.confirm(self, self.tr("Cabut kunci perangkat"), question):
            return
        device_id = peer.device_id
        run_operation(
            lambda session: revoke_peer(session, device_id),
            database=self.database,
            changes=(SYNC,),
            on_success=self._on_peer_revoked,
            on_failure=self._on_failed,
            parent=self,
        )

    def _on_peer_revoked(self, peer: PeerInfo) -> None:
        self.trusted.pop(peer.device_id, None)
        self._show_peers()
        self.result_label.setText(
            self.tr(
                "Kunci {name} ({role}) dicabut. Paket dari kunci itu akan ditolak mulai sekarang."
            ).format(name=peer.officer_name, role=role_text(peer.role))
        )
        self.peer_revoked.emit(peer)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        if self.device is None:
            return
        path = dialogs.save_file(
            self,
            self.tr("Simpan kartu kunci"),
            key_card_file_name(self.device.officer_name, self.device.id),
            self.tr("Kartu kunci IKMDesk (*.json)"),
        )
        if path is None:
            return
        if path.suffix != ".json":
            path = path.with_name(path.name + ".json")
        run_operation(
            lambda session: export_key_card(session, path),
            database=self.database,
            on_success=lambda card: self._on_card_saved(path, card),
            on_failure=self._on_failed,
            parent=self,
        )

    def _on_card_saved(self, path: Path, card: PeerInfo) -> None:
        self.result_label.setText(
            self.tr(
                "Kartu kunci disimpan: {file}. Sidik jari: {fingerprint}. Bacakan sidik jari "
                "ini kepada penerima kartu agar dicocokkan."
            ).format(file=path.name, fingerprint=card.fingerprint)
        )
        self.key_card_saved.emit(card)

    @Slot()
    def _on_import_button_clicked(self) -> None:
        path = dialogs.open_file(
            self, self.tr("Pilih kartu kunci"), self.tr("Kartu kunci IKMDesk (*.json)")
        )
        if path is None:
            return
        run_operation(
            lambda: read_key_card(path),
            on_success=lambda card: self._on_card_read(path, card),
            on_failure=self._on_failed,
            parent=self,
        )

    def _on_card_read(self, path: Path, card: PeerInfo) -> None:
        known = self.trusted.get(card.device_id)
        if known is not None and known.fingerprint == card.fingerprint:
            self.result_label.setText(
                self.tr("{name} ({role}) sudah dipercaya. Sidik jari: {fingerprint}.").format(
                    name=card.officer_name, role=role_text(card.role), fingerprint=card.fingerprint
                )
            )
            return
        dialog = TrustDialog(
            self, card, source=self.tr("Kartu kunci {file}").format(file=path.name)
        )
        dialog.finished.connect(lambda answer: self._on_trust_answered(path, card, answer))
        self.question = dialog
        dialog.open()
        self.question_asked.emit(dialog)

    def _on_trust_answered(self, path: Path, card: PeerInfo, answer: int) -> None:
        if self.question is not None:
            self.question.deleteLater()
            self.question = None
        if answer != TrustDialog.DialogCode.Accepted:
            self.result_label.setText(
                self.tr("Kartu kunci {file} tidak dipercaya; tidak ada yang berubah.").format(
                    file=path.name
                )
            )
            return
        run_operation(
            lambda session: trust_peer(session, card, source_name=path.name),
            database=self.database,
            changes=(SYNC,),
            on_success=self._on_peer_trusted,
            on_failure=self._on_failed,
            parent=self,
        )

    def _on_peer_trusted(self, peer: PeerInfo) -> None:
        self.trusted[peer.device_id] = peer
        self._show_peers()
        self.result_label.setText(
            self.tr("{name} ({role}) kini dipercaya. Sidik jari: {fingerprint}.").format(
                name=peer.officer_name, role=role_text(peer.role), fingerprint=peer.fingerprint
            )
        )
        self.peer_trusted.emit(peer)

    def _on_failed(self, error: BaseException) -> None:
        self.result_label.setText(dialogs.translate_error(error))
        dialogs.show_error(self, error)
