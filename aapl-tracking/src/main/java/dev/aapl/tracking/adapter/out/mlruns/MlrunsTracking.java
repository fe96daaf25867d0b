package dev.aapl.tracking.adapter.out.mlruns;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.ModelNotFoundException;
import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.port.out.ModelRegistryPort;
import dev.aapl.core.port.out.TrackedRun;
import dev.aapl.core.port.out.TrackingPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Experiment tracking and the model registry in a local folder laid out as MLflow's file store
 * and file-based model registry, so that MLflow reads it: {@code mlflow ui --backend-store-uri
 * <folder>} shows the runs and registered models (MLflow 3 also wants the environment variable
 * {@code MLFLOW_ALLOW_FILE_STORE=true} to open a file store). Every file is written to a
 * temporary name and renamed into place.
 *
 * <p>Writers in several processes may share the folder; the training lock of a model keeps two
 * trainings from changing it at the same time.
 */
public final class MlrunsTracking implements TrackingPort, ModelRegistryPort {

    /** How long {@link #lock(String)} waits for another training unless told otherwise. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);

    private final Path root;
    private final Duration lockWait;
    private final Clock clock;
    private final AtomicFiles files;
    private final Experiments experiments;
    private final Registry registry;

    MlrunsTracking(Path root, Duration lockWait, Clock clock, AtomicFiles files) {
        this.root = root.toAbsolutePath().normalize();
        this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("lockWait must not be negative, was " + lockWait);
        }
        this.clock = clock;
        this.files = files;
        this.experiments = new Experiments(this.root, files, clock);
        this.registry = new Registry(this.root, files, clock);
    }

    /**
     * @param root the tracking folder, for example {@code ./mlruns}; created on first write
     * @return the store, waiting {@link #DEFAULT_LOCK_WAIT} for another training's lock
     */
    public static MlrunsTracking open(Path root) {
        return open(root, DEFAULT_LOCK_WAIT);
    }

    /**
     * @param root the tracking folder, for example {@code ./mlruns}; created on first write
     * @param lockWait how long {@link #lock(String)} waits for another training to finish
     * @return the store
     * @throws IllegalArgumentException when the wait is negative
     */
    public static MlrunsTracking open(Path root, Duration lockWait) {
        return new MlrunsTracking(root, lockWait, Clock.systemUTC(), new AtomicFiles());
    }

    /** @return the absolute tracking folder */
    @Override
    public String location() {
        return root.toString();
    }

    /**
     * {@inheritDoc}
     *
     * @throws AaplException when a name or tag is one MLflow refuses, or the folder cannot be
     *     written
     */
    @Override
    public TrackedRun startRun(String experiment, String runName, Map<String, String> tags) {
        return MlrunsRun.start(experiments.findOrCreate(experiment), runName, tags, clock,
                files);
    }

    /**
     * {@inheritDoc}
     *
     * @throws AaplException when the run or its model folder cannot be found
     */
    @Override
    public ModelVersion registerVersion(String modelName, TrackedRun run, String artifactPath,
            Map<String, String> tags) {
        MlrunsRun.checkArtifactPath(artifactPath);
        String artifactUri = artifactUri(run);
        String source = FileUris.append(artifactUri, artifactPath);
        Path folder = FileUris.toPath(source);
        if (!Files.isDirectory(folder)) {
            throw new AaplException("run " + run.runId() + " has no model folder '"
                    + artifactPath + "' in its artifacts (" + folder + ")",
                    "log the model folder with logArtifacts before registering it");
        }
        return registry.register(modelName, run.runId(), source, tags);
    }

    @Override
    public List<ModelVersion> versions(String modelName) {
        return registry.versions(modelName);
    }

    @Override
    public Optional<ModelVersion> champion(String modelName) {
        return registry.byAlias(modelName, CHAMPION);
    }

    @Override
    public void setChampion(String modelName, int version) {
        registry.setAlias(modelName, CHAMPION, version);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ModelNotFoundException when there is no such version
     */
    @Override
    public void setVersionTags(String modelName, int version, Map<String, String> tags) {
        registry.setVersionTags(modelName, version, tags);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ModelNotFoundException when the version's folder is not on this machine
     */
    @Override
    public Path modelFolder(ModelVersion version) {
        Path folder = FileUris.toPath(version.source());
        if (!Files.isDirectory(folder)) {
            throw new ModelNotFoundException("the files of version " + version.version()
                    + " of model '" + version.modelName() + "' are missing (" + folder + ")",
                    "restore " + folder + " or promote another version");
        }
        return folder;
    }

    /**
     * {@inheritDoc} The lock file is {@code models/<name>/.train.lock}; taking it registers
     * the model when missing.
     */
    @Override
    public RegistryLock lock(String modelName) {
        experiments.ensureRoot();
        Path folder = registry.ensureModel(modelName);
        return TrainingLock.acquire(modelName, folder.resolve(TrainingLock.FILE_NAME), lockWait,
                clock);
    }

    private String artifactUri(TrackedRun run) {
        if (run instanceof MlrunsRun local) {
            return local.artifactUri();
        }
        Path runFolder = experiments.findRunFolder(run.runId()).orElseThrow(() ->
                new AaplException("run " + run.runId() + " is not in " + root,
                        "register versions in the tracking folder that recorded the run"));
        try {
            String uri = MetaYaml.read(Files.readString(runFolder.resolve(Experiments.META),
                    StandardCharsets.UTF_8)).get("artifact_uri");
            return uri != null ? uri : FileUris.of(runFolder.resolve("artifacts"));
        } catch (IOException e) {
            throw new AaplException("could not read run " + run.runId() + ": " + e,
                    "check that the tracking folder is readable", e);
        }
    }
}
