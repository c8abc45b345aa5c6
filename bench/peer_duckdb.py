"""The same check with DuckDB: filter one indicator's rows for the plan year, sum, compare.

python peer_duckdb.py FILE               ->  prints the total in 亿元 and whether it exceeds 1200 亿元.
python peer_duckdb.py --inprocess N FILE ->  the same check once as a warm-up, then N times, each
    reading FILE again, timed inside Python (time.perf_counter around the query alone, without
    the interpreter's start or the import); prints the median in ms on the last line.
"""
import sys

import duckdb

import peer_timing


def check(path):
    """The whole check: read, filter, sum, compare. Returns the total in 亿元 and the status."""
    (total_wan,) = duckdb.execute(
        "SELECT sum(value) FROM read_csv(?) WHERE indicator = '技术合同成交额' AND period LIKE '2020%'",
        [path],
    ).fetchone()
    total = total_wan / 10000
    return total, "met" if total > 1200 else "unmet"


def no_file_cache():
    """Each timed run must read the file again: no caching of file contents between queries."""
    try:
        duckdb.execute("SET enable_external_file_cache = false")
    except duckdb.Error:
        pass  # older DuckDB: no such cache


def main(args):
    peer_timing.run(check, args, no_file_cache)


main(sys.argv[1:])
