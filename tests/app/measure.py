"""Launch time and idle memory of a Tauri app, measured without any driver in between.

Starts the binary on the X display, watches pixels of the screen until the page shows
what it should (`--ready X,Y,RRGGBB`, all of them), and reports the milliseconds from
the start; after some idle seconds it sums the memory of the app and every process
below it (WebKit's web and network processes), then ends the app. WebDriver is kept
out of this: its automation handshake alone adds about a second to every launch.
    python3 measure.py --label "empty window" --runs 5 --ready 550,380,1d3557 BINARY
Prints a Markdown table row (median, min to max) and the runs as JSON on standard error.
"""

import argparse
import ctypes
import json
import os
import signal
import statistics
import subprocess
import sys
import time

IDLE_SECONDS = 5
TIMEOUT_SECONDS = 30
Z_PIXMAP = 2
ALL_PLANES = 0xFFFFFFFF


class Screen:
    """Reads single pixels of the X root window (under Xvfb, what windows show)."""

    def __init__(self) -> None:
        self.x = ctypes.cdll.LoadLibrary("libX11.so.6")
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XGetImage.restype = ctypes.c_void_p
        self.x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_int] * 2 + [ctypes.c_uint] * 2 + [
            ctypes.c_ulong,
            ctypes.c_int,
        ]
        self.x.XGetPixel.restype = ctypes.c_ulong
        self.x.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        self.x.XDestroyImage.argtypes = [ctypes.c_void_p]
        self.display = self.x.XOpenDisplay(None)
        if not self.display:
            raise SystemExit("no X display: run under xvfb-run")
        self.root = self.x.XDefaultRootWindow(self.display)

    def pixel(self, x: int, y: int) -> int:
        image = self.x.XGetImage(self.display, self.root, x, y, 1, 1, ALL_PLANES, Z_PIXMAP)
        value = self.x.XGetPixel(image, 0, 0) & 0xFFFFFF
        self.x.XDestroyImage(image)
        return value


def descendants(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as file:
        children = [int(child) for child in file.read().split()]
    return [pid] + [member for child in children for member in descendants(child)]


def memory(pid: int) -> dict:
    total = {"rss_kb": 0, "pss_kb": 0, "pss_kb_by_process": {}}
    for member in descendants(pid):
        with open(f"/proc/{member}/smaps_rollup") as file:
            fields = dict(line.split(":", 1) for line in file if ":" in line and not line.startswith(" "))
        with open(f"/proc/{member}/comm") as file:
            name = file.read().strip()
        rss, pss = (int(fields[key].split()[0]) for key in ("Rss", "Pss"))
        total["rss_kb"] += rss
        total["pss_kb"] += pss
        total["pss_kb_by_process"][name] = total["pss_kb_by_process"].get(name, 0) + pss
    return total


def run_once(binary: str, ready: list[tuple[int, int, int]], screen: Screen) -> dict:
    start = time.monotonic()
    app = subprocess.Popen([binary], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not all(screen.pixel(x, y) == colour for x, y, colour in ready):
            if time.monotonic() - start > TIMEOUT_SECONDS or app.poll() is not None:
                raise SystemExit(f"{binary} never showed {ready}")
            time.sleep(0.002)
        launch_ms = (time.monotonic() - start) * 1000
        time.sleep(IDLE_SECONDS)
        return {"launch_ms": round(launch_ms), **memory(app.pid)}
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait()


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} ({min(values):.0f} to {max(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--label", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--ready", action="append", required=True, help="X,Y,RRGGBB that must all show")
    args = parser.parse_args()
    ready = [(int(x), int(y), int(colour, 16)) for x, y, colour in (spec.split(",") for spec in args.ready)]
    screen = Screen()
    runs = []
    for _ in range(args.runs):
        runs.append(run_once(os.path.abspath(args.binary), ready, screen))
        print(json.dumps(runs[-1]), file=sys.stderr, flush=True)
    launch = [run["launch_ms"] for run in runs]
    pss = [run["pss_kb"] / 1024 for run in runs]
    rss = [run["rss_kb"] / 1024 for run in runs]
    by_process = ", ".join(f"{name} {kb / 1024:.0f}" for name, kb in runs[-1]["pss_kb_by_process"].items())
    print(f"| {args.label} | {spread(launch)} | {spread(pss)} | {spread(rss)} | {by_process} |", flush=True)


if __name__ == "__main__":
    main()
