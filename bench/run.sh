#!/usr/bin/env bash
# Benchmarks `plan check` on record-level files, all in one run, against:
#   - polars and DuckDB doing the same filter-sum-compare from Python (bench/peer_polars.py,
#     bench/peer_duckdb.py), timed as whole processes (hyperfine) and as the query alone inside
#     Python (time.perf_counter, median of several runs after a warm-up, the file read each time);
#   - examples/csv-baseline.rs: the csv crate reading the file into a reused ByteRecord and
#     summing the target's values as rust_decimal, the least a reader built on the csv crate does;
#   - /bin/true, for a small check's fixed costs.
# It first checks that every tool computes the same total, prints plan's peak memory (and fails
# if it reaches MEM_LIMIT_MIB), and ends with instruction counts from cachegrind, which the
# machine's load does not change.
#
#   bash bench/run.sh                     # 1,000,000 and 10,000,000 rows
#   ROWS="1000000" bash bench/run.sh      # the row counts to run
#   DATA=/tmp/bench bash bench/run.sh     # keep the generated files there (reused when present)
#   CARGO_TARGET_DIR=/work/target-bench bash bench/run.sh   # build somewhere else
#   VENV=/path/to/venv bash bench/run.sh  # the Python environment (default bench/.venv)
#   INSTR_ROWS=0 bash bench/run.sh        # no cachegrind section (default 200000 rows)
#
# Installs what it needs: hyperfine, GNU time and valgrind (Debian) and a virtual environment
# with polars and duckdb (PyPI). Exits 1 if the totals differ or peak memory is over the limit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-"1000000 10000000"}
DATA=${DATA:-$(mktemp -d)}
VENV=${VENV:-bench/.venv}
TARGET=${CARGO_TARGET_DIR:-target}
MEM_LIMIT_MIB=${MEM_LIMIT_MIB:-16}
INSTR_ROWS=${INSTR_ROWS:-200000}
mkdir -p "$DATA"

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
[ "$INSTR_ROWS" -eq 0 ] || command -v valgrind >/dev/null || need+=(valgrind)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q polars duckdb
fi
PY=$VENV/bin/python
cargo build --release -q --bin plan --example gen-records --example csv-baseline
PLAN=$TARGET/release/plan
BASE=$TARGET/release/examples/csv-baseline
GEN=$TARGET/release/examples/gen-records

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "versions: $($PLAN --version), polars $($PY -c 'import polars; print(polars.__version__)'), duckdb $($PY -c 'import duckdb; print(duckdb.__version__)'), hyperfine $(hyperfine --version | cut -d' ' -f2), $(rustc --version | cut -d' ' -f1-2)"

# hyperfine's -i: `plan check` exits 1 when a target is unmet; its warning about that goes to a
# file, printed only if hyperfine itself fails.
mean() { # the mean time in ms of command N in a hyperfine JSON export
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(round(r[int(sys.argv[2])]['mean']*1000, 1))" "$@"
}
peak_kib() { # the peak resident memory in KiB of a command
  { /usr/bin/time -f '%M' "$@" >/dev/null; } 2>&1 | tail -1
}

failed=0
for rows in $ROWS; do
  file="$DATA/records-$rows.csv"
  [ -f "$file" ] || "$GEN" "$rows" "$file" >/dev/null
  size=$(du -m "$file" | cut -f1)
  echo
  echo "== $rows rows, $size MB (load average $(cut -d' ' -f1 /proc/loadavg))"

  # The same total from every tool, before any timing: plan's exactly as csv-baseline's (both
  # decimal), the peers' within a float sum's rounding.
  "$PLAN" check "$file" --allow-missing --format json >"$DATA/plan.json"
  "$BASE" "$file" >"$DATA/base.txt"
  "$PY" bench/peer_polars.py "$file" >"$DATA/polars.txt"
  "$PY" bench/peer_duckdb.py "$file" >"$DATA/duckdb.txt"
  python3 - "$DATA" <<'PYEOF' || exit 1
import json, math, sys
from decimal import Decimal
d = sys.argv[1]
r = next(r for r in json.load(open(f"{d}/plan.json"), parse_float=Decimal)["results"]
         if r["id"] == "tech_contract_turnover")
assert r["unit"] == "亿元", r
plan = (Decimal(r["actual"]), r["status"])
base = open(f"{d}/base.txt").read().split()  # N rows; total X 万元 = Y 亿元 STATUS
base = (Decimal(base[-3]), base[-1])
polars, duckdb = ((float(t.split()[0]), t.split()[-1]) for t in
                  (open(f"{d}/{n}.txt").read() for n in ("polars", "duckdb")))
print(f"totals:  plan {plan[0]} 亿元 {plan[1]} · csv-baseline {base[0]} {base[1]} · "
      f"polars {polars[0]} {polars[1]} · duckdb {duckdb[0]} {duckdb[1]}")
ok = base == plan and all(p[1] == plan[1] and math.isclose(p[0], float(plan[0]), rel_tol=1e-9)
                          for p in (polars, duckdb))
if not ok:
    sys.exit("the totals differ: stopping")
PYEOF

  runs=10; inproc=10
  [ "$rows" -ge 10000000 ] && runs=5 && inproc=5
  hyperfine -N -w 1 -r "$runs" -i --export-json "$DATA/r.json" \
    "$PLAN check $file --allow-missing" \
    "env PLAN_THREADS=1 $PLAN check $file --allow-missing" \
    "$BASE $file" \
    "$PY bench/peer_polars.py $file" \
    "$PY bench/peer_duckdb.py $file" >/dev/null 2>"$DATA/hyperfine.err" || { cat "$DATA/hyperfine.err"; exit 1; }
  peak=$(peak_kib "$PLAN" check "$file" --allow-missing)
  peak1=$(PLAN_THREADS=1 peak_kib "$PLAN" check "$file" --allow-missing)
  peakb=$(peak_kib "$BASE" "$file")
  ipl=$("$PY" bench/peer_polars.py --inprocess "$inproc" "$file" | tail -1)
  idk=$("$PY" bench/peer_duckdb.py --inprocess "$inproc" "$file" | tail -1)
  python3 - "$DATA/r.json" "$peak" "$peak1" "$peakb" "$ipl" "$idk" "$inproc" "$MEM_LIMIT_MIB" <<'PYEOF' || failed=1
import json, sys
res = json.load(open(sys.argv[1]))["results"]
(p, p1, b, pl, dk), (sp, sp1, sb, spl, sdk), (mp, mp1, mb, mpl, mdk) = (
    [r[k] * 1000 for r in res] for k in ("mean", "stddev", "min"))
cp, cp1, cb, cpl, cdk = ((r["user"] + r["system"]) * 1000 for r in res)
peak, peak1, peakb = (float(x) / 1024 for x in sys.argv[2:5])
ipl, idk = map(float, sys.argv[5:7])
inproc, limit = int(sys.argv[7]), float(sys.argv[8])
runs = len(res[0]["times"])
print(f"whole process (hyperfine, {runs} runs after a warm-up; wall time mean ± sd, its minimum,"
      " and the mean CPU time, user + system):")
print(f"  plan              {p:8.1f} ± {sp:5.1f} ms   min {mp:7.1f}   cpu {cp:7.1f} ms"
      f"   peak memory {peak:5.1f} MiB ({'under' if peak < limit else 'OVER'} {limit:g} MiB)")
print(f"  plan, 1 thread    {p1:8.1f} ± {sp1:5.1f} ms   min {mp1:7.1f}   cpu {cp1:7.1f} ms"
      f"   peak memory {peak1:5.1f} MiB")
print(f"  csv-baseline      {b:8.1f} ± {sb:5.1f} ms   min {mb:7.1f}   cpu {cb:7.1f} ms"
      f"   peak memory {peakb:5.1f} MiB")
print(f"  polars            {pl:8.1f} ± {spl:5.1f} ms   min {mpl:7.1f}   cpu {cpl:7.1f} ms")
print(f"  duckdb            {dk:8.1f} ± {sdk:5.1f} ms   min {mdk:7.1f}   cpu {cdk:7.1f} ms")
print(f"query alone, inside Python (median of {inproc} after a warm-up, the file read each time):")
print(f"  polars            {ipl:8.1f} ms")
print(f"  duckdb            {idk:8.1f} ms")
print("ratios of mean wall times (below 1: plan is faster):")
print(f"  plan / fastest peer, whole process           {p / min(pl, dk):5.2f}")
print(f"  plan's whole process / polars' query alone   {p / ipl:5.2f}   (goal: below 1)")
print(f"  plan's whole process / DuckDB's query alone  {p / idk:5.2f}")
print(f"  plan / csv-baseline                          {p / b:5.2f}")
print(f"  plan, 1 thread / csv-baseline                {p1 / b:5.2f}")
if max(peak, peak1) >= limit:
    print(f"plan's peak memory is over {limit:g} MiB")
    sys.exit(1)
PYEOF
done

echo
echo "== a small check: the embedded plan on examples/actuals-2020.csv, against /bin/true"
hyperfine -N -w 5 -r 50 -i --export-json "$DATA/s.json" "$PLAN check examples/actuals-2020.csv" "/bin/true" \
  >/dev/null 2>"$DATA/hyperfine.err" || { cat "$DATA/hyperfine.err"; exit 1; } # plan exits 1: targets unmet
python3 - "$(mean "$DATA/s.json" 0)" "$(mean "$DATA/s.json" 1)" <<'PYEOF'
import sys
p, t = map(float, sys.argv[1:])
print(f"plan {p:.2f} ms, /bin/true {t:.2f} ms: {p/t:.1f}x")
PYEOF

if [ "$INSTR_ROWS" -gt 0 ]; then
  echo
  echo "== instructions (cachegrind, one thread), $INSTR_ROWS rows and a file of the header alone"
  "$GEN" "$INSTR_ROWS" "$DATA/records-$INSTR_ROWS.csv" >/dev/null
  "$GEN" 0 "$DATA/records-0.csv" >/dev/null
  irefs() { # the instructions a command executes
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
      awk '/I *refs:/ {gsub(",", "", $NF); print $NF}'
  }
  export PLAN_THREADS=1
  pn=$(irefs "$PLAN" check "$DATA/records-$INSTR_ROWS.csv" --allow-missing)
  p0=$(irefs "$PLAN" check "$DATA/records-0.csv" --allow-missing)
  bn=$(irefs "$BASE" "$DATA/records-$INSTR_ROWS.csv")
  b0=$(irefs "$BASE" "$DATA/records-0.csv")
  unset PLAN_THREADS
  python3 - "$INSTR_ROWS" "$pn" "$p0" "$bn" "$b0" <<'PYEOF'
import sys
rows, pn, p0, bn, b0 = map(int, sys.argv[1:])
print(f"  plan          {pn:>14,} instructions; header alone {p0:>11,}; {(pn - p0) / rows:6.1f} a row")
print(f"  csv-baseline  {bn:>14,} instructions; header alone {b0:>11,}; {(bn - b0) / rows:6.1f} a row")
print(f"  plan / csv-baseline: {pn / bn:.2f} in all, {(pn - p0) / (bn - b0):.2f} a row")
PYEOF
fi
exit "$failed"
