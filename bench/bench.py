#!/usr/bin/python3
"""Benchmark harness: Market Charts' command-line export against matplotlib
and gnuplot on the same inputs, interleaved, several runs each.

    bench/bench.py [--runs N] [--sizes 1e3,1e4,...] [--formats png,svg]
                   [--shapes ohlc,wide,dates,digits] [--compare OTHER-BINARY]
    bench/bench.py --forms [--runs N] [--sizes 1e3,1e4,1e5]
    bench/bench.py --window [--runs N]

It builds nothing: run `ninja -C _build` first (or pass --binary). It
installs the peers (python3-matplotlib, gnuplot-nox) when they are missing,
writes its inputs and outputs under bench/out/, and prints the median wall
time, peak RSS and output size per tool and input, then the ratios of
Market Charts against each peer, then where Market Charts' time went
(MC_DEBUG_TIMING=1: loading, preparing the series, drawing, writing; the
rest is starting and ending the process). --compare also runs another
build of Market Charts (say, of an earlier commit) on the same inputs in
the same run, reported as the tool "compared", so that a change is
measured against what it changes under the same load. It is not part of
the test suite: timings depend on the machine and its load.

--forms times the chart forms of market data instead: daily prices as
candles with their volume (a plain CSV of date, open, high, low, close and
volume, which opens as a candlestick chart, combined into weekly or longer
candles where days would be too thin) and clouds of points (two number
columns in no order, which open as a scatter chart, drawn by density
where the dots would merge), against matplotlib's bars and lines and its
scatter, and gnuplot's candlesticks and dots.

--shapes adds inputs of other shapes, of --shape-rows rows (a million by
default): "ohlc", ISO
date-times with open, high, low and close prices and a volume; "wide", a
day number and six columns of long numbers; "dates", daily ISO dates
and a price; "digits", a day number and a price written with all the
digits of its double, as Python, R and databases write them
("99.76423164975387"). Every tool draws the same lines of them (the four prices,
the six columns, the price): Market Charts its default chart of the
other two, and of the OHLC table, which it opens as candles, a dataset
file beside it that declares the four lines and keeps the rows in the
CSV file. The harness adds the input's size and Market Charts' reading
rate.

--window times the application instead: from launch to the first chart
painted in its window, with the bundled datasets and with the largest
generated CSV, under Xvfb with a session bus and GSK_RENDERER=cairo (it
re-runs itself under xvfb-run and dbus-run-session), and its memory. With
bench/redraw built (meson -Dbench=true) it also times redraws of a
million-point chart at 1200x800.
"""
import argparse
import datetime
import json
import os
import random
import re
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


def write_lines(path, header, lines):
    """Writes @header and the @lines a generator makes, a piece at a time,
    to a file that appears whole."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(header)
        chunk = []
        for line in lines:
            chunk.append(line)
            if len(chunk) == 100000:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))
    os.rename(tmp, path)


def shape_lines(shape, n):
    rng = random.Random(n)
    price = 100.0
    start = datetime.datetime(1990, 1, 1, 9, 30)
    for i in range(n):
        move = rng.gauss(0, 0.2)
        if shape == "ohlc":
            t = start + datetime.timedelta(minutes=i)
            close = max(1.0, price + move)
            high = max(price, close) + abs(rng.gauss(0, 0.1))
            low = min(price, close) - abs(rng.gauss(0, 0.1))
            yield (f"{t:%Y-%m-%dT%H:%M:%S},{price:.2f},{high:.2f},{low:.2f},"
                   f"{close:.2f},{rng.randint(100, 100000)}\n")
            price = close
        elif shape == "wide":
            price = max(1.0, price + move)
            yield f"{i}," + ",".join(f"{price * (1 + k / 7):.10f}" for k in range(6)) + "\n"
        elif shape == "digits":
            price = max(1.0, price + move)
            yield f"{i},{price!r}\n"
        else:
            day = datetime.date(1800, 1, 1) + datetime.timedelta(days=i)
            price = max(1.0, price + move)
            yield f"{day:%Y-%m-%d},{price:.4f}\n"


# Daily dates from 1800 on reach the last four-digit year after this many.
MAX_DATES_ROWS = (datetime.date(9999, 12, 31) - datetime.date(1800, 1, 1)).days + 1


def write_shape(shape, n):
    """An input of another shape than day,price, generated once."""
    if shape == "dates" and n > MAX_DATES_ROWS:
        sys.exit(f"bench.py: the dates shape holds at most {MAX_DATES_ROWS:,} rows "
                 f"(one a day from 1800 to 9999), not {n:,}")
    path = os.path.join(OUT, "inputs", f"{shape}-{n:.0e}.csv".replace("+0", ""))
    if not os.path.exists(path):
        header = {"ohlc": "time,open,high,low,close,volume\n",
                  "wide": "day,a,b,c,d,e,f\n", "dates": "date,price\n",
                  "digits": "day,price\n"}[shape]
        write_lines(path, header, shape_lines(shape, n))
    return path


def walk_lines(n):
    rng = random.Random(n)
    price = 100.0
    for day in range(n):
        price = max(1.0, price + rng.gauss(0, 1))
        yield f"{day},{price:.4f}\n"


def write_walk(path, n):
    write_lines(path, "day,price\n", walk_lines(n))


def write_ohlc(path, n):
    """Daily prices of @n weekdays from 1900 on, with their volume."""
    rng = random.Random(n)
    price, day, weekday = 100.0, 0, 0
    start = 2415021  # 1 January 1900, a Monday, as a Julian day number
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("date,open,high,low,close,volume\n")
        chunk = []
        written = 0
        while written < n:
            if weekday < 5:
                y, m, d = julian_to_ymd(start + day)
                o = price * (1 + rng.gauss(0, 0.004))
                c = o * (1 + rng.gauss(0, 0.015))
                h = max(o, c) * (1 + abs(rng.gauss(0, 0.005)))
                lo = min(o, c) * (1 - abs(rng.gauss(0, 0.005)))
                chunk.append(f"{y:04d}-{m:02d}-{d:02d},{o:.2f},{h:.2f},{lo:.2f},{c:.2f},"
                             f"{int(rng.lognormvariate(15, 0.4))}\n")
                price = max(1.0, c)
                written += 1
            day += 1
            weekday = (weekday + 1) % 7
            if len(chunk) == 100000:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))
    os.rename(tmp, path)


def julian_to_ymd(jd):
    """The Gregorian date of a Julian day number."""
    a = jd + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    return (100 * b + d - 4800 + m // 10, m + 3 - 12 * (m // 10),
            e - (153 * m + 2) // 5 + 1)


def write_cloud(path, n):
    """@n points of two related measures, in no order."""
    rng = random.Random(n)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("volume_change,return\n")
        chunk = []
        for _ in range(n):
            x = rng.gauss(0, 1)
            chunk.append(f"{x * 10:.3f},{0.6 * x + rng.gauss(0, 0.8):.3f}\n")
            if len(chunk) == 100000:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))
    os.rename(tmp, path)


def write_form_inputs(sizes):
    inputs = os.path.join(OUT, "inputs")
    os.makedirs(inputs, exist_ok=True)
    files = {}
    for n in sizes:
        for kind, writer in (("candles", write_ohlc), ("scatter", write_cloud)):
            path = os.path.join(inputs, f"{kind}-{n:.0e}.csv".replace("+0", ""))
            if not os.path.exists(path):
                writer(path, n)
            files[(kind, n)] = path
    return files


TIMING_LINE = re.compile(r"^timing: (\S+) ([0-9.]+) ms$")
PHASES = ["load", "prepare", "render", "write"]


def run_once(argv, output, env=None):
    """Wall time (s), peak RSS (KiB), output size (bytes) and the phase
    timings (ms) that MC_DEBUG_TIMING printed, of one run."""
    if os.path.exists(output):
        os.unlink(output)
    log = os.path.join(OUT, "stderr.log")
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        err = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(devnull, 1)
        os.dup2(err, 2)
        try:
            if env is None:
                os.execvp(argv[0], argv)
            else:
                os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0 or not os.path.exists(output):
        raise RuntimeError("failed: " + " ".join(argv))
    phases = {}
    with open(log, errors="replace") as f:
        for line in f:
            m = TIMING_LINE.match(line.strip())
            if m:
                phases[m.group(1)] = phases.get(m.group(1), 0) + float(m.group(2))
    return wall, usage.ru_maxrss, os.path.getsize(output), phases


# The columns each shape's lines are drawn from, after the first: of
# the OHLC table, the four prices and not the volume.
SHAPE_COLUMNS = {"ohlc": 4, "wide": 6, "dates": 1, "digits": 1}
OHLC_FIELDS = ("open", "high", "low", "close", "volume")


def gnuplot_argv(kind, source, output, fmt):
    terminal = "pngcairo" if fmt == "png" else "svg"
    if kind == "bars":
        plot = ("set style fill solid; set boxwidth 0.6; set yrange [0:*]; "
                f"plot '{source}' skip 1 using 0:2:xtic(1) with boxes notitle")
    elif kind == "candles":
        plot = (f"plot '{source}' skip 1 using 0:2:4:3:5 with candlesticks notitle")
    elif kind == "scatter":
        plot = f"plot '{source}' skip 1 using 1:2 with dots notitle"
    elif kind in SHAPE_COLUMNS:
        lines = ", ".join(f"'' skip 1 using 1:{c + 2} with lines notitle" if c else
                          f"'{source}' skip 1 using 1:2 with lines notitle"
                          for c in range(SHAPE_COLUMNS[kind]))
        timefmt = "%Y-%m-%dT%H:%M:%S" if kind == "ohlc" else "%Y-%m-%d"
        plot = (f"set xdata time; set timefmt '{timefmt}'; "
                if kind in ("ohlc", "dates") else "") \
            + f"plot {lines}"
    else:
        plot = f"plot '{source}' skip 1 using 1:2 with lines notitle"
    script = (f"set terminal {terminal} size 800,500; set output '{output}'; "
              f"set datafile separator ','; set title 'Benchmark'; {plot}")
    return ["gnuplot", "-e", script]


def write_ohlc_lines_dataset(csv_path):
    """A dataset file beside the OHLC input that draws its four prices as
    lines, as the peers do: opened on its own, the table is a candlestick
    chart. Its rows stay in the CSV file."""
    path = csv_path[:-len(".csv")] + "-lines.json"
    if not os.path.exists(path):
        prices = OHLC_FIELDS[:SHAPE_COLUMNS["ohlc"]]
        columns = [{"id": "time", "label": "Time", "type": "date"}] + [
            {"id": c, "label": c.title(), "type": "number"} for c in OHLC_FIELDS]
        dataset = {
            "format": "market-charts/1", "id": "ohlc-lines", "title": "Benchmark",
            "columns": columns, "data": {"csv": os.path.basename(csv_path)},
            "charts": [{"id": "prices", "type": "line", "title": "Benchmark", "x": "time",
                        "y": list(prices)}],
        }
        with open(path, "w") as f:
            json.dump(dataset, f, indent=2)
    return path


def mc_argv(binary, kind, source, output):
    if kind == "bars":
        return [binary, "--export", output, "--dataset", "cloud-investment",
                "--chart", "investment", "--size", "800x500"]
    if kind == "ohlc":
        source = write_ohlc_lines_dataset(source)
    return [binary, "--export", output, "--dataset", source, "--size", "800x500"]


def commands(binary, compare, kind, source, fmt, stem):
    out = os.path.join(OUT, "files")
    os.makedirs(out, exist_ok=True)
    mc_out = os.path.join(out, f"{stem}-mc.{fmt}")
    compare_out = os.path.join(out, f"{stem}-compared.{fmt}")
    mpl_out = os.path.join(out, f"{stem}-matplotlib.{fmt}")
    gp_out = os.path.join(out, f"{stem}-gnuplot.{fmt}")
    timing = dict(os.environ, MC_DEBUG_TIMING="1")
    return {
        "market-charts": (mc_argv(binary, kind, source, mc_out), mc_out, timing),
        "compared": (mc_argv(compare, kind, source, compare_out), compare_out, timing),
        "matplotlib": (["/usr/bin/python3", os.path.join(HERE, "peer_matplotlib.py"),
                        {"ohlc": "time-lines", "dates": "time-lines", "wide": "lines",
                         "digits": "lines"}
                        .get(kind, kind), source, mpl_out]
                       + ([str(SHAPE_COLUMNS[kind])] if kind in SHAPE_COLUMNS else []),
                       mpl_out, None),
        "gnuplot": (gnuplot_argv(kind, source, gp_out, fmt), gp_out, None),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1e3,1e4,1e5,1e6,1e7")
    parser.add_argument("--formats", default="png,svg")
    parser.add_argument("--shapes", default="",
                        help="inputs of other shapes: ohlc,wide,dates,digits")
    parser.add_argument("--shape-rows", default="1e6",
                        help="the rows of the inputs of other shapes")
    parser.add_argument("--binary",
                        default=os.path.join(ROOT, "_build", "src", "market-charts"))
    parser.add_argument("--peers", default="matplotlib,gnuplot")
    parser.add_argument("--compare", metavar="BINARY",
                        help="another market-charts build to run side by side")
    parser.add_argument("--forms", action="store_true",
                        help="time candlestick and scatter charts instead")
    parser.add_argument("--kinds", default="candles,scatter",
                        help="with --forms, the chart forms to time: candles,scatter "
                             "(matplotlib takes minutes for 100,000 candles)")
    parser.add_argument("--window", action="store_true",
                        help="time the application's window instead of exports")
    parser.add_argument("--redraw",
                        help="the bench/redraw program, for --window "
                             "(default: the one built with --binary)")
    args = parser.parse_args()
    if args.redraw is None:
        # BUILD/src/market-charts → BUILD/bench/redraw: the same build.
        build = os.path.dirname(os.path.dirname(os.path.abspath(args.binary)))
        args.redraw = os.path.join(build, "bench", "redraw")

    if args.window:
        window_main(args)
        return
    if args.forms:
        forms_main(args)
        return

    ensure_peers()
    sizes = [int(float(s)) for s in args.sizes.split(",") if s]
    bars, series = write_inputs(sizes)
    peers = [p for p in args.peers.split(",") if p]
    if args.compare:
        peers.insert(0, "compared")
    shape_rows = int(float(args.shape_rows))
    shapes = [(shape, write_shape(shape, shape_rows))
              for shape in args.shapes.split(",") if shape]
    cases = []
    for fmt in args.formats.split(","):
        cases.append((f"5 bars {fmt}", "bars", bars, fmt, f"bars"))
        for n in sizes:
            cases.append((f"{n:,} points {fmt}", "line", series[n], fmt, f"walk{n}"))
        for shape, path in shapes:
            cases.append((f"{shape_rows:,} {shape} {fmt}", shape, path, fmt,
                          f"{shape}{shape_rows}"))

    results = run_cases(args, cases, peers)
    report(cases, results, ["market-charts"] + peers)
    report_reading(cases, results)


def run_cases(args, cases, peers):
    results = {}
    for run in range(args.runs):
        for label, kind, source, fmt, stem in cases:
            for tool, (argv, out, env) in commands(args.binary, args.compare, kind,
                                                    source, fmt, stem).items():
                if tool != "market-charts" and tool not in peers:
                    continue
                results.setdefault((label, tool), []).append(run_once(argv, out, env))
        print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
    return results


def forms_main(args):
    ensure_peers()
    sizes = [int(float(s)) for s in args.sizes.split(",") if s]
    files = write_form_inputs(sizes)
    peers = [p for p in args.peers.split(",") if p]
    if args.compare:
        peers.insert(0, "compared")
    cases = []
    for fmt in args.formats.split(","):
        for kind in args.kinds.split(","):
            for n in sizes:
                cases.append((f"{n:,} {kind} {fmt}", kind, files[(kind, n)], fmt,
                              f"{kind}{n}"))
    results = run_cases(args, cases, peers)
    report(cases, results, ["market-charts"] + peers)
    report_reading(cases, results)


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
    report_phases(cases, results)


def report_phases(cases, results):
    """Medians of Market Charts' own phase timings; "process" is the rest
    of the wall time: starting (dynamic linking, fonts), exiting."""
    print()
    print(f"{'input':<24} {'market-charts ms:':<17}"
          + "".join(f"{p:>9}" for p in PHASES + ["process", "wall"]))
    for label, *_ in cases:
        runs = results.get((label, "market-charts"))
        if not runs:
            continue
        row = []
        for phase in PHASES:
            row.append(statistics.median(r[3].get(phase, 0.0) for r in runs))
        wall = statistics.median(r[0] for r in runs) * 1000
        row.append(statistics.median(r[0] * 1000 - sum(r[3].values()) for r in runs))
        row.append(wall)
        print(f"{label:<24} {'':<17}" + "".join(f"{v:>9.1f}" for v in row))


def report_reading(cases, results):
    """How fast Market Charts read each input: its size over the median
    of its load phase."""
    print()
    print(f"{'input':<24} {'MB':>8} {'load ms':>9} {'MB/s':>8}")
    for label, kind, source, *_ in cases:
        runs = results.get((label, "market-charts"))
        if not runs or kind == "bars":
            continue
        load = statistics.median(r[3].get("load", 0.0) for r in runs)
        size = os.path.getsize(source) / 1e6
        if load > 0:
            print(f"{label:<24} {size:>8.1f} {load:>9.1f} {size / load * 1000:>8.0f}")


# The window

EVENT_LINE = re.compile(r"^timing: (\S+)(?: (\S+))? at (\d+) us$")
XVFB_SERVER_ARGS = "-screen 0 1280x800x24 -noreset"


def in_session():
    return os.environ.get("MC_BENCH_SESSION") == "1"


def reexec_in_session():
    """bench.py --window again, under its own Xvfb and session bus."""
    for tool in ("xvfb-run", "dbus-run-session"):
        if shutil.which(tool) is None:
            sys.exit(f"--window needs {tool} (Debian: xvfb, dbus-daemon)")
    env = dict(os.environ, MC_BENCH_SESSION="1")
    argv = ["xvfb-run", "-a", "-s", XVFB_SERVER_ARGS, "dbus-run-session", "--",
            sys.executable] + sys.argv
    os.execvpe(argv[0], argv, env)


def proc_status_kib(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def launch_window(binary, files, dataset_id, timeout=30.0, settle=1.0):
    """Launch-to-paint time (ms) of the chart of @dataset_id (None: the
    first chart painted), the steps on the way, and the RSS (KiB) once
    the window has settled."""
    env = dict(os.environ, MC_DEBUG_TIMING="1", GSK_RENDERER="cairo",
               GSETTINGS_BACKEND="memory")
    start = time.monotonic()
    process = subprocess.Popen([binary] + files, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, errors="replace",
                               env=env)
    steps = {}
    painted = None
    deadline = start + timeout
    try:
        for line in process.stderr:
            m = EVENT_LINE.match(line.strip())
            if m:
                at = int(m.group(3)) / 1000 - start * 1000
                name = m.group(1)
                if name == "open":
                    name = "activate"
                if name.startswith("chart-") and dataset_id is not None \
                        and m.group(2) != dataset_id:
                    continue
                steps.setdefault(name, at)
                if name == "chart-painted" and (dataset_id is None
                                                or m.group(2) == dataset_id):
                    painted = at
                    break
            if time.monotonic() > deadline:
                break
        time.sleep(settle)
        rss = proc_status_kib(process.pid, "VmRSS")
        peak = proc_status_kib(process.pid, "VmHWM")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if painted is None:
        raise RuntimeError(f"no chart painted: {binary} {' '.join(files)}")
    return painted, steps, rss, peak


def window_main(args):
    if not in_session():
        reexec_in_session()
    sizes = [int(float(s)) for s in args.sizes.split(",") if s]
    _, series = write_inputs(sizes[-1:])
    largest = series[sizes[-1]]
    largest_id = os.path.splitext(os.path.basename(largest))[0]
    cases = [("bundled datasets", [], None),
             (f"{sizes[-1]:,} points CSV", [largest], largest_id)]
    results = {}
    for run in range(args.runs):
        for label, files, dataset_id in cases:
            results.setdefault(label, []).append(
                launch_window(args.binary, files, dataset_id))
        print(f"run {run + 1}/{args.runs} done", file=sys.stderr)

    print(f"{'window':<24} {'first chart ms':>15} {'max ms':>8} {'RSS MiB':>8} "
          f"{'peak MiB':>9}")
    for label, *_ in cases:
        runs = results[label]
        print(f"{label:<24} {statistics.median(r[0] for r in runs):>15.1f} "
              f"{max(r[0] for r in runs):>8.1f} "
              f"{statistics.median(r[2] for r in runs) / 1024:>8.1f} "
              f"{max(r[3] for r in runs) / 1024:>9.1f}")
    print()
    steps = ["main", "ui-module-loaded", "startup", "activate", "chart-snapshot",
             "chart-painted"]
    print("steps: main() runs, GTK's module is loaded, the application has")
    print("started (GTK, libadwaita, the session bus), the window was built")
    print("(activate, or open with files), the view drew the chart, the frame")
    print("with it was painted.")
    print(f"{'steps, ms after launch':<24}" + "".join(f"{s[:12]:>13}" for s in steps))
    for label, *_ in cases:
        runs = results[label]
        row = [statistics.median(r[1].get(s, float("nan")) for r in runs) for s in steps]
        print(f"{label:<24}" + "".join(f"{v:>13.1f}" for v in row))

    if os.path.exists(args.redraw):
        print()
        env = dict(os.environ, GSK_RENDERER="cairo")
        out = subprocess.run([args.redraw, "--runs", str(max(15, args.runs))],
                             capture_output=True, text=True, env=env)
        print(out.stdout, end="")
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
    else:
        print(f"\n(no {args.redraw}: build with meson -Dbench=true to time redraws)")


if __name__ == "__main__":
    main()
