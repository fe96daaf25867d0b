"""Reads a tracking folder with MLflow's own Python API and prints what MLflow sees as JSON.

Usage: verify_mlruns.py TRACKING_DIR [--experiment NAME] [--model NAME] [--migrate]

With --migrate it also runs `mlflow migrate-filestore` into a temporary SQLite database and
reports what MLflow reads back from there, proving the folder can be imported.

Used by the Java integration test to prove that the folder the Java adapter writes is a valid
MLflow file store and file-based model registry. Any error MLflow raises ends the script with a
non-zero exit code and the error on standard error.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

# MLflow 3 refuses to open a file store unless this is set.
os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")

import mlflow  # noqa: E402
from mlflow import MlflowClient  # noqa: E402
from mlflow.entities import ViewType  # noqa: E402


def artifact_paths(client, run_id, path=None):
    """Every file under a run's artifacts, as paths relative to the artifact root."""
    files = []
    for info in client.list_artifacts(run_id, path):
        if info.is_dir:
            files.extend(artifact_paths(client, run_id, info.path))
        else:
            files.append(info.path)
    return sorted(files)


def describe_run(client, run_id):
    run = client.get_run(run_id)
    metrics = {}
    for key in sorted(run.data.metrics):
        history = client.get_metric_history(run_id, key)
        metrics[key] = [
            {"step": m.step, "value": m.value, "timestamp": m.timestamp}
            for m in sorted(history, key=lambda m: (m.step, m.timestamp))
        ]
    return {
        "run_id": run.info.run_id,
        "run_name": run.info.run_name,
        "experiment_id": run.info.experiment_id,
        "status": run.info.status,
        "start_time": run.info.start_time,
        "end_time": run.info.end_time,
        "user_id": run.info.user_id,
        "artifact_uri": run.info.artifact_uri,
        "lifecycle_stage": run.info.lifecycle_stage,
        "params": dict(sorted(run.data.params.items())),
        "tags": dict(sorted(run.data.tags.items())),
        "latest_metrics": dict(sorted(run.data.metrics.items())),
        "metrics": metrics,
        "artifacts": artifact_paths(client, run_id),
    }


def describe_model(client, name):
    model = client.get_registered_model(name)
    versions = client.search_model_versions(f"name = '{name}'")
    described = []
    for version in sorted(versions, key=lambda v: int(v.version)):
        full = client.get_model_version(name, version.version)
        described.append({
            "version": int(full.version),
            "run_id": full.run_id,
            "source": full.source,
            "status": full.status,
            "current_stage": full.current_stage,
            "aliases": sorted(full.aliases),
            "tags": dict(sorted(full.tags.items())),
            "download_uri": client.get_model_version_download_uri(name, full.version),
        })
    aliases = {}
    for alias in sorted(model.aliases):
        by_alias = client.get_model_version_by_alias(name, alias)
        with tempfile.TemporaryDirectory() as target:
            local = mlflow.artifacts.download_artifacts(
                artifact_uri=f"models:/{name}@{alias}", dst_path=target)
            files = sorted(
                os.path.relpath(os.path.join(folder, file), local).replace(os.sep, "/")
                for folder, _, names in os.walk(local) for file in names)
        aliases[alias] = {"version": int(by_alias.version), "files": files}
    return {"name": model.name, "versions": described, "aliases": aliases}


def summarize(tracking_dir, experiment_name=None, model_name=None):
    uri = "file://" + os.path.abspath(tracking_dir)
    mlflow.set_tracking_uri(uri)
    mlflow.set_registry_uri(uri)
    client = MlflowClient(tracking_uri=uri, registry_uri=uri)

    experiments = client.search_experiments(view_type=ViewType.ALL)
    if experiment_name is not None and client.get_experiment_by_name(experiment_name) is None:
        raise LookupError(f"MLflow finds no experiment named {experiment_name!r}")
    chosen = [e for e in experiments if experiment_name in (None, e.name)]
    runs = mlflow.search_runs(
        experiment_ids=[e.experiment_id for e in chosen],
        run_view_type=ViewType.ALL,
        output_format="list",
        order_by=["attributes.start_time ASC"],
    )
    models = client.search_registered_models()
    model_names = [m.name for m in models if model_name in (None, m.name)]
    if model_name is not None and not model_names:
        raise LookupError(f"MLflow finds no registered model named {model_name!r}")
    return {
        "mlflow_version": mlflow.__version__,
        "experiments": [
            {"experiment_id": e.experiment_id, "name": e.name,
             "lifecycle_stage": e.lifecycle_stage, "artifact_location": e.artifact_location}
            for e in sorted(experiments, key=lambda e: int(e.experiment_id))
        ],
        "runs": [describe_run(client, run.info.run_id) for run in runs],
        "models": [describe_model(client, name) for name in sorted(model_names)],
    }


def migrated_summary(tracking_dir, model_name=None):
    """Imports the folder into SQLite with MLflow's own tool and reads the copy back."""
    with tempfile.TemporaryDirectory() as folder:
        uri = "sqlite:///" + os.path.join(folder, "migrated.db")
        subprocess.run(
            [sys.executable, "-m", "mlflow", "migrate-filestore", "--source",
             os.path.abspath(tracking_dir), "--target", uri, "--no-progress"],
            check=True, stdout=subprocess.DEVNULL)
        client = MlflowClient(tracking_uri=uri, registry_uri=uri)
        experiments = client.search_experiments(view_type=ViewType.ALL)
        runs = client.search_runs([e.experiment_id for e in experiments],
                                  run_view_type=ViewType.ALL)
        migrated = {
            "runs": sorted(
                [{"run_id": r.info.run_id, "status": r.info.status,
                  "params": dict(sorted(r.data.params.items())),
                  "metric_points": {
                      key: len(client.get_metric_history(r.info.run_id, key))
                      for key in sorted(r.data.metrics)}}
                 for r in runs], key=lambda r: r["run_id"]),
            "models": {},
        }
        for model in client.search_registered_models():
            if model_name not in (None, model.name):
                continue
            migrated["models"][model.name] = {
                "versions": sorted(int(v.version) for v in
                                   client.search_model_versions(f"name = '{model.name}'")),
                "aliases": {alias: int(version) for alias, version in model.aliases.items()},
            }
        return migrated


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tracking_dir")
    parser.add_argument("--experiment", help="the experiment whose runs to read")
    parser.add_argument("--model", help="the registered model to read")
    parser.add_argument("--migrate", action="store_true",
                        help="also import the folder with mlflow migrate-filestore")
    args = parser.parse_args()
    try:
        summary = summarize(args.tracking_dir, args.experiment, args.model)
        if args.migrate:
            summary["migrated"] = migrated_summary(args.tracking_dir, args.model)
    except Exception as error:  # every failure of MLflow to read the folder counts
        print(f"verify_mlruns: MLflow could not read {args.tracking_dir}: "
              f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    json.dump(summary, sys.stdout, indent=2, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
