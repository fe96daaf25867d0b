package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.Forecast;
import dev.aapl.core.port.in.PredictQuery;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aapl predict}: forecast the next bar's close with the champion. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Forecasts the close of the next hourly bar with the champion model, "
                + "from the latest complete bars, and says which model version made it."})
final class PredictCli implements Callable<Integer> {

    @Mixin
    DataOptions data;
    @Mixin
    TrackingOptions tracking;
    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Forecast forecast = Wiring.predictService(data, tracking)
                .predict(new PredictQuery(data.ticker(), data.interval(), data.now()));
        if (output.json) {
            Reports.printJson(System.out, json(forecast));
        } else {
            print(System.out, forecast);
        }
        return 0;
    }

    private static Map<String, Object> json(Forecast forecast) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ticker", forecast.ticker().symbol());
        json.put("nextBarStart", forecast.nextBarStart().atZone(Reports.NEW_YORK)
                .toOffsetDateTime().toString());
        json.put("forecastClose", forecast.forecastClose());
        json.put("lastClose", forecast.lastClose());
        json.put("lastBarStart", forecast.lastBarStart().atZone(Reports.NEW_YORK)
                .toOffsetDateTime().toString());
        json.put("changePercent", forecast.changePercent());
        json.put("modelName", forecast.modelName());
        json.put("modelVersion", forecast.modelVersion());
        json.put("synthetic", forecast.synthetic());
        json.put("warnings", forecast.warnings());
        return json;
    }

    private static void print(PrintStream out, Forecast forecast) {
        out.printf(Locale.ROOT, "%s next bar %s: forecast close %.2f (%+.3f%%)%n",
                forecast.ticker(), Reports.newYork(forecast.nextBarStart()),
                forecast.forecastClose(), forecast.changePercent());
        out.printf(Locale.ROOT, "last close %.2f, bar of %s%n", forecast.lastClose(),
                Reports.newYork(forecast.lastBarStart()));
        out.printf(Locale.ROOT, "model %s version %d (champion)%n", forecast.modelName(),
                forecast.modelVersion());
        forecast.warnings().forEach(warning -> out.println("warning: " + warning));
    }
}
