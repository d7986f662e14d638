"""SQLAlchemy models, one module per aggregate; importing this package registers them all."""

from ikmdesk.models.approval import ApprovalSnapshot, ReportNumber
from ikmdesk.models.attachment import Attachment
from ikmdesk.models.base import Base, SyncedRecord, new_id, stable_id, utc_now
from ikmdesk.models.change_log import ChangeOp
from ikmdesk.models.checklist_template import ChecklistTemplate
from ikmdesk.models.cluster import Cluster
from ikmdesk.models.device import Device, LocalIdentity
from ikmdesk.models.enterprise import Enterprise
from ikmdesk.models.follow_up import FollowUp
from ikmdesk.models.product import Product
from ikmdesk.models.quality_check import QualityAnswer, QualityCheck
from ikmdesk.models.region import Region
from ikmdesk.models.setting import Setting
from ikmdesk.models.sync_state import SyncConflict, TrustedPeer  # noqa: F401 - registers sync tables
from ikmdesk.models.visit import Visit

SYNCED_MODELS: tuple[type[SyncedRecord], ...] = (
    Device,
    Region,
    Cluster,
    ChecklistTemplate,
    Enterprise,
    Product,
    Visit,
    QualityCheck,
    QualityAnswer,
    FollowUp,
    Attachment,
    ApprovalSnapshot,
    ReportNumber,
)
"""Synced record types, parents before children (the order ops are applied in)."""

__all__ = [
    "SYNCED_MODELS",
    "ApprovalSnapshot",
    "Attachment",
    "Base",
    "ChangeOp",
    "ChecklistTemplate",
    "Cluster",
    "Device",
    "Enterprise",
    "FollowUp",
    "LocalIdentity",
    "Product",
    "QualityAnswer",
    "QualityCheck",
    "Region",
    "ReportNumber",
    "Setting",
    "SyncedRecord",
    "Visit",
    "new_id",
    "stable_id",
    "utc_now",
]
