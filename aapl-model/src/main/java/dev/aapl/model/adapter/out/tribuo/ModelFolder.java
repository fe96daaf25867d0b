package dev.aapl.model.adapter.out.tribuo;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.ModelMetadata;
import dev.aapl.core.domain.ModelNotFoundException;
import dev.aapl.core.domain.TargetKind;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.ModelFilesPort;
import dev.aapl.features.FeatureSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * A model version as a folder: {@value #MODEL_FILE} (the Tribuo model, Java-serialized),
 * {@value #SPEC_FILE} and {@value #METADATA_FILE}. A save writes a hidden sibling folder and
 * renames it into place in one atomic step, so a crash leaves either the whole folder or none.
 *
 * <p>Java serialization, not Tribuo 4.3's protobuf format, because it also carries models of
 * trainers plugged in from outside Tribuo, which have no protobuf form. Tribuo plans to drop
 * Java serialization in its next major version; moving then means re-saving every kept model.
 * Reading is guarded by a deserialization filter (JEP 290) that admits only the classes of
 * Tribuo, OLCUT, this product and the JDK's collections and values: a model file is code, so
 * load only folders this product wrote.
 */
public final class ModelFolder implements ModelFilesPort {

    /** The serialized Tribuo model. */
    public static final String MODEL_FILE = "model.ser";
    /** The feature spec the model was trained with, as JSON. */
    public static final String SPEC_FILE = "feature_spec.json";
    /** The model's metadata, as JSON. */
    public static final String METADATA_FILE = "metadata.json";

    /** Classes a model file may hold; anything else is refused before it is built. */
    static final String ALLOWED_CLASSES = "org.tribuo.**;com.oracle.labs.mlrg.olcut.**;"
            + "dev.aapl.**;java.util.**;java.lang.*;java.time.*;maxdepth=200;!*";

    private static final ObjectInputFilter FILTER =
            ObjectInputFilter.Config.createFilter(ALLOWED_CLASSES);

    private static final String HINT =
            "train a new model, or promote another version to champion";

    private static final Logger LOG = LoggerFactory.getLogger(ModelFolder.class);

    /**
     * @param model a model trained by {@link TribuoForestTrainer} or loaded by this class
     * @param metadata what is known of it
     * @param folder the folder to create; its parent is created when missing
     * @throws IllegalArgumentException when the model was not made by this adapter
     * @throws AaplException when the folder exists already or cannot be written
     */
    @Override
    public void save(ForecastModel model, ModelMetadata metadata, Path folder) {
        if (!(model instanceof TribuoForecastModel tribuo)) {
            throw new IllegalArgumentException("only models trained by TribuoForestTrainer can "
                    + "be saved here, got " + model.getClass().getName());
        }
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new AaplException("model folder " + folder + " already exists",
                    "save under a new version folder: a saved model is never overwritten");
        }
        byte[] serialized = serialize(tribuo.tribuoModel(), folder);
        Path parent = folder.toAbsolutePath().getParent();
        Path temporary = parent.resolve("." + folder.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Files.createDirectory(temporary);
            writeDurably(temporary.resolve(MODEL_FILE), serialized);
            writeDurably(temporary.resolve(SPEC_FILE),
                    tribuo.featureSpecJson().getBytes(StandardCharsets.UTF_8));
            writeDurably(temporary.resolve(METADATA_FILE),
                    MetadataJson.write(metadata).getBytes(StandardCharsets.UTF_8));
            Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new AaplException("cannot save model folder " + folder + ": " + oneLine(e),
                    "check that " + parent + " is writable and the disk has room", e);
        }
        LOG.info("saved model ({} bytes) to {}", serialized.length, folder);
    }

    /**
     * @throws ModelNotFoundException when the folder does not exist
     * @throws AaplException when a file is missing or corrupt, naming the folder and the file
     */
    @Override
    public ForecastModel load(Path folder) {
        ModelMetadata metadata = readMetadata(folder);
        FeatureSpec spec = readSpec(folder);
        String targetCode = metadata.params().get(TribuoForecastModel.TARGET_PARAM);
        TargetKind target;
        try {
            target = TargetKind.fromCode(String.valueOf(targetCode));
        } catch (IllegalArgumentException e) {
            throw corrupt(folder, METADATA_FILE + " names no target kind in its params (found "
                    + targetCode + ")", e);
        }
        Model<Regressor> model = readModel(folder);
        requireSameFeatures(folder, model, spec);
        LOG.debug("loaded model from {}", folder);
        return new TribuoForecastModel(model, spec, target, metadata.params());
    }

    /**
     * @throws ModelNotFoundException when the folder does not exist
     * @throws AaplException when the metadata file is missing or corrupt
     */
    @Override
    public ModelMetadata readMetadata(Path folder) {
        String json = readText(folder, METADATA_FILE);
        try {
            return MetadataJson.read(json);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw corrupt(folder, METADATA_FILE + " is unreadable: " + e.getMessage(), e);
        }
    }

    private FeatureSpec readSpec(Path folder) {
        String json = readText(folder, SPEC_FILE);
        try {
            return FeatureSpecJson.read(json);
        } catch (IllegalArgumentException e) {
            throw corrupt(folder, SPEC_FILE + " is unreadable: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked") // checked by Model.validate
    private Model<Regressor> readModel(Path folder) {
        Path file = requireFile(folder, MODEL_FILE);
        Object read;
        try (InputStream bytes = Files.newInputStream(file);
                ObjectInputStream objects = new ObjectInputStream(bytes)) {
            objects.setObjectInputFilter(FILTER);
            read = objects.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw corrupt(folder, MODEL_FILE + " cannot be read: " + oneLine(e), e);
        }
        if (!(read instanceof Model<?> model) || !model.validate(Regressor.class)) {
            String held = read == null ? "null" : "a " + read.getClass().getName();
            throw corrupt(folder, MODEL_FILE + " holds " + held
                    + ", not a Tribuo regression model", null);
        }
        return (Model<Regressor>) model;
    }

    private static void requireSameFeatures(Path folder, Model<Regressor> model,
            FeatureSpec spec) {
        Set<String> trained = new HashSet<>();
        model.getFeatureIDMap().forEach(info -> trained.add(info.getName()));
        if (!trained.equals(new HashSet<>(spec.featureNames()))) {
            throw corrupt(folder, MODEL_FILE + " was trained on features " + trained.stream()
                    .sorted().toList() + " but " + SPEC_FILE + " names " + spec.featureNames(),
                    null);
        }
    }

    private static String readText(Path folder, String name) {
        Path file = requireFile(folder, name);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw corrupt(folder, name + " cannot be read: " + oneLine(e), e);
        }
    }

    private static Path requireFile(Path folder, String name) {
        if (!Files.isDirectory(folder)) {
            throw new ModelNotFoundException("model folder " + folder + " does not exist", HINT);
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AaplException("model folder " + folder + " is incomplete: " + name
                    + " is missing", HINT);
        }
        return file;
    }

    private static byte[] serialize(Model<Regressor> model, Path folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(model);
        } catch (IOException e) {
            throw new IllegalStateException("the model for " + folder + " cannot be serialized ("
                    + oneLine(e) + "); a plugged-in trainer must make serializable models", e);
        }
        return bytes.toByteArray();
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("could not remove the unfinished model folder {}: {}; delete it by hand",
                    folder, e.toString());
        }
    }

    private static AaplException corrupt(Path folder, String what, Throwable cause) {
        return new AaplException("model folder " + folder + " is corrupt: " + what, HINT, cause);
    }

    private static String oneLine(Throwable e) {
        String message = e instanceof NoSuchFileException ? "no such file " + e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                        : ": " + e.getMessage());
        return message.replaceAll("\\s+", " ").strip();
    }
}
