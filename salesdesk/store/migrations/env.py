"""Alembic environment. The app runs migrations programmatically (store/migrate.py) and hands
its connection in through ``config.attributes["connection"]``."""

from alembic import context

from salesdesk.store.models import Base

config = context.config
target_metadata = Base.metadata


def _render_item(type_, obj, autogen_context):
    # Our UTCDateTime is stored as a plain DATETIME: keep migrations free of app imports.
    if type_ == "type" and type(obj).__name__ == "UTCDateTime":
        return "sa.DateTime()"
    return False


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.connect() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
        render_item=_render_item,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
