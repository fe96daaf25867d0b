package dev.aapl.core.service;

import dev.aapl.core.port.out.EvaluationArtifactsPort;
import dev.aapl.core.port.out.LoadBarsPort;
import dev.aapl.core.port.out.ModelFilesPort;
import dev.aapl.core.port.out.ModelRegistryPort;
import dev.aapl.core.port.out.TrackingPort;
import dev.aapl.core.port.out.TrainModelPort;
import java.util.Objects;

/**
 * The adapters the model services work through, wired once by the composition root.
 *
 * @param bars where bars come from
 * @param trainer builds features and trains
 * @param modelFiles writes and reads model folders
 * @param artifacts writes the evaluation files of a run
 * @param tracking records runs
 * @param registry keeps model versions and the champion alias
 */
public record ServicePorts(LoadBarsPort bars, TrainModelPort trainer, ModelFilesPort modelFiles,
        EvaluationArtifactsPort artifacts, TrackingPort tracking, ModelRegistryPort registry) {

    /** Checks that every adapter is there. */
    public ServicePorts {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(modelFiles, "modelFiles");
        Objects.requireNonNull(artifacts, "artifacts");
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(registry, "registry");
    }
}
