"""Walk every step of every lesson in a real browser, in English and Korean (tests/e2e/lesson_walk.py):
the step panel shows, each setting the step names holds its value in the URL and in its widget, the
outlined reading is visible, the revealed answer carries the numbers the reading shows, Next leads
on. Prints a row per lesson and language with the seconds a step took to open and to reveal.

    PYTHONPATH=. .venv/bin/python benchmarks/walk_lessons.py [--lessons outliers,imbalance] [--langs en,ko]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from playwright.sync_api import sync_playwright

from lossviz.lessons import lessons
from tests.browser_support import ROOT, Server, launch_chromium
from tests.e2e.lesson_walk import walk_lesson


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", default=",".join(lessons()), help="lesson ids, comma-separated")
    parser.add_argument("--langs", default="en,ko")
    arguments = parser.parse_args(argv)
    chosen = [lessons()[key] for key in arguments.lessons.split(",")]
    failed = []
    server = Server(ROOT / "app.py").start()
    started = time.perf_counter()
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            print(f"{'lesson':<14} {'lang':<4} {'steps':>5} {'widgets':>7} {'open s (median, max)':>22} "
                  f"{'reveal s (median, max)':>24}")
            for lesson in chosen:
                for lang in arguments.langs.split(","):
                    context = browser.new_context(viewport={"width": 1280, "height": 800})
                    page = context.new_page()
                    try:
                        walked = walk_lesson(page, server.url, lesson, lang)
                    except Exception as error:  # a walk that fails is reported, and the others still run
                        failed.append(f"{lesson.id} ({lang}): {str(error).splitlines()[0][:300]}")
                        print(f"{lesson.id:<14} {lang:<4} FAILED: {str(error).splitlines()[0][:200]}")
                        continue
                    finally:
                        context.close()
                    opened, revealed = [row["open_s"] for row in walked], [row["reveal_s"] for row in walked]
                    print(f"{lesson.id:<14} {lang:<4} {len(walked):>5} {sum(row['widgets'] for row in walked):>7} "
                          f"{statistics.median(opened):>11.2f} {max(opened):>10.2f} "
                          f"{statistics.median(revealed):>12.2f} {max(revealed):>11.2f}")
            browser.close()
    finally:
        server.stop()
    steps = sum(len(lesson.steps) for lesson in chosen) * len(arguments.langs.split(","))
    print(f"\n{steps} steps walked in {time.perf_counter() - started:.0f} s; {len(failed)} walks failed")
    for line in failed:
        print(f"  {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
