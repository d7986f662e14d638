"""Alembic environment: runs on the connection IKMDesk hands it (never from an ini file)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from ikmdesk.models import Base

config = context.config


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # developer use: `alembic revision --autogenerate` against a scratch db
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///scratch.db"
        with create_engine(url).begin() as owned:
            _run(owned)
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
