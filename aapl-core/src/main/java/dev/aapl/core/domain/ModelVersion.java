package dev.aapl.core.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One registered version of a model.
 *
 * @param modelName the registered model, for example {@code aapl-1h-rf}
 * @param version the version number, from 1
 * @param runId the run that trained it
 * @param source where its model folder lives, as the registry records it
 * @param createdAt when it was registered
 * @param tags its tags: metrics and promotion decisions
 * @param champion whether it holds the {@code champion} alias
 */
public record ModelVersion(String modelName, int version, String runId, String source,
        Instant createdAt, Map<String, String> tags, boolean champion) {

    /** Copies the tags, keeping their order, and checks that nothing is missing. */
    public ModelVersion {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
