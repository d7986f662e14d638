"""Small food industries (IKM) under mentoring."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from ikmdesk.models.base import FAR_FUTURE, Base, SyncedRecord, str36, str200, text
from ikmdesk.models.enums import (
    BusinessScale,
    EnterpriseStatus,
    HalalRoute,
    HalalStatus,
    enum_column,
)


class Enterprise(SyncedRecord, Base):
    """An IKM: owner (personal data), location, cluster and licences."""

    __tablename__ = "enterprise"
    __table_args__ = (
        # NIK is 16 digits; written per dialect because digit tests are not portable SQL.
        CheckConstraint(
            "nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')", name="nik_16_digits"
        ).ddl_if(dialect="sqlite"),
        CheckConstraint("nik IS NULL OR nik ~ '^[0-9]{16}$'", name="nik_16_digits_pg").ddl_if(
            dialect="postgresql"
        ),
        CheckConstraint("latitude IS NULL OR (latitude BETWEEN -90 AND 90)", name="latitude_range"),
        CheckConstraint(
            "longitude IS NULL OR (longitude BETWEEN -180 AND 180)", name="longitude_range"
        ),
        CheckConstraint("(latitude IS NULL) = (longitude IS NULL)", name="latlon_together"),
        CheckConstraint("workers IS NULL OR workers >= 0", name="workers_not_negative"),
        CheckConstraint(
            f"halal_expires_on IS NULL OR halal_expires_on < '{FAR_FUTURE}'",
            name="halal_expiry_not_far_future",
        ),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        Index("ix_enterprise_cluster_name", "cluster_id", "name"),
        Index("ix_enterprise_kecamatan_name", "kecamatan_id", "name"),
    )

    name: Mapped[str200] = mapped_column(index=True)
    owner_name: Mapped[str | None] = mapped_column(default=None)
    nik: Mapped[str | None] = mapped_column(default=None)
    phone: Mapped[str | None] = mapped_column(default=None)
    address: Mapped[text | None] = mapped_column(default=None)
    kecamatan_id: Mapped[str36] = mapped_column(ForeignKey("region.id"))
    desa_id: Mapped[str36 | None] = mapped_column(ForeignKey("region.id"), default=None)
    latitude: Mapped[float | None] = mapped_column(default=None)
    longitude: Mapped[float | None] = mapped_column(default=None)
    cluster_id: Mapped[str36] = mapped_column(ForeignKey("cluster.id"))
    status: Mapped[EnterpriseStatus] = mapped_column(
        enum_column(EnterpriseStatus, "enterprise_status"), default=EnterpriseStatus.ACTIVE
    )
    scale: Mapped[BusinessScale | None] = mapped_column(
        enum_column(BusinessScale, "business_scale"), default=None
    )
    nib: Mapped[str | None] = mapped_column(default=None, index=True)
    kbli: Mapped[str | None] = mapped_column(default=None)
    workers: Mapped[int | None] = mapped_column(default=None)
    production_capacity: Mapped[str | None] = mapped_column(default=None)
    halal_status: Mapped[HalalStatus] = mapped_column(
        enum_column(HalalStatus, "halal_status"), default=HalalStatus.NONE
    )
    halal_route: Mapped[HalalRoute | None] = mapped_column(
        enum_column(HalalRoute, "halal_route"), default=None
    )
    halal_cert_no: Mapped[str | None] = mapped_column(default=None)
    halal_issued_on: Mapped[date | None] = mapped_column(default=None)
    halal_expires_on: Mapped[date | None] = mapped_column(default=None)
    pkp_cert_no: Mapped[str | None] = mapped_column(default=None)
    pkp_cert_date: Mapped[date | None] = mapped_column(default=None)
    notes: Mapped[text | None] = mapped_column(default=None)
