package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.PromotionPolicy;
import dev.aapl.core.port.in.TrainCommand;
import dev.aapl.core.port.in.TrainingResult;
import dev.aapl.core.service.ServicePorts;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aapl train}: train a challenger, score it beside the naive forecast, promote it. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a random forest on all bars before the latest holdout days, "
                + "scores it and the current champion on that holdout beside the naive "
                + "forecast (next close = last close), registers it as a new model version and "
                + "makes it the champion only when it beats the champion and is not worse than "
                + "the naive forecast by more than --max-naive-gap."})
final class TrainCli implements Callable<Integer> {

    @Mixin
    DataOptions data;
    @Mixin
    ModelOptions model;
    @Mixin
    TrackingOptions tracking;
    @Mixin
    OutputOptions output;

    @Option(names = "--holdout-days", paramLabel = "N",
            description = "Latest trading days kept out of training and used to score "
                    + "(default 20).")
    Integer holdoutDays;

    @Option(names = "--max-naive-gap", paramLabel = "PERCENT",
            defaultValue = "" + PromotionPolicy.DEFAULT_MAX_NAIVE_GAP_PERCENT,
            description = "How much higher than the naive forecast's RMSE a new champion's "
                    + "RMSE may be, in percent (default: ${DEFAULT-VALUE}).")
    double maxNaiveGap;

    @Override
    public Integer call() {
        ModelSettings settings = model.settings();
        int days = holdoutDays();
        TrainCommand command = new TrainCommand(data.ticker(), data.interval(), settings, days,
                new PromotionPolicy(maxNaiveGap), data.now());
        ServicePorts ports = Wiring.ports(data, tracking, model.featureSpec());
        TrainingResult result = Wiring.trainService(ports,
                new ConsoleProgress(System.err, !output.json)).train(command);

        if (output.json) {
            Reports.printJson(System.out, json(result, tracking));
        } else {
            print(System.out, result, settings, days);
        }
        return 0;
    }

    /** @return the holdout days from the option, else the settings file, else the default */
    int holdoutDays() {
        if (holdoutDays != null) {
            return holdoutDays;
        }
        SettingsFile file = SettingsFile.read(model.config);
        return file.get("holdout-days").map(value -> file.parse("holdout-days", value,
                Integer::valueOf)).orElse(TrainCommand.DEFAULT_HOLDOUT_DAYS);
    }

    private static Map<String, Object> json(TrainingResult result, TrackingOptions tracking) {
        Map<String, Object> json = new LinkedHashMap<>(Reports.evaluationJson(result.evaluation()));
        json.put("trainRows", result.trainRows());
        json.put("holdoutRows", result.holdoutRows());
        result.outOfBagError().ifPresent(oob -> json.put("oobMse", oob));
        json.putAll(Reports.dataJson(result.data()));
        json.put("runId", result.runId());
        json.put("runName", result.runName());
        json.put("trackingDir", tracking.trackingDir.toString());
        json.put("modelName", result.version().modelName());
        json.put("modelVersion", result.version().version());
        json.put("promoted", result.decision().promoted());
        json.put("reasons", result.decision().reasons());
        json.put("previousChampion", result.previousChampion()
                .map(v -> (Object) v.version()).orElse(null));
        json.put("featureImportances", result.featureImportances());
        return json;
    }

    private static void print(PrintStream out, TrainingResult result, ModelSettings settings,
            int days) {
        out.println("Data: " + Reports.describeData(result.data()));
        out.printf(Locale.ROOT, "Model: %s, %d trees, max depth %d, %s target; trained on %,d "
                + "rows, scored on the last %d trading days (%d forecasts)%n",
                settings.algorithm(), settings.trees(), settings.maxDepth(),
                settings.target().code(), result.trainRows(), days, result.holdoutRows());
        Reports.printEvaluation(out, result.evaluation());
        result.championEvaluation().ifPresent(champion -> out.printf(Locale.ROOT,
                "  %-22s %12.4f   (version %d on the same holdout)%n", "champion RMSE",
                champion.model().rmse(), result.previousChampion().orElseThrow().version()));
        out.printf(Locale.ROOT, "%s version %d: %s%n", result.version().modelName(),
                result.version().version(), result.decision().promoted()
                        ? "promoted to champion" : "registered, not promoted");
        result.decision().reasons().forEach(reason -> out.println("  - " + reason));
        if (result.evaluation().skill() <= 0) {
            out.println("Note: this model has no edge over the naive forecast on the holdout "
                    + "(skill <= 0); that is common for hourly prices.");
        }
        if (result.data().synthetic()) {
            out.println("Note: the data is synthetic sample data, not market prices.");
        }
        out.println("Run: " + result.runName() + " (" + result.runId() + ")");
    }
}
