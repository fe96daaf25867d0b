package dev.aapl.core.port.out;

import java.util.Map;

/** Starts runs in an experiment tracker: a local folder in MLflow's layout or an MLflow server. */
public interface TrackingPort {

    /**
     * @param experiment the experiment's name, created when missing, for example {@code aapl-1h}
     * @param runName a readable name for the run
     * @param tags tags to set at the start
     * @return the running run
     */
    TrackedRun startRun(String experiment, String runName, Map<String, String> tags);

    /** @return where runs are kept, for messages: a folder or a server address */
    String location();
}
