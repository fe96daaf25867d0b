package dev.aapl.tracking.adapter.out.mlruns;

/** A run's status and the number MLflow's file store writes for it in {@code meta.yaml}. */
enum RunStatus {
    RUNNING(1),
    SCHEDULED(2),
    FINISHED(3),
    FAILED(4),
    KILLED(5);

    private final int code;

    RunStatus(int code) {
        this.code = code;
    }

    /** @return the number MLflow stores, as in its {@code RunStatus} protobuf enum */
    int code() {
        return code;
    }
}
