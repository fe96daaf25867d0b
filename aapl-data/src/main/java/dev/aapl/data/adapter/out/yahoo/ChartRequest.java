package dev.aapl.data.adapter.out.yahoo;

import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.Ticker;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One question to the chart API: the bars of a ticker and interval that start in
 * {@code [from, to)}, asked at {@code now}.
 */
record ChartRequest(Ticker ticker, Interval interval, Instant from, Instant to, Instant now) {

    /** @return {@code period1}: the first second asked for */
    long period1() {
        return from.getEpochSecond();
    }

    /** @return {@code period2}: the first second not asked for, rounded up to whole seconds */
    long period2() {
        return to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
    }

    /**
     * Regular-session bars only ({@code includePrePost=false}); dividends and splits are asked
     * for as the website does, though hourly prices come split-adjusted and the events are not
     * read.
     *
     * @param baseUrl scheme, host, optional port and optional path prefix of the API
     * @return the address of the chart
     */
    URI uri(URI baseUrl) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/v8/finance/chart/"
                + URLEncoder.encode(ticker.symbol(), StandardCharsets.UTF_8)
                + "?period1=" + period1() + "&period2=" + period2()
                + "&interval=" + interval.code() + "&includePrePost=false&events=div%2Csplits");
    }

    /** @return the ticker and interval, for messages */
    String label() {
        return ticker + " " + interval;
    }
}
