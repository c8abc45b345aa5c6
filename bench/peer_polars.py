"""The same check with polars: filter one indicator's rows for the plan year, sum, compare.

python peer_polars.py FILE  ->  prints the total in 亿元 and whether it exceeds 1200 亿元.
"""
import sys

import polars as pl

total_wan = (
    pl.scan_csv(sys.argv[1])
    .filter((pl.col("indicator") == "技术合同成交额") & pl.col("period").str.starts_with("2020"))
    .select(pl.col("value").sum())
    .collect()
    .item()
)
total = total_wan / 10000
print(f"{total} 亿元", "met" if total > 1200 else "unmet")
