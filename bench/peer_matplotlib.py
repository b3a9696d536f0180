"""Peer: draws the benchmark charts with matplotlib (Agg), 800x500 px.

usage: peer_matplotlib.py bars|line INPUT.csv OUTPUT.(png|svg)
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main():
    kind, source, output = sys.argv[1:4]
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    if kind == "bars":
        with open(source, newline="") as f:
            rows = list(csv.reader(f))[1:]
        ax.bar([r[0] for r in rows], [float(r[1]) for r in rows])
    else:
        data = np.loadtxt(source, delimiter=",", skiprows=1)
        ax.plot(data[:, 0], data[:, 1], linewidth=1)
    ax.set_title("Benchmark")
    fig.savefig(output)


main()
