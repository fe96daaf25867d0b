package dev.aapl.cli.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.TargetKind;
import dev.aapl.core.port.in.TrainCommand;
import dev.aapl.features.FeatureSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelOptionsTest {

    @TempDir
    Path folder;

    private static TrainCli parse(String... args) {
        TrainCli train = new TrainCli();
        new CommandLine(train).parseArgs(args);
        return train;
    }

    @Test
    void usesTheDefaultsWhenNothingIsGiven() {
        ModelSettings settings = parse().model.settings();

        assertThat(settings).isEqualTo(ModelSettings.defaults());
        assertThat(parse().model.featureSpec()).isEqualTo(FeatureSpec.defaults());
    }

    @Test
    void readsHyperparametersAndWindowsFromAYamlFile() throws Exception {
        Path yaml = Files.writeString(folder.resolve("forest.yaml"), String.join("\n",
                "trees: 250", "max-depth: 12", "target: price", "bootstrap: false",
                "lags: [1, 2, 4]", "volume-window: 20"));

        TrainCli train = parse("--config", yaml.toString());

        ModelSettings settings = train.model.settings();
        assertThat(settings.trees()).isEqualTo(250);
        assertThat(settings.maxDepth()).isEqualTo(12);
        assertThat(settings.target()).isEqualTo(TargetKind.PRICE);
        assertThat(settings.bootstrap()).isFalse();
        assertThat(train.model.featureSpec().returnLags()).containsExactly(1, 2, 4);
        assertThat(train.model.featureSpec().volumeWindow()).isEqualTo(20);
    }

    @Test
    void letsTheCommandLineWinOverAPropertiesFile() throws Exception {
        Path properties = Files.writeString(folder.resolve("forest.properties"),
                "trees=250\nseed=7\nma-windows=5,10\n");

        TrainCli train = parse("--config", properties.toString(), "--trees", "30",
                "--ma-windows", "3,6");

        assertThat(train.model.settings().trees()).isEqualTo(30);
        assertThat(train.model.settings().seed()).isEqualTo(7);
        assertThat(train.model.featureSpec().movingAverageWindows()).containsExactly(3, 6);
    }

    @Test
    void rejectsAnUnknownKeyAndNamesTheKnownOnes() throws Exception {
        Path properties = Files.writeString(folder.resolve("bad.properties"), "tress=10\n");

        assertThatThrownBy(() -> parse("--config", properties.toString()).model.settings())
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("unknown key 'tress'")
                .satisfies(e -> assertThat(((AaplException) e).hint()).contains("trees"));
    }

    @Test
    void rejectsAValueThatIsNotANumber() throws Exception {
        Path properties = Files.writeString(folder.resolve("bad.properties"), "trees=many\n");

        assertThatThrownBy(() -> parse("--config", properties.toString()).model.settings())
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("'many' is not a valid value for trees");
    }

    @Test
    void saysWhenTheFileIsMissing() {
        assertThatThrownBy(() -> parse("--config", folder.resolve("none.yaml").toString())
                .model.settings())
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void takesHoldoutDaysFromTheOptionThenTheFileThenTheDefault() throws Exception {
        Path yaml = Files.writeString(folder.resolve("holdout.yaml"), "holdout-days: 15\n");

        assertThat(parse("--config", yaml.toString()).holdoutDays()).isEqualTo(15);
        assertThat(parse("--config", yaml.toString(), "--holdout-days", "9").holdoutDays())
                .isEqualTo(9);
        assertThat(parse().holdoutDays()).isEqualTo(TrainCommand.DEFAULT_HOLDOUT_DAYS);
    }
}
