"""What both peers' scripts share: run a check once, or time it inside Python.

run(check, args, before_timing) -> with args FILE, prints the total in 亿元 and the status; with
    --inprocess N FILE, runs the check once as a warm-up (after before_timing()), then N times,
    each reading FILE again, timed with time.perf_counter around the query alone, and prints the
    median in ms on the last line.
"""
import math
import statistics
import time


def run(check, args, before_timing=lambda: None):
    if args[0] != "--inprocess":
        total, status = check(args[0])
        print(f"{total} 亿元", status)
        return
    runs, path = int(args[1]), args[2]
    before_timing()
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
