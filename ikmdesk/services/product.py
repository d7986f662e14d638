"""Products of an IKM: create, change, tombstone and list them, with P-IRT warnings.

A P-IRT number is kept exactly as typed (trimmed): the office meets numbers written in many
ways, and a number it has not seen before must never be lost. Badly written numbers are
reported as warnings (``ProductRow.pirt_warnings``, ``pirt_warnings``), never refused.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ikmdesk.errors import CONTEXT, QT_TRANSLATE_NOOP, ValidationError
from ikmdesk.models import Enterprise, Product, new_id
from ikmdesk.services.live_record import live_record
from ikmdesk.services.optional_text import optional_text
from ikmdesk.services.pirt import parse_pirt, pirt_problems

NAME_MAX = 200

MSG_PRODUCT = QT_TRANSLATE_NOOP(CONTEXT, "Produk")
MSG_NAME_REQUIRED = QT_TRANSLATE_NOOP(CONTEXT, "Nama produk wajib diisi.")
MSG_NAME_TOO_LONG = QT_TRANSLATE_NOOP(CONTEXT, "Nama produk paling banyak {max} huruf.")
MSG_ENTERPRISE_UNKNOWN = QT_TRANSLATE_NOOP(CONTEXT, "IKM pemilik produk tidak ditemukan.")
MSG_SHELF_LIFE = QT_TRANSLATE_NOOP(
    CONTEXT, "Umur simpan harus berupa jumlah hari lebih dari 0, bukan {value}."
)
MSG_MOVE_ENTERPRISE = QT_TRANSLATE_NOOP(
    CONTEXT, "Produk tidak dapat dipindah ke IKM lain; hapus lalu buat di IKM yang benar."
)


@dataclass(frozen=True, slots=True)
class ProductInput:
    """Everything a user edits on a product; blank texts are stored as empty (None)."""

    enterprise_id: str
    name: str
    category: str | None = None
    packaging: str | None = None
    net_content: str | None = None
    ingredients: str | None = None
    pirt_number: str | None = None
    shelf_life_days: int | None = None
    label_notes: str | None = None


@dataclass(frozen=True, slots=True)
class ProductRow:
    """A product as lists and the IKM page show it; expiry year decoded from the P-IRT."""

    id: str
    enterprise_id: str
    name: str
    category: str | None
    packaging: str | None
    net_content: str | None
    ingredients: str | None
    pirt_number: str | None
    pirt_expiry_year: int | None
    pirt_warnings: tuple[str, ...]
    shelf_life_days: int | None
    label_notes: str | None


def create_product(session: Session, data: ProductInput) -> str:
    """Add a product to a live IKM and return its id; raises ValidationError on bad input."""
    values = _valid_values(session, data)
    product = Product(id=new_id(), **values)
    session.add(product)
    session.flush()
    return product.id


def update_product(session: Session, product_id: str, data: ProductInput) -> None:
    """Replace a product's editable fields; only fields whose value changed are written."""
    product = product_record(session, product_id)
    if data.enterprise_id != product.enterprise_id:
        raise ValidationError("enterprise_id", MSG_MOVE_ENTERPRISE)
    values = _valid_values(session, data)
    for key, value in values.items():
        if getattr(product, key) != value:
            setattr(product, key, value)
    session.flush()


def delete_product(session: Session, product_id: str) -> None:
    """Tombstone a product; it disappears from lists but its history stays in sync."""
    product = product_record(session, product_id)
    product.deleted = True
    session.flush()


def list_products(session: Session, enterprise_id: str) -> list[ProductRow]:
    """Return the live products of one IKM by name (empty for an unknown IKM)."""
    query = (
        select(Product)
        .where(Product.enterprise_id == enterprise_id, Product.deleted.is_(False))
        .order_by(Product.name, Product.id)
    )
    return [product_row(p) for p in session.scalars(query)]


def get_product(session: Session, product_id: str) -> ProductRow:
    """Return one live product; raises NotFoundError for an unknown or deleted one."""
    return product_row(product_record(session, product_id))


def product_input(row: ProductRow) -> ProductInput:
    """Return the input that would save ``row`` unchanged (start of an edit form)."""
    names = {f.name for f in fields(ProductInput)}
    return ProductInput(**{name: getattr(row, name) for name in names})


def pirt_warnings(pirt_number: str | None) -> list[str]:
    """Return warnings (Indonesian) about how a P-IRT number is written; [] when blank or fine."""
    text = (pirt_number or "").strip()
    return pirt_problems(text) if text else []


def pirt_expiry_year(pirt_number: str | None) -> int | None:
    """Return the year a P-IRT certificate runs out (digits 14–15), or None if unreadable."""
    parsed = parse_pirt(pirt_number) if pirt_number else None
    return None if parsed is None else parsed.expiry_year


def product_record(session: Session, product_id: str) -> Product:
    """Return the live product row for sibling services; raises NotFoundError otherwise."""
    return live_record(session, Product, product_id, what=MSG_PRODUCT)


def product_row(product: Product) -> ProductRow:
    """Return the plain row for a product record."""
    return ProductRow(
        id=product.id,
        enterprise_id=product.enterprise_id,
        name=product.name,
        category=product.category,
        packaging=product.packaging,
        net_content=product.net_content,
        ingredients=product.ingredients,
        pirt_number=product.pirt_number,
        pirt_expiry_year=pirt_expiry_year(product.pirt_number),
        pirt_warnings=tuple(pirt_warnings(product.pirt_number)),
        shelf_life_days=product.shelf_life_days,
        label_notes=product.label_notes,
    )


def _valid_values(session: Session, data: ProductInput) -> dict[str, Any]:
    name = " ".join((data.name or "").split())
    if not name:
        raise ValidationError("name", MSG_NAME_REQUIRED)
    if len(name) > NAME_MAX:
        raise ValidationError("name", MSG_NAME_TOO_LONG, max=NAME_MAX)
    enterprise = session.get(Enterprise, data.enterprise_id) if data.enterprise_id else None
    if enterprise is None or enterprise.deleted:
        raise ValidationError("enterprise_id", MSG_ENTERPRISE_UNKNOWN)
    shelf_life = data.shelf_life_days
    if shelf_life is not None and (isinstance(shelf_life, bool) or shelf_life <= 0):
        raise ValidationError("shelf_life_days", MSG_SHELF_LIFE, value=shelf_life)
    return {
        "enterprise_id": data.enterprise_id,
        "name": name,
        "category": optional_text(data.category),
        "packaging": optional_text(data.packaging),
        "net_content": optional_text(data.net_content),
        "ingredients": optional_text(data.ingredients),
        "pirt_number": optional_text(data.pirt_number),
        "shelf_life_days": shelf_life,
        "label_notes": optional_text(data.label_notes),
    }
