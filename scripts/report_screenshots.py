"""Screenshots of a run report for docs/: the top of the page, the gates and the data charts.

Usage: .venv/bin/python scripts/report_screenshots.py WAREHOUSE/report/index.html docs/
Drives Debian's Chromium (/usr/bin/chromium, or NEWSGATE_BROWSER) with playwright; downloads
nothing and lets the page reach nothing but its own file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BROWSER = os.environ.get("NEWSGATE_BROWSER", "/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = {
    "report-overview.png": "header.top",
    "report-gates.png": "#gates",
    "report-data.png": "#data",
}


def main(report: Path, out: Path) -> None:
    """Write one PNG per part of the report into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=BROWSER, args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        page.goto(report.resolve().as_uri())
        page.wait_for_selector("body[data-charts]", timeout=60_000)
        # a sticky bar would cover the top of each section's picture
        page.add_style_tag(content="nav { position: static; }")
        page.screenshot(
            path=str(out / "report-overview.png"),
            clip={"x": 0, "y": 0, "width": 1360, "height": 900},
        )
        for name, selector in SHOTS.items():
            if name != "report-overview.png":
                page.locator(selector).screenshot(path=str(out / name))
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
