package dev.aapl.core.domain;

/** The names under which a ticker's runs and models are tracked. */
public final class ModelNames {

    private ModelNames() {
    }

    /**
     * @param ticker the symbol
     * @param interval the bar length
     * @return the experiment, for example {@code aapl-1h}
     */
    public static String experiment(Ticker ticker, Interval interval) {
        return ticker.slug() + "-" + interval.code();
    }

    /**
     * @param ticker the symbol
     * @param interval the bar length
     * @return the registered model, for example {@code aapl-1h-rf}
     */
    public static String registeredModel(Ticker ticker, Interval interval) {
        return experiment(ticker, interval) + "-rf";
    }
}
