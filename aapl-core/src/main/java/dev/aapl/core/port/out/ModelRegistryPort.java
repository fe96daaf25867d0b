package dev.aapl.core.port.out;

import dev.aapl.core.domain.ModelVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registered models and their versions, and the {@code champion} alias that names the version
 * in use. Moving the alias never deletes a version, so any earlier champion can be restored.
 */
public interface ModelRegistryPort {

    /** The alias of the version that forecasts. */
    String CHAMPION = "champion";

    /**
     * Registers the model folder that a run logged as a new version.
     *
     * @param modelName the registered model, created when missing
     * @param run the run that trained the model
     * @param artifactPath where under the run's artifacts the model folder is
     * @param tags tags of the version, for example its metrics
     * @return the new version
     */
    ModelVersion registerVersion(String modelName, TrackedRun run, String artifactPath,
            Map<String, String> tags);

    /**
     * @param modelName the registered model
     * @return its versions, oldest first; empty when there is no such model
     */
    List<ModelVersion> versions(String modelName);

    /**
     * @param modelName the registered model
     * @return the version holding the champion alias, if any
     */
    Optional<ModelVersion> champion(String modelName);

    /**
     * Moves the champion alias to a version, atomically: a crash leaves the old or the new
     * champion, never none.
     *
     * @param modelName the registered model
     * @param version the version to promote
     * @throws dev.aapl.core.domain.ModelNotFoundException when there is no such version
     */
    void setChampion(String modelName, int version);

    /**
     * @param modelName the registered model
     * @param version the version
     * @param tags tags to add or overwrite
     */
    void setVersionTags(String modelName, int version, Map<String, String> tags);

    /**
     * @param version a registered version
     * @return a local folder holding its model files, downloaded first when the registry is
     *     remote
     */
    Path modelFolder(ModelVersion version);

    /**
     * Takes the lock that lets one training at a time change a registered model. A lock left by
     * a process that died is taken over.
     *
     * @param modelName the registered model
     * @return the lock, released by {@link AutoCloseable#close()}
     * @throws dev.aapl.core.domain.AaplException when another process holds the lock longer
     *     than the wait allows
     */
    RegistryLock lock(String modelName);

    /** A held lock on a registered model. */
    interface RegistryLock extends AutoCloseable {
        @Override
        void close();
    }
}
