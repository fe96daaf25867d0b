package dev.aapl.core.port.out;

import java.nio.file.Path;
import java.util.Map;

/** One run of an experiment being recorded: its params, metrics, tags and artifacts. */
public interface TrackedRun {

    /** @return the run's id */
    String runId();

    /** @return the run's readable name */
    String runName();

    /** @param params names and values; a param, once logged, is never changed */
    void logParams(Map<String, String> params);

    /**
     * @param metrics names and values
     * @param step the step they belong to: 0 for a single value, the fold number in a backtest
     */
    void logMetrics(Map<String, Double> metrics, long step);

    /** @param tags names and values; a tag may be overwritten */
    void setTags(Map<String, String> tags);

    /**
     * Copies the files of a folder, recursively, into the run's artifacts.
     *
     * @param folder the local folder
     * @param artifactPath where under the run's artifacts they go, or empty for the top
     */
    void logArtifacts(Path folder, String artifactPath);

    /** Marks the run finished. */
    void finish();

    /**
     * Marks the run failed and records why, so it never looks finished.
     *
     * @param message the error, one line
     */
    void fail(String message);
}
