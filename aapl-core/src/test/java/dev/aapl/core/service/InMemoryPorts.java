package dev.aapl.core.service;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ForecastTable;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelMetadata;
import dev.aapl.core.domain.ModelNotFoundException;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.port.out.EvaluationArtifactsPort;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.LoadBarsPort;
import dev.aapl.core.port.out.ModelFilesPort;
import dev.aapl.core.port.out.ModelRegistryPort;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.core.port.out.TrackedRun;
import dev.aapl.core.port.out.TrackingPort;
import dev.aapl.core.port.out.TrainModelPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Test doubles of the core's own out-ports, kept in memory or in a temporary folder, so the
 * services' rules can be tested without any adapter.
 */
final class InMemoryPorts {

    final Path root;
    final FakeTracking tracking = new FakeTracking();
    final FakeRegistry registry = new FakeRegistry();
    BarSeries series;
    /** How far each trained model's forecast moves from the last close toward the truth. */
    double nextWeight = 0.5;
    RuntimeException failTrainingWith;

    InMemoryPorts(Path root, int tradingDays) {
        this.root = root;
        this.series = syntheticSeries(tradingDays);
    }

    ServicePorts ports() {
        LoadBarsPort bars = (ticker, interval, now) -> series;
        TrainModelPort trainer = this::train;
        return new ServicePorts(bars, trainer, new FakeModelFiles(), new FakeArtifacts(),
                tracking, registry);
    }

    private ForecastModel train(BarSeries bars, int targetEnd, ModelSettings settings,
            ProgressListener progress) {
        if (failTrainingWith != null) {
            throw failTrainingWith;
        }
        return new PeekingModel(nextWeight, bars);
    }

    /** Synthetic hourly bars on the NYSE calendar: a seeded random walk. */
    static BarSeries syntheticSeries(int tradingDays) {
        NyseCalendar calendar = NyseCalendar.instance();
        List<Bar> bars = new ArrayList<>();
        Random random = new Random(7);
        double price = 150;
        LocalDate day = LocalDate.of(2024, 1, 2);
        for (int d = 0; d < tradingDays; d++) {
            for (Instant start : calendar.barStarts(day)) {
                double close = price * Math.exp(0.004 * random.nextGaussian());
                bars.add(new Bar(start, price, Math.max(price, close) + 0.1,
                        Math.min(price, close) - 0.1, close, 1000));
                price = close;
            }
            day = calendar.nextTradingDay(day);
        }
        return BarSeries.of(Ticker.AAPL, Interval.ONE_HOUR, bars, "test (synthetic)", true);
    }

    /**
     * A stand-in model that forecasts {@code last + weight * (next - last)} by looking at the
     * true next close, so its quality is set by the test; weight 1 is perfect, 0 is naive and
     * negative weights are worse than naive.
     */
    static final class PeekingModel implements ForecastModel {
        final double weight;
        private final BarSeries truth;

        PeekingModel(double weight, BarSeries truth) {
            this.weight = weight;
            this.truth = truth;
        }

        @Override
        public int warmupBars() {
            return 5;
        }

        @Override
        public double[] forecastCloses(BarSeries bars, int fromOrigin, int toOrigin) {
            double[] out = new double[toOrigin - fromOrigin];
            for (int i = 0; i < out.length; i++) {
                int t = fromOrigin + i;
                double last = bars.get(t).close();
                double next = t + 1 < truth.size() ? truth.get(t + 1).close() : last;
                out[i] = last + weight * (next - last);
            }
            return out;
        }

        @Override
        public Map<String, String> params() {
            return Map.of("weight", Double.toString(weight));
        }

        @Override
        public List<String> featureNames() {
            return List.of("peek");
        }

        @Override
        public Map<String, Double> featureImportances() {
            return Map.of("peek", 1.0);
        }

        @Override
        public OptionalDouble outOfBagError() {
            return OptionalDouble.empty();
        }

        @Override
        public String featureSpecJson() {
            return "{}";
        }
    }

    final class FakeModelFiles implements ModelFilesPort {
        @Override
        public void save(ForecastModel model, ModelMetadata metadata, Path folder) {
            try {
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("weight"),
                        Double.toString(((PeekingModel) model).weight));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public ForecastModel load(Path folder) {
            try {
                return new PeekingModel(
                        Double.parseDouble(Files.readString(folder.resolve("weight"))), series);
            } catch (IOException | NumberFormatException e) {
                throw new AaplException("model folder " + folder + " is corrupt", "retrain");
            }
        }

        @Override
        public ModelMetadata readMetadata(Path folder) {
            load(folder);
            return new ModelMetadata(Ticker.AAPL, Interval.ONE_HOUR, "test", true, "f",
                    Instant.EPOCH, Instant.EPOCH, 1, 1, Map.of(), 1, Map.of(), "test",
                    Instant.EPOCH);
        }
    }

    static final class FakeArtifacts implements EvaluationArtifactsPort {
        @Override
        public List<Path> write(Path folder, ForecastTable table, ForecastModel model,
                String title) {
            try {
                return List.of(Files.writeString(folder.resolve("rows.txt"),
                        Integer.toString(table.size())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final class FakeTracking implements TrackingPort {
        final List<FakeRun> runs = new ArrayList<>();

        @Override
        public TrackedRun startRun(String experiment, String runName, Map<String, String> tags) {
            FakeRun run = new FakeRun("run" + runs.size(), runName);
            run.tags.putAll(tags);
            runs.add(run);
            return run;
        }

        @Override
        public String location() {
            return root.toString();
        }
    }

    final class FakeRun implements TrackedRun {
        final String id;
        final String name;
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, List<Double>> metrics = new LinkedHashMap<>();
        String status = "RUNNING";

        FakeRun(String id, String name) {
            this.id = id;
            this.name = name;
        }

        Path artifacts() {
            return root.resolve(id);
        }

        @Override
        public String runId() {
            return id;
        }

        @Override
        public String runName() {
            return name;
        }

        @Override
        public void logParams(Map<String, String> values) {
            values.forEach((k, v) -> {
                if (params.containsKey(k)) {
                    throw new IllegalStateException("param " + k + " logged twice");
                }
                params.put(k, v);
            });
        }

        @Override
        public void logMetrics(Map<String, Double> values, long step) {
            values.forEach((k, v) -> metrics.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }

        @Override
        public void setTags(Map<String, String> values) {
            tags.putAll(values);
        }

        @Override
        public void logArtifacts(Path folder, String artifactPath) {
            Path target = artifacts().resolve(artifactPath);
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = target.resolve(folder.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.createDirectories(copy.getParent());
                        Files.copy(file, copy);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            status = "FINISHED";
        }

        @Override
        public void fail(String message) {
            status = "FAILED";
            tags.put("error", message);
        }
    }

    final class FakeRegistry implements ModelRegistryPort {
        final List<ModelVersion> versions = new ArrayList<>();
        Integer champion;
        int locksTaken;

        @Override
        public ModelVersion registerVersion(String modelName, TrackedRun run,
                String artifactPath, Map<String, String> tags) {
            ModelVersion version = new ModelVersion(modelName, versions.size() + 1, run.runId(),
                    ((FakeRun) run).artifacts().resolve(artifactPath).toString(), Instant.EPOCH,
                    tags, false);
            versions.add(version);
            return version;
        }

        @Override
        public List<ModelVersion> versions(String modelName) {
            return versions.stream().map(v -> new ModelVersion(v.modelName(), v.version(),
                    v.runId(), v.source(), v.createdAt(), v.tags(),
                    Integer.valueOf(v.version()).equals(champion))).toList();
        }

        @Override
        public Optional<ModelVersion> champion(String modelName) {
            return versions(modelName).stream().filter(ModelVersion::champion).findFirst();
        }

        @Override
        public void setChampion(String modelName, int version) {
            if (version < 1 || version > versions.size()) {
                throw new ModelNotFoundException("no version " + version, "");
            }
            champion = version;
        }

        @Override
        public void setVersionTags(String modelName, int version, Map<String, String> tags) {
            ModelVersion v = versions.get(version - 1);
            Map<String, String> merged = new LinkedHashMap<>(v.tags());
            merged.putAll(tags);
            versions.set(version - 1, new ModelVersion(v.modelName(), v.version(), v.runId(),
                    v.source(), v.createdAt(), merged, false));
        }

        @Override
        public Path modelFolder(ModelVersion version) {
            return Path.of(version.source());
        }

        @Override
        public RegistryLock lock(String modelName) {
            locksTaken++;
            return () -> { };
        }
    }
}
