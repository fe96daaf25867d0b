package dev.aapl.bench;

/**
 * What the bench measured of the fast forest alone, on a dataset built beforehand: the figures
 * to set beside another library fitting the same rows.
 *
 * @param fitMillis median wall time of {@code FastForestTrainer.train}
 * @param runs how many timed fits the median is over
 * @param warmups how many untimed fits ran first
 * @param threads how many threads the trainer used
 * @param rmseReturn holdout RMSE of the predicted log return on the holdout rows
 * @param predictMicros median time of {@code predict(double[])} for one row
 * @param compactBytes size of the model in its own binary format ({@code writeTo})
 */
record FitFigures(double fitMillis, int runs, int warmups, int threads, double rmseReturn,
        double predictMicros, long compactBytes) {
}
