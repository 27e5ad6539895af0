#!/usr/bin/env python3
"""Checks the sample data in Input/ against what it is built to show (standard library only).

    python3 Input/check_sample.py [--seed PATH/TO/hohhot-youth-city-2024.txt]

1. The seed page carries the seed release text exactly: title line (h1 + column name), the
   paragraphs of <div class="article-content" id="content">, and the reprint notice.
2. The GBK files decode as GBK and round-trip byte for byte.
3. The record logs sum to the figures the progress release of 2024-11-05, the district review of
   2024-11-22 (and the 2023 figure of the work-plan release of 2024-03-12) report, and every figure
   quoted appears in the release text.
"""
from __future__ import annotations

import argparse
import html.parser
import re
import subprocess
import sys
from pathlib import Path

INPUT = Path(__file__).resolve().parent
DEFAULT_SEED = INPUT.parent.parent / "shared" / "seed" / "hohhot-youth-city-2024.txt"
sys.dont_write_bytecode = True
sys.path.insert(0, str(INPUT / "stats"))


class Blocks(html.parser.HTMLParser):
    """Collects the text of <h1>, .column-name, each <p> inside #content, and .article-statement."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []   # (tag, role)
        self.title = ""
        self.column = ""
        self.paragraphs: list[str] = []
        self.statement = ""
        self.in_content = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        role = ""
        if tag == "div" and a.get("id") == "content":
            role = "content"
        elif tag == "h1":
            role = "title"
        elif "column-name" in (a.get("class") or "").split():
            role = "column"
        elif "article-statement" in (a.get("class") or "").split():
            role = "statement"
        elif tag == "p" and any(r == "content" for _, r in self.stack):
            role = "p"
            self.paragraphs.append("")
        self.stack.append((tag, role))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        roles = [r for _, r in self.stack]
        if "p" in roles:
            self.paragraphs[-1] += data
        elif "title" in roles:
            self.title += data
        elif "column" in roles:
            self.column += data
        elif "statement" in roles:
            self.statement += data


def check_seed(seed: Path) -> list[str]:
    errors = []
    lines = seed.read_text(encoding="utf-8").split("\n")
    page = (INPUT / "releases" / "hohhot-youth-city-2024.html").read_text(encoding="utf-8")
    p = Blocks()
    p.feed(page)
    got = [p.title + p.column] + p.paragraphs + [p.statement]
    if got != lines:
        for i, (a, b) in enumerate(zip(got, lines)):
            if a != b:
                errors.append(f"seed page line {i + 1} differs: {a[:40]!r} vs {b[:40]!r}")
        if len(got) != len(lines):
            errors.append(f"seed page has {len(got)} text lines, seed has {len(lines)}")
    else:
        print(f"ok  seed page: {len(lines)} lines, {sum(map(len, lines))} characters identical to {seed.name}")
    return errors


def check_gbk() -> list[str]:
    errors = []
    files = sorted((INPUT / "stats").glob("nbs_*.csv")) + [INPUT / "releases" / "hohhot-talent-policy-2024-gbk.html"]
    for f in files:
        raw = f.read_bytes()
        text = subprocess.run(["iconv", "-f", "GBK", "-t", "UTF-8"], input=raw, capture_output=True)
        back = subprocess.run(["iconv", "-f", "UTF-8", "-t", "GBK"], input=text.stdout, capture_output=True)
        if text.returncode or back.returncode or back.stdout != raw:
            errors.append(f"{f.name}: GBK round trip failed")
        else:
            try:
                raw.decode("utf-8")
                errors.append(f"{f.name}: bytes are valid UTF-8, expected GBK")
            except UnicodeDecodeError:
                print(f"ok  {f.relative_to(INPUT)}: GBK, round-trips through iconv")
    return errors


# Figure in the progress release -> (log metric key, year or None for 2023-01..2024-10, district)
PROGRESS_FIGURES = [
    ("今年已新增创业载体7家", "创业载体", 2024, "全市", 7),
    ("累计引进高层次创新人才68名", "高层次创新人才", 2024, "全市", 68),
    ("累计已有6.2万名大学生留呼", "留呼登记", None, "全市", 62_000),
    ("已改造提升一刻钟便民生活圈6个", "便民生活圈", 2024, "全市", 6),
    ("已开放早夜市、集市38处", "早夜市+集市", 2024, "全市", 38),
    ("今年以来新增留呼登记高校毕业生3.4万人", "留呼登记", 2024, "全市", 34_000),
    ("新城区今年新增创业载体2家", "创业载体", 2024, "新城区", 2),
    ("开放早夜市、集市9处", "早夜市+集市", 2024, "新城区", 9),
    ("办理留呼登记的高校毕业生达5811人", "留呼登记", 2024, "新城区", 5811),
    ("回民区已改造提升一刻钟便民生活圈1个", "便民生活圈", 2024, "回民区", 1),
    ("开放早夜市、集市7处", "早夜市+集市", 2024, "回民区", 7),
    ("办理留呼登记的高校毕业生达4360人", "留呼登记", 2024, "回民区", 4360),
    ("赛罕区已新增创业载体2家", "创业载体", 2024, "赛罕区", 2),
]


# Figures of the district review of 2024-11-22: a 截至 scope continued by 其中, 各 over two districts.
REVIEW_FIGURES = [
    ("市四区今年已改造提升一刻钟便民生活圈6个", "便民生活圈", 2024, "全市", 6),
    ("新城区、赛罕区各2个", "便民生活圈", 2024, "新城区", 2),
    ("新城区、赛罕区各2个", "便民生活圈", 2024, "赛罕区", 2),
    ("回民区、玉泉区各1个", "便民生活圈", 2024, "回民区", 1),
    ("回民区、玉泉区各1个", "便民生活圈", 2024, "玉泉区", 1),
    ("全市已开放早夜市、集市38处", "早夜市+集市", 2024, "全市", 38),
    ("其中新城区9处", "早夜市+集市", 2024, "新城区", 9),
    ("回民区7处", "早夜市+集市", 2024, "回民区", 7),
    ("玉泉区6处", "早夜市+集市", 2024, "玉泉区", 6),
    ("赛罕区10处", "早夜市+集市", 2024, "赛罕区", 10),
]


# The 2023 figure the work-plan release of 2024-03-12 (GBK) gives.
PLAN_FIGURES = [
    ("全年共有2.8万名高校毕业生办理留呼登记", "留呼登记", 2023, "全市", 28_000),
]


def check_logs() -> list[str]:
    import make_logs
    errors = []
    sums = make_logs.sums()
    progress = (INPUT / "releases" / "hohhot-youth-progress-2024-10.html").read_text(encoding="utf-8")
    plan = (INPUT / "releases" / "hohhot-talent-policy-2024-gbk.html").read_bytes().decode("gbk")
    checks = [(re.sub(r"<[^>]+>", "", progress), f) for f in PROGRESS_FIGURES]
    checks += [(re.sub(r"<[^>]+>", "", plan), f) for f in PLAN_FIGURES]
    review = (INPUT / "releases" / "hohhot-district-review-2024-11.html").read_text(encoding="utf-8")
    checks += [(re.sub(r"<[^>]+>", "", review), f) for f in REVIEW_FIGURES]
    for text, (phrase, metric, year, district, claimed) in checks:
        if phrase not in text:
            errors.append(f"release does not say {phrase!r}")
        years = [2023, 2024] if year is None else [year]
        actual = sum(sums.get((metric, y, district), 0) for y in years)
        if claimed >= 10_000:                       # quoted in 万 with one decimal
            ok = round(actual / 1000) * 1000 == claimed
        else:
            ok = actual == claimed
        if ok:
            print(f"ok  {district} {metric} {year or '2023-01..2024-10'}: logs {actual}, release {phrase!r}")
        else:
            errors.append(f"{district} {metric} {year}: logs {actual}, release claims {claimed} ({phrase})")
    return errors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    args = ap.parse_args()
    errors = check_seed(args.seed) + check_gbk() + check_logs()
    for e in errors:
        print("FAIL", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
