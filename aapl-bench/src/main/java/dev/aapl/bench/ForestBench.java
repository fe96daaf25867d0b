package dev.aapl.bench;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.Ticker;
import dev.aapl.features.FeatureSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains the project's fast forest and Tribuo's forest at the same hyperparameters on the same
 * rows, scores both on the holdout of the latest trading days, and prints their figures side by
 * side, followed by the wall time of a walk-forward backtest refitted every day. Results go to
 * standard output, progress to standard error.
 *
 * <p>Run it from the benchmarks jar: {@code java -cp aapl-bench/target/aapl-bench.jar
 * dev.aapl.bench.ForestBench --help}, or with {@code bench/forest-bench.sh}.
 */
@Command(name = "forest-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains the fast forest and Tribuo's forest on the same rows and prints "
                + "training time, holdout RMSE, model size, load time and forecast latency "
                + "side by side.")
public final class ForestBench implements Callable<Integer> {

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Read hourly bars from this Yahoo or yfinance CSV file instead of the "
                    + "synthetic sample.")
    Path csv;

    @Option(names = "--ticker", paramLabel = "SYMBOL", defaultValue = "AAPL",
            description = "The symbol the CSV file holds (default: ${DEFAULT-VALUE}).")
    String ticker;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            defaultValue = "2025-06-02T21:00:00Z",
            description = "Read the sample as of this ISO-8601 instant "
                    + "(default: ${DEFAULT-VALUE}).")
    String asOf;

    @Option(names = "--trees", paramLabel = "N", defaultValue = "100",
            description = "Trees of both forests (default: ${DEFAULT-VALUE}).")
    int trees;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Timed trainings of the fast forest, after up to ten warm-up "
                    + "trainings; the median is shown (default: ${DEFAULT-VALUE}). Tribuo's "
                    + "forest is trained once.")
    int runs;

    @Option(names = "--no-tribuo", description = "Skip Tribuo's forest, which takes about a "
            + "minute and a half at 100 trees.")
    boolean noTribuo;

    @Option(names = "--holdout-days", paramLabel = "N", defaultValue = "20",
            description = "Latest trading days held out for scoring (default: ${DEFAULT-VALUE}).")
    int holdoutDays;

    @Option(names = "--backtest-days", paramLabel = "N", defaultValue = "60",
            description = "Trading days of the walk-forward backtest refitted every day; 0 skips "
                    + "it (default: ${DEFAULT-VALUE}).")
    int backtestDays;

    @Option(names = "--export-rows", paramLabel = "DIR",
            description = "Also write the training and holdout rows (features and target) and "
                    + "the fast forest's fit figures to this folder, for bench/sklearn_forest.py.")
    Path exportRows;

    @Spec
    CommandSpec command;

    private final PrintStream out;
    private final PrintStream progress;

    /** A bench printing results to standard output and progress to standard error. */
    public ForestBench() {
        this(System.out, System.err);
    }

    ForestBench(PrintStream out, PrintStream progress) {
        this.out = out;
        this.progress = progress;
    }

    /**
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ForestBench()).execute(args));
    }

    /**
     * @return 0 once the figures are printed
     * @throws CommandLine.ParameterException when a count is out of range
     * @throws UncheckedIOException when the scratch folder or the exported rows cannot be written
     */
    @Override
    public Integer call() {
        if (trees < 1 || runs < 1 || holdoutDays < 1 || backtestDays < 0) {
            throw new CommandLine.ParameterException(command.commandLine(), "--trees, --runs "
                    + "and --holdout-days must be at least 1, --backtest-days at least 0");
        }
        BenchData.quietTribuo();
        Instant now = csv == null ? OffsetDateTime.parse(asOf).toInstant() : Instant.now();
        BarSeries bars = csv == null ? BenchData.sample(now)
                : BenchData.csv(csv, Ticker.of(ticker));
        ModelSettings settings = ModelSettings.defaults().withTrees(trees);
        Path scratch = createScratch();
        try {
            SideBySide bench = new SideBySide(bars, FeatureSpec.defaults(), settings,
                    BenchData.holdoutStart(bars, holdoutDays), scratch, progress);
            BenchReport report = new BenchReport(out, bench, holdoutDays);
            report.printHeader();
            double backtestSeconds = backtestDays > 0
                    ? bench.backtestSeconds(backtestDays, now) : Double.NaN;
            report.printTrainers(bench.measureFast(runs),
                    noTribuo ? null : bench.measureTribuo(), bench.naiveScore());
            FitFigures fit = bench.measureFitOnly(runs);
            report.printFitOnly(fit);
            if (backtestDays > 0) {
                report.printBacktest(backtestDays, backtestSeconds);
            }
            if (exportRows != null) {
                RowExport.write(exportRows, bench.training(), bench.holdout(),
                        report.fitResults(fit));
                out.println("Rows and fit figures written to " + exportRows.toAbsolutePath());
            }
            return 0;
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static Path createScratch() {
        try {
            return Files.createTempDirectory("aapl-forest-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    private void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            progress.println("could not remove the scratch folder " + folder + ": " + e);
        }
    }
}
