package dev.aapl.cli.adapter.in.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aapl.core.domain.DataSummary;
import dev.aapl.core.domain.Evaluation;
import dev.aapl.core.domain.ForecastMetrics;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Formats results for people and for machines. */
final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Reports() {
    }

    static void printJson(PrintStream out, Map<String, Object> object) {
        try {
            out.println(JSON.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the instant in New York time with its offset, e.g. 2024-03-04 10:30 -05:00 */
    static String newYork(Instant instant) {
        return LOCAL.format(instant.atZone(NEW_YORK));
    }

    static String describeData(DataSummary data) {
        return String.format(Locale.ROOT, "%s %s, %s, %,d bars %s .. %s", data.ticker(),
                data.interval(), data.source(), data.rows(), newYork(data.firstBar()),
                newYork(data.lastBar()));
    }

    static void printEvaluation(PrintStream out, Evaluation evaluation) {
        ForecastMetrics m = evaluation.model();
        ForecastMetrics n = evaluation.naive();
        out.printf(Locale.ROOT, "  %-22s %12s %12s%n", "", "model", "naive");
        row(out, "RMSE", m.rmse(), n.rmse(), "%12.4f");
        row(out, "MAE", m.mae(), n.mae(), "%12.4f");
        row(out, "MAPE %", m.mape(), n.mape(), "%12.4f");
        row(out, "direction right %", 100 * m.directionalAccuracy(),
                100 * n.directionalAccuracy(), "%12.1f");
        row(out, "R² of returns", m.r2Returns(), n.r2Returns(), "%12.4f");
        row(out, "R² of prices", m.r2Price(), n.r2Price(), "%12.4f");
        out.printf(Locale.ROOT, "  %-22s %+11.2f%%   (1 - MSE/MSE naive; above 0 beats naive)%n",
                "skill", 100 * evaluation.skill());
    }

    private static void row(PrintStream out, String name, double model, double naive,
            String format) {
        out.printf(Locale.ROOT, "  %-22s " + format + " " + format + "%n", name, model, naive);
    }

    /** @return the metrics under the JSON names the command line promises */
    static Map<String, Object> evaluationJson(Evaluation evaluation) {
        Map<String, Object> json = new LinkedHashMap<>();
        metricsJson(json, "", evaluation.model());
        metricsJson(json, "naive", evaluation.naive());
        json.put("skill", evaluation.skill());
        return json;
    }

    private static void metricsJson(Map<String, Object> json, String prefix,
            ForecastMetrics metrics) {
        json.put(name(prefix, "rmse"), metrics.rmse());
        json.put(name(prefix, "mae"), metrics.mae());
        json.put(name(prefix, "mape"), metrics.mape());
        json.put(name(prefix, "directionalAccuracy"), metrics.directionalAccuracy());
        json.put(name(prefix, "r2Returns"), metrics.r2Returns());
        json.put(name(prefix, "r2Price"), metrics.r2Price());
    }

    private static String name(String prefix, String metric) {
        if (prefix.isEmpty()) {
            return metric;
        }
        return prefix + Character.toUpperCase(metric.charAt(0)) + metric.substring(1);
    }

    static Map<String, Object> dataJson(DataSummary data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ticker", data.ticker().symbol());
        json.put("interval", data.interval().code());
        json.put("source", data.source());
        json.put("synthetic", data.synthetic());
        json.put("dataFingerprint", data.fingerprint());
        json.put("firstBar", data.firstBar().toString());
        json.put("lastBar", data.lastBar().toString());
        json.put("bars", data.rows());
        return json;
    }
}
