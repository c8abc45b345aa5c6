"""The same check with polars: filter one indicator's rows for the plan year, sum, compare.

python peer_polars.py FILE               ->  prints the total in 亿元 and whether it exceeds 1200 亿元.
python peer_polars.py --inprocess N FILE ->  the same check once as a warm-up, then N times, each
    reading FILE again, timed inside Python (time.perf_counter around the query alone, without
    the interpreter's start or the import); prints the median in ms on the last line.
"""
import sys

import polars as pl

import peer_timing


def check(path):
    """The whole check: read, filter, sum, compare. Returns the total in 亿元 and the status."""
    total_wan = (
        pl.scan_csv(path)
        .filter((pl.col("indicator") == "技术合同成交额") & pl.col("period").str.starts_with("2020"))
        .select(pl.col("value").sum())
        .collect()
        .item()
    )
    total = total_wan / 10000
    return total, "met" if total > 1200 else "unmet"


def main(args):
    peer_timing.run(check, args)


main(sys.argv[1:])
