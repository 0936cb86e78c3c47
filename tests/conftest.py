"""Settings for the whole suite."""

import collections
import os

# every chart drawn in a test, in unit tests, AppTests or a test's server, is checked by plotly
os.environ["LOSSVIZ_VALIDATE_FIGURES"] = "1"


def pytest_terminal_summary(terminalreporter):
    """The files that took longest, set-up and tear-down included: where `make test` spends its
    20 minutes (the brief's budget on a fresh clone)."""
    seconds = collections.Counter()
    for reports in terminalreporter.stats.values():
        for report in reports:
            if hasattr(report, "duration") and hasattr(report, "nodeid"):
                seconds[report.nodeid.split("::")[0]] += report.duration
    if seconds:
        terminalreporter.write_sep("=", "slowest files")
        for path, total in seconds.most_common(12):
            terminalreporter.write_line(f"{total:8.1f}s  {path}")
