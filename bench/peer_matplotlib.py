"""Peer: draws the benchmark charts with matplotlib (Agg), 800x500 px.

usage: peer_matplotlib.py bars|line|lines|time-lines|candles|scatter INPUT.csv OUTPUT.(png|svg) [N]

line draws the second column over the first; lines every other column
over the first; time-lines the same over ISO dates or date-times, of the
first N columns after them when N is given (of an OHLC table, the four
prices and not the volume, as the other tools draw it).
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main():
    kind, source, output = sys.argv[1:4]
    n_lines = int(sys.argv[4]) if len(sys.argv) > 4 else None
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    if kind == "bars":
        with open(source, newline="") as f:
            rows = list(csv.reader(f))[1:]
        ax.bar([r[0] for r in rows], [float(r[1]) for r in rows])
    elif kind == "candles":
        # open, high, low, close by row: wicks as lines, bodies as bars
        data = np.loadtxt(source, delimiter=",", skiprows=1, usecols=(1, 2, 3, 4))
        x = np.arange(len(data))
        up = data[:, 3] >= data[:, 0]
        ax.vlines(x, data[:, 2], data[:, 1], linewidth=0.5, color="black")
        ax.bar(x, data[:, 3] - data[:, 0], bottom=data[:, 0], width=0.7,
               color=np.where(up, "white", "black"), edgecolor="black", linewidth=0.5)
    elif kind == "scatter":
        data = np.loadtxt(source, delimiter=",", skiprows=1)
        ax.scatter(data[:, 0], data[:, 1], s=4)
    elif kind == "line":
        data = np.loadtxt(source, delimiter=",", skiprows=1)
        ax.plot(data[:, 0], data[:, 1], linewidth=1)
    elif kind == "lines":
        data = np.loadtxt(source, delimiter=",", skiprows=1)
        for column in range(1, data.shape[1]):
            ax.plot(data[:, 0], data[:, column], linewidth=1)
    else:
        with open(source) as f:
            columns = len(f.readline().split(","))
        if n_lines is not None:
            columns = min(columns, n_lines + 1)
        # One reading of the file, as the other tools make.
        names = ["t"] + [f"v{c}" for c in range(1, columns)]
        table = np.loadtxt(source, delimiter=",", skiprows=1, usecols=range(len(names)),
                           dtype=[("t", "datetime64[s]")] + [(n, "f8") for n in names[1:]],
                           ndmin=1)
        for name in names[1:]:
            ax.plot(table["t"], table[name], linewidth=1)
    ax.set_title("Benchmark")
    fig.savefig(output)


main()
