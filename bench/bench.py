#!/usr/bin/python3
"""Benchmark harness: Market Charts' command-line export against matplotlib
and gnuplot on the same inputs, interleaved, several runs each.

    bench/bench.py [--runs N] [--sizes 1e3,1e4,...] [--formats png,svg]

It builds nothing: run `ninja -C _build` first (or pass --binary). It
installs the peers (python3-matplotlib, gnuplot-nox) when they are missing,
writes its inputs and outputs under bench/out/, and prints the median wall
time, peak RSS and output size per tool and input, then the ratios of
Market Charts against each peer. It is not part of the test suite: timings
depend on the machine and its load.
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")

# The five-bar chart: the article's investment commitments, USD billion.
FIVE_BARS = [("Alibaba", 50), ("Amazon AWS", 35), ("Microsoft Azure", 10),
             ("Google Cloud", 50), ("Tencent Cloud", 70)]


def ensure_peers():
    missing = []
    if shutil.which("gnuplot") is None:
        missing.append("gnuplot-nox")
    if subprocess.run(["/usr/bin/python3", "-c", "import matplotlib"],
                      capture_output=True).returncode != 0:
        missing.append("python3-matplotlib")
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(sudo + ["apt-get", "update", "-q"], check=True, env=env)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-q",
                               "--no-install-recommends"] + missing,
                       check=True, env=env)


def write_inputs(sizes):
    """Seed-sized bars and random-walk price series, generated once."""
    inputs = os.path.join(OUT, "inputs")
    os.makedirs(inputs, exist_ok=True)
    bars = os.path.join(inputs, "five-bars.csv")
    with open(bars, "w") as f:
        f.write("company,investment\n")
        for name, value in FIVE_BARS:
            f.write(f"{name},{value}\n")
    series = {}
    for n in sizes:
        path = os.path.join(inputs, f"walk-{n:.0e}.csv".replace("+0", ""))
        if not os.path.exists(path):
            write_walk(path, n)
        series[n] = path
    return bars, series


def write_walk(path, n):
    rng = random.Random(n)
    price = 100.0
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("day,price\n")
        chunk = []
        for day in range(n):
            price = max(1.0, price + rng.gauss(0, 1))
            chunk.append(f"{day},{price:.4f}\n")
            if len(chunk) == 100000:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))
    os.rename(tmp, path)


def run_once(argv, output):
    """Wall time (s), peak RSS (KiB) and output size (bytes) of one run."""
    if os.path.exists(output):
        os.unlink(output)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0 or not os.path.exists(output):
        raise RuntimeError("failed: " + " ".join(argv))
    return wall, usage.ru_maxrss, os.path.getsize(output)


def gnuplot_argv(kind, source, output, fmt):
    terminal = "pngcairo" if fmt == "png" else "svg"
    if kind == "bars":
        plot = ("set style fill solid; set boxwidth 0.6; set yrange [0:*]; "
                f"plot '{source}' skip 1 using 0:2:xtic(1) with boxes notitle")
    else:
        plot = f"plot '{source}' skip 1 using 1:2 with lines notitle"
    script = (f"set terminal {terminal} size 800,500; set output '{output}'; "
              f"set datafile separator ','; set title 'Benchmark'; {plot}")
    return ["gnuplot", "-e", script]


def commands(binary, kind, source, fmt, stem):
    out = os.path.join(OUT, "files")
    os.makedirs(out, exist_ok=True)
    mc_out = os.path.join(out, f"{stem}-mc.{fmt}")
    if kind == "bars":
        mc = [binary, "--export", mc_out, "--dataset", "cloud-investment",
              "--chart", "investment", "--size", "800x500"]
    else:
        mc = [binary, "--export", mc_out, "--dataset", source,
              "--size", "800x500"]
    mpl_out = os.path.join(out, f"{stem}-matplotlib.{fmt}")
    gp_out = os.path.join(out, f"{stem}-gnuplot.{fmt}")
    return {
        "market-charts": (mc, mc_out),
        "matplotlib": (["/usr/bin/python3", os.path.join(HERE, "peer_matplotlib.py"),
                        kind, source, mpl_out], mpl_out),
        "gnuplot": (gnuplot_argv(kind, source, gp_out, fmt), gp_out),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1e3,1e4,1e5,1e6,1e7")
    parser.add_argument("--formats", default="png,svg")
    parser.add_argument("--binary",
                        default=os.path.join(ROOT, "_build", "src", "market-charts"))
    parser.add_argument("--peers", default="matplotlib,gnuplot")
    args = parser.parse_args()

    ensure_peers()
    sizes = [int(float(s)) for s in args.sizes.split(",") if s]
    bars, series = write_inputs(sizes)
    peers = [p for p in args.peers.split(",") if p]
    cases = []
    for fmt in args.formats.split(","):
        cases.append((f"5 bars {fmt}", "bars", bars, fmt, f"bars"))
        for n in sizes:
            cases.append((f"{n:,} points {fmt}", "line", series[n], fmt, f"walk{n}"))

    results = {}
    for run in range(args.runs):
        for label, kind, source, fmt, stem in cases:
            for tool, (argv, out) in commands(args.binary, kind, source, fmt, stem).items():
                if tool != "market-charts" and tool not in peers:
                    continue
                results.setdefault((label, tool), []).append(run_once(argv, out))
        print(f"run {run + 1}/{args.runs} done", file=sys.stderr)

    report(cases, results, ["market-charts"] + peers)


def report(cases, results, tools):
    print(f"{'input':<24} {'tool':<14} {'wall ms':>9} {'RSS MiB':>8} {'out KB':>9}")
    medians = {}
    for label, *_ in cases:
        for tool in tools:
            runs = results.get((label, tool))
            if not runs:
                continue
            wall = statistics.median(r[0] for r in runs) * 1000
            rss = max(r[1] for r in runs) / 1024
            size = statistics.median(r[2] for r in runs) / 1000
            medians[(label, tool)] = (wall, rss, size)
            print(f"{label:<24} {tool:<14} {wall:>9.1f} {rss:>8.1f} {size:>9.1f}")
    print()
    print(f"{'input':<24} {'ratio':<28} {'time':>7} {'RSS':>7} {'size':>7}")
    for label, *_ in cases:
        mine = medians.get((label, "market-charts"))
        for tool in tools[1:]:
            peer = medians.get((label, tool))
            if mine and peer:
                t, r, s = (m / p for m, p in zip(mine, peer))
                print(f"{label:<24} {'market-charts / ' + tool:<28} "
                      f"{t:>7.3f} {r:>7.3f} {s:>7.3f}")


if __name__ == "__main__":
    main()
