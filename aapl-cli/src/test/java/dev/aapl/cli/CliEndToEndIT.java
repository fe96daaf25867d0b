package dev.aapl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end, through the runnable jar in a temporary folder, on the
 * synthetic sample data: train, predict, backtest, the model registry, and bad input. The
 * steps build on each other, so they run in order on one tracking folder.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class CliEndToEndIT {

    /** A Friday evening after the close, so the sample's last bar is the 15:30 bar. */
    private static final String AS_OF = "2026-11-20T17:00:00-05:00";
    private static final String[] SMALL_FOREST = {"--source", "sample", "--trees", "10",
        "--max-depth", "5", "--as-of", AS_OF};
    private static final String[] SAMPLE = {"--source", "sample", "--as-of", AS_OF};

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static JarRunner aapl;

    @BeforeAll
    static void findJar() {
        aapl = new JarRunner(work);
    }

    /** @return the command, then the given options, then more arguments */
    private static String[] args(String[] options, String command, String... more) {
        return Stream.concat(Stream.concat(Stream.of(command), Stream.of(options)),
                Stream.of(more)).toArray(String[]::new);
    }

    private static JsonNode json(JarRunner.Result result) throws IOException {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    @Test
    @Order(1)
    void predictBeforeAnyTrainingSaysHowToGetAChampion() throws Exception {
        JarRunner.Result result = aapl.run(args(SAMPLE, "predict"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("no champion").contains("aapl train");
    }

    @Test
    @Order(2)
    void trainReportsModelBesideNaiveAndPromotesTheFirstModel() throws Exception {
        JsonNode report = json(aapl.run(args(SMALL_FOREST, "train", "--json")));

        for (String field : List.of("rmse", "mae", "directionalAccuracy", "naiveRmse", "skill",
                "trainRows", "holdoutRows")) {
            assertThat(report.has(field)).as(field).isTrue();
        }
        assertThat(report.get("holdoutRows").asInt()).isBetween(130, 141);
        assertThat(report.get("trainRows").asInt()).isGreaterThan(3000);
        assertThat(report.get("synthetic").asBoolean()).isTrue();
        assertThat(report.get("modelVersion").asInt()).isEqualTo(1);
        assertThat(report.get("rmse").asDouble()).isPositive();
        assertThat(report.get("naiveRmse").asDouble()).isPositive();
        assertThat(Files.isDirectory(work.resolve("mlruns"))).isTrue();
    }

    @Test
    @Order(3)
    void trainWithoutJsonPrintsAReadableReport() throws Exception {
        JarRunner.Result result = aapl.run(args(SMALL_FOREST, "train", "--seed", "7"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("RMSE").contains("naive").contains("skill")
                .contains("synthetic").contains("aapl-1h-rf version 2");
    }

    @Test
    @Order(4)
    void predictUsesTheChampionAndNamesIt() throws Exception {
        JsonNode forecast = json(aapl.run(args(SAMPLE, "predict", "--json")));

        assertThat(forecast.get("nextBarStart").asText()).isEqualTo("2026-11-23T09:30-05:00");
        assertThat(forecast.get("lastBarStart").asText()).isEqualTo("2026-11-20T15:30-05:00");
        assertThat(forecast.get("forecastClose").asDouble()).isPositive();
        assertThat(forecast.get("modelVersion").asInt()).isBetween(1, 2);
        assertThat(forecast.get("synthetic").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void backtestForecastsEveryBarOfTheSpan() throws Exception {
        JsonNode report = json(aapl.run(args(SMALL_FOREST, "backtest", "--days", "10",
                "--refit-every", "5", "--json")));

        assertThat(report.get("folds")).hasSize(2);
        assertThat(report.get("forecasts").asInt()).isBetween(60, 70);
        assertThat(report.has("skill")).isTrue();
    }

    @Test
    @Order(6)
    void modelsListsVersionsAndPromoteRollsBack() throws Exception {
        JsonNode before = json(aapl.run("models", "--json"));
        assertThat(before.get("versions")).hasSize(2);

        JsonNode promoted = json(aapl.run("promote", "--version", "1", "--json"));
        JsonNode forecast = json(aapl.run(args(SAMPLE, "predict", "--json")));

        assertThat(promoted.get("champion").asInt()).isEqualTo(1);
        assertThat(forecast.get("modelVersion").asInt()).isEqualTo(1);
        JsonNode after = json(aapl.run("models", "--json"));
        assertThat(after.get("versions").get(0).get("champion").asBoolean()).isTrue();
        assertThat(after.get("versions").get(0).get("tags").get("aapl.promotion.decision")
                .asText()).isEqualTo("promoted by hand");
    }

    @Test
    @Order(7)
    void mlflowReadsWhatTrainAndBacktestWrote() throws Exception {
        String python = System.getenv("AAPL_MLFLOW_PYTHON");
        assumeTrue(python != null && !python.isBlank(),
                "set AAPL_MLFLOW_PYTHON (scripts/python-env.sh prints it) to check with MLflow");
        Process process = new ProcessBuilder(python, System.getProperty("aapl.mlflow.verifier"),
                work.resolve("mlruns").toString(), "--experiment", "aapl-1h", "--model",
                "aapl-1h-rf", "--migrate").start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();

        JsonNode summary = JSON.readTree(out);
        List<JsonNode> runs = new ArrayList<>();
        summary.get("runs").forEach(runs::add);
        List<JsonNode> trains = runs.stream()
                .filter(r -> r.get("tags").path("aapl.run.kind").asText().equals("train"))
                .toList();
        assertThat(trains).hasSize(2).allSatisfy(run -> {
            assertThat(run.get("status").asText()).isEqualTo("FINISHED");
            assertThat(run.get("params").get("trees").asText()).isEqualTo("10");
            assertThat(run.get("params").has("feature.return_lags")).isTrue();
            assertThat(run.get("latest_metrics").has("naive_rmse")).isTrue();
            assertThat(run.get("tags").get("aapl.data.synthetic").asText()).isEqualTo("true");
            assertThat(run.get("artifacts").toString()).contains("model/model.ser")
                    .contains("holdout_predictions.csv").contains("holdout_forecast.png")
                    .contains("feature_importances.csv");
        });
        JsonNode backtest = runs.stream()
                .filter(r -> r.get("tags").path("aapl.run.kind").asText().equals("backtest"))
                .findFirst().orElseThrow();
        assertThat(backtest.get("metrics").get("fold_rmse")).hasSize(2);
        assertThat(backtest.get("metrics").get("fold_rmse").get(1).get("step").asInt())
                .isEqualTo(2);
        JsonNode model = summary.get("models").get(0);
        assertThat(model.get("versions")).hasSize(2);
        assertThat(model.get("aliases").get("champion").get("version").asInt()).isEqualTo(1);
        assertThat(model.get("aliases").get("champion").get("files").toString())
                .contains("model.ser").contains("metadata.json");
        assertThat(summary.get("migrated").get("models").get("aapl-1h-rf").get("aliases")
                .get("champion").asInt()).isEqualTo(1);
    }

    @Test
    @Order(10)
    void unknownSourceIsAUsageError() throws Exception {
        JarRunner.Result result = aapl.run("train", "--source", "ftp://x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown source");
    }

    @Test
    @Order(11)
    void missingCsvFileFailsWithOneLineAndKeepsTheChampion() throws Exception {
        JarRunner.Result result = aapl.run("train", "--source", "csv:nowhere.csv",
                "--as-of", AS_OF);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("nowhere.csv");
        JsonNode forecast = json(aapl.run(args(SAMPLE, "predict", "--json")));
        assertThat(forecast.get("modelVersion").asInt()).isEqualTo(1);
    }

    @Test
    @Order(12)
    void emptyCsvFileFailsWithOneLine() throws Exception {
        Files.writeString(work.resolve("empty.csv"), "");

        JarRunner.Result result = aapl.run("train", "--source", "csv:empty.csv",
                "--as-of", AS_OF);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    @Order(13)
    void tooFewBarsForTheHoldoutFailsClearly() throws Exception {
        Path csv = work.resolve("short.csv");
        Files.writeString(csv, "Datetime,Open,High,Low,Close,Volume\n"
                + "2024-03-04 09:30:00-05:00,100,101,99,100.5,1000\n"
                + "2024-03-04 10:30:00-05:00,100.5,101,99,100.2,1000\n"
                + "2024-03-05 09:30:00-05:00,100.2,101,99,100.7,1000\n");

        JarRunner.Result result = aapl.run("train", "--source", "csv:" + csv, "--as-of",
                AS_OF);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("trading days");
    }

    @Test
    @Order(14)
    void badOptionValueIsAUsageError() throws Exception {
        JarRunner.Result result = aapl.run("train", "--source", "sample", "--trees", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("trees");
    }

    @Test
    @Order(18)
    void secondTrainingRefusesWhileOneRunsAndAKilledTrainingHarmsNothing() throws Exception {
        JsonNode before = json(aapl.run("models", "--json"));
        Path log = work.resolve("slow-train.err");
        Process slow = aapl.start(log, args(SAMPLE, "train", "--algorithm", "tribuo-cart",
                "--trees", "200"));
        try {
            waitForLine(log, "Started run");

            JarRunner.Result refused = aapl.run(args(SMALL_FOREST, "train", "--lock-wait", "0"));

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err().strip().lines()).hasSize(1);
            assertThat(refused.err()).contains("another training of aapl-1h-rf is running");
        } finally {
            slow.destroyForcibly().waitFor();
        }

        JsonNode after = json(aapl.run("models", "--json"));
        assertThat(after.get("versions")).isEqualTo(before.get("versions"));
        JsonNode forecast = json(aapl.run(args(SAMPLE, "predict", "--json")));
        assertThat(forecast.get("modelVersion").asInt()).isEqualTo(1);
        JarRunner.Result next = aapl.run(args(SMALL_FOREST, "train", "--lock-wait", "0"));
        assertThat(next.exitCode()).as(next.err()).isZero();
    }

    private static void waitForLine(Path log, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' never appeared in " + log);
    }

    @Test
    @Order(20)
    void corruptChampionFolderFailsPredictAndIsLeftAsItWas() throws Exception {
        String championRun = championRun();
        Path modelFile;
        try (Stream<Path> files = Files.walk(work.resolve("mlruns"))) {
            modelFile = files.filter(p -> p.getFileName().toString().equals("model.ser"))
                    .filter(p -> p.toString().contains(championRun))
                    .findFirst().orElseThrow();
        }
        Files.write(modelFile, new byte[] {1, 2, 3});

        JarRunner.Result result = aapl.run(args(SAMPLE, "predict"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("model.ser");
        assertThat(Files.readAllBytes(modelFile)).containsExactly(1, 2, 3);
        JsonNode models = json(aapl.run("models", "--json"));
        assertThat(models.get("versions").get(0).get("champion").asBoolean()).isTrue();
    }

    private static String championRun() throws Exception {
        JsonNode models = json(aapl.run("models", "--json"));
        for (JsonNode version : models.get("versions")) {
            if (version.get("champion").asBoolean()) {
                return version.get("runId").asText();
            }
        }
        throw new AssertionError("no champion in " + models);
    }

    @Test
    @Order(16)
    void unwritableTrackingFolderFailsWithOneLine() throws Exception {
        Path blocked = work.resolve("not-a-folder");
        Files.writeString(blocked, "a file where a folder should be");

        JarRunner.Result result = aapl.run(args(SMALL_FOREST, "train", "--tracking-dir",
                blocked.toString()));
        JarRunner.Result predict = aapl.run(args(SAMPLE, "predict", "--json"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("not-a-folder");
        assertThat(json(predict).get("modelVersion").asInt()).isEqualTo(1);
    }

    @Test
    @Order(17)
    void everyCommandHasHelp() throws Exception {
        for (String command : List.of("fetch", "train", "predict", "backtest", "models",
                "promote")) {
            JarRunner.Result result = aapl.run(command, "--help");

            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).as(command).contains("Usage: aapl " + command);
        }
    }
}
