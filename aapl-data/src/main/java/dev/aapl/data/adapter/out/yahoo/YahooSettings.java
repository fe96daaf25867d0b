package dev.aapl.data.adapter.out.yahoo;

import dev.aapl.core.domain.AaplException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the chart API is reached: where, with which timeouts, and how often a busy server is
 * asked again.
 *
 * @param baseUrl scheme, host, optional port and optional path prefix of the API, for example
 *     {@code https://query1.finance.yahoo.com} or a local replay server
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the whole answer, headers and body, from the moment
 *     the request is sent
 * @param maxAttempts how many times a request is sent when Yahoo answers HTTP 429 or 5xx
 * @param baseDelay the wait before the first retry; each further retry waits twice as long
 * @param maxDelay the longest wait between retries, before jitter
 * @param maxRetryAfter the longest {@code Retry-After} honoured; asked to wait longer, the
 *     client gives up at once rather than hang
 * @param userAgent the {@code User-Agent} header; Yahoo answers clients that look like a browser
 */
public record YahooSettings(URI baseUrl, Duration connectTimeout, Duration readTimeout,
        int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
        String userAgent) {

    /** Yahoo's public chart API. */
    public static final String DEFAULT_BASE_URL = "https://query1.finance.yahoo.com";

    /** The environment variable the command line reads the base URL from. */
    public static final String BASE_URL_ENV = "AAPL_YAHOO_URL";

    /** A current desktop browser; Yahoo refuses many requests from library user agents. */
    public static final String BROWSER_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    /** @throws IllegalArgumentException when a duration is not positive or no attempt is left */
    public YahooSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(userAgent, "userAgent");
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("baseDelay", baseDelay);
        requirePositive("maxDelay", maxDelay);
        requirePositive("maxRetryAfter", maxRetryAfter);
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be in 1..10, was " + maxAttempts);
        }
    }

    /**
     * @return Yahoo's public API, 10 s to connect, 30 s to answer, four attempts waiting about
     *     1, 2 and 4 s, {@code Retry-After} honoured up to two minutes
     */
    public static YahooSettings defaults() {
        return new YahooSettings(URI.create(DEFAULT_BASE_URL), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 4, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(2), BROWSER_USER_AGENT);
    }

    /**
     * @param url the base URL, as given on the command line or in the environment
     * @return these settings with that base URL
     * @throws AaplException when the URL is not an absolute http or https URL
     */
    public YahooSettings withBaseUrl(String url) {
        return new YahooSettings(parseBaseUrl(url), connectTimeout, readTimeout, maxAttempts,
                baseDelay, maxDelay, maxRetryAfter, userAgent);
    }

    /**
     * @param connect how long to wait for a connection
     * @param read how long to wait for the whole answer
     * @return these settings with those timeouts
     */
    public YahooSettings withTimeouts(Duration connect, Duration read) {
        return new YahooSettings(baseUrl, connect, read, maxAttempts, baseDelay, maxDelay,
                maxRetryAfter, userAgent);
    }

    /**
     * @param attempts how many times a request is sent at most
     * @param base the wait before the first retry
     * @param max the longest wait between retries
     * @return these settings with that retry policy
     */
    public YahooSettings withRetries(int attempts, Duration base, Duration max) {
        return new YahooSettings(baseUrl, connectTimeout, readTimeout, attempts, base, max,
                maxRetryAfter, userAgent);
    }

    private static URI parseBaseUrl(String url) {
        String hint = "give an http or https URL such as " + DEFAULT_BASE_URL;
        if (url == null || url.isBlank()) {
            throw new AaplException("the Yahoo Finance URL is empty", hint);
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new AaplException("'" + url + "' is not an http or https URL", hint);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new AaplException("'" + url + "' is not a URL: " + e.getReason(), hint, e);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
