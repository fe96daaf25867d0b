"""Fits scikit-learn's random forest on the rows the Java forest bench exported, and prints the
fit time and holdout RMSE of both sides.

Reads, from the folder given: train.csv and holdout.csv (one column per feature, then the
target, the next bar's log return) and java-results.properties (the hyperparameters and the
Java fast forest's figures on the same rows). Run by bench/sklearn-vs-java.sh, which writes them.

The hyperparameters map one to one: the fast forest's min child weight means that every child of
a split keeps at least that many rows, which is scikit-learn's min_samples_leaf; its feature
fraction is max_features as a fraction.
"""

import argparse
import os
import platform
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestRegressor


def read_properties(path):
    """Returns the key=value lines of a properties file as a dict of strings."""
    values = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                values[key] = value
    return values


def read_rows(path):
    """Returns the feature matrix, the target vector and the feature names of an exported file."""
    with open(path, encoding="utf-8") as file:
        header = file.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    if header[-1] != "target":
        sys.exit(f"sklearn_forest: {path} has no target column last; header {header}")
    return data[:, :-1], data[:, -1], header[:-1]


def forest(java):
    """The scikit-learn forest at the hyperparameters the Java side used."""
    return RandomForestRegressor(
        n_estimators=int(java["trees"]),
        max_depth=int(java["max_depth"]),
        min_samples_leaf=int(float(java["min_child_weight"])),
        max_features=float(java["feature_fraction"]),
        bootstrap=java["bootstrap"] == "true",
        n_jobs=-1,
        random_state=int(java["seed"]),
    )


def timed_fits(x, y, java, runs):
    """Fits once to warm up, then `runs` times; returns the last model and the median in ms."""
    model = forest(java).fit(x, y)
    millis = []
    for _ in range(runs):
        model = forest(java)
        started = time.perf_counter()
        model.fit(x, y)
        millis.append((time.perf_counter() - started) * 1000)
    return model, statistics.median(millis)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", help="folder written by ForestBench --export-rows")
    parser.add_argument("--runs", type=int, default=None,
                        help="timed fits after one warm-up (default: as many as the Java side)")
    args = parser.parse_args()

    java = read_properties(os.path.join(args.rows, "java-results.properties"))
    x_train, y_train, names = read_rows(os.path.join(args.rows, "train.csv"))
    x_holdout, y_holdout, _ = read_rows(os.path.join(args.rows, "holdout.csv"))
    runs = args.runs or int(java["fit_runs"])

    model, fit_ms = timed_fits(x_train, y_train, java, runs)
    rmse = float(np.sqrt(np.mean((model.predict(x_holdout) - y_holdout) ** 2)))
    java_ms = float(java["fit_ms_median"])
    java_rmse = float(java["holdout_rmse_return"])

    print("scikit-learn beside the Java fast forest, fitting the same exported rows")
    print("DATA: SYNTHETIC (" + java["source"] + ")" if java["synthetic"] == "true"
          else "DATA: bars from " + java["source"] + ", not marked synthetic")
    print(f"Rows: {len(y_train):,} training x {len(names)} features; "
          f"holdout {len(y_holdout):,} rows; target next log return")
    print(f"Settings: {java['trees']} trees, max depth {java['max_depth']}, "
          f"min_samples_leaf {int(float(java['min_child_weight']))} (= min child weight), "
          f"max_features {java['feature_fraction']}, bootstrap {java['bootstrap']}, "
          f"seed {java['seed']}")
    print(f"Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"{java['java']}; Python {platform.python_version()}, "
          f"scikit-learn {sklearn.__version__}, numpy {np.__version__}")
    print()
    row = "{:<36} {:>18} {:>18} {:>16}"
    print(row.format("", "Java fast forest", "scikit-learn", "sklearn / Java"))
    print(row.format(f"fit wall time, ms (median of {runs})", f"{java_ms:,.0f}",
                     f"{fit_ms:,.0f}", f"{fit_ms / java_ms:.2f}x"))
    print(row.format("threads", java["threads"], f"n_jobs=-1 ({os.cpu_count()})", ""))
    print(row.format("holdout RMSE of the log return", f"{java_rmse:.6f}", f"{rmse:.6f}",
                     f"{100 * (rmse - java_rmse) / java_rmse:+.2f} %"))
    print(f"Both fit times exclude building the features. Java fitted {java['fit_warmups']} "
          "times to warm its JIT up before timing, scikit-learn once.")


if __name__ == "__main__":
    main()
