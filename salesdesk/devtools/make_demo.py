"""Writes resources/defaults/demo_project.json (deterministic). Run after changing the demo:
``python -m salesdesk.devtools.make_demo``."""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "resources" / "defaults" / "demo_project.json"

SUNSHINE = """云栖·翠湖苑阳光宣言（2026 年版）

一、明码标价。本项目全部可售房源一次性公开、一套一标，价格表在售楼处公示，不捂盘、不惜售，不收取标价之外的任何费用。价格举报电话：12358。
二、五证公示。国有土地使用证（不动产权证书）、建设用地规划许可证、建设工程规划许可证、建筑工程施工许可证、商品房预售许可证原件在售楼处公示；只销售预售许可证范围内的房源，3 号楼尚未取得预售许可，暂不销售、不收取任何定金或意向金。
三、不利因素如实告知。项目红线内外所有可能影响居住感受的因素（变电站、道路、垃圾站、地库出入口等）均在沙盘及区位图上标注，置业顾问在接待时和交定前逐项向您说明，并请您在《现场反馈单》上逐项确认。
四、合同范本公示。《商品房买卖合同（预售）示范文本》及补充协议全文在售楼处公示，签约前您可随时索取、仔细阅读。
五、不夸大、不承诺。宣传资料中的效果图、样板间仅供参考，交付标准以合同约定为准；置业顾问不得作出合同以外的任何承诺。
六、欢迎监督。如发现置业顾问未如实告知，请拨打客户服务热线 400-800-1234 或向销售经理反映，我们将在 24 小时内回复。

杭州云栖置业有限公司"""

CONTRACT = """商品房买卖合同（预售）示范文本（GF-2014-0171）及本项目补充协议

第一章 合同当事人；第二章 商品房基本状况；第三章 商品房价款；第四章 商品房交付条件与交付手续；第五章 面积差异处理方式；第六章 规划设计变更；第七章 商品房质量及保修责任；第八章 合同备案与房屋登记；第九章 前期物业管理；第十章 其他事项。
附件：房屋平面图、价款支付方式、装修标准、不利因素告知书（涉及变电站、规划道路等因素的房源须附）。"""

BUILDINGS = [
    {"code": "1", "name": "1号楼", "floors": 18, "description": "高层，一梯两户两单元，南临翠湖小学"},
    {"code": "2", "name": "2号楼", "floors": 18, "description": "高层，一梯两户两单元，东临变电站一侧"},
    {"code": "3", "name": "3号楼", "floors": 11, "description": "小高层，北临规划文一西路延伸段"},
]

LAYOUTS_HIGH = [
    ("01", "三室两厅两卫", "南北通透", 120.35, 96.28),
    ("02", "三室两厅一卫", "南", 98.62, 78.90),
    ("03", "三室两厅一卫", "南", 98.62, 78.90),
    ("04", "四室两厅两卫", "南北通透", 143.18, 114.54),
]
LAYOUTS_MID = [
    ("01", "两室两厅一卫", "南", 89.12, 71.30),
    ("02", "三室两厅一卫", "南", 105.40, 84.32),
    ("03", "三室两厅一卫", "南", 105.40, 84.32),
    ("04", "两室两厅一卫", "南", 89.12, 71.30),
    ("05", "三室两厅两卫", "南北", 112.75, 90.20),
    ("06", "两室两厅一卫", "东南", 86.50, 69.20),
]


def units() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for building, base, layouts, floors in (
        ("1", 28600, LAYOUTS_HIGH, range(2, 19)),
        ("2", 28200, LAYOUTS_HIGH, range(2, 19)),
        ("3", 26800, LAYOUTS_MID, range(1, 12)),
    ):
        for floor in floors:
            for suffix, layout, orientation, area, inner in layouts:
                # Higher floors cost more; the top floor and the 2nd floor a little less.
                price = base + 90 * floor - (600 if floor in (2, 18) else 0)
                if suffix in ("01", "04") and building != "3":
                    price += 300  # end units, more light
                out.append({
                    "building": building,
                    "number": f"{building}-{floor}{suffix}",
                    "floor": floor,
                    "layout": layout,
                    "orientation": orientation,
                    "build_area": area,
                    "inner_area": inner,
                    "unit_price": price,
                    "total_price": round(price * area),
                    "status": "withheld" if building == "3" else "available",
                })
    return out


FACTORS = [
    {"code": "F01", "side": "outside", "category": "substation", "title": "东侧 110kV 变电站",
     "description": "项目东侧红线外有 110kV 翠湖变电站（已建成运行），距 2 号楼东山墙约 85 米，"
                    "2 号楼东侧房源可直接看到变电站围墙及设备。",
     "direction": "东", "distance_m": 85, "buildings": ["2"], "contract_annex": True},
    {"code": "F02", "side": "outside", "category": "planned_road", "title": "北侧规划文一西路延伸段（城市主干道）",
     "description": "项目北侧红线外规划有文一西路延伸段（双向六车道城市主干道），预计 2028 年通车，"
                    "距 3 号楼北立面约 40 米，通车后存在交通噪音。",
     "direction": "北", "distance_m": 40, "buildings": ["3"], "contract_annex": True},
    {"code": "F03", "side": "outside", "category": "refuse", "title": "西北侧垃圾中转站",
     "description": "项目西北方向约 320 米处有市政垃圾中转站（仓前中转站），夏季西北风时可能闻到异味。",
     "direction": "西北", "distance_m": 320, "project_wide": True},
    {"code": "F04", "side": "outside", "category": "noise", "title": "南侧翠湖小学",
     "description": "项目南侧隔路为翠湖小学，距 1 号楼南立面约 110 米；上下学时段及课间操存在广播和人员噪音。",
     "direction": "南", "distance_m": 110, "buildings": ["1"]},
    {"code": "F05", "side": "outside", "category": "high_voltage", "title": "西侧 220kV 高压走廊",
     "description": "项目西侧红线外约 260 米有 220kV 架空高压线走廊（南北走向），1、3 号楼西侧房源高层可见。",
     "direction": "西", "distance_m": 260, "buildings": ["1", "3"], "contract_annex": True},
    {"code": "F06", "side": "inside", "category": "garage_ramp", "title": "2 号楼北侧地库出入口坡道",
     "description": "小区地下车库主出入口坡道位于 2 号楼北侧，紧邻 2 号楼 1 单元 2、3 层卧室，"
                    "早晚高峰有车辆进出噪音及灯光。",
     "direction": "北", "distance_m": 8, "units": ["2-201", "2-202", "2-301", "2-302"],
     "contract_annex": True},
    {"code": "F07", "side": "inside", "category": "refuse", "title": "3 号楼东侧垃圾收集点",
     "description": "小区生活垃圾分类收集点设于 3 号楼东侧绿地内，距 3 号楼东山墙约 15 米。",
     "direction": "东", "distance_m": 15, "buildings": ["3"]},
    {"code": "F08", "side": "inside", "category": "pump_room", "title": "1 号楼地下水泵房及配电房",
     "description": "1 号楼地下一层设有生活水泵房及配电房，1 号楼 2 层部分房源可能感知设备低频噪音。",
     "direction": "下方", "distance_m": 6, "units": ["1-201", "1-202", "1-203", "1-204"]},
    {"code": "F09", "side": "inside", "category": "spacing", "title": "1、2 号楼楼间距",
     "description": "1 号楼与 2 号楼楼间距约 38 米，2 号楼 2-4 层冬至日日照时间少于 3 小时。",
     "direction": "南", "distance_m": 38,
     "units": [f"2-{f}{s}" for f in (2, 3, 4) for s in ("01", "02", "03", "04")]},
]

STAFF = [
    {"code": "A001", "name": "赵敏", "role": "admin", "pin": "9000"},
    {"code": "S001", "name": "陈国栋", "role": "supervisor", "agency": "云栖置业", "pin": "8001",
     "phone": "0571-88123401"},
    {"code": "S002", "name": "孙丽华", "role": "supervisor", "agency": "链城置业代理", "pin": "8002",
     "phone": "0571-88123402"},
    {"code": "R001", "name": "林小雨", "role": "reception", "pin": "1001"},
    {"code": "R002", "name": "周婷", "role": "reception", "pin": "1002"},
    {"code": "C101", "name": "王磊", "role": "senior_consultant", "agency": "万家行地产",
     "senior": True, "pin": "2101", "phone": "0571-88123411"},
    {"code": "C102", "name": "李娜", "role": "consultant", "agency": "万家行地产", "pin": "2102",
     "phone": "0571-88123412"},
    {"code": "C103", "name": "张伟", "role": "consultant", "agency": "万家行地产", "pin": "2103",
     "phone": "0571-88123413"},
    {"code": "C104", "name": "刘洋", "role": "senior_consultant", "agency": "万家行地产",
     "senior": True, "pin": "2104", "phone": "0571-88123414"},
    {"code": "C201", "name": "杨帆", "role": "senior_consultant", "agency": "链城置业代理",
     "senior": True, "pin": "2201", "phone": "0571-88123421"},
    {"code": "C202", "name": "黄静", "role": "consultant", "agency": "链城置业代理", "pin": "2202",
     "phone": "0571-88123422"},
    {"code": "C203", "name": "吴昊", "role": "consultant", "agency": "链城置业代理", "pin": "2203",
     "phone": "0571-88123423"},
    {"code": "C204", "name": "郑爽", "role": "consultant", "agency": "链城置业代理", "pin": "2204",
     "phone": "0571-88123424"},
]


def demo() -> dict[str, object]:
    return {
        "format": "salesdesk-project/1",
        "config_version": "2026-11-01",
        "company": {"code": "YQZY", "name": "杭州云栖置业有限公司"},
        "sales_centre": {"code": "CHY-SC", "name": "云栖·翠湖苑售楼处",
                         "address": "杭州市余杭区仓前街道翠湖路 88 号"},
        "project": {"code": "CHY", "name": "云栖·翠湖苑", "city": "杭州", "district": "余杭区",
                    "address": "杭州市余杭区仓前街道翠湖路 88 号",
                    "developer": "杭州云栖置业有限公司", "price_complaint_phone": "12358"},
        "buildings": BUILDINGS,
        "units": units(),
        "certificates": [
            {"kind": "land_use", "number": "浙(2025)杭州市不动产权第0123456号",
             "issuer": "杭州市规划和自然资源局", "issued_on": "2025-03-18", "valid_until": None,
             "buildings": ["1", "2", "3"]},
            {"kind": "land_planning", "number": "地字第330110202500017号",
             "issuer": "杭州市规划和自然资源局余杭分局", "issued_on": "2025-04-02",
             "buildings": ["1", "2", "3"]},
            {"kind": "works_planning", "number": "建字第330110202500086号",
             "issuer": "杭州市规划和自然资源局余杭分局", "issued_on": "2025-07-15",
             "buildings": ["1", "2", "3"]},
            {"kind": "construction", "number": "330110202508150101",
             "issuer": "杭州市余杭区住房和城乡建设局", "issued_on": "2025-08-15",
             "buildings": ["1", "2", "3"]},
            {"kind": "presale", "number": "杭售许字(2026)第000123号",
             "issuer": "杭州市住房保障和房产管理局", "issued_on": "2026-05-20",
             "valid_until": "2028-05-19", "buildings": ["1", "2"]},
        ],
        "sunshine_declaration": {"version": "2026.1", "title": "云栖·翠湖苑阳光宣言", "text": SUNSHINE},
        "contract_template": {"version": "GF-2014-0171 / 补充协议 2026.1",
                              "title": "商品房买卖合同（预售）示范文本及补充协议", "text": CONTRACT,
                              "file_name": ""},
        "adverse_factors": FACTORS,
        "staff": STAFF,
    }


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(demo(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
