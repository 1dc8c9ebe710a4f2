"""SQLite store: tables, the unit of work (with its outbox), migrations, the database file."""
