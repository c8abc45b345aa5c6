"""The same check with DuckDB: filter one indicator's rows for the plan year, sum, compare.

python peer_duckdb.py FILE  ->  prints the total in 亿元 and whether it exceeds 1200 亿元.
"""
import sys

import duckdb

(total_wan,) = duckdb.execute(
    "SELECT sum(value) FROM read_csv(?) WHERE indicator = '技术合同成交额' AND period LIKE '2020%'",
    [sys.argv[1]],
).fetchone()
total = total_wan / 10000
print(f"{total} 亿元", "met" if total > 1200 else "unmet")
