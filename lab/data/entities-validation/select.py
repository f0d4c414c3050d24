"""Prints the 60 validation articles (JSON Lines) chosen by the rule of README.md.
Usage: python3 select.py [SHARED_DATA_DIR] > articles-validation.jsonl   (default ../../../../shared/data)"""
import json, random, sys

def select(path, n):
    lines = open(path, encoding="utf-8").read().splitlines()
    arts = [json.loads(l) for l in lines]
    order = list(range(len(arts))); random.Random(7).shuffle(order)
    taken, auto = [], 0
    for i in order:
        a = arts[i]
        if not 150 <= len(a["body"].split()) <= 900: continue
        if a["category"] in {"monde", "politique", "france", "societe"}: taken.append(i)
        elif a["category"] == "auto" and auto < n // 20: taken.append(i); auto += 1
        if len(taken) == n: break
    return [lines[i] for i in sorted(taken)]

data = sys.argv[1] if len(sys.argv) > 1 else "../../../../shared/data"
for shard in ["04", "12", "20"]:
    for line in select(f"{data}/orangesum-news/articles-{shard}.jsonl", 20):
        print(line)
