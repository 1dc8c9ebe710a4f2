"""Rule packs: head office's material rules as data (resources/defaults/rule_packs, imports).
Each imported version is a row that is never rewritten, and every checklist points at the
version it was built from."""

from __future__ import annotations

import hashlib
import json
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.domain.errors import Conflict, NotFound, ValidationError
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rule_pack import RulePack, parse_pack, select_pack, unreachable_materials
from salesdesk.paths import RESOURCES
from salesdesk.services import audit
from salesdesk.services.signing.results import RulePackInfo
from salesdesk.store.database import Database
from salesdesk.store.queries import signing as q
from salesdesk.store.uow import UnitOfWork

if TYPE_CHECKING:
    from salesdesk.store.models.signing import RulePackVersion

DEFAULT_PACK_PATH = RESOURCES / "defaults" / "rule_packs" / "default.json"
SCHEMA_PATH = RESOURCES / "rule_pack.schema.json"


@cache
def _schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


def canonical(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def check_pack_data(data: Any) -> RulePack:
    """Shape (JSON Schema), then meaning (domain), then no dead rules."""
    import jsonschema  # only when a rule pack is imported: it is slow to load

    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(data),
                    key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(str(p) for p in e.absolute_path) or "（顶层）"
        raise ValidationError(f"规则包格式不符：{where}：{e.message}",
                              en=f"Rule pack does not match the schema at {where}: {e.message}",
                              field="rule_pack")
    pack = parse_pack(data)
    dead = unreachable_materials(pack)
    if dead:
        raise ValidationError(f"规则包中有任何购房人都不会用到的材料：{'、'.join(dead)}",
                              en=f"No buyer can ever need these materials: {', '.join(dead)}",
                              field="rule_pack")
    return pack


def default_pack() -> RulePack:
    return check_pack_data(json.loads(DEFAULT_PACK_PATH.read_text(encoding="utf-8")))


class RulePacks:
    """Importing, listing and choosing rule pack versions; parsed packs are cached because a
    stored version never changes."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._packs: dict[str, RulePack] = {}
        self._lock = threading.Lock()

    def import_file(self, actor: Actor, path: Path) -> RulePackInfo:
        """Import a head-office pack. A new version is added; older versions stay untouched."""
        actor.require(Permission.IMPORT_PROJECT)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValidationError(f"无法读取规则包文件：{exc}", en=f"Cannot read the rule pack: {exc}",
                                  field="file") from exc
        return self.import_data(actor, data)

    def import_data(self, actor: Actor, data: Any) -> RulePackInfo:
        actor.require(Permission.IMPORT_PROJECT)
        pack = check_pack_data(data)
        with self._db.uow(actor) as uow:
            info = self.store(uow, pack, data, "import")
            if info.created:
                audit.record(uow, "signing.import_rule_pack", "rule_pack_version", info.id,
                             f"{pack.pack_id} {pack.version}")
            uow.commit()
            return info

    def listed(self, actor: Actor) -> list[RulePackInfo]:
        actor.require(Permission.PRINT_CHECKLIST)
        with self._db.reader(actor) as uow:
            return [self.info(r, False) for r in q.rule_pack_versions(uow)]

    def store(self, uow: UnitOfWork, pack: RulePack, data: Any, source: str) -> RulePackInfo:
        content = canonical(data)
        digest = hashlib.sha256(content.encode()).hexdigest()
        same = q.live_rule_pack_version(uow, pack.pack_id, pack.version)
        if same is not None:
            if same.content_hash != digest:
                raise Conflict(
                    f"规则包 {pack.pack_id} 的版本 {pack.version} 已存在且内容不同；请使用新的版本号",
                    en=f"Version {pack.version} of {pack.pack_id} exists with other content; "
                    "give the new rules a new version", field="version")
            return self.info(same, False)
        row = q.add_rule_pack_version(uow, pack_id=pack.pack_id, city=pack.city,
                                      project=pack.project, version=pack.version,
                                      title=pack.title, content=content, content_hash=digest,
                                      source=source)
        uow.flush()
        return self.info(row, True)

    def info(self, row: RulePackVersion, created: bool) -> RulePackInfo:
        return RulePackInfo(row.id, row.pack_id, row.city, row.project, row.version, row.title,
                            row.source, row.created_at, len(self.parsed(row).materials),
                            created)

    def parsed(self, row: RulePackVersion) -> RulePack:
        with self._lock:
            pack = self._packs.get(row.id)
        if pack is None:
            pack = parse_pack(json.loads(row.content))
            with self._lock:
                self._packs[row.id] = pack
        return pack

    def ensure_default(self, uow: UnitOfWork) -> None:
        """The shipped default pack becomes a stored version the first time it is needed."""
        data = json.loads(DEFAULT_PACK_PATH.read_text(encoding="utf-8"))
        if not q.rule_pack_version_stored(uow, data["pack_id"], data["version"]):
            self.store(uow, check_pack_data(data), data, "default")

    def current(self, uow: UnitOfWork) -> RulePackVersion:
        """The newest version of each pack, then the most specific one for this project."""
        project = q.first_project(uow)
        city, code = (project.city, project.code) if project else ("", "")
        latest: dict[str, RulePackVersion] = {}
        for row in q.rule_pack_versions(uow):
            latest[row.pack_id] = row
        chosen = select_pack([self.parsed(r) for r in latest.values()], city, code)
        if chosen is None:
            raise NotFound("没有适用于本项目的签约资料规则包",
                           en="No rule pack applies to this project")
        return next(r for r in latest.values() if self.parsed(r) is chosen)
