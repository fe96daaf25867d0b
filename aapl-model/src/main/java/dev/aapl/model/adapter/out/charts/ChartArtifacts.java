package dev.aapl.model.adapter.out.charts;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.ForecastTable;
import dev.aapl.core.port.out.EvaluationArtifactsPort;
import dev.aapl.core.port.out.ForecastModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the files that let a person check a model on its holdout:
 * <ul>
 *   <li>{@value #PREDICTIONS}: one row per forecast with the origin and target bar starts
 *       (ISO-8601, UTC), the last close, the actual close, the model's forecast, the naive
 *       forecast (the last close) and the error, {@code actual - forecast};</li>
 *   <li>{@value #FORECAST_CHART}: actual, forecast and naive closes over time;</li>
 *   <li>{@value #RESIDUALS_CHART}: the model's and the naive forecast's errors over time;</li>
 *   <li>{@value #IMPORTANCES}: the feature importances, largest first;</li>
 *   <li>{@value #SPEC}: the feature spec.</li>
 * </ul>
 * Each file is written under a temporary name and renamed into place. Charts are drawn
 * headless; their x axis counts holdout bars and is labelled with New York times.
 */
public final class ChartArtifacts implements EvaluationArtifactsPort {

    /** The holdout forecasts. */
    public static final String PREDICTIONS = "holdout_predictions.csv";
    /** The chart of actual, forecast and naive closes. */
    public static final String FORECAST_CHART = "holdout_forecast.png";
    /** The chart of errors. */
    public static final String RESIDUALS_CHART = "holdout_residuals.png";
    /** The feature importances. */
    public static final String IMPORTANCES = "feature_importances.csv";
    /** The feature spec. */
    public static final String SPEC = "feature_spec.json";

    /** Header of {@value #PREDICTIONS}. */
    public static final String PREDICTIONS_HEADER =
            "origin_start,target_start,last_close,actual,forecast,naive,error";
    /** Header of {@value #IMPORTANCES}. */
    public static final String IMPORTANCES_HEADER = "feature,importance";

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 600;
    private static final ZoneId NEW_YORK_ZONE = ZoneId.of("America/New_York");
    private static final Logger LOG = LoggerFactory.getLogger(ChartArtifacts.class);

    /**
     * Sets {@code java.awt.headless} to {@code true} unless it was set already: charts are drawn
     * off screen, on servers without a display.
     */
    public ChartArtifacts() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * @param folder the folder to write into, created when missing
     * @param table the holdout forecasts
     * @param model the model that made them
     * @param title a title for the charts, saying whether the data is synthetic
     * @return the five files written, in the order listed above
     * @throws AaplException when a file cannot be written
     */
    @Override
    public List<Path> write(Path folder, ForecastTable table, ForecastModel model, String title) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            written.add(replace(folder.resolve(PREDICTIONS), predictionsCsv(table)));
            written.add(replace(folder.resolve(FORECAST_CHART), png(forecastChart(table, title))));
            written.add(replace(folder.resolve(RESIDUALS_CHART),
                    png(residualsChart(table, title))));
            written.add(replace(folder.resolve(IMPORTANCES),
                    importancesCsv(model.featureImportances())));
            written.add(replace(folder.resolve(SPEC),
                    model.featureSpecJson().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AaplException("cannot write evaluation files to " + folder + ": " + e,
                    "check that the folder is writable and the disk has room", e);
        }
        LOG.debug("wrote {} holdout rows, charts and importances to {}", table.size(), folder);
        return written;
    }

    static byte[] predictionsCsv(ForecastTable table) {
        double[] lastCloses = table.lastCloses();
        double[] actuals = table.actuals();
        double[] forecasts = table.forecasts();
        StringBuilder csv = new StringBuilder(PREDICTIONS_HEADER).append('\n');
        for (int i = 0; i < table.size(); i++) {
            csv.append(table.originStarts().get(i)).append(',')
                    .append(table.targetStarts().get(i)).append(',')
                    .append(lastCloses[i]).append(',')
                    .append(actuals[i]).append(',')
                    .append(forecasts[i]).append(',')
                    .append(lastCloses[i]).append(',')
                    .append(actuals[i] - forecasts[i]).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] importancesCsv(Map<String, Double> importances) {
        StringBuilder csv = new StringBuilder(IMPORTANCES_HEADER).append('\n');
        importances.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> csv.append(entry.getKey()).append(',')
                        .append(entry.getValue()).append('\n'));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JFreeChart forecastChart(ForecastTable table, String title) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(series("actual close", table.actuals()));
        dataset.addSeries(series("model forecast", table.forecasts()));
        dataset.addSeries(series("naive forecast (last close)", table.lastCloses()));
        JFreeChart chart = chart(title, "out-of-sample next-bar closes", "close", dataset,
                table.targetStarts());
        XYLineAndShapeRenderer renderer = renderer(chart);
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesPaint(1, new Color(0x1F, 0x77, 0xB4));
        renderer.setSeriesPaint(2, Color.GRAY);
        renderer.setSeriesStroke(2, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        return chart;
    }

    private static JFreeChart residualsChart(ForecastTable table, String title) {
        double[] actuals = table.actuals();
        double[] forecasts = table.forecasts();
        double[] lastCloses = table.lastCloses();
        double[] modelErrors = new double[actuals.length];
        double[] naiveErrors = new double[actuals.length];
        for (int i = 0; i < actuals.length; i++) {
            modelErrors[i] = actuals[i] - forecasts[i];
            naiveErrors[i] = actuals[i] - lastCloses[i];
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(series("model error", modelErrors));
        dataset.addSeries(series("naive error", naiveErrors));
        JFreeChart chart = chart(title, "out-of-sample errors: actual - forecast", "error", dataset,
                table.targetStarts());
        XYLineAndShapeRenderer renderer = renderer(chart);
        renderer.setSeriesPaint(0, new Color(0xD6, 0x27, 0x28));
        renderer.setSeriesPaint(1, Color.GRAY);
        chart.getXYPlot().addRangeMarker(new ValueMarker(0, Color.BLACK, new BasicStroke(1f)));
        return chart;
    }

    private static XYSeries series(String name, double[] values) {
        XYSeries series = new XYSeries(name, false, false);
        for (int i = 0; i < values.length; i++) {
            series.add(i, values[i]);
        }
        return series;
    }

    /**
     * The x axis counts holdout bars, so that nights and weekends take no room, and labels each
     * tick with the New York time of the bar whose close was forecast.
     */
    private static JFreeChart chart(String title, String subtitle, String valueLabel,
            XYSeriesCollection dataset, List<Instant> targetStarts) {
        JFreeChart chart = ChartFactory.createXYLineChart(title,
                "forecast bar (New York time)", valueLabel, dataset, PlotOrientation.VERTICAL,
                true, false, false);
        chart.addSubtitle(new TextTitle(subtitle));
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        NumberAxis bars = (NumberAxis) plot.getDomainAxis();
        bars.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        bars.setNumberFormatOverride(new BarTimeFormat(targetStarts));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setRenderer(new XYLineAndShapeRenderer(true, false));
        return chart;
    }

    private static XYLineAndShapeRenderer renderer(JFreeChart chart) {
        return (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
    }

    private static byte[] png(JFreeChart chart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
        return bytes.toByteArray();
    }

    private static Path replace(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Formats a holdout bar number as the New York time of that bar. */
    private static final class BarTimeFormat extends NumberFormat {

        private static final DateTimeFormatter LABEL =
                DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(NEW_YORK_ZONE);

        private final List<Instant> times;

        BarTimeFormat(List<Instant> times) {
            this.times = List.copyOf(times);
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return format(Math.round(number), toAppendTo, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            if (number >= 0 && number < times.size()) {
                toAppendTo.append(LABEL.format(times.get((int) number)));
            }
            return toAppendTo;
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("bar labels are only written");
        }
    }
}
