#!/usr/bin/env bash
# Fits scikit-learn's RandomForestRegressor on exactly the rows the Java fast forest fits, and
# prints both fit times and holdout RMSEs side by side. The rows (features and target) are
# exported by the Java forest bench; arguments pass through to it (--csv FILE, --trees N,
# --runs N, ...), so both sides always see the same data and hyperparameters.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# MLflow, which the project's environment pins, brings scikit-learn along; this is the version
# it brought when these figures were first taken, installed only if it is missing.
SKLEARN_VERSION="1.9.1"

python="$(scripts/python-env.sh | tail -n 1)"
if ! "$python" -c "import sklearn" >/dev/null 2>&1; then
  echo "sklearn-vs-java: installing scikit-learn==$SKLEARN_VERSION into .venv" >&2
  "$python" -m pip install --quiet --disable-pip-version-check \
    "scikit-learn==$SKLEARN_VERSION" >&2
fi

./mvnw -q -B -Pbench package -DskipTests -pl aapl-bench -am

rows="$(mktemp -d "${TMPDIR:-/tmp}/aapl-sklearn-rows.XXXXXX")"
trap 'rm -rf "$rows"' EXIT

echo "sklearn-vs-java: Java side (the fast forest alone; Tribuo and the backtest skipped)" >&2
java -cp aapl-bench/target/aapl-bench.jar dev.aapl.bench.ForestBench \
  --no-tribuo --backtest-days 0 "$@" --export-rows "$rows"
echo
"$python" bench/sklearn_forest.py "$rows"
