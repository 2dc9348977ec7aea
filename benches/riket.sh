#!/usr/bin/env bash
# Times the whole commands on a national-scale folder (125,000 files, about 90 MB) against
# `rg -l --no-ignore samtalsstod DIR` in the same run (ripgrep reads every file once: the floor
# for anything that reads every file), prints the ratios and the peak memory, and the scaling
# over 1k, 10k and 125k files. Needs hyperfine and ripgrep (Debian: `apt-get install hyperfine
# ripgrep`). Usage: benches/riket.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
BASE=target/bench-data
cargo build --release --quiet --bin resurs --example generera
GEN=target/release/examples/generera
B=target/release/resurs
mkdir -p "$BASE"
gen() { [ -f "$BASE/$1/resurs.toml" ] || "$GEN" --aktorer "$2" --insatser-per-aktor 5 --behov "$3" --ut "$BASE/$1"; }
gen 1k 160 40
gen 10k 1600 400
gen 125k 20000 5000
DIR=$BASE/125k
# The search index goes here, not to ~/.cache; the warm-up runs build it.
export RESURS_CACHE=$PWD/target/bench-cache

echo "== Maskin"
echo "$(nproc) kärnor, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "Mappen: $(find "$DIR/" -type f | wc -l) filer, $(find "$DIR/" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.1f MB", s/1e6}')"

echo "== Hela kommandon mot rg (varm sidcache)"
# Rounds: every command once per round, rg first, so that a shared machine getting slower or
# faster for a while hits every command alike; the medians are over the rounds.
CMDS=(
  -n rg "rg -l --no-ignore samtalsstod $DIR"
  -n validera "$B --data $DIR --idag 2026-11-25 validera --format kort"
  -n sok "$B --data $DIR sok --behov samtalsstod --kommun Växjö --format json"
  -n sok-utan-index "$B --data $DIR sok --behov samtalsstod --kommun Växjö --format json --utan-index"
  -n matcha "$B --data $DIR matcha --format json"
  -n rapport "$B --data $DIR --idag 2026-11-25 rapport --kommun Växjö --format html"
)
hyperfine --warmup 2 --runs 1 --style none "${CMDS[@]}" >/dev/null 2>&1
for r in $(seq 1 "$RUNS"); do
  hyperfine --runs 1 --style none --export-json "target/riket-$r.json" "${CMDS[@]}" >/dev/null 2>&1
done
python3 - "$RUNS" <<'PY'
import json, statistics, sys
runs = int(sys.argv[1])
times = {}
for r in range(1, runs + 1):
    for x in json.load(open(f"target/riket-{r}.json"))["results"]:
        times.setdefault(x["command"], []).append(x["times"][0])
med = {k: statistics.median(v) for k, v in times.items()}
# The ratio of each round, then its median: both measured moments apart.
ratio = {k: statistics.median(t / g for t, g in zip(v, times["rg"])) for k, v in times.items()}
targets = {"validera": 2.0, "sok": 1.0, "sok-utan-index": 1.5, "matcha": 2.5, "rapport": 2.5}
print(f"{'kommando':15} {'median s':>9} {'× rg':>6} {'mål':>5}   (× rg: medianen av varje omgångs kvot)")
print(f"{'rg':15} {med['rg']:9.3f} {1.0:6.2f}")
for name, goal in targets.items():
    q = ratio[name]
    print(f"{name:15} {med[name]:9.3f} {q:6.2f} {goal:5.1f} {'ok' if q <= goal else 'ÖVER'}")
PY

echo "== Högsta minne (RSS) mot mappens storlek"
SIZE=$(find "$DIR/" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
for cmd in "validera --format kort" "sok --behov samtalsstod --kommun Växjö --format json" "sok --behov samtalsstod --kommun Växjö --format json --utan-index" "matcha --format json" "rapport --kommun Växjö --format html"; do
  KB=$( { /usr/bin/time -f %M "$B" --data "$DIR" --idag 2026-11-25 $cmd >/dev/null; } 2>&1 | tail -1)
  python3 -c "import sys; kb=int(sys.argv[1]); size=int(sys.argv[2]); print(f'{sys.argv[3]:68} {kb/1024:7.0f} MB  {kb*1024/size:4.2f} × mappen')" "$KB" "$SIZE" "$cmd"
done

echo "== Skalning: validera på 1k, 10k och 125k filer"
hyperfine --warmup 1 --runs "$RUNS" --export-json target/skalning.json --style basic \
  -n 1k "$B --data $BASE/1k --idag 2026-11-25 validera --format kort" \
  -n 10k "$B --data $BASE/10k --idag 2026-11-25 validera --format kort" \
  -n 125k "$B --data $BASE/125k --idag 2026-11-25 validera --format kort" >/dev/null
python3 - target/skalning.json <<'PY'
import json, sys
files = {"1k": 1000, "10k": 10000, "125k": 125000}
for r in json.load(open(sys.argv[1]))["results"]:
    n = files[r["command"]]
    print(f"{r['command']:5} {r['median']:7.3f} s  {r['median'] / n * 1e6:6.1f} µs per fil")
PY

echo "== Regionala fallet: data/ (mål: under 50 ms)"
hyperfine --warmup 3 --runs 20 --style basic --export-json target/regional.json \
  -n validera "$B --data data --idag 2026-11-25 validera" \
  -n sok "$B --data data sok --behov samtalsstod" \
  -n matcha "$B --data data matcha" \
  -n uppfoljning "$B --data data uppfoljning" \
  -n rapport "$B --data data rapport --format html" \
  -n lista "$B --data data lista aktorer" >/dev/null
python3 - target/regional.json <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    ms = r["median"] * 1000
    print(f"{r['command']:12} {ms:6.1f} ms {'ok' if ms < 50 else 'ÖVER'}")
PY
