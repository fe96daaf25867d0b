package dev.aapl.data.adapter.out.yahoo;

import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.data.adapter.out.yahoo.ChartBodies.Row;
import dev.aapl.data.adapter.out.yahoo.YahooReplayServer.Received;
import dev.aapl.data.adapter.out.yahoo.YahooReplayServer.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A synthetic market on the NYSE calendar (made-up prices, not AAPL's) that answers chart
 * requests the way Yahoo does: every bar that starts in {@code [period1, period2)} and has
 * begun by now, including the one still forming. A bar's prices depend only on its start, so a
 * re-read answers the same bar.
 */
final class SyntheticMarket {

    private static final NyseCalendar CALENDAR = NyseCalendar.instance();

    private SyntheticMarket() {
    }

    /**
     * @param now the clock of the market
     * @return a responder for {@link YahooReplayServer#answerWith}
     */
    static Function<Received, Reply> responder(Supplier<Instant> now) {
        return request -> {
            long period1 = Long.parseLong(request.query().get("period1"));
            long period2 = Long.parseLong(request.query().get("period2"));
            String symbol = request.rawPath().substring(request.rawPath().lastIndexOf('/') + 1);
            return Reply.ok(ChartBodies.chart(symbol, period2,
                    rows(Instant.ofEpochSecond(period1), Instant.ofEpochSecond(period2),
                            now.get())));
        };
    }

    /**
     * @param from the first start wanted
     * @param to the start to stop before
     * @param now the clock of the market; bars that begin later do not exist yet
     * @return the rows Yahoo would send
     */
    static List<Row> rows(Instant from, Instant to, Instant now) {
        List<Row> rows = new ArrayList<>();
        for (LocalDate day : CALENDAR.tradingDays(CALENDAR.dateOf(from), CALENDAR.dateOf(to))) {
            for (Instant start : CALENDAR.barStarts(day)) {
                if (!start.isBefore(from) && start.isBefore(to) && !start.isAfter(now)) {
                    rows.add(row(start));
                }
            }
        }
        return rows;
    }

    /**
     * @param start the start of a bar
     * @return the synthetic bar starting then, prices in whole cents
     */
    static Row row(Instant start) {
        double hours = start.getEpochSecond() / 3600.0;
        double open = cents(180 + 25 * Math.sin(hours / 700) + 2 * Math.sin(hours * 0.9));
        double close = cents(open * (1 + 0.004 * Math.sin(hours * 1.7)));
        double high = cents(Math.max(open, close) + 0.35);
        double low = cents(Math.min(open, close) - 0.41);
        long volume = 2_000_000 + (long) (hours % 997) * 1_000;
        return Row.of(start, open, high, low, close, volume);
    }

    private static double cents(double price) {
        return Math.round(price * 100) / 100.0;
    }
}
