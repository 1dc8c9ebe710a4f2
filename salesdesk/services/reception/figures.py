"""Supervisor figures for reception over a date range, and their CSV export (UTF-8 with BOM,
so Excel opens the Chinese correctly)."""

from __future__ import annotations

import csv
import statistics
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.queue import SOURCE_ZH, Source, percentile
from salesdesk.domain.roles import Actor, Permission
from salesdesk.domain.rotation import fairness
from salesdesk.services import audit
from salesdesk.services.reception.context import staff_map
from salesdesk.services.reception.results import ConsultantFigures, Figures
from salesdesk.store.database import Database
from salesdesk.store.queries import reception as q


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


class ReceptionFigures:
    def __init__(self, db: Database) -> None:
        self._db = db

    def figures(self, actor: Actor, start: date, end: date) -> Figures:
        actor.require(Permission.VIEW_AUDIT)
        if end < start:
            raise ValidationError("结束日期早于开始日期", en="The end is before the start",
                                  field="end")
        if (end - start).days > 366:
            raise ValidationError("日期范围最长一年", en="At most one year", field="end")
        with self._db.reader(actor) as uow:
            staff = staff_map(uow)
            rows = q.visit_figure_rows(uow, start, end)
            events = q.events_between(uow, start, end)
        sources: Counter[str] = Counter()
        waits: list[float] = []
        durations: dict[str, list[float]] = defaultdict(list)
        per: dict[str, Counter[str]] = defaultdict(Counter)
        first = people = no_shows = invalid = 0
        for (is_first, size, source, status, cid, checked_in, called, started, finished,
             intent, invalid_reason) in rows:
            first += 1 if is_first else 0
            people += size
            sources[source] += 1
            if called is not None:
                waits.append((called - checked_in).total_seconds() / 60)
            if status == "no_show":
                no_shows += 1
                if cid:
                    per[cid]["no_show"] += 1
            if invalid_reason:
                invalid += 1
                if cid:
                    per[cid]["invalid"] += 1
            if status == "finished" and cid and not invalid_reason:
                per[cid]["received"] += 1
                if intent == "A":
                    per[cid]["a"] += 1
                if started is not None and finished is not None:
                    durations[cid].append((finished - started).total_seconds() / 60)
        consultants = []
        for cid, counts in per.items():
            s = staff.get(cid)
            d = durations.get(cid, [])
            consultants.append(ConsultantFigures(
                cid, s.name if s else "", s.agency if s else "", counts["received"],
                _r(statistics.median(d)) if d else None, _r(percentile(d, 90)),
                counts["a"], counts["no_show"], counts["invalid"]))
        consultants.sort(key=lambda c: (-c.receptions, c.name))
        return Figures(
            start, end, len(rows), people, first, len(rows) - first,
            tuple(sorted(sources.items(), key=lambda kv: -kv[1])),
            _r(statistics.median(waits)) if waits else None, _r(percentile(waits, 90)),
            no_shows, invalid, tuple(consultants), fairness(events))

    def export_csv(self, actor: Actor, start: date, end: date, path: Path) -> Path:
        """Write the figures as CSV (UTF-8 with BOM). The export is logged."""
        actor.require(Permission.EXPORT_REPORTS)
        f = self.figures(actor, start, end)

        def num(x: float | None) -> str:
            return "" if x is None else f"{x:g}"

        with path.open("w", encoding="utf-8-sig", newline="") as out:
            w = csv.writer(out)
            w.writerow(["接待统计", f"{start.isoformat()} 至 {end.isoformat()}"])
            w.writerow([])
            w.writerow(["指标", "数值"])
            for label, value in (
                ("来访组数", f.visits), ("来访人数", f.people), ("首访", f.first_visits),
                ("复访", f.returning), ("等候时间中位数（分钟）", num(f.wait_median)),
                ("等候时间90分位（分钟）", num(f.wait_p90)), ("未到（过号）", f.no_shows),
                ("无效接待", f.invalid), ("主管调整轮序次数", f.fairness.manual_changes),
            ):
                w.writerow([label, value])
            w.writerow([])
            w.writerow(["来访渠道", "组数"])
            for source, n in f.by_source:
                w.writerow([SOURCE_ZH[Source(source)] if source in Source._value2member_map_
                            else source, n])
            w.writerow([])
            w.writerow(["置业顾问", "公司", "有效接待", "接待时长中位数（分钟）",
                        "接待时长90分位（分钟）", "A类意向", "未到", "无效接待"])
            for c in f.consultants:
                w.writerow([c.name, c.agency, c.receptions, num(c.median_minutes),
                            num(c.p90_minutes), c.intent_a, c.no_shows, c.invalid])
            w.writerow([])
            w.writerow(["轮序公平", "公司", "分配总数", "轮序次数", "跳过", "补位", "直接分配", "保留轮序"])
            for r in f.fairness.rows:
                w.writerow([r.name, r.agency, r.receptions, r.turns, r.skips, r.restores,
                            r.direct, r.owed])
            w.writerow([])
            w.writerow(["公司", "分配总数"])
            for agency, n in f.fairness.by_agency:
                w.writerow([agency, n])
        with self._db.uow(actor) as uow:
            audit.record(uow, "reception.export_csv", "report", "",
                         f"{start.isoformat()}..{end.isoformat()}")
            uow.commit()
        return path
