package dev.aapl.core.service;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.BuildInfo;
import dev.aapl.core.domain.DataSummary;
import dev.aapl.core.domain.Evaluation;
import dev.aapl.core.domain.ForecastTable;
import dev.aapl.core.domain.HoldoutSplit;
import dev.aapl.core.domain.ModelMetadata;
import dev.aapl.core.domain.ModelNames;
import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.domain.PromotionDecision;
import dev.aapl.core.domain.TradingCalendar;
import dev.aapl.core.port.in.TrainCommand;
import dev.aapl.core.port.in.TrainModelUseCase;
import dev.aapl.core.port.in.TrainingResult;
import dev.aapl.core.port.out.EvaluationArtifactsPort;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.LoadBarsPort;
import dev.aapl.core.port.out.ModelFilesPort;
import dev.aapl.core.port.out.ModelRegistryPort;
import dev.aapl.core.port.out.ModelRegistryPort.RegistryLock;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.core.port.out.TrackedRun;
import dev.aapl.core.port.out.TrackingPort;
import dev.aapl.core.port.out.TrainModelPort;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Trains a challenger on everything before the latest holdout days, scores it and the current
 * champion on that holdout beside the naive forecast, records the run, registers the
 * challenger as a new version and moves the champion alias when the promotion rule says so.
 * One training at a time changes a registered model: the registry's lock is held throughout.
 */
public final class TrainModelService implements TrainModelUseCase {

    /** Where the model folder goes among a run's artifacts. */
    public static final String MODEL_ARTIFACT = "model";

    private final LoadBarsPort bars;
    private final TrainModelPort trainer;
    private final ModelFilesPort modelFiles;
    private final EvaluationArtifactsPort artifacts;
    private final TrackingPort tracking;
    private final ModelRegistryPort registry;
    private final TradingCalendar calendar;
    private final BuildInfo build;
    private final ProgressListener progress;
    private final Clock clock;

    /**
     * @param ports the adapters the service works through
     * @param calendar the exchange calendar
     * @param build the version of the product, recorded with every run
     * @param progress told how training goes
     * @param clock the clock for run timestamps
     */
    public TrainModelService(ServicePorts ports, TradingCalendar calendar, BuildInfo build,
            ProgressListener progress, Clock clock) {
        this.bars = ports.bars();
        this.trainer = ports.trainer();
        this.modelFiles = ports.modelFiles();
        this.artifacts = ports.artifacts();
        this.tracking = ports.tracking();
        this.registry = ports.registry();
        this.calendar = calendar;
        this.build = build;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public TrainingResult train(TrainCommand command) {
        BarSeries series = bars.loadBars(command.ticker(), command.interval(), command.now());
        int holdoutStart = HoldoutSplit.lastTradingDays(series, command.holdoutDays(), calendar);
        DataSummary data = DataSummary.of(series);
        String modelName = ModelNames.registeredModel(command.ticker(), command.interval());

        try (RegistryLock lock = registry.lock(modelName)) {
            TrackedRun run = tracking.startRun(
                    ModelNames.experiment(command.ticker(), command.interval()),
                    RunNames.of("train", command.ticker().symbol(), clock.instant()),
                    runTags("train", data, build));
            try {
                TrainingResult result = trainAndPromote(command, series, holdoutStart, data, run);
                run.finish();
                return result;
            } catch (RuntimeException e) {
                run.fail(describe(e));
                throw e;
            }
        }
    }

    private TrainingResult trainAndPromote(TrainCommand command, BarSeries series,
            int holdoutStart, DataSummary data, TrackedRun run) {
        Map<String, String> params = new LinkedHashMap<>(command.settings().asParams());
        params.put("holdout_days", Integer.toString(command.holdoutDays()));
        params.put("max_naive_gap_percent", Double.toString(command.policy().maxNaiveGapPercent()));
        run.logParams(params);
        ForecastModel challenger = trainer.train(series, holdoutStart, command.settings(),
                progress);
        run.logParams(newParams(params, challenger.params()));

        ForecastTable holdout = OutOfSample.forecast(challenger, series, holdoutStart,
                series.size());
        Evaluation evaluation = holdout.evaluate();
        int trainRows = holdoutStart - 1 - challenger.warmupBars();
        run.logMetrics(metrics(evaluation, trainRows, holdout.size(), challenger), 0);

        String modelName = ModelNames.registeredModel(command.ticker(), command.interval());
        Optional<ModelVersion> champion = registry.champion(modelName);
        Optional<Evaluation> championEvaluation = champion.flatMap(
                version -> scoreChampion(version, series, holdoutStart, run));

        ModelMetadata metadata = new ModelMetadata(command.ticker(), command.interval(),
                data.source(), data.synthetic(), data.fingerprint(), data.firstBar(),
                data.lastBar(), data.rows(), trainRows, params, command.settings().seed(),
                evaluation.asMap(), build.version(), clock.instant());
        logArtifacts(run, holdout, challenger, metadata);
        ModelVersion version = registry.registerVersion(modelName, run, MODEL_ARTIFACT,
                versionTags(evaluation, data));

        PromotionDecision decision = command.policy().decide(evaluation, championEvaluation);
        if (decision.promoted()) {
            registry.setChampion(modelName, version.version());
        }
        Map<String, String> decisionTags = decisionTags(decision, champion);
        run.setTags(decisionTags);
        registry.setVersionTags(modelName, version.version(), decisionTags);
        return new TrainingResult(run.runId(), run.runName(), data, trainRows, holdout.size(),
                evaluation, challenger.outOfBagError(), challenger.featureImportances(),
                version, champion, championEvaluation, decision);
    }

    /** Adds the model's params that are not logged yet and returns only those. */
    static Map<String, String> newParams(Map<String, String> logged, Map<String, String> model) {
        Map<String, String> added = new LinkedHashMap<>();
        model.forEach((name, value) -> {
            if (!logged.containsKey(name)) {
                added.put(name, value);
                logged.put(name, value);
            }
        });
        return added;
    }

    private Optional<Evaluation> scoreChampion(ModelVersion champion, BarSeries series,
            int holdoutStart, TrackedRun run) {
        try {
            ForecastModel model = modelFiles.load(registry.modelFolder(champion));
            Evaluation evaluation = OutOfSample.forecast(model, series, holdoutStart,
                    series.size()).evaluate();
            run.logMetrics(evaluation.model().asMap("champion_"), 0);
            return Optional.of(evaluation);
        } catch (AaplException e) {
            run.setTags(Map.of("aapl.champion.error", describe(e)));
            return Optional.empty();
        }
    }

    private void logArtifacts(TrackedRun run, ForecastTable holdout, ForecastModel model,
            ModelMetadata metadata) {
        Path folder = TemporaryFolders.create("aapl-train-");
        try {
            Path reports = TemporaryFolders.subfolder(folder, "reports");
            artifacts.write(reports, holdout, model, chartTitle(metadata));
            run.logArtifacts(reports, "");
            Path modelFolder = folder.resolve(MODEL_ARTIFACT);
            modelFiles.save(model, metadata, modelFolder);
            run.logArtifacts(modelFolder, MODEL_ARTIFACT);
        } finally {
            TemporaryFolders.delete(folder);
        }
    }

    private static String chartTitle(ModelMetadata metadata) {
        return metadata.ticker() + " " + metadata.interval() + " holdout"
                + (metadata.synthetic() ? " (synthetic data)" : "");
    }

    /** Tags every run starts with: what it is, the data it used, the product version. */
    static Map<String, String> runTags(String kind, DataSummary data, BuildInfo build) {
        Map<String, String> tags = new LinkedHashMap<>(data.asTags());
        tags.put("aapl.run.kind", kind);
        tags.put("aapl.version", build.version());
        if (!build.gitCommit().isEmpty()) {
            tags.put("mlflow.source.git.commit", build.gitCommit());
        }
        return tags;
    }

    private static Map<String, Double> metrics(Evaluation evaluation, int trainRows,
            int holdoutRows, ForecastModel model) {
        Map<String, Double> metrics = new LinkedHashMap<>(evaluation.asMap());
        metrics.put("train_rows", (double) trainRows);
        metrics.put("holdout_rows", (double) holdoutRows);
        OptionalDouble oob = model.outOfBagError();
        if (oob.isPresent()) {
            metrics.put("oob_mse", oob.getAsDouble());
        }
        return metrics;
    }

    private static Map<String, String> versionTags(Evaluation evaluation, DataSummary data) {
        Map<String, String> tags = new LinkedHashMap<>();
        evaluation.asMap().forEach((name, value) -> tags.put("metric." + name, value.toString()));
        tags.put("aapl.data.synthetic", Boolean.toString(data.synthetic()));
        tags.put("aapl.data.last_bar", data.lastBar().toString());
        return tags;
    }

    private static Map<String, String> decisionTags(PromotionDecision decision,
            Optional<ModelVersion> champion) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("aapl.promotion.decision", decision.promoted() ? "promoted" : "not promoted");
        tags.put("aapl.promotion.reasons", decision.summary());
        tags.put("aapl.promotion.previous_champion",
                champion.map(v -> Integer.toString(v.version())).orElse("none"));
        return tags;
    }

    static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
