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

echo "== Maskin"
echo "$(nproc) kärnor, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "Mappen: $(find "$DIR/" -type f | wc -l) filer, $(find "$DIR/" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.1f MB", s/1e6}')"

echo "== Hela kommandon mot rg (varm sidcache)"
hyperfine --warmup 2 --runs "$RUNS" --export-json target/riket.json --style basic \
  -n rg "rg -l --no-ignore samtalsstod $DIR" \
  -n validera "$B --data $DIR --idag 2026-11-25 validera --format kort" \
  -n sok "$B --data $DIR sok --behov samtalsstod --kommun Växjö --format json" \
  -n matcha "$B --data $DIR matcha --format json" \
  -n rapport "$B --data $DIR --idag 2026-11-25 rapport --kommun Växjö --format html" >/dev/null
python3 - target/riket.json <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rg = res["rg"]["median"]
targets = {"validera": 2.0, "sok": 1.5, "matcha": 2.5, "rapport": 2.5}
print(f"{'kommando':10} {'median s':>9} {'× rg':>6} {'mål':>5}")
print(f"{'rg':10} {rg:9.3f} {1.0:6.2f}")
for name, goal in targets.items():
    m = res[name]["median"]
    print(f"{name:10} {m:9.3f} {m / rg:6.2f} {goal:5.1f} {'ok' if m / rg <= goal else 'ÖVER'}")
PY

echo "== Högsta minne (RSS) mot mappens storlek"
SIZE=$(find "$DIR/" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
for cmd in "validera --format kort" "sok --behov samtalsstod --kommun Växjö --format json" "matcha --format json" "rapport --kommun Växjö --format html"; do
  KB=$( { /usr/bin/time -f %M "$B" --data "$DIR" --idag 2026-11-25 $cmd >/dev/null; } 2>&1 | tail -1)
  python3 -c "import sys; kb=int(sys.argv[1]); size=int(sys.argv[2]); print(f'{sys.argv[3]:55} {kb/1024:7.0f} MB  {kb*1024/size:4.2f} × mappen')" "$KB" "$SIZE" "$cmd"
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
