package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.ModelNames;
import dev.aapl.core.domain.ModelVersion;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aapl models}: list the registered versions and the champion. */
@Command(name = "models", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the registered versions of a ticker's model with their holdout "
                + "metrics, age, promotion decision, and which one is the champion."})
final class ModelsCli implements Callable<Integer> {

    @Option(names = "--ticker", paramLabel = "SYMBOL", defaultValue = "AAPL",
            description = "Yahoo symbol (default: ${DEFAULT-VALUE}).")
    String ticker;
    @Mixin
    TrackingOptions tracking;
    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        DataOptions data = new DataOptions();
        data.ticker = ticker;
        List<ModelVersion> versions = Wiring.modelsService(tracking)
                .versions(data.ticker(), data.interval());
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("modelName", ModelNames.registeredModel(data.ticker(), data.interval()));
            List<Map<String, Object>> list = new ArrayList<>();
            versions.forEach(v -> list.add(json(v)));
            json.put("versions", list);
            Reports.printJson(System.out, json);
        } else {
            print(System.out, versions, ModelNames.registeredModel(data.ticker(),
                    data.interval()));
        }
        return 0;
    }

    private static Map<String, Object> json(ModelVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", version.version());
        json.put("champion", version.champion());
        json.put("createdAt", version.createdAt().toString());
        json.put("runId", version.runId());
        json.put("source", version.source());
        json.put("tags", version.tags());
        return json;
    }

    private static void print(PrintStream out, List<ModelVersion> versions, String name) {
        if (versions.isEmpty()) {
            out.println("No versions of " + name + " yet; run 'aapl train' to make one.");
            return;
        }
        out.println(name);
        out.printf(Locale.ROOT, "  %-8s %-9s %-10s %10s %10s %9s  %s%n", "version", "champion",
                "age", "RMSE", "naive", "skill %", "decision");
        for (ModelVersion v : versions) {
            out.printf(Locale.ROOT, "  %-8d %-9s %-10s %10s %10s %9s  %s%n", v.version(),
                    v.champion() ? "*" : "", age(v.createdAt()), metric(v, "rmse", 1),
                    metric(v, "naive_rmse", 1), metric(v, "skill", 100),
                    v.tags().getOrDefault("aapl.promotion.decision", ""));
        }
    }

    private static String metric(ModelVersion version, String name, double scale) {
        String value = version.tags().get("metric." + name);
        if (value == null) {
            return "-";
        }
        return String.format(Locale.ROOT, scale == 1 ? "%.4f" : "%+.2f",
                Double.parseDouble(value) * scale);
    }

    static String age(Instant createdAt) {
        Duration age = Duration.between(createdAt, Instant.now());
        if (age.toDays() > 0) {
            return age.toDays() + "d";
        }
        if (age.toHours() > 0) {
            return age.toHours() + "h";
        }
        return Math.max(0, age.toMinutes()) + "m";
    }
}
