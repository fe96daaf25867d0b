package dev.aapl.model.adapter.out.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ForecastTable;
import dev.aapl.core.port.out.ForecastModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartArtifactsTest {

    private static final String TITLE = "AAPL 1h holdout (synthetic data)";

    @TempDir
    Path folder;

    private final ChartArtifacts artifacts = new ChartArtifacts();

    /** Forty synthetic holdout rows an hour apart, with a forecast a little off the actual. */
    private static ForecastTable table() {
        List<Instant> origins = new ArrayList<>();
        List<Instant> targets = new ArrayList<>();
        int n = 40;
        double[] lastCloses = new double[n];
        double[] actuals = new double[n];
        double[] forecasts = new double[n];
        Instant start = Instant.parse("2024-03-04T14:30:00Z");
        for (int i = 0; i < n; i++) {
            origins.add(start.plus(Duration.ofHours(i)));
            targets.add(start.plus(Duration.ofHours(i + 1)));
            lastCloses[i] = 180 + Math.sin(i / 5.0);
            actuals[i] = 180 + Math.sin((i + 1) / 5.0);
            forecasts[i] = lastCloses[i] + 0.5 * (actuals[i] - lastCloses[i]);
        }
        return new ForecastTable(origins, targets, lastCloses, actuals, forecasts);
    }

    @Test
    void writesTheFiveFilesInTheirOrder() {
        List<Path> written = artifacts.write(folder, table(), new StubModel(), TITLE);

        assertThat(written).extracting(path -> path.getFileName().toString()).containsExactly(
                "holdout_predictions.csv", "holdout_forecast.png", "holdout_residuals.png",
                "feature_importances.csv", "feature_spec.json");
        assertThat(written).allSatisfy(path -> assertThat(path).exists().isRegularFile());
    }

    @Test
    void thePredictionsCsvHasOneRowPerForecast() throws IOException {
        ForecastTable table = table();

        artifacts.write(folder, table, new StubModel(), TITLE);

        List<String> lines = Files.readAllLines(folder.resolve("holdout_predictions.csv"));
        assertThat(lines.get(0))
                .isEqualTo("origin_start,target_start,last_close,actual,forecast,naive,error");
        assertThat(lines).hasSize(table.size() + 1);
        String[] first = lines.get(1).split(",");
        assertThat(first[0]).isEqualTo("2024-03-04T14:30:00Z");
        assertThat(first[1]).isEqualTo("2024-03-04T15:30:00Z");
        assertThat(Double.parseDouble(first[5])).isEqualTo(table.lastCloses()[0]);
        assertThat(Double.parseDouble(first[6]))
                .isEqualTo(table.actuals()[0] - table.forecasts()[0]);
    }

    @Test
    void theChartsAreImages() throws IOException {
        artifacts.write(folder, table(), new StubModel(), TITLE);

        BufferedImage forecast = ImageIO.read(folder.resolve("holdout_forecast.png").toFile());
        BufferedImage residuals = ImageIO.read(folder.resolve("holdout_residuals.png").toFile());

        assertThat(forecast).isNotNull();
        assertThat(forecast.getWidth()).isEqualTo(1200);
        assertThat(residuals).isNotNull();
    }

    @Test
    void theImportancesAreSortedLargestFirst() throws IOException {
        artifacts.write(folder, table(), new StubModel(), TITLE);

        List<String> lines = Files.readAllLines(folder.resolve("feature_importances.csv"));

        assertThat(lines).containsExactly("feature,importance", "ret_lag_1,0.5", "weekday,0.3",
                "vol_7,0.2");
    }

    @Test
    void theSpecIsTheModelsOwn() throws IOException {
        artifacts.write(folder, table(), new StubModel(), TITLE);

        assertThat(Files.readString(folder.resolve("feature_spec.json")))
                .isEqualTo(new StubModel().featureSpecJson());
    }

    @Test
    void writingAgainReplacesTheFilesAndLeavesNoTemporaryOnes() throws IOException {
        artifacts.write(folder, table(), new StubModel(), TITLE);

        artifacts.write(folder, table(), new StubModel(), TITLE);

        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(".")).hasSize(5);
        }
    }

    @Test
    void anEmptyHoldoutStillGivesEveryFile() throws IOException {
        ForecastTable empty = new ForecastTable(List.of(), List.of(), new double[0],
                new double[0], new double[0]);

        List<Path> written = artifacts.write(folder, empty, new StubModel(), TITLE);

        assertThat(written).hasSize(5);
        assertThat(Files.readAllLines(folder.resolve("holdout_predictions.csv"))).hasSize(1);
        assertThat(ImageIO.read(folder.resolve("holdout_forecast.png").toFile())).isNotNull();
    }

    /** A model that only describes itself. */
    private static final class StubModel implements ForecastModel {

        @Override
        public int warmupBars() {
            return 7;
        }

        @Override
        public double[] forecastCloses(BarSeries bars, int fromOrigin, int toOrigin) {
            throw new UnsupportedOperationException("the artifacts never forecast");
        }

        @Override
        public Map<String, String> params() {
            return Map.of();
        }

        @Override
        public List<String> featureNames() {
            return List.of("ret_lag_1", "vol_7", "weekday");
        }

        @Override
        public Map<String, Double> featureImportances() {
            Map<String, Double> importances = new LinkedHashMap<>();
            importances.put("vol_7", 0.2);
            importances.put("ret_lag_1", 0.5);
            importances.put("weekday", 0.3);
            return importances;
        }

        @Override
        public OptionalDouble outOfBagError() {
            return OptionalDouble.empty();
        }

        @Override
        public String featureSpecJson() {
            return "{\n  \"return_lags\" : [ 1 ]\n}\n";
        }
    }
}
