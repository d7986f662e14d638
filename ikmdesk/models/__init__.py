"""SQLAlchemy models, one module per aggregate; importing this package registers them all."""

from ikmdesk.models.approval import ApprovalSnapshot, ReportNumber
from ikmdesk.models.attachment import Attachment
from ikmdesk.models.attachment_blob import AttachmentBlob
from ikmdesk.models.base import Base, SyncedRecord, new_id, stable_id, utc_now
from ikmdesk.models.change_log import ChangeOp
from ikmdesk.models.checklist_template import ChecklistTemplate
from ikmdesk.models.cluster import Cluster
from ikmdesk.models.device import Device, LocalIdentity
from ikmdesk.models.diagnosis import Diagnosis, DiagnosisTemplate
from ikmdesk.models.enterprise import Enterprise
from ikmdesk.models.follow_up import FollowUp
from ikmdesk.models.guidance_sheet import GuidanceSheet
from ikmdesk.models.logbook_entry import LogbookEntry
from ikmdesk.models.partner import Partner
from ikmdesk.models.plan_target import PlanTarget
from ikmdesk.models.product import Product
from ikmdesk.models.programme import Programme, ProgrammeEnrollment
from ikmdesk.models.quality_check import QualityAnswer, QualityCheck
from ikmdesk.models.region import Region
from ikmdesk.models.setting import Setting
from ikmdesk.models.sync_state import SyncConflict, TrustedPeer  # noqa: F401 - registers sync tables
from ikmdesk.models.training_record import TrainingRecord
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
    # Mentoring programmes (issue 13).
    Partner,
    Programme,
    ProgrammeEnrollment,
    DiagnosisTemplate,
    Diagnosis,
    PlanTarget,
    LogbookEntry,
    GuidanceSheet,
    TrainingRecord,
)
"""Synced record types, parents before children (the order ops are applied in)."""

__all__ = [
    "SYNCED_MODELS",
    "ApprovalSnapshot",
    "Attachment",
    "AttachmentBlob",
    "Base",
    "ChangeOp",
    "ChecklistTemplate",
    "Cluster",
    "Device",
    "Diagnosis",
    "DiagnosisTemplate",
    "Enterprise",
    "FollowUp",
    "GuidanceSheet",
    "LocalIdentity",
    "LogbookEntry",
    "Partner",
    "PlanTarget",
    "Product",
    "Programme",
    "ProgrammeEnrollment",
    "QualityAnswer",
    "QualityCheck",
    "Region",
    "ReportNumber",
    "Setting",
    "SyncedRecord",
    "TrainingRecord",
    "Visit",
    "new_id",
    "stable_id",
    "utc_now",
]
