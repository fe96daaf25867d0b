package dev.aapl.bench;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.BuildInfo;
import dev.aapl.core.domain.ModelMetadata;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.port.in.BacktestCommand;
import dev.aapl.core.port.in.BacktestResult;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.LoadBarsPort;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.core.service.BacktestService;
import dev.aapl.core.service.ServicePorts;
import dev.aapl.features.FeatureSpec;
import dev.aapl.model.adapter.out.charts.ChartArtifacts;
import dev.aapl.model.adapter.out.tribuo.ModelFolder;
import dev.aapl.model.adapter.out.tribuo.TribuoForestTrainer;
import dev.aapl.model.forest.FastForestModel;
import dev.aapl.model.forest.FastForestTrainer;
import dev.aapl.tracking.adapter.out.mlruns.MlrunsTracking;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

/**
 * The measurements behind {@link ForestBench}, all on one series, one feature spec, one set of
 * hyperparameters and one holdout, so that the two trainers see exactly the same rows.
 */
final class SideBySide {

    /**
     * Most untimed trainings before the timed ones: the fast forest's loops reach the JIT's
     * steady state only after about ten trainings, before which one takes twice as long.
     */
    private static final int WARMUP_TRAININGS = 10;
    /** Warm-up stops after this long even if fewer trainings ran, for large forests. */
    private static final long WARMUP_MAX_MILLIS = 5_000;
    /** Timed loads of a saved model, after one untimed load. */
    private static final int LOADS = 5;
    /** About how long each forecast latency is measured for. */
    private static final long LATENCY_BUDGET_MILLIS = 2_000;

    private final BarSeries bars;
    private final FeatureSpec spec;
    private final ModelSettings settings;
    private final int holdoutStart;
    private final Path scratch;
    private final PrintStream progress;
    private final BenchData.Rows training;
    private final BenchData.Rows holdout;

    SideBySide(BarSeries bars, FeatureSpec spec, ModelSettings settings, int holdoutStart,
            Path scratch, PrintStream progress) {
        this.bars = bars;
        this.spec = spec;
        this.settings = settings;
        this.holdoutStart = holdoutStart;
        this.scratch = scratch;
        this.progress = progress;
        this.training = BenchData.rows(bars, spec, 0, holdoutStart);
        this.holdout = BenchData.rows(bars, spec, holdoutStart, bars.size());
    }

    BarSeries bars() {
        return bars;
    }

    FeatureSpec spec() {
        return spec;
    }

    ModelSettings settings() {
        return settings;
    }

    BenchData.Rows training() {
        return training;
    }

    BenchData.Rows holdout() {
        return holdout;
    }

    /**
     * @param runs timed trainings after one warm-up
     * @return the fast forest's figures
     */
    TrainerFigures measureFast(int runs) {
        progress.printf("fast forest: warming up, then training %d times...%n", runs);
        return measure("fast forest", settings.withAlgorithm(ModelSettings.FAST_FOREST), runs,
                true, ProgressListener.NONE);
    }

    /** @return Tribuo's forest's figures, from one training without warm-up */
    TrainerFigures measureTribuo() {
        progress.printf("Tribuo forest: training once (about 1.5 minutes per 100 trees)...%n");
        ProgressListener trees = (task, done, total) -> {
            if (done > 0 && (done % 10 == 0 || done == total)) {
                progress.printf("  %d/%d trees%n", done, total);
            }
        };
        return measure("Tribuo CART", settings.withAlgorithm(ModelSettings.TRIBUO_CART), 1,
                false, trees);
    }

    /** @return the naive forecast's score on the same holdout */
    HoldoutScore naiveScore() {
        return HoldoutScore.naive(bars, holdoutStart);
    }

    /**
     * @param runs timed fits after the warm-up
     * @return the fast forest fitted on a prepared dataset, as scikit-learn's {@code fit} is
     */
    FitFigures measureFitOnly(int runs) {
        progress.printf("fast forest: warming up, then fitting a prepared dataset %d times...%n",
                runs);
        MutableDataset<Regressor> dataset = BenchData.dataset(training);
        FastForestTrainer trainer = BenchData.fastTrainer(settings);
        int warmups = warmUp(() -> trainer.train(dataset));
        FastForestModel forest = null;
        double[] millis = new double[runs];
        for (int r = 0; r < runs; r++) {
            Timer.Timed<FastForestModel> fit = Timer.time(() -> trainer.train(dataset));
            millis[r] = fit.millis();
            forest = fit.value();
        }

        double[] predicted = new double[holdout.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = forest.predict(
                    ModelRows.inModelOrder(forest, spec, holdout.features().row(i)));
        }
        FastForestModel model = forest;
        double[] row = ModelRows.inModelOrder(forest, spec, holdout.features().row(0));
        double predictMicros = Timer.medianMicrosPerCall(() -> model.predict(row),
                LATENCY_BUDGET_MILLIS / 2);
        ByteArrayOutputStream compact = new ByteArrayOutputStream();
        forest.writeTo(compact);
        return new FitFigures(Timer.median(millis), runs, warmups,
                Math.min(Runtime.getRuntime().availableProcessors(), settings.trees()),
                HoldoutScore.rmse(predicted, holdout.targets()), predictMicros, compact.size());
    }

    /**
     * Runs the product's walk-forward backtest with the fast forest, tracking into a temporary
     * mlruns folder. Call it before anything else is trained, so that it runs with the JIT as
     * cold as a fresh {@code aapl backtest} process has it.
     *
     * @param days trading days of the backtest, refitted every day
     * @param now the time of the run
     * @return its wall time in seconds
     */
    double backtestSeconds(int days, Instant now) {
        progress.printf("walk-forward backtest: %d days, refitted every day...%n", days);
        MlrunsTracking tracking = MlrunsTracking.open(scratch.resolve("mlruns"));
        LoadBarsPort source = (ticker, interval, at) -> bars;
        ServicePorts ports = new ServicePorts(source, new TribuoForestTrainer(spec),
                new ModelFolder(), new ChartArtifacts(), tracking, tracking);
        BacktestService service = new BacktestService(ports, NyseCalendar.instance(),
                new BuildInfo("bench", ""), ProgressListener.NONE, Clock.systemUTC());
        BacktestCommand command = new BacktestCommand(bars.ticker(), bars.interval(),
                settings.withAlgorithm(ModelSettings.FAST_FOREST), days, 1, now);
        Timer.Timed<BacktestResult> run = Timer.time(() -> service.backtest(command));
        return run.millis() / 1000;
    }

    private TrainerFigures measure(String label, ModelSettings trainerSettings, int runs,
            boolean warm, ProgressListener trees) {
        TribuoForestTrainer trainer = new TribuoForestTrainer(spec);
        int warmups = warm ? warmUp(() -> trainer.train(bars, holdoutStart, trainerSettings,
                ProgressListener.NONE)) : 0;
        double[] millis = new double[runs];
        ForecastModel model = null;
        for (int r = 0; r < runs; r++) {
            Timer.Timed<ForecastModel> trained = Timer.time(
                    () -> trainer.train(bars, holdoutStart, trainerSettings, trees));
            millis[r] = trained.millis();
            model = trained.value();
        }
        HoldoutScore score = HoldoutScore.of(model, bars, holdoutStart);

        Path folder = scratch.resolve(trainerSettings.algorithm());
        new ModelFolder().save(model, metadata(model, score), folder);
        double loadMillis = medianLoadMillis(folder, model);
        ForecastModel trainedModel = model;
        int last = bars.size() - 1;
        double forecastMicros = Timer.medianMicrosPerCall(
                () -> trainedModel.forecastCloses(bars, last, last + 1)[0],
                LATENCY_BUDGET_MILLIS);
        return new TrainerFigures(label, Timer.median(millis), runs, warmups, score,
                size(folder.resolve(ModelFolder.MODEL_FILE)), loadMillis, forecastMicros);
    }

    private static int warmUp(Runnable training) {
        long end = System.nanoTime() + WARMUP_MAX_MILLIS * 1_000_000;
        int done = 0;
        while (done < WARMUP_TRAININGS && (done == 0 || System.nanoTime() < end)) {
            training.run();
            done++;
        }
        return done;
    }

    /** Loads the folder several times, checking that the loaded model forecasts the same. */
    private double medianLoadMillis(Path folder, ForecastModel trained) {
        ModelFolder files = new ModelFolder();
        int last = bars.size() - 1;
        double expected = trained.forecastCloses(bars, last, last + 1)[0];
        double[] millis = new double[LOADS];
        for (int i = -1; i < LOADS; i++) {
            Timer.Timed<ForecastModel> loaded = Timer.time(() -> files.load(folder));
            double forecast = loaded.value().forecastCloses(bars, last, last + 1)[0];
            if (Double.compare(forecast, expected) != 0) {
                throw new IllegalStateException("the model loaded from " + folder
                        + " forecasts " + forecast + ", the trained one " + expected);
            }
            if (i >= 0) {
                millis[i] = loaded.millis();
            }
        }
        return Timer.median(millis);
    }

    private ModelMetadata metadata(ForecastModel model, HoldoutScore score) {
        return new ModelMetadata(bars.ticker(), bars.interval(), bars.source(), bars.synthetic(),
                bars.fingerprint(), bars.first().start(), bars.last().start(), bars.size(),
                training.size(), model.params(), settings.seed(),
                Map.of("rmse", score.rmseClose()), "bench", Instant.now());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
