"""Per-device preferences (kept in the database file's local table, never synced)."""

from __future__ import annotations

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.roles import Actor
from salesdesk.store.database import Database, get_local_meta, set_local_meta

LANGUAGES = ("zh_CN", "en")


class PreferencesService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def language(self) -> str:
        return get_local_meta(self._db, "lang") or "zh_CN"

    def set_language(self, actor: Actor, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValidationError(f"不支持的语言：{lang}", en=f"Unsupported language: {lang}",
                                  field="lang")
        set_local_meta(self._db, "lang", lang)

    def centre_name(self) -> str:
        from sqlalchemy import select

        from salesdesk.store.models.org import SalesCentre

        with self._db.reader() as uow:
            if self._db.sales_centre_id:
                centre = uow.session.get(SalesCentre, self._db.sales_centre_id)
                if centre is not None:
                    return centre.name
            name = uow.session.scalar(select(SalesCentre.name).limit(1))
            return name or ""
