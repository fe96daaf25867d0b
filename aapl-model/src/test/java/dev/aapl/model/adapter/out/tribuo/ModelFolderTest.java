package dev.aapl.model.adapter.out.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelMetadata;
import dev.aapl.core.domain.ModelNotFoundException;
import dev.aapl.core.domain.TargetKind;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.features.FeatureSpec;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {

    private static final BarSeries BARS = SyntheticBars.walk(300, 11);
    private static final int TARGET_END = 260;

    private static ForecastModel model;
    private static ModelMetadata metadata;

    private final ModelFolder files = new ModelFolder();

    @TempDir
    Path temp;

    @BeforeAll
    static void trainOnce() {
        model = new TribuoForestTrainer(FeatureSpec.defaults()).train(BARS, TARGET_END,
                TribuoForestTrainerTest.TINY, ProgressListener.NONE);
        metadata = new ModelMetadata(Ticker.AAPL, Interval.ONE_HOUR, BARS.source(), true,
                BARS.fingerprint(), BARS.first().start(), BARS.last().start(), BARS.size(),
                TARGET_END - 1 - model.warmupBars(), model.params(), 42L,
                Map.of("rmse", 0.61, "skill", Double.NEGATIVE_INFINITY, "mape", Double.NaN),
                "0.1.0-test", Instant.parse("2024-03-01T12:00:00.123456789Z"));
    }

    private Path saved() {
        Path folder = temp.resolve("models").resolve("v1");
        files.save(model, metadata, folder);
        return folder;
    }

    @Nested
    class RoundTrip {

        @Test
        void writesTheThreeFilesAndNothingElse() throws IOException {
            Path folder = saved();

            try (Stream<Path> inFolder = Files.list(folder);
                    Stream<Path> besideIt = Files.list(folder.getParent())) {
                assertThat(inFolder.map(path -> path.getFileName().toString()))
                        .containsExactlyInAnyOrder("model.ser", "feature_spec.json",
                                "metadata.json");
                assertThat(besideIt).containsExactly(folder);
            }
        }

        @Test
        void aLoadedModelForecastsExactlyAsTheSavedOne() {
            Path folder = saved();

            ForecastModel loaded = files.load(folder);

            assertThat(loaded.forecastCloses(BARS, TARGET_END, BARS.size()))
                    .isEqualTo(model.forecastCloses(BARS, TARGET_END, BARS.size()));
            assertThat(loaded.params()).isEqualTo(model.params());
            assertThat(List.copyOf(loaded.params().keySet()))
                    .isEqualTo(List.copyOf(model.params().keySet()));
            assertThat(loaded.featureSpecJson()).isEqualTo(model.featureSpecJson());
            assertThat(loaded.featureImportances()).isEqualTo(model.featureImportances());
        }

        @Test
        void theMetadataReadsBackUnchanged() {
            Path folder = saved();

            ModelMetadata read = files.readMetadata(folder);

            assertThat(read).isEqualTo(metadata);
            assertThat(read.metrics().get("skill")).isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @Test
        void theTargetKindComesBackFromTheParams() {
            ForecastModel price = new TribuoForestTrainer(FeatureSpec.defaults()).train(BARS,
                    TARGET_END, TribuoForestTrainerTest.TINY.withTarget(TargetKind.PRICE),
                    ProgressListener.NONE);
            ModelMetadata priceMetadata = withParams(price.params());
            Path folder = temp.resolve("price");
            files.save(price, priceMetadata, folder);

            ForecastModel loaded = files.load(folder);

            assertThat(loaded.forecastCloses(BARS, TARGET_END, BARS.size()))
                    .isEqualTo(price.forecastCloses(BARS, TARGET_END, BARS.size()));
        }
    }

    @Nested
    class Refusals {

        @Test
        void anExistingFolderIsLeftAsItWas() throws IOException {
            Path folder = Files.createDirectories(temp.resolve("v1"));
            Files.writeString(folder.resolve("note.txt"), "keep me");

            assertThatThrownBy(() -> files.save(model, metadata, folder))
                    .isInstanceOf(AaplException.class)
                    .hasMessageContaining(folder.toString())
                    .hasMessageContaining("already exists");

            try (Stream<Path> inFolder = Files.list(folder);
                    Stream<Path> besideIt = Files.list(temp)) {
                assertThat(inFolder).containsExactly(folder.resolve("note.txt"));
                assertThat(besideIt).containsExactly(folder);
            }
            assertThat(Files.readString(folder.resolve("note.txt"))).isEqualTo("keep me");
        }

        @Test
        void aModelFromElsewhereCannotBeSaved() {
            ForecastModel foreign = new FixedForecastModel();

            assertThatThrownBy(() -> files.save(foreign, metadata, temp.resolve("x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("TribuoForestTrainer");
        }
    }

    @Nested
    class DamagedFolders {

        @Test
        void aMissingFolderIsNamedWithAHint() {
            Path folder = temp.resolve("nowhere");

            assertThatThrownBy(() -> files.load(folder))
                    .isInstanceOf(ModelNotFoundException.class)
                    .hasMessageContaining(folder.toString())
                    .hasMessageContaining("does not exist")
                    .satisfies(e -> assertThat(((AaplException) e).hint())
                            .contains("promote another version"));
        }

        @Test
        void aMissingFileIsNamed() throws IOException {
            Path folder = saved();
            Files.delete(folder.resolve("model.ser"));

            assertThatThrownBy(() -> files.load(folder))
                    .isInstanceOf(AaplException.class)
                    .hasMessageContaining(folder.toString())
                    .hasMessageContaining("model.ser is missing");
        }

        @Test
        void badJsonIsCalledCorrupt() throws IOException {
            Path folder = saved();
            Files.writeString(folder.resolve("feature_spec.json"), "{\"return_lags\": [1,");

            assertThatThrownBy(() -> files.load(folder))
                    .isInstanceOf(AaplException.class)
                    .hasMessageContaining("is corrupt: feature_spec.json is unreadable")
                    .hasMessageContaining("not valid JSON");
        }

        @Test
        void metadataWithoutAFieldIsCalledCorrupt() throws IOException {
            Path folder = saved();
            String json = Files.readString(folder.resolve("metadata.json"));
            Files.writeString(folder.resolve("metadata.json"),
                    json.replace("\"data_fingerprint\"", "\"fingerprint\""));

            assertThatThrownBy(() -> files.readMetadata(folder))
                    .isInstanceOf(AaplException.class)
                    .hasMessageContaining("metadata.json is unreadable")
                    .hasMessageContaining("data_fingerprint");
        }

        @Test
        void aTruncatedModelFileIsCalledCorrupt() throws IOException {
            Path folder = saved();
            Path modelFile = folder.resolve("model.ser");
            byte[] bytes = Files.readAllBytes(modelFile);
            Files.write(modelFile, Arrays.copyOf(bytes, bytes.length / 2));

            assertThatThrownBy(() -> files.load(folder))
                    .isInstanceOf(AaplException.class)
                    .hasMessageContaining(folder.toString())
                    .hasMessageContaining("model.ser cannot be read")
                    .hasMessageNotContaining("\n");
        }

        @Test
        void aModelFileHoldingSomethingElseIsRefused() throws IOException {
            Path folder = saved();
            writeObject(folder.resolve("model.ser"), new ArrayList<>(List.of("not a model")));

            assertThatThrownBy(() -> files.load(folder))
                    .isInstanceOf(AaplException.class)
                    .hasMessageContaining("holds a java.util.ArrayList");
        }

        @Test
        void classesOutsideTheAllowListAreNeverBuilt() throws IOException {
            Path folder = saved();
            writeObject(folder.resolve("model.ser"), new File("/etc/passwd"));

            assertThatThrownBy(() -> files.load(folder))
                    .isInstanceOf(AaplException.class)
                    .hasMessageContaining("model.ser cannot be read")
                    .hasMessageContaining("REJECTED");
        }

        @Test
        void aSpecThatDiffersFromTheModelsFeaturesIsRefused() throws IOException {
            Path folder = saved();
            FeatureSpec other = new FeatureSpec(List.of(1), List.of(7), List.of(7), 35, false);
            Files.writeString(folder.resolve("feature_spec.json"), FeatureSpecJson.write(other));

            assertThatThrownBy(() -> files.load(folder))
                    .isInstanceOf(AaplException.class)
                    .hasMessageContaining("was trained on features");
        }
    }

    private static ModelMetadata withParams(Map<String, String> params) {
        return new ModelMetadata(metadata.ticker(), metadata.interval(), metadata.dataSource(),
                metadata.synthetic(), metadata.dataFingerprint(), metadata.firstBar(),
                metadata.lastBar(), metadata.rows(), metadata.trainRows(), params,
                metadata.seed(), metadata.metrics(), metadata.projectVersion(),
                metadata.createdAt());
    }

    private static void writeObject(Path file, Serializable object) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(object);
        }
    }
}
