package dev.aapl.tracking.adapter.out.mlruns;

import static dev.aapl.tracking.adapter.out.mlruns.MlrunsLayoutTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.port.out.TrackedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving the champion alias is one rename of a complete file; these tests stop the move between
 * writing the new file and renaming it, as a crash would.
 */
class ChampionAliasTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-04T15:30:00Z"),
            ZoneOffset.UTC);
    private static final String MODEL = "aapl-1h-rf";

    @TempDir
    Path temp;

    private Path root;
    private Path aliasFile;
    private final List<String> seenDuringRename = new ArrayList<>();
    private boolean crash;

    @BeforeEach
    void registerTwoVersionsWithTheFirstAsChampion() throws IOException {
        root = temp.resolve("mlruns");
        aliasFile = root.resolve("models").resolve(MODEL).resolve("aliases/champion");
        MlrunsTracking tracking = store();
        Path model = Files.createDirectories(temp.resolve("model"));
        Files.writeString(model.resolve("forest.bin"), "synthetic model bytes");
        TrackedRun run = tracking.startRun("aapl-1h", "train", Map.of());
        run.logArtifacts(model, "model");
        tracking.registerVersion(MODEL, run, "model", Map.of());
        tracking.registerVersion(MODEL, run, "model", Map.of());
        tracking.setChampion(MODEL, 1);
    }

    @Test
    void keepsTheOldChampionWhenTheMoveStopsBeforeTheRename() throws IOException {
        crash = true;

        assertThatThrownBy(() -> store().setChampion(MODEL, 2))
                .isInstanceOf(AaplException.class);

        assertThat(read(aliasFile)).isEqualTo("1");
        assertThat(MlrunsTracking.open(root).champion(MODEL)).get()
                .extracting(ModelVersion::version).isEqualTo(1);
    }

    @Test
    void showsTheOldChampionUntilTheNewOneIsRenamedIntoPlace() throws IOException {
        store().setChampion(MODEL, 2);

        assertThat(seenDuringRename).containsExactly("1");
        assertThat(read(aliasFile)).isEqualTo("2");
    }

    @Test
    void leavesNoTemporaryFileWhereMlflowLooksForAliases() throws IOException {
        crash = true;

        assertThatThrownBy(() -> store().setChampion(MODEL, 2))
                .isInstanceOf(AaplException.class);

        try (Stream<Path> aliases = Files.list(aliasFile.getParent())) {
            assertThat(aliases.map(path -> path.getFileName().toString()))
                    .containsExactly("champion");
        }
    }

    @Test
    void ignoresATemporaryFileLeftByAKilledProcess() throws IOException {
        Path modelFolder = aliasFile.getParent().getParent();
        Files.writeString(AtomicFiles.temporaryIn(modelFolder), "2");

        MlrunsTracking reopened = MlrunsTracking.open(root);

        assertThat(reopened.champion(MODEL)).get().extracting(ModelVersion::version)
                .isEqualTo(1);
        assertThat(reopened.versions(MODEL)).extracting(ModelVersion::version)
                .containsExactly(1, 2);
    }

    @Test
    void neverDeletesAVersionWhenTheChampionMoves() {
        MlrunsTracking tracking = store();

        tracking.setChampion(MODEL, 2);
        tracking.setChampion(MODEL, 1);

        assertThat(tracking.versions(MODEL)).extracting(ModelVersion::version)
                .containsExactly(1, 2);
        assertThat(tracking.champion(MODEL)).get().extracting(ModelVersion::version)
                .isEqualTo(1);
    }

    private MlrunsTracking store() {
        AtomicFiles files = new AtomicFiles((temporary, target) -> {
            if (target.equals(aliasFile) && Files.exists(aliasFile)) {
                seenDuringRename.add(Files.readString(aliasFile));
                if (crash) {
                    throw new IOException("simulated crash before the rename");
                }
            }
        });
        return new MlrunsTracking(root, Duration.ofMillis(200), CLOCK, files);
    }
}
