#!/usr/bin/env python3
"""Writes the Baotou sample's illustrative intake log: one row per intake batch in 2025, drawn with a
fixed seed so every run writes the same bytes. 类别 高层次人才 is what the pipeline counts; 产业工人
(workers) is filtered out. Standard library only: `python3 Input/baotou/stats/make_log.py`."""
import random
from pathlib import Path

rng = random.Random(2025)
districts = ["昆都仑区", "青山区", "东河区", "九原区", "白云鄂博矿区"]
weights = [5, 4, 3, 3, 1]
rows = ["日期,区县,学历,类别,人数"]
for month in range(1, 12):
    for day in sorted(rng.sample(range(1, 28), 6)):
        d = rng.choices(districts, weights)[0]
        kind = rng.choice(["高层次人才", "高层次人才", "产业工人"])
        degree = rng.choice(["硕士", "博士", "本科"])
        rows.append(f"2025-{month:02}-{day:02},{d},{degree},{kind},{rng.randint(1, 6)}")
Path(__file__).with_name("baotou_talent_intake_log.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
