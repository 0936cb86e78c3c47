"""The timing the compute benchmarks share."""

import statistics
import time


def median_ms(run, repeats: int) -> float:
    """The median time of `run()` in milliseconds, over `repeats` calls after one to warm up."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3
