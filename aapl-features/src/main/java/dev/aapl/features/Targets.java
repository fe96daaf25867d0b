package dev.aapl.features;

import dev.aapl.core.domain.BarSeries;

/** What a model learns for origin bar {@code t}: the bar after it, which features never see. */
public final class Targets {

    private Targets() {
    }

    /**
     * @param bars the bars
     * @param t the origin, before the last bar
     * @return the log return of the next bar, {@code ln(c[t + 1] / c[t])}
     * @throws IllegalArgumentException when {@code t} has no next bar
     */
    public static double nextLogReturn(BarSeries bars, int t) {
        requireNext(bars, t);
        return Math.log(bars.get(t + 1).close() / bars.get(t).close());
    }

    /**
     * @param bars the bars
     * @param t the origin, before the last bar
     * @return the close of the next bar, {@code c[t + 1]}
     * @throws IllegalArgumentException when {@code t} has no next bar
     */
    public static double nextClose(BarSeries bars, int t) {
        requireNext(bars, t);
        return bars.get(t + 1).close();
    }

    private static void requireNext(BarSeries bars, int t) {
        if (t < 0 || t + 1 >= bars.size()) {
            throw new IllegalArgumentException("origin " + t + " has no next bar: it must be in 0.."
                    + (bars.size() - 2));
        }
    }
}
