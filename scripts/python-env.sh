#!/usr/bin/env bash
# Creates, once, the project's Python virtual environment at .venv/ with a pinned MLflow, and
# reuses it afterwards. MLflow is used only to prove that what the Java code writes under
# mlruns/ is read by MLflow itself, and to browse it with the MLflow UI.
# The last line printed is the path of the environment's python.
set -euo pipefail

MLFLOW_VERSION="3.17.2"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
python="$venv/bin/python"
check="import mlflow; assert mlflow.__version__ == '$MLFLOW_VERSION', mlflow.__version__"

if [[ -x "$python" ]] && "$python" -c "$check" >/dev/null 2>&1; then
  echo "$python"
  exit 0
fi

base="${PYTHON:-python3}"
if ! command -v "$base" >/dev/null 2>&1; then
  echo "python-env: no '$base' on PATH; install Python 3.10 or newer, or set PYTHON" >&2
  exit 1
fi
if ! "$base" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  echo "python-env: mlflow $MLFLOW_VERSION needs Python 3.10 or newer, '$base' is" \
    "$("$base" --version 2>&1); set PYTHON to a newer one" >&2
  exit 1
fi

# A venv whose interpreter no longer starts (moved, or its base Python removed) is rebuilt.
if [[ ! -x "$python" ]] || ! "$python" -c 'import sys' >/dev/null 2>&1; then
  echo "python-env: creating $venv with $("$base" --version 2>&1)" >&2
  if ! "$base" -m venv --clear "$venv"; then
    echo "python-env: could not create the virtual environment at $venv" >&2
    exit 1
  fi
fi

echo "python-env: installing mlflow==$MLFLOW_VERSION into $venv (takes a few minutes)" >&2
if ! "$python" -m pip install --quiet --disable-pip-version-check \
    "mlflow==$MLFLOW_VERSION" >&2; then
  echo "python-env: pip could not install mlflow==$MLFLOW_VERSION; check the network to" \
    "PyPI and the messages above, then run this script again" >&2
  exit 1
fi

if ! "$python" -c "$check" >&2; then
  echo "python-env: mlflow $MLFLOW_VERSION was installed but does not import" >&2
  exit 1
fi
echo "$python"
