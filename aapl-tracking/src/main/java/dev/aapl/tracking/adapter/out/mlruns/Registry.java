package dev.aapl.tracking.adapter.out.mlruns;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.ModelNotFoundException;
import dev.aapl.core.domain.ModelVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MLflow's file-based model registry: {@code <root>/models/<name>/meta.yaml}, one folder
 * {@code version-<n>/} per version with its {@code meta.yaml} and {@code tags/}, and one file
 * per alias under {@code aliases/} holding the version number. A version folder is completed
 * under a temporary name and renamed into place, because MLflow fails on a version folder
 * without meta.yaml.
 */
final class Registry {

    static final String VERSION_PREFIX = "version-";
    static final String ALIASES = "aliases";
    static final String TAGS = "tags";
    // MLflow's soft-deleted versions keep their folder with this stage; they are not listed.
    private static final String DELETED_STAGE = "Deleted_Internal";
    private static final int REGISTER_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

    private final Path models;
    private final AtomicFiles files;
    private final Clock clock;

    Registry(Path root, AtomicFiles files, Clock clock) {
        this.models = root.resolve(Experiments.MODELS);
        this.files = files;
        this.clock = clock;
    }

    /**
     * @param name a registered model's name
     * @return its folder
     * @throws AaplException when the name is invalid
     */
    Path modelFolder(String name) {
        MlflowNames.checkModelName(name);
        return models.resolve(name);
    }

    /**
     * Creates the registered model when missing. MLflow cannot read a model folder without its
     * meta.yaml, so one found without it (left by a crash between the two steps) is repaired.
     *
     * @param name the registered model
     * @return its folder
     */
    Path ensureModel(String name) {
        Path folder = modelFolder(name);
        if (Files.isRegularFile(folder.resolve(Experiments.META))) {
            return folder;
        }
        long now = clock.millis();
        writeModelMeta(folder, name, now, now);
        LOG.info("Registered model '{}' in {}", name, models);
        return folder;
    }

    /**
     * @param name the registered model, created when missing
     * @param runId the run that logged the model
     * @param source the model folder's URI under the run's artifacts
     * @param tags the version's tags
     * @return the new version
     */
    ModelVersion register(String name, String runId, String source, Map<String, String> tags) {
        MlflowNames.checkEntries("version tag", tags, MlflowNames.MAX_VERSION_TAG_VALUE_LENGTH);
        Path folder = ensureModel(name);
        for (int attempt = 1; ; attempt++) {
            int version = highestVersion(folder) + 1;
            long now = clock.millis();
            Path staging = AtomicFiles.temporaryIn(folder);
            Path target = folder.resolve(VERSION_PREFIX + version);
            try {
                Files.createDirectory(staging);
                writeVersionMeta(staging, name, version, runId, source, now);
                writeTags(staging, tags);
                files.moveFolder(staging, target);
                touchModel(folder, name, now);
                LOG.info("Registered version {} of model '{}' from run {}", version, name, runId);
                return new ModelVersion(name, version, runId, source, Instant.ofEpochMilli(now),
                        tags, false);
            } catch (FileSystemException e) {
                deleteTree(staging);
                if (!Files.exists(target) || attempt == REGISTER_ATTEMPTS) {
                    throw AtomicFiles.failure(target, e);
                }
                LOG.debug("Version {} of '{}' was taken meanwhile; trying the next", version,
                        name);
            } catch (IOException e) {
                deleteTree(staging);
                throw AtomicFiles.failure(target, e);
            }
        }
    }

    /**
     * @param name the registered model
     * @return its live versions, oldest first; empty when the model does not exist
     */
    List<ModelVersion> versions(String name) {
        Path folder = modelFolder(name);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Optional<Integer> champion = alias(folder, MlrunsTracking.CHAMPION);
        List<ModelVersion> versions = new ArrayList<>();
        for (Path versionFolder : versionFolders(folder)) {
            readVersion(versionFolder, champion).ifPresent(versions::add);
        }
        versions.sort(Comparator.comparingInt(ModelVersion::version));
        return versions;
    }

    /**
     * @param name the registered model
     * @param version a version number
     * @return the live version
     * @throws ModelNotFoundException when there is no such version
     */
    ModelVersion version(String name, int version) {
        Path folder = modelFolder(name);
        Path versionFolder = folder.resolve(VERSION_PREFIX + version);
        Optional<ModelVersion> found = Files.isDirectory(versionFolder)
                ? readVersion(versionFolder, alias(folder, MlrunsTracking.CHAMPION))
                : Optional.empty();
        return found.orElseThrow(() -> new ModelNotFoundException(
                "model '" + name + "' has no version " + version, versionsHint(name)));
    }

    /**
     * @param name the registered model
     * @param alias an alias
     * @return the version the alias names, when it names a live version
     */
    Optional<ModelVersion> byAlias(String name, String alias) {
        Path folder = modelFolder(name);
        Optional<Integer> version = alias(folder, alias);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Path versionFolder = folder.resolve(VERSION_PREFIX + version.get());
        Optional<ModelVersion> found = Files.isDirectory(versionFolder)
                ? readVersion(versionFolder, alias(folder, MlrunsTracking.CHAMPION))
                : Optional.empty();
        if (found.isEmpty()) {
            LOG.warn("Alias '{}' of model '{}' names version {}, which does not exist", alias,
                    name, version.get());
        }
        return found;
    }

    /**
     * Points an alias at a version by renaming a complete file over the old one: a crash
     * leaves the old or the new alias, never none and never a half-written one.
     *
     * @param name the registered model
     * @param alias the alias
     * @param version an existing version
     * @throws ModelNotFoundException when there is no such version
     */
    void setAlias(String name, String alias, int version) {
        MlflowNames.checkAlias(alias);
        version(name, version);
        Path folder = modelFolder(name);
        files.write(folder.resolve(ALIASES).resolve(alias), Integer.toString(version), folder);
        touchModel(folder, name, clock.millis());
    }

    /**
     * @param name the registered model
     * @param version an existing version
     * @param tags tags to add or overwrite
     * @throws ModelNotFoundException when there is no such version
     */
    void setVersionTags(String name, int version, Map<String, String> tags) {
        MlflowNames.checkEntries("version tag", tags, MlflowNames.MAX_VERSION_TAG_VALUE_LENGTH);
        version(name, version);
        Path folder = modelFolder(name);
        writeTags(folder.resolve(VERSION_PREFIX + version), tags);
        touchModel(folder, name, clock.millis());
    }

    private void writeTags(Path versionFolder, Map<String, String> tags) {
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
            files.write(versionFolder.resolve(TAGS).resolve(tag.getKey()), tag.getValue(),
                    versionFolder);
        }
    }

    private void writeVersionMeta(Path folder, String name, int version, String runId,
            String source, long now) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("creation_timestamp", now);
        meta.put("current_stage", "None");
        meta.put("deployment_job_state", MetaYaml.NULL);
        meta.put("description", MetaYaml.NULL);
        meta.put("last_updated_timestamp", now);
        meta.put("model_id", MetaYaml.NULL);
        meta.put("name", name);
        meta.put("run_id", runId);
        meta.put("run_link", MetaYaml.NULL);
        meta.put("source", source);
        meta.put("status", "READY");
        meta.put("status_message", MetaYaml.NULL);
        meta.put("storage_location", source);
        meta.put("user_id", System.getProperty("user.name", "unknown"));
        meta.put("version", version);
        meta.put("workspace", "default");
        files.write(folder.resolve(Experiments.META), MetaYaml.write(meta), folder);
    }

    private void touchModel(Path folder, String name, long now) {
        Map<String, String> meta = readMeta(folder.resolve(Experiments.META));
        long created = parseLong(meta.get("creation_timestamp"), now);
        writeModelMeta(folder, name, created, now);
    }

    private void writeModelMeta(Path folder, String name, long created, long updated) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("creation_timestamp", created);
        meta.put("deployment_job_id", MetaYaml.NULL);
        meta.put("deployment_job_state", MetaYaml.NULL);
        meta.put("description", MetaYaml.NULL);
        meta.put("last_updated_timestamp", updated);
        meta.put("name", name);
        meta.put("workspace", "default");
        files.write(folder.resolve(Experiments.META), MetaYaml.write(meta), folder);
    }

    private Optional<ModelVersion> readVersion(Path versionFolder, Optional<Integer> champion) {
        Map<String, String> meta = readMeta(versionFolder.resolve(Experiments.META));
        if (meta.isEmpty() || DELETED_STAGE.equals(meta.get("current_stage"))) {
            return Optional.empty();
        }
        try {
            int version = Integer.parseInt(meta.get("version"));
            String source = meta.get("storage_location") != null
                    ? meta.get("storage_location") : meta.get("source");
            return Optional.of(new ModelVersion(meta.get("name"), version,
                    String.valueOf(meta.get("run_id")), String.valueOf(source),
                    Instant.ofEpochMilli(parseLong(meta.get("creation_timestamp"), 0)),
                    readTags(versionFolder.resolve(TAGS)),
                    champion.isPresent() && champion.get() == version));
        } catch (RuntimeException e) {
            LOG.warn("Skipping {}: its meta.yaml is not a model version ({})", versionFolder,
                    e.toString());
            return Optional.empty();
        }
    }

    private static Map<String, String> readTags(Path tagFolder) {
        if (!Files.isDirectory(tagFolder)) {
            return Map.of();
        }
        try (Stream<Path> walk = Files.walk(tagFolder)) {
            Map<String, String> tags = new HashMap<>();
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String key = tagFolder.relativize(file).toString().replace('\\', '/');
                tags.put(key, Files.readString(file, StandardCharsets.UTF_8));
            }
            return tags;
        } catch (IOException e) {
            throw new AaplException("could not read tags in " + tagFolder + ": " + e,
                    "check that the tracking folder is readable", e);
        }
    }

    private static Optional<Integer> alias(Path modelFolder, String alias) {
        Path file = modelFolder.resolve(ALIASES).resolve(alias);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Ignoring alias file {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static int highestVersion(Path modelFolder) {
        return versionFolders(modelFolder).stream()
                .map(folder -> folder.getFileName().toString().substring(VERSION_PREFIX.length()))
                .filter(number -> number.matches("\\d{1,9}"))
                .mapToInt(Integer::parseInt)
                .max()
                .orElse(0);
    }

    private static List<Path> versionFolders(Path modelFolder) {
        try (Stream<Path> children = Files.list(modelFolder)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> child.getFileName().toString().startsWith(VERSION_PREFIX))
                    .toList();
        } catch (IOException e) {
            throw new AaplException("could not list " + modelFolder + ": " + e,
                    "check that the tracking folder is readable", e);
        }
    }

    private static Map<String, String> readMeta(Path meta) {
        if (!Files.isRegularFile(meta)) {
            return Map.of();
        }
        try {
            return MetaYaml.read(Files.readString(meta, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AaplException("could not read " + meta + ": " + e,
                    "check that the tracking folder is readable", e);
        }
    }

    private static long parseLong(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private String versionsHint(String name) {
        List<ModelVersion> existing = versions(name);
        if (existing.isEmpty()) {
            return "model '" + name + "' has no versions yet; train one first";
        }
        return "existing versions: " + existing.stream()
                .map(version -> Integer.toString(version.version()))
                .collect(Collectors.joining(", "));
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.debug("Could not remove the temporary folder {}: {}", folder, e.toString());
        }
    }
}
