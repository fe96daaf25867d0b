package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.port.in.BacktestCommand;
import dev.aapl.core.port.in.BacktestFold;
import dev.aapl.core.port.in.BacktestResult;
import dev.aapl.core.service.ServicePorts;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aapl backtest}: walk forward over the latest trading days. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Walk-forward backtest: every bar of the last --days trading days gets "
                + "an out-of-sample forecast from a model refitted on an expanding window every "
                + "--refit-every trading days; metrics per fold and overall, beside the naive "
                + "forecast. The run is recorded; no model is registered."})
final class BacktestCli implements Callable<Integer> {

    @Mixin
    DataOptions data;
    @Mixin
    ModelOptions model;
    @Mixin
    TrackingOptions tracking;
    @Mixin
    OutputOptions output;

    @Option(names = "--days", paramLabel = "N", defaultValue = "" + BacktestCommand.DEFAULT_DAYS,
            description = "Trading days to backtest (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--refit-every", paramLabel = "N",
            defaultValue = "" + BacktestCommand.DEFAULT_REFIT_EVERY,
            description = "Refit the model every N trading days (default: ${DEFAULT-VALUE}).")
    int refitEvery;

    @Override
    public Integer call() {
        BacktestCommand command = new BacktestCommand(data.ticker(), data.interval(),
                model.settings(), days, refitEvery, data.now());
        ServicePorts ports = Wiring.ports(data, tracking, model.featureSpec());
        BacktestResult result = Wiring.backtestService(ports,
                new ConsoleProgress(System.err, !output.json)).backtest(command);
        if (output.json) {
            Reports.printJson(System.out, json(result));
        } else {
            print(System.out, result);
        }
        return 0;
    }

    private static Map<String, Object> json(BacktestResult result) {
        Map<String, Object> json = new LinkedHashMap<>(Reports.evaluationJson(result.overall()));
        json.put("forecasts", result.forecasts().size());
        json.putAll(Reports.dataJson(result.data()));
        json.put("runId", result.runId());
        json.put("runName", result.runName());
        List<Map<String, Object>> folds = new ArrayList<>();
        for (BacktestFold fold : result.folds()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("fold", fold.number());
            f.put("firstTarget", fold.firstTarget().toString());
            f.put("lastTarget", fold.lastTarget().toString());
            f.put("trainRows", fold.trainRows());
            f.put("forecasts", fold.evaluation().model().count());
            f.putAll(Reports.evaluationJson(fold.evaluation()));
            folds.add(f);
        }
        json.put("folds", folds);
        return json;
    }

    private static void print(PrintStream out, BacktestResult result) {
        out.println("Data: " + Reports.describeData(result.data()));
        out.printf(Locale.ROOT, "%-5s %-17s %-17s %9s %9s %10s %10s %8s%n", "fold", "from",
                "to", "forecasts", "train", "RMSE", "naive", "skill %");
        for (BacktestFold fold : result.folds()) {
            out.printf(Locale.ROOT, "%-5d %-17s %-17s %9d %9d %10.4f %10.4f %+8.2f%n",
                    fold.number(), Reports.newYork(fold.firstTarget()).substring(0, 16),
                    Reports.newYork(fold.lastTarget()).substring(0, 16),
                    fold.evaluation().model().count(), fold.trainRows(),
                    fold.evaluation().model().rmse(), fold.evaluation().naive().rmse(),
                    100 * fold.evaluation().skill());
        }
        out.printf(Locale.ROOT, "Overall, %d out-of-sample forecasts:%n",
                result.forecasts().size());
        Reports.printEvaluation(out, result.overall());
        if (result.data().synthetic()) {
            out.println("Note: the data is synthetic sample data, not market prices.");
        }
        out.println("Run: " + result.runName() + " (" + result.runId() + ")");
    }
}
