package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelNames;
import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.domain.Ticker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aapl promote}: move the champion alias by hand, for example to roll back. */
@Command(name = "promote", sortOptions = false,
        description = {"Makes a registered version the champion by hand, for example to roll "
                + "back; the move is recorded on the version. No version is ever deleted."})
final class PromoteCli implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--ticker", paramLabel = "SYMBOL", defaultValue = "AAPL",
            description = "Yahoo symbol (default: ${DEFAULT-VALUE}).")
    String ticker;

    @Option(names = "--version", paramLabel = "N", required = true,
            description = "The version to make champion (see 'aapl models').")
    int version;

    @Mixin
    TrackingOptions tracking;
    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Ticker symbol = Ticker.of(ticker);
        ModelVersion champion = Wiring.modelsService(tracking)
                .promote(symbol, Interval.ONE_HOUR, version);
        String name = ModelNames.registeredModel(symbol, Interval.ONE_HOUR);
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("modelName", name);
            json.put("champion", champion.version());
            json.put("previousChampion",
                    champion.tags().getOrDefault("aapl.promotion.previous_champion", "none"));
            Reports.printJson(System.out, json);
        } else {
            System.out.println("version " + champion.version() + " of " + name
                    + " is now the champion (was "
                    + champion.tags().getOrDefault("aapl.promotion.previous_champion", "none")
                    + ")");
        }
        return 0;
    }
}
