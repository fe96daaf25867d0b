#!/usr/bin/env bash
# Runs the whole test suite: prepares what the integration tests need (a project-local Python
# environment with a pinned MLflow, used to check that MLflow reads what aapl writes), then
# builds every module and runs unit and integration tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

python="$(scripts/python-env.sh | tail -n 1)"
export AAPL_MLFLOW_PYTHON="$python"

./mvnw -B verify "$@"
