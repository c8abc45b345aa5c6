#!/usr/bin/env bash
# Benchmarks `plan check` on record-level files against polars and DuckDB doing the same
# filter-sum-compare from Python, and a small check against /bin/true, all in one run.
#
#   bash bench/run.sh            # 1,000,000 and 10,000,000 rows
#   ROWS="1000000" bash bench/run.sh
#
# Installs what it needs: hyperfine (Debian) and a virtual environment with polars and duckdb
# (PyPI) under bench/.venv. Prints each tool's time, the ratios, and plan's peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-"1000000 10000000"}
DATA=${DATA:-$(mktemp -d)}

if ! command -v hyperfine >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
fi
if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q polars duckdb
fi
PY=bench/.venv/bin/python
cargo build --release -q --bin plan --example gen-records
PLAN=target/release/plan

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "versions: $($PLAN --version), polars $($PY -c 'import polars; print(polars.__version__)'), duckdb $($PY -c 'import duckdb; print(duckdb.__version__)'), hyperfine $(hyperfine --version | cut -d' ' -f2)"

mean() { # the mean time in ms of command N in a hyperfine JSON export
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(round(r[int(sys.argv[2])]['mean']*1000, 1))" "$@"
}

for rows in $ROWS; do
  file="$DATA/records-$rows.csv"
  [ -f "$file" ] || target/release/examples/gen-records "$rows" "$file" >/dev/null
  size=$(du -m "$file" | cut -f1)
  echo
  echo "== $rows rows, $size MB"
  runs=10; [ "$rows" -ge 10000000 ] && runs=3
  hyperfine -N -w 1 -r "$runs" -i --export-json "$DATA/r.json" \
    "$PLAN check $file --allow-missing" \
    "$PY bench/peer_polars.py $file" \
    "$PY bench/peer_duckdb.py $file" >/dev/null
  p=$(mean "$DATA/r.json" 0); pl=$(mean "$DATA/r.json" 1); dk=$(mean "$DATA/r.json" 2)
  peak=$( { /usr/bin/time -f '%M' "$PLAN" check "$file" --allow-missing >/dev/null; } 2>&1 | tail -1)
  python3 - "$p" "$pl" "$dk" "$peak" <<'PYEOF'
import sys
p, pl, dk, peak = map(float, sys.argv[1:])
fastest = min(pl, dk)
print(f"plan    {p:8.1f} ms   peak memory {peak/1024:.1f} MiB")
print(f"polars  {pl:8.1f} ms   {pl/p:.2f}x plan's time")
print(f"duckdb  {dk:8.1f} ms   {dk/p:.2f}x plan's time")
print(f"plan takes {p/fastest:.2f} of the fastest peer's time")
PYEOF
done

echo
echo "== a small check: the embedded plan on examples/actuals-2020.csv, against /bin/true"
hyperfine -N -w 5 -r 50 -i --export-json "$DATA/s.json" "$PLAN check examples/actuals-2020.csv" "/bin/true" >/dev/null
python3 - "$(mean "$DATA/s.json" 0)" "$(mean "$DATA/s.json" 1)" <<'PYEOF'
import sys
p, t = map(float, sys.argv[1:])
print(f"plan {p:.2f} ms, /bin/true {t:.2f} ms: {p/t:.1f}x")
PYEOF
