"""The same check with DuckDB: filter one indicator's rows for the plan year, sum, compare.

python peer_duckdb.py FILE               ->  prints the total in 亿元 and whether it exceeds 1200 亿元.
python peer_duckdb.py --inprocess N FILE ->  the same check once as a warm-up, then N times, each
    reading FILE again, timed inside Python (time.perf_counter around the query alone, without
    the interpreter's start or the import); prints the median in ms on the last line.
"""
import math
import statistics
import sys
import time

import duckdb


def check(path):
    """The whole check: read, filter, sum, compare. Returns the total in 亿元 and the status."""
    (total_wan,) = duckdb.execute(
        "SELECT sum(value) FROM read_csv(?) WHERE indicator = '技术合同成交额' AND period LIKE '2020%'",
        [path],
    ).fetchone()
    total = total_wan / 10000
    return total, "met" if total > 1200 else "unmet"


def main(args):
    if args[0] == "--inprocess":
        runs, path = int(args[1]), args[2]
        # Each run must read the file again: no caching of file contents between queries.
        try:
            duckdb.execute("SET enable_external_file_cache = false")
        except duckdb.Error:
            pass  # older DuckDB: no such cache
        result = check(path)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            again = check(path)
            times.append((time.perf_counter() - start) * 1000)
            # The same total (a parallel float sum may differ in its last bits) and status.
            same = again[1] == result[1] and math.isclose(again[0], result[0], rel_tol=1e-12)
            assert same, (again, result)
        print(f"{result[0]} 亿元", result[1])
        print(f"{statistics.median(times):.1f}")
    else:
        total, status = check(args[0])
        print(f"{total} 亿元", status)


main(sys.argv[1:])
