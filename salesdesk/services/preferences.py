"""Per-device preferences (kept in the database file's local table, never synced)."""

from __future__ import annotations

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.store.database import Database, get_local_meta, set_local_meta

LANGUAGES = ("zh_CN", "en")
IDLE_LOCK_DEFAULT = 10  # minutes; a shared kiosk must not stay signed in for the next person
IDLE_LOCK_MAX = 240


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

    def idle_lock_minutes(self) -> int:
        """Minutes without a key press or touch after which the window signs out (0: never)."""
        raw = get_local_meta(self._db, "idle_lock_minutes")
        try:
            value = int(raw) if raw else IDLE_LOCK_DEFAULT
        except ValueError:
            return IDLE_LOCK_DEFAULT
        return value if 0 <= value <= IDLE_LOCK_MAX else IDLE_LOCK_DEFAULT

    def set_idle_lock_minutes(self, actor: Actor, minutes: int) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        if not 0 <= minutes <= IDLE_LOCK_MAX:
            raise ValidationError(f"自动锁屏时间应在 0–{IDLE_LOCK_MAX} 分钟之间（0 表示不锁屏）",
                                  en=f"Idle lock takes 0 to {IDLE_LOCK_MAX} minutes (0: never)",
                                  field="idle_lock_minutes")
        set_local_meta(self._db, "idle_lock_minutes", str(minutes))

    def board_screen(self) -> str:
        """The name of the screen the reception display board opens on ("" = not chosen)."""
        return get_local_meta(self._db, "board_screen") or ""

    def set_board_screen(self, actor: Actor, name: str) -> None:
        name = name.strip()
        if len(name) > 200 or any(ord(ch) < 32 for ch in name):
            raise ValidationError("显示屏名称无效", en="Not a valid screen name",
                                  field="board_screen")
        set_local_meta(self._db, "board_screen", name)

    def centre_name(self) -> str:
        from salesdesk.store.queries.common import centre_name

        with self._db.reader() as uow:
            return centre_name(uow, self._db.sales_centre_id)
