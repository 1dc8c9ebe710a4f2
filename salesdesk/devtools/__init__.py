"""Developer commands (forms, translations, migrations). Not used by the running app."""
