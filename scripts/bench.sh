#!/usr/bin/env bash
# Speed of extraction, measured three ways on the FA-KES reports in ../shared:
#   1. criterion: reports per second on one core, extraction alone (no I/O, no start-up);
#   2. hyperfine: the whole `tally extract` process against ../shared/eval/naive_baseline.py,
#      side by side in one run (medians are in target/bench/whole-process.json);
#   3. a size ladder (1x, 10x, 100x the corpus): time should grow linearly, peak memory stay flat.
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
corpus=$shared/data/fa-kes/articles.jsonl
out=target/bench
mkdir -p "$out"

cargo bench -p tally-extract --bench extract
cargo build --release --quiet
tally=target/release/tally

hyperfine -N --warmup 2 --runs 15 --export-json "$out/whole-process.json" \
    "python3 $shared/eval/naive_baseline.py $corpus" \
    "$tally extract --json $corpus"
python3 - "$out/whole-process.json" <<'PY'
import json, statistics, sys
runs = json.load(open(sys.argv[1]))["results"]
medians = {r["command"].split()[0].rsplit("/", 1)[-1]: statistics.median(r["times"]) for r in runs}
naive, tally = medians["python3"], medians["tally"]
print(f"median: naive {naive*1000:.0f} ms, tally {tally*1000:.0f} ms, tally is {naive/tally:.2f}x faster")
PY

python3 - "$corpus" "$out" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
for n in (1, 10, 100):
    with open(f"{sys.argv[2]}/ladder-{n}x.jsonl", "w", encoding="utf-8") as f:
        for k in range(n):
            for line in lines:
                d = json.loads(line)
                d["id"] = f"{d['id']}-{k}"
                f.write(json.dumps(d) + "\n")
PY
for n in 1 10 100; do
    /usr/bin/time -f "ladder ${n}x: %e s, peak %M KB" "$tally" extract --json "$out/ladder-${n}x.jsonl" > /dev/null
done
