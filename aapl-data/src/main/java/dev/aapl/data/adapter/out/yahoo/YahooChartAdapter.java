package dev.aapl.data.adapter.out.yahoo;

import dev.aapl.core.domain.FetchedBars;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.domain.TradingCalendar;
import dev.aapl.core.port.out.RemoteBarsPort;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Yahoo Finance's v8 chart API over {@code java.net.http}.
 *
 * <p>One request asks for the whole range: Yahoo serves 730 days of hourly bars (about 3,500,
 * some 300 KB of JSON) in one answer, and a single request either succeeds or leaves nothing
 * half-fetched. The service never asks for more than Yahoo serves, because Yahoo answers HTTP 422
 * to a range that starts more than 730 days ago; this adapter refuses such a range itself.
 *
 * <p>HTTP 429 and 5xx answers and timeouts (connecting or answering) are retried with
 * exponential backoff and jitter (half the delay fixed, half random), waiting at least what a
 * {@code Retry-After} header asks, up to the configured number of attempts. A refused
 * connection is not retried: nothing listens there, and the cached source then falls back to
 * the stored bars at once.
 */
public final class YahooChartAdapter implements RemoteBarsPort {

    private static final Logger LOG = LoggerFactory.getLogger(YahooChartAdapter.class);

    /** How far back Yahoo serves hourly bars. */
    static final Duration HOURLY_HISTORY = Duration.ofDays(730);

    private final YahooSettings settings;
    private final HttpClient client;
    private final YahooChartParser parser;
    private final Random random;
    private final Sleeper sleeper;

    /** @param settings where Yahoo is and how patiently it is asked */
    public YahooChartAdapter(YahooSettings settings) {
        this(settings, NyseCalendar.instance(), new Random(), Sleeper.THREAD);
    }

    /**
     * @param settings where Yahoo is and how patiently it is asked
     * @param calendar the sessions the bars follow
     * @param random the source of jitter; seeded in tests
     * @param sleeper how to wait between attempts
     */
    YahooChartAdapter(YahooSettings settings, TradingCalendar calendar, Random random,
            Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = new YahooChartParser(calendar);
        this.random = random;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * @param baseUrl the base URL of the chart API, from {@code --yahoo-url} or
     *     {@code AAPL_YAHOO_URL}; {@code null} for {@link YahooSettings#DEFAULT_BASE_URL}
     * @return an adapter with the default timeouts and retries
     * @throws dev.aapl.core.domain.AaplException when the URL is not an http or https URL
     */
    public static YahooChartAdapter create(String baseUrl) {
        YahooSettings settings = YahooSettings.defaults();
        return new YahooChartAdapter(baseUrl == null ? settings : settings.withBaseUrl(baseUrl));
    }

    @Override
    public FetchedBars fetch(Ticker ticker, Interval interval, Instant from, Instant to,
            Instant now) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty range " + from + " .. " + to);
        }
        if (from.isBefore(now.minus(maxHistory(interval)))) {
            throw new IllegalArgumentException("Yahoo serves " + interval + " bars for the last "
                    + maxHistory(interval).toDays() + " days only; asked from " + from);
        }
        ChartRequest request = new ChartRequest(ticker, interval, from, to, now);
        long started = System.nanoTime();

        String body = get(request);
        FetchedBars fetched = parser.parse(body, request);

        LOG.info("Fetched {} bars of {} from Yahoo Finance in {} ms ({} incomplete, {} with "
                + "missing values, {} invalid dropped)", fetched.bars().size(), request.label(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                fetched.droppedIncomplete(), fetched.droppedNull(), fetched.droppedInvalid());
        return fetched;
    }

    @Override
    public Duration maxHistory(Interval interval) {
        return switch (interval) {
            case ONE_HOUR -> HOURLY_HISTORY;
        };
    }

    @Override
    public String describe() {
        return "Yahoo Finance at " + settings.baseUrl();
    }

    private String get(ChartRequest request) {
        URI uri = request.uri(settings.baseUrl());
        HttpRequest http = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/json")
                .GET()
                .build();
        for (int attempt = 1; ; attempt++) {
            LOG.debug("GET {} (attempt {})", uri, attempt);
            HttpResponse<String> response;
            try {
                response = send(http);
            } catch (YahooException e) {
                if (!isTimeout(e) || attempt >= settings.maxAttempts()) {
                    throw e;
                }
                Duration wait = waitBefore(attempt + 1, OptionalLong.empty(), 0, request);
                LOG.info("{}; attempt {} of {} in {} ms", e.getMessage(), attempt + 1,
                        settings.maxAttempts(), wait.toMillis());
                pause(wait);
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if (status != 429 && status < 500) {
                throw parser.failure(status, response.body(), request);
            }
            if (attempt >= settings.maxAttempts()) {
                throw new YahooException("Yahoo Finance answered HTTP " + status + " to "
                        + attempt + " attempts for " + request.label(),
                        status == 429 ? "requests are rate-limited; try again in a few minutes"
                                : "Yahoo Finance is failing; try again later");
            }
            Duration wait = waitBefore(attempt + 1, retryAfter(response), status, request);
            LOG.info("Yahoo Finance answered HTTP {} for {}; attempt {} of {} in {} ms", status,
                    request.label(), attempt + 1, settings.maxAttempts(), wait.toMillis());
            pause(wait);
        }
    }

    private HttpResponse<String> send(HttpRequest http) {
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(http, HttpResponse.BodyHandlers.ofString());
        try {
            // The request timeout stops at the headers; this deadline also covers the body.
            return future.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw readTimeout(e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new YahooException("interrupted while waiting for Yahoo Finance", "", e);
        } catch (ExecutionException e) {
            throw unreachable(e.getCause());
        }
    }

    private static boolean isTimeout(YahooException e) {
        return e.getCause() instanceof TimeoutException
                || e.getCause() instanceof HttpTimeoutException;
    }

    private YahooException unreachable(Throwable cause) {
        String where = "Yahoo Finance at " + settings.baseUrl();
        String hint = "check the network connection and --yahoo-url";
        if (cause instanceof HttpConnectTimeoutException) {
            return new YahooException("could not connect to " + where + " within "
                    + seconds(settings.connectTimeout()), hint, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return readTimeout(cause);
        }
        if (cause instanceof ConnectException) {
            return new YahooException("cannot reach " + where + ": connection refused", hint,
                    cause);
        }
        String reason = cause instanceof IOException && cause.getMessage() != null
                ? cause.getMessage() : cause.getClass().getSimpleName();
        return new YahooException("cannot reach " + where + ": " + reason, hint, cause);
    }

    private YahooException readTimeout(Throwable cause) {
        return new YahooException("Yahoo Finance at " + settings.baseUrl()
                + " did not answer within " + seconds(settings.readTimeout()),
                "check the network connection, or try again later", cause);
    }

    private Duration waitBefore(int nextAttempt, OptionalLong retryAfterSeconds, int status,
            ChartRequest request) {
        if (retryAfterSeconds.isPresent()
                && retryAfterSeconds.getAsLong() > settings.maxRetryAfter().toSeconds()) {
            throw new YahooException("Yahoo Finance asks to wait " + retryAfterSeconds.getAsLong()
                    + " s before asking again for " + request.label() + " (HTTP " + status + ")",
                    "requests are rate-limited; try again later");
        }
        long base = settings.baseDelay().toMillis() << Math.min(nextAttempt - 2, 20);
        long capped = Math.min(base, settings.maxDelay().toMillis());
        long jittered = capped / 2 + (long) (random.nextDouble() * (capped - capped / 2));
        long floor = retryAfterSeconds.orElse(0) * 1000;
        return Duration.ofMillis(Math.max(jittered, floor));
    }

    private static OptionalLong retryAfter(HttpResponse<String> response) {
        // Retry-After may also be an HTTP date; Yahoo sends seconds, and a date is ignored.
        return response.headers().firstValue("Retry-After")
                .map(String::strip)
                .filter(value -> value.matches("\\d{1,9}"))
                .map(value -> OptionalLong.of(Long.parseLong(value)))
                .orElse(OptionalLong.empty());
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new YahooException("interrupted while waiting to ask Yahoo Finance again", "",
                    e);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : duration.toMillis() / 1000.0 + " s";
    }
}
