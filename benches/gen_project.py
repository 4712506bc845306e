#!/usr/bin/env python3
"""Generate a synthetic yoyak project of N briefings from the seed (benchmark input).

Each briefing gets a distinct id, date and tag set, and a varied text length (sections
repeated 1–3 times), so the benchmark measures realistic, not identical, work.
Usage: gen_project.py SEED_YAML OUT_DIR N [--seed-size] [--formats html,pdf,md]
  --seed-size   every briefing holds the seed's text once (dates still spread over 2.5 years)
  --formats     the project's `formats:` (default: the repository's yoyak.yaml as it is)
"""
import argparse
import datetime
import os
import re
import shutil

ap = argparse.ArgumentParser()
ap.add_argument("seed")
ap.add_argument("out")
ap.add_argument("n", type=int)
ap.add_argument("--seed-size", action="store_true")
ap.add_argument("--formats")
args = ap.parse_args()
seed_path, out, n = args.seed, args.out, args.n
seed = open(seed_path, encoding="utf-8").read()
content = os.path.join(out, "content")
if os.path.exists(out):
    shutil.rmtree(out)
os.makedirs(content)
repo = os.path.dirname(os.path.dirname(os.path.abspath(seed_path)))
config = open(os.path.join(repo, "yoyak.yaml"), encoding="utf-8").read()
if args.formats:
    formats = ", ".join(args.formats.split(","))
    config, count = re.subn(r"^formats: .*$", f"formats: [{formats}]", config, count=1, flags=re.M)
    if count == 0:
        config += f"\nformats: [{formats}]\n"
with open(os.path.join(out, "yoyak.yaml"), "w", encoding="utf-8") as f:
    f.write(config)
glossary = os.path.join(repo, "content", "glossary.yaml")
if os.path.exists(glossary):
    shutil.copy(glossary, os.path.join(content, "glossary.yaml"))

head, sep, sections = seed.partition("\nsections:\n")
rest_start = re.search(r"\n(facts|charts|tags):", sections)
body, tail = sections[: rest_start.start()], sections[rest_start.start():]
tags = ["ai-policy", "open-source", "semiconductors", "data", "cloud"]
start = datetime.date(2026, 1, 1)
months = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
for i in range(n):
    date = start + datetime.timedelta(days=i % 900)
    reps = 1 if args.seed_size else 1 + i % 3
    text = head + sep + body * reps + tail
    # Relative dates in the article (15일, 지난해) follow the dateline: keep the English in step,
    # or `check` rightly refuses the briefing.
    text = text.replace("15일 소프트웨어정책연구소", f"{date.day}일 소프트웨어정책연구소")
    text = text.replace("on February 15,", f"on {months[date.month - 1]} {date.day},")
    text = text.replace("December 2025", f"December {date.year - 1}").replace("Since 2025", f"Since {date.year - 1}")
    text = text.replace('as_of: "2025-12"', f'as_of: "{date.year - 1}-12"')
    text = re.sub(r"^id: .*$", f"id: bench-{i:05d}", text, count=1, flags=re.M)
    text = re.sub(r"^date: .*$", f"date: {date.isoformat()}", text, count=1, flags=re.M)
    text = re.sub(r"^tags: .*$", f"tags: [{tags[i % 5]}, {tags[(i + 2) % 5]}]", text, count=1, flags=re.M)
    with open(os.path.join(content, f"{date.isoformat()}-bench-{i:05d}.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
