package dev.aapl.tracking.adapter.out.mlruns;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.port.out.TrackedRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run in a tracking folder: {@code <experiment>/<run_id>/} with {@code meta.yaml},
 * {@code params/}, {@code metrics/}, {@code tags/} and {@code artifacts/}. Its meta.yaml is
 * written last when the run starts, so MLflow never lists a run whose folders are missing.
 */
final class MlrunsRun implements TrackedRun {

    /** The tag that holds why a run failed. */
    static final String ERROR_TAG = "aapl.error";
    static final String RUN_NAME_TAG = "mlflow.runName";
    static final String USER_TAG = "mlflow.user";
    static final String SOURCE_NAME_TAG = "mlflow.source.name";
    static final String SOURCE_TYPE_TAG = "mlflow.source.type";
    /** MLflow's {@code SourceType.LOCAL}, as the tag and the meta.yaml number. */
    static final String SOURCE_TYPE = "LOCAL";
    static final int SOURCE_TYPE_CODE = 4;

    private static final Logger LOG = LoggerFactory.getLogger(MlrunsRun.class);

    private final Experiments.Experiment experiment;
    private final String runId;
    private final String runName;
    private final Path folder;
    private final String artifactUri;
    private final Path artifactFolder;
    private final String user;
    private final String sourceName;
    private final long startTime;
    private final Clock clock;
    private final AtomicFiles files;
    private RunStatus status = RunStatus.RUNNING;
    private Long endTime;

    private MlrunsRun(Experiments.Experiment experiment, String runName, Clock clock,
            AtomicFiles files) {
        this.experiment = experiment;
        this.runId = UUID.randomUUID().toString().replace("-", "");
        this.runName = runName;
        this.folder = experiment.folder().resolve(runId);
        String experimentArtifacts = experiment.artifactLocation() == null
                ? FileUris.of(experiment.folder()) : experiment.artifactLocation();
        this.artifactUri = FileUris.append(experimentArtifacts, runId + "/artifacts");
        this.artifactFolder = FileUris.toPath(artifactUri);
        this.user = System.getProperty("user.name", "unknown");
        this.sourceName = sourceName();
        this.startTime = clock.millis();
        this.clock = clock;
        this.files = files;
    }

    /**
     * @param experiment where the run goes
     * @param runName its readable name
     * @param tags tags to set at the start, besides MLflow's own
     * @param clock the source of start and end times
     * @param files the writer
     * @return the started run, visible to MLflow as RUNNING
     */
    static MlrunsRun start(Experiments.Experiment experiment, String runName,
            Map<String, String> tags, Clock clock, AtomicFiles files) {
        Objects.requireNonNull(runName, "runName");
        MlflowNames.checkValue("run name", "name", runName, MlflowNames.MAX_TAG_VALUE_LENGTH);
        MlflowNames.checkEntries("tag", tags, MlflowNames.MAX_TAG_VALUE_LENGTH);
        MlrunsRun run = new MlrunsRun(experiment, runName, clock, files);
        run.create(tags);
        LOG.info("Started run {} '{}' in experiment '{}'", run.runId, runName,
                experiment.name());
        return run;
    }

    private void create(Map<String, String> tags) {
        try {
            Files.createDirectory(folder);
            for (String sub : List.of("metrics", "params", "tags")) {
                Files.createDirectory(folder.resolve(sub));
            }
            Files.createDirectories(artifactFolder);
        } catch (IOException e) {
            throw AtomicFiles.failure(folder, e);
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put(RUN_NAME_TAG, runName);
        all.put(USER_TAG, user);
        all.put(SOURCE_NAME_TAG, sourceName);
        all.put(SOURCE_TYPE_TAG, SOURCE_TYPE);
        all.putAll(tags);
        writeEntries("tags", all);
        writeMeta();
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String runName() {
        return runName;
    }

    /** @return the experiment the run belongs to */
    Experiments.Experiment experiment() {
        return experiment;
    }

    /** @return the run's folder */
    Path folder() {
        return folder;
    }

    /** @return where the run's artifacts are, as MLflow records it */
    String artifactUri() {
        return artifactUri;
    }

    /** @return the local folder of the run's artifacts */
    Path artifactFolder() {
        return artifactFolder;
    }

    /** @return the run's current status */
    synchronized RunStatus status() {
        return status;
    }

    @Override
    public synchronized void logParams(Map<String, String> params) {
        MlflowNames.checkEntries("param", params, MlflowNames.MAX_PARAM_VALUE_LENGTH);
        for (Map.Entry<String, String> param : params.entrySet()) {
            Path file = folder.resolve("params").resolve(param.getKey());
            String logged = readIfExists(file);
            if (logged != null && !logged.equals(param.getValue())) {
                throw new IllegalStateException("param '" + param.getKey() + "' of run " + runId
                        + " was logged as '" + logged + "' and cannot change to '"
                        + param.getValue() + "'");
            }
        }
        writeEntries("params", params);
    }

    @Override
    public synchronized void logMetrics(Map<String, Double> metrics, long step) {
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            MlflowNames.checkKey("metric", metric.getKey());
            Objects.requireNonNull(metric.getValue(), () -> "metric " + metric.getKey());
        }
        long timestamp = clock.millis();
        for (Map.Entry<String, Double> metric : new TreeMap<>(metrics).entrySet()) {
            Path file = folder.resolve("metrics").resolve(metric.getKey());
            String history = readIfExists(file);
            String line = timestamp + " " + pythonFloat(metric.getValue()) + " " + step + "\n";
            // Rewriting the whole history keeps each update atomic; histories stay short.
            files.write(file, (history == null ? "" : history) + line, folder);
        }
    }

    @Override
    public synchronized void setTags(Map<String, String> tags) {
        MlflowNames.checkEntries("tag", tags, MlflowNames.MAX_TAG_VALUE_LENGTH);
        writeEntries("tags", tags);
    }

    @Override
    public synchronized void logArtifacts(Path source, String artifactPath) {
        if (!Files.isDirectory(source)) {
            throw new AaplException("cannot log artifacts from " + source
                    + ": it is not a folder", "pass the folder that holds the files");
        }
        checkArtifactPath(artifactPath);
        Path target = artifactPath.isEmpty() ? artifactFolder
                : artifactFolder.resolve(artifactPath);
        try (Stream<Path> walk = Files.walk(source)) {
            List<Path> sourceFiles = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : sourceFiles) {
                Path relative = source.relativize(file);
                files.copy(file, target.resolve(relative.toString()), folder);
            }
            LOG.debug("Logged {} artifact files of run {} to {}", sourceFiles.size(), runId,
                    target);
        } catch (IOException e) {
            throw new AaplException("could not read artifacts in " + source + ": " + e,
                    "check that the folder is readable", e);
        }
    }

    @Override
    public synchronized void finish() {
        if (status == RunStatus.FAILED) {
            LOG.warn("Run {} has failed; it stays failed and is not marked finished", runId);
            return;
        }
        if (status == RunStatus.FINISHED) {
            return;
        }
        end(RunStatus.FINISHED);
        LOG.info("Finished run {} '{}'", runId, runName);
    }

    @Override
    public synchronized void fail(String message) {
        String oneLine = String.valueOf(message).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        if (oneLine.length() > MlflowNames.MAX_TAG_VALUE_LENGTH) {
            oneLine = oneLine.substring(0, MlflowNames.MAX_TAG_VALUE_LENGTH);
        }
        writeEntries("tags", Map.of(ERROR_TAG, oneLine));
        end(RunStatus.FAILED);
        LOG.info("Marked run {} '{}' failed: {}", runId, runName, oneLine);
    }

    private void end(RunStatus newStatus) {
        status = newStatus;
        endTime = clock.millis();
        writeMeta();
    }

    private void writeMeta() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("artifact_uri", artifactUri);
        meta.put("deleted_time", MetaYaml.NULL);
        meta.put("end_time", endTime == null ? MetaYaml.NULL : endTime);
        meta.put("entry_point_name", "");
        meta.put("experiment_id", experiment.id());
        meta.put("lifecycle_stage", Experiments.ACTIVE);
        meta.put("run_id", runId);
        meta.put("run_name", runName);
        // Older MLflow versions read the id from run_uuid; current ones ignore the field.
        meta.put("run_uuid", runId);
        meta.put("source_name", sourceName);
        meta.put("source_type", SOURCE_TYPE_CODE);
        meta.put("source_version", "");
        meta.put("start_time", startTime);
        meta.put("status", status.code());
        meta.put("tags", List.of());
        meta.put("user_id", user);
        files.write(folder.resolve(Experiments.META), MetaYaml.write(meta), folder);
    }

    private void writeEntries(String subfolder, Map<String, String> entries) {
        for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
            files.write(folder.resolve(subfolder).resolve(entry.getKey()), entry.getValue(),
                    folder);
        }
    }

    private static String readIfExists(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8)
                    : null;
        } catch (IOException e) {
            throw new AaplException("could not read " + file + ": " + e,
                    "check that the tracking folder is readable", e);
        }
    }

    /**
     * @param artifactPath a path under a run's artifacts, or empty for the top
     * @throws AaplException when it is absolute, climbs out or is not in its normal form
     */
    static void checkArtifactPath(String artifactPath) {
        Objects.requireNonNull(artifactPath, "artifactPath");
        if (!artifactPath.isEmpty() && (!MlflowNames.isUniquePath(artifactPath)
                || !artifactPath.matches("[\\w.\\-/]+"))) {
            throw new AaplException("invalid artifact path '" + artifactPath + "'",
                    "use a relative path of letters, digits, '_', '-', '.' and '/', e.g. model");
        }
    }

    /** Formats a double the way Python's {@code float()} reads it back exactly. */
    static String pythonFloat(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }

    private static String sourceName() {
        String command = System.getProperty("sun.java.command", "").strip();
        if (command.isEmpty()) {
            return "aapl";
        }
        int space = command.indexOf(' ');
        return space < 0 ? command : command.substring(0, space);
    }
}
