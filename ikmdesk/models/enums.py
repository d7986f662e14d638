"""Closed vocabularies stored as text with a CHECK constraint (portable across dialects)."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


class DeviceRole(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"


class RegionLevel(StrEnum):
    KECAMATAN = "kecamatan"
    DESA = "desa"


class EnterpriseStatus(StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    CLOSED = "closed"


class BusinessScale(StrEnum):
    MIKRO = "mikro"
    KECIL = "kecil"
    MENENGAH = "menengah"


class HalalStatus(StrEnum):
    NONE = "none"
    IN_PROCESS = "in_process"
    CERTIFIED = "certified"


class HalalRoute(StrEnum):
    SELF_DECLARE = "self_declare"
    REGULER = "reguler"


class VisitPurpose(StrEnum):
    MENTORING = "mentoring"
    MONITORING = "monitoring"
    FOLLOW_UP = "follow_up"
    CERTIFICATION_SUPPORT = "certification_support"


class VisitStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


class CheckStatus(StrEnum):
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"


def enum_column(enum: type[StrEnum], name: str) -> Enum:
    """Return a VARCHAR column type whose CHECK constraint lists the enum's values."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
        length=32,
    )
