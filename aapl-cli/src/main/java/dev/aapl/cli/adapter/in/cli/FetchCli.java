package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.RefreshReport;
import dev.aapl.core.port.in.RefreshBarsCommand;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aapl fetch}: download or refresh the stored bars of a ticker from Yahoo. */
@Command(name = "fetch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Downloads a ticker's hourly bars from Yahoo Finance into the bar store "
                + "(--data-dir, or MongoDB with --store), or refreshes them: recent sessions are "
                + "read again and revised bars replaced. Prints what changed and the range held."})
final class FetchCli implements Callable<Integer> {

    @Mixin
    DataOptions data;
    @Mixin
    OutputOptions output;

    @Option(names = "--days", paramLabel = "N", defaultValue = "" + RefreshBarsCommand.MAX_DAYS,
            description = "Calendar days of history to hold, at most 730, Yahoo's limit for "
                    + "hourly bars (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() {
        if (!data.source.equalsIgnoreCase("yahoo")) {
            throw new IllegalArgumentException("fetch downloads from Yahoo only; drop --source "
                    + data.source + " or use --source yahoo");
        }
        RefreshReport report = Wiring.refreshService(data).refresh(
                new RefreshBarsCommand(data.ticker(), data.interval(), days, data.now()));
        if (output.json) {
            Reports.printJson(System.out, json(report));
        } else {
            System.out.println(report.summary());
        }
        return 0;
    }

    private static Map<String, Object> json(RefreshReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ticker", report.ticker().symbol());
        json.put("interval", report.interval().code());
        json.put("mode", report.mode().name().toLowerCase(Locale.ROOT));
        json.put("added", report.added());
        json.put("replaced", report.replaced());
        json.put("unchanged", report.unchanged());
        json.put("droppedIncomplete", report.droppedIncomplete());
        json.put("droppedNull", report.droppedNull());
        json.put("droppedInvalid", report.droppedInvalid());
        json.put("held", report.held());
        json.put("firstHeld", report.firstHeld() == null ? null : report.firstHeld().toString());
        json.put("lastHeld", report.lastHeld() == null ? null : report.lastHeld().toString());
        json.put("store", report.store());
        return json;
    }
}
