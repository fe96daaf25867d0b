package dev.aapl.tracking.adapter.out.mlruns;

import dev.aapl.core.domain.AaplException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiments of a tracking folder: {@code <root>/<id>/meta.yaml}, deleted ones under
 * {@code <root>/.trash/<id>}. Ids are numbers; a new experiment takes the next free one.
 */
final class Experiments {

    static final String TRASH = ".trash";
    static final String MODELS = "models";
    static final String META = "meta.yaml";
    static final String DEFAULT_ID = "0";
    static final String DEFAULT_NAME = "Default";
    static final String ACTIVE = "active";

    private static final Logger LOG = LoggerFactory.getLogger(Experiments.class);
    // A file in the root is ignored by MLflow, which lists only folders there.
    private static final String CREATE_LOCK = ".aapl-experiments.lock";
    // FileChannel locks are held per JVM, so threads of one JVM also need a monitor.
    private static final Object JVM_MONITOR = new Object();

    /** One experiment as its meta.yaml describes it. */
    record Experiment(String id, String name, String artifactLocation, Path folder) {
    }

    private final Path root;
    private final AtomicFiles files;
    private final Clock clock;

    Experiments(Path root, AtomicFiles files, Clock clock) {
        this.root = root;
        this.files = files;
        this.clock = clock;
    }

    /**
     * @param name the experiment's name
     * @return the active experiment of that name, created with the next free id when missing
     * @throws AaplException when the name is invalid or belongs to a deleted experiment
     */
    Experiment findOrCreate(String name) {
        MlflowNames.checkExperimentName(name);
        ensureRoot();
        Optional<Experiment> existing = find(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        synchronized (JVM_MONITOR) {
            try (FileChannel channel = FileChannel.open(root.resolve(CREATE_LOCK),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // Held until the channel closes, so two processes never create the same name.
                channel.lock();
                return find(name).orElseGet(() -> create(name));
            } catch (IOException e) {
                throw AtomicFiles.failure(root.resolve(CREATE_LOCK), e);
            }
        }
    }

    /**
     * Creates the root, MLflow's {@code Default} experiment and its trash folder when missing,
     * as MLflow does when it opens a new store.
     */
    void ensureRoot() {
        try {
            Files.createDirectories(root.resolve(TRASH));
            Path defaultFolder = root.resolve(DEFAULT_ID);
            if (!Files.exists(defaultFolder.resolve(META))
                    && !Files.exists(root.resolve(TRASH).resolve(DEFAULT_ID))) {
                Files.createDirectories(defaultFolder);
                writeMeta(defaultFolder, DEFAULT_ID, DEFAULT_NAME);
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(root, e);
        }
    }

    /**
     * @param runId a run's id
     * @return the run's folder in an active or deleted experiment, if any
     */
    Optional<Path> findRunFolder(String runId) {
        List<Path> parents = new ArrayList<>(subfolders(root));
        parents.addAll(subfolders(root.resolve(TRASH)));
        return parents.stream()
                .map(folder -> folder.resolve(runId))
                .filter(run -> Files.isRegularFile(run.resolve(META)))
                .findFirst();
    }

    private Optional<Experiment> find(String name) {
        Optional<Experiment> deleted = subfolders(root.resolve(TRASH)).stream()
                .flatMap(folder -> read(folder).stream())
                .filter(experiment -> experiment.name().equals(name))
                .findFirst();
        if (deleted.isPresent()) {
            throw new AaplException("experiment '" + name + "' is deleted (id "
                    + deleted.get().id() + ")", "restore it with 'mlflow experiments restore"
                    + " --experiment-id " + deleted.get().id() + "' or choose another name");
        }
        return subfolders(root).stream()
                .flatMap(folder -> read(folder).stream())
                .filter(experiment -> experiment.name().equals(name))
                .findFirst();
    }

    private Experiment create(String name) {
        long id = nextId();
        while (true) {
            Path folder = root.resolve(Long.toString(id));
            try {
                Files.createDirectory(folder);
                Experiment experiment = writeMeta(folder, Long.toString(id), name);
                LOG.info("Created experiment '{}' with id {} in {}", name, id, root);
                return experiment;
            } catch (FileAlreadyExistsException e) {
                id++;
            } catch (IOException e) {
                throw AtomicFiles.failure(folder, e);
            }
        }
    }

    private long nextId() {
        long max = 0;
        for (Path folder : concat(subfolders(root), subfolders(root.resolve(TRASH)))) {
            String id = folder.getFileName().toString();
            if (id.matches("\\d{1,18}")) {
                max = Math.max(max, Long.parseLong(id));
            }
        }
        return max + 1;
    }

    private Experiment writeMeta(Path folder, String id, String name) {
        long now = clock.millis();
        String artifactLocation = FileUris.of(folder);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("artifact_location", artifactLocation);
        meta.put("creation_time", now);
        meta.put("effective_trace_archival_retention", MetaYaml.NULL);
        meta.put("experiment_id", id);
        meta.put("last_update_time", now);
        meta.put("lifecycle_stage", ACTIVE);
        meta.put("name", name);
        meta.put("trace_location", MetaYaml.NULL);
        meta.put("workspace", "default");
        files.write(folder.resolve(META), MetaYaml.write(meta), folder);
        return new Experiment(id, name, artifactLocation, folder);
    }

    private static Optional<Experiment> read(Path folder) {
        Path meta = folder.resolve(META);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            Map<String, String> fields = MetaYaml.read(Files.readString(meta,
                    StandardCharsets.UTF_8));
            String id = fields.get("experiment_id");
            String name = fields.get("name");
            if (id == null || name == null) {
                LOG.warn("Skipping {}: it has no experiment_id or name", meta);
                return Optional.empty();
            }
            return Optional.of(new Experiment(id, name, fields.get("artifact_location"),
                    folder));
        } catch (IOException e) {
            LOG.warn("Skipping {}: {}", meta, e.toString());
            return Optional.empty();
        }
    }

    private static List<Path> subfolders(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().equals(TRASH))
                    .filter(child -> !child.getFileName().toString().equals(MODELS))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new AaplException("could not list " + parent + ": " + e,
                    "check that the tracking folder is readable", e);
        }
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        List<Path> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
