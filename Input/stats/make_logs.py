#!/usr/bin/env python3
"""Writes the three illustrative Hohhot record logs next to this script.

    python3 make_logs.py           # rewrite the logs, then print the sums they were built to
    python3 make_logs.py --check   # only read the logs and print the sums

The logs are ILLUSTRATIVE: made-up registration batches shaped like a city office's exports
(UTF-8 with BOM, CRLF, one row per batch / per site). Totals are fixed below and are what the
progress release of 2024-11-05 (releases/hohhot-youth-progress-2024-10.html) reports; only the
split over dates, districts and education levels is drawn from a fixed-seed random generator,
so every run writes the same bytes. Standard library only.

A few malformed rows are planted on purpose (MALFORMED below); they are not part of any total.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20240520

RETENTION = "hohhot_graduate_retention_log.csv"
TALENT = "hohhot_talent_intake_log.csv"
CARRIERS = "hohhot_carriers_and_markets_log.csv"

DISTRICTS = ["新城区", "回民区", "玉泉区", "赛罕区", "土默特左旗", "托克托县", "和林格尔县", "清水河县", "武川县"]

# ---------------------------------------------------------------------------
# The figures the sample is built to show (counted categories only)
# ---------------------------------------------------------------------------
# 留呼登记 (graduates registered as staying), per year: 2023 and 2024-01..2024-10.
RETENTION_TOTALS = {2023: 27_886, 2024: 34_152}          # 62,038 since 2023-01 -> "6.2万名"
RETENTION_DISTRICT_WEIGHTS = {"新城区": 18, "回民区": 12, "玉泉区": 11, "赛罕区": 26, "土默特左旗": 8,
                              "托克托县": 6, "和林格尔县": 10, "清水河县": 3, "武川县": 4}
MONTH_WEIGHTS = {1: 3, 2: 2, 3: 4, 4: 5, 5: 6, 6: 12, 7: 16, 8: 12, 9: 8, 10: 5, 11: 4, 12: 3}
EDUCATION_WEIGHTS = {"本科": 50, "专科": 35, "硕士": 13, "博士": 2}

# 高层次创新人才 per district and year (2024 = January to October).
TALENT_HIGH = {
    2023: {"赛罕区": 34, "新城区": 19, "回民区": 8, "玉泉区": 10, "和林格尔县": 9, "土默特左旗": 5},
    2024: {"赛罕区": 30, "新城区": 14, "回民区": 6, "玉泉区": 8, "和林格尔县": 6, "土默特左旗": 4},
}                                                        # 2024: 68 -> "累计引进高层次创新人才68名"

# Sites per category, district and year: (district, name). One row per site, 数量 1.
CARRIER_SITES = {
    2023: [("赛罕区", "赛罕区大学生创业园"), ("赛罕区", "如意河众创空间"), ("新城区", "新城区公共创业孵化基地"),
           ("新城区", "成吉思汗大街青年创业孵化器"), ("回民区", "回民区中小企业创新创业基地"),
           ("玉泉区", "玉泉区公共创业服务园"), ("托克托县", "托克托县返乡入乡人员创业园孵化基地"),
           ("和林格尔县", "和林格尔县返乡入乡人员创业园孵化基地"), ("武川县", "武川县返乡入乡人员创业园孵化基地")],
    2024: [("赛罕区", "赛罕区青年创业孵化基地"), ("赛罕区", "大学西路青创众创空间"),
           ("新城区", "新城区青年创业孵化器"), ("新城区", "海拉尔东路中小企业创新创业基地"),
           ("回民区", "回民区青年创业孵化基地"), ("玉泉区", "大召前街文创孵化基地"),
           ("土默特左旗", "土默特左旗返乡入乡人员创业园孵化基地")],
}                                                        # 2024: 7 -> "今年已新增创业载体7家"
CIRCLE_SITES = {
    2023: [("新城区", "新华大街一刻钟便民生活圈"), ("新城区", "北垣街一刻钟便民生活圈"), ("回民区", "通道北街一刻钟便民生活圈"),
           ("回民区", "光明路一刻钟便民生活圈"), ("玉泉区", "石羊桥路一刻钟便民生活圈"), ("玉泉区", "兴隆巷一刻钟便民生活圈"),
           ("赛罕区", "昭乌达路一刻钟便民生活圈"), ("赛罕区", "丰州路一刻钟便民生活圈")],
    2024: [("新城区", "海拉尔东路一刻钟便民生活圈"), ("新城区", "东影南路一刻钟便民生活圈"),
           ("回民区", "中山西路一刻钟便民生活圈"), ("玉泉区", "昭君路一刻钟便民生活圈"),
           ("赛罕区", "如意河大街一刻钟便民生活圈"), ("赛罕区", "鄂尔多斯大街一刻钟便民生活圈")],
}                                                        # 2024: 6 -> "已改造提升一刻钟便民生活圈6个"
# Markets per district and year as (早夜市, 集市) counts.
MARKETS = {
    2023: {"新城区": (6, 2), "回民区": (5, 2), "玉泉区": (4, 3), "赛罕区": (8, 2), "土默特左旗": (1, 3),
           "托克托县": (0, 2), "和林格尔县": (1, 2), "清水河县": (0, 1), "武川县": (0, 1)},
    2024: {"新城区": (7, 2), "回民区": (5, 2), "玉泉区": (4, 2), "赛罕区": (8, 2), "土默特左旗": (0, 2),
           "托克托县": (0, 1), "和林格尔县": (1, 1), "武川县": (0, 1)},
}                                                        # 2024: 38 -> "已开放早夜市、集市38处"
STREETS = {
    "新城区": ["海拉尔东路", "兴安北路", "成吉思汗大街", "新华大街", "北垣街", "东影南路", "呼伦贝尔北路"],
    "回民区": ["中山西路", "通道北街", "新华西街", "光明路", "攸攸板", "钢铁路"],
    "玉泉区": ["大召前街", "石羊桥路", "南二环", "昭君路", "小召前街", "兴隆巷", "五塔寺东街"],
    "赛罕区": ["大学西路", "如意河大街", "鄂尔多斯大街", "昭乌达路", "丰州路", "金桥开发区", "大学东街", "巴彦淖尔南路"],
    "土默特左旗": ["察素齐镇", "毕克齐镇", "白庙子镇"],
    "托克托县": ["双河镇", "新营子镇"],
    "和林格尔县": ["盛乐镇", "新店子镇"],
    "清水河县": ["城关镇"],
    "武川县": ["可可以力更镇"],
}

# Deliberately malformed rows: (file, insert before the first well-formed row dated after this
# date, raw line). None of their values belongs to any total above.
MALFORMED = [
    (RETENTION, "2023-07-18", "2023-07-18,新城区,专科,留呼登记,十二"),            # non-numeric count
    (RETENTION, "2024-02-28", "2024-02-30,赛罕区,本科,留呼登记,15"),              # impossible date
    (RETENTION, "2024-03-15", "2024-03-15,回民区,硕士,留呼登记,6,补录"),          # extra field
    (RETENTION, "2024-06-12", "2024-06-12,赛汗区,本科,留呼登记,9"),               # unknown district (typo)
    (TALENT, "2024-06-28", "2024-06-31,赛罕区,博士,高层次创新人才,2"),           # impossible date
    (TALENT, "2024-09-10", "2024-09-10,新城区,博士,高层次创新人才,N/A"),         # non-numeric count
    (CARRIERS, "2024-04-29", "2024-04-31,玉泉区,集市,小召前街周末集市,1"),         # impossible date
    (CARRIERS, "2024-07-06", "2024-07-06,新城区,早夜市,海拉尔东路,兴安北路交口早夜市,1"),  # extra field (unquoted comma)
]

LAST_DAY = dt.date(2024, 10, 31)


def months():
    for year in (2023, 2024):
        for m in range(1, 13):
            if dt.date(year, m, 1) <= LAST_DAY:
                yield year, m


def allocate(total: int, weights: dict, rng: random.Random | None = None, jitter: float = 0.0) -> dict:
    """Split an integer total over keys in proportion to weights (largest remainder)."""
    w = {k: v * (rng.uniform(1 - jitter, 1 + jitter) if rng and jitter else 1) for k, v in weights.items()}
    s = sum(w.values())
    exact = {k: total * v / s for k, v in w.items()}
    out = {k: int(x) for k, x in exact.items()}
    for k in sorted(exact, key=lambda k: (out[k] - exact[k], list(exact).index(k)))[: total - sum(out.values())]:
        out[k] += 1
    return out


def workday(rng: random.Random, year: int, month: int, first: int = 1) -> dt.date:
    while True:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        last = (nxt - dt.timedelta(days=1)).day
        d = dt.date(year, month, rng.randint(first, last))
        if d.weekday() < 5 and d <= LAST_DAY:
            return d


def retention_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for year, total in RETENTION_TOTALS.items():
        last_month = 12 if year < LAST_DAY.year else LAST_DAY.month
        per_month = allocate(total, {m: MONTH_WEIGHTS[m] for m in range(1, last_month + 1)})
        for m, mt in per_month.items():
            per_district = allocate(mt, RETENTION_DISTRICT_WEIGHTS, rng, 0.2)
            for district, dt_total in per_district.items():
                edu_w = dict(EDUCATION_WEIGHTS)
                if district in ("清水河县", "武川县", "托克托县") or rng.random() < 0.75:
                    edu_w.pop("博士")
                if district in ("清水河县", "武川县"):
                    edu_w.pop("硕士")
                for edu, n in allocate(dt_total, edu_w, rng, 0.25).items():
                    if n > 0:
                        rows.append([workday(rng, year, m).isoformat(), district, edu, "留呼登记", str(n)])
    # Enquiries logged at the same desks: not registrations, filtered out by the pipeline.
    for _ in range(36):
        year, m = rng.choice(list(months()))
        rows.append([workday(rng, year, m).isoformat(), rng.choice(DISTRICTS), rng.choice(["本科", "专科", "硕士"]),
                     "政策咨询", str(rng.randint(8, 120))])
    for _ in range(14):
        year, m = rng.choice(list(months()))
        rows.append([workday(rng, year, m).isoformat(), rng.choice(DISTRICTS[:4]), rng.choice(["本科", "专科"]),
                     "就业见习登记", str(rng.randint(5, 60))])
    return rows


def split_batches(rng: random.Random, n: int, biggest: int) -> list[int]:
    out = []
    while n > 0:
        b = min(n, rng.randint(1, biggest))
        out.append(b)
        n -= b
    return out


def talent_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for year, per_district in TALENT_HIGH.items():
        last_month = 12 if year < LAST_DAY.year else LAST_DAY.month
        for district, total in per_district.items():
            for b in split_batches(rng, total, 4):
                m = rng.randint(1, last_month)
                edu = "博士" if rng.random() < 0.7 else "硕士"
                rows.append([workday(rng, year, m).isoformat(), district, edu, "高层次创新人才", str(b)])
    for _ in range(64):
        year, m = rng.choice(list(months()))
        rows.append([workday(rng, year, m).isoformat(), rng.choice(DISTRICTS), rng.choice(["本科", "本科", "硕士"]),
                     "一般引进人才", str(rng.randint(3, 28))])
    return rows


def site_month(rng: random.Random, year: int, spring_summer: bool) -> int:
    last = 12 if year < LAST_DAY.year else LAST_DAY.month
    if spring_summer:
        return rng.choice([m for m in range(4, 10) if m <= last])
    return rng.randint(2, last)


def carrier_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for year in (2023, 2024):
        for district, name in CARRIER_SITES[year]:
            rows.append([workday(rng, year, site_month(rng, year, False)).isoformat(), district, "创业载体", name, "1"])
        for district, name in CIRCLE_SITES[year]:
            rows.append([workday(rng, year, site_month(rng, year, False)).isoformat(), district, "便民生活圈", name, "1"])
        for district, (night, fair) in MARKETS[year].items():
            streets = list(STREETS[district])
            rng.shuffle(streets)
            for i in range(night):
                place = streets[i % len(streets)]
                suffix = "早夜市" if i < len(streets) else "二期早夜市"
                rows.append([workday(rng, year, site_month(rng, year, True)).isoformat(), district, "早夜市",
                             place + suffix, "1"])
            for i in range(fair):
                place = streets[(night + i) % len(streets)]
                kind = "周末集市" if district in ("新城区", "回民区", "玉泉区", "赛罕区") else "农贸大集"
                rows.append([workday(rng, year, site_month(rng, year, True)).isoformat(), district, "集市",
                             place + ("" if (night + i) < len(streets) else "东") + kind, "1"])
    # Shopping complexes are logged by the same office but are not one of the metrics.
    for year, district, name in [(2023, "赛罕区", "如意河商业综合体"), (2023, "新城区", "兴安北路商业综合体"),
                                 (2024, "回民区", "中山西路商业综合体"), (2024, "玉泉区", "大召商业综合体"),
                                 (2024, "赛罕区", "金桥商业综合体")]:
        rows.append([workday(rng, year, site_month(rng, year, False)).isoformat(), district, "商业综合体", name, "1"])
    return rows


def write(name: str, header: list[str], rows: list[list[str]]) -> None:
    keyed = [((r[0], DISTRICTS.index(r[1]), r[2:]), ",".join(r)) for r in rows]
    # A malformed line goes right after the well-formed rows of its anchor date.
    keyed += [((after, len(DISTRICTS), []), raw) for fname, after, raw in MALFORMED if fname == name]
    keyed.sort(key=lambda kv: kv[0])
    with (HERE / name).open("w", encoding="utf-8-sig", newline="") as fh:
        fh.write(",".join(header) + "\r\n")
        for _, line in keyed:
            fh.write(line + "\r\n")


def generate() -> None:
    rng = random.Random(SEED)
    write(RETENTION, ["日期", "区县", "学历", "类别", "人数"], retention_rows(rng))
    write(TALENT, ["日期", "区县", "学历", "类别", "人数"], talent_rows(rng))
    write(CARRIERS, ["日期", "区县", "类别", "点位名称", "数量"], carrier_rows(rng))


def sums(verbose: bool = False) -> dict:
    """Sum the well-formed rows of each counted category up to 2024-10-31.

    Keys are (metric, year, district), with district "全市" for the whole city; the metric is the
    类别, except that 早夜市 and 集市 are summed together as "早夜市+集市"."""
    counted = {RETENTION: ("人数", {"留呼登记"}), TALENT: ("人数", {"高层次创新人才"}),
               CARRIERS: ("数量", {"创业载体", "便民生活圈", "早夜市", "集市"})}
    out: dict = defaultdict(int)
    for name, (value_col, cats) in counted.items():
        with (HERE / name).open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            rows = bad = 0
            for lineno, rec in enumerate(reader, start=2):
                rows += 1
                try:
                    if len(rec) != len(header):
                        raise ValueError(f"{len(rec)} fields")
                    row = dict(zip(header, rec))
                    day = dt.date.fromisoformat(row["日期"])
                    if row["区县"] not in DISTRICTS:
                        raise ValueError(f"unknown district {row['区县']}")
                    n = int(row[value_col])
                except ValueError as e:
                    bad += 1
                    if verbose:
                        print(f"  {name}:{lineno}: malformed ({e}): {','.join(rec)}")
                    continue
                if row["类别"] not in cats or day > LAST_DAY:
                    continue
                metric = "早夜市+集市" if row["类别"] in ("早夜市", "集市") else row["类别"]
                out[(metric, day.year, "全市")] += n
                out[(metric, day.year, row["区县"])] += n
        if verbose:
            print(f"{name}: {rows} rows, {bad} malformed ({100 * bad / rows:.2f}%)")
    return dict(out)


def check() -> None:
    s = sums(verbose=True)
    for (metric, year, district), n in sorted(s.items()):
        if district in ("全市", "赛罕区", "新城区", "回民区"):
            print(f"  {metric} {year} {district}: {n}")
    for metric in sorted({k[0] for k in s}):
        print(f"  {metric} 2023-01..2024-10 全市: {s.get((metric, 2023, '全市'), 0) + s.get((metric, 2024, '全市'), 0)}")


if __name__ == "__main__":
    if "--check" not in sys.argv[1:]:
        generate()
    check()
