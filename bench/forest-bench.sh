#!/usr/bin/env bash
# Builds the benchmarks jar and runs the forest bench: the project's fast forest and Tribuo's
# forest trained on the same rows, their figures side by side, then the wall time of a daily
# refitted walk-forward backtest. Arguments pass through; --help lists them.
# Tribuo's forest takes about a minute and a half at 100 trees; --no-tribuo skips it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

./mvnw -q -B -Pbench package -DskipTests -pl aapl-bench -am
exec java -cp aapl-bench/target/aapl-bench.jar dev.aapl.bench.ForestBench "$@"
