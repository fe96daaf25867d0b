package dev.aapl.bench;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Wall-clock measurements for the bench command: medians of repeated runs, and the median
 * per-call time of a call too short to time alone, measured over batches of calls.
 */
final class Timer {

    /** Each latency sample times enough calls to last about this long, far above timer noise. */
    private static final long SAMPLE_NANOS = 50_000;

    /** Results are folded in here, so the JIT cannot drop a call whose result is unused. */
    private static volatile double sink;

    private Timer() {
    }

    /**
     * @param work what to time
     * @param <T> what it makes
     * @return what it made and how long that took
     */
    static <T> Timed<T> time(Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        return new Timed<>(result, (System.nanoTime() - started) / 1e6);
    }

    /**
     * Calls {@code call} for a quarter of the budget to warm it up, then times batches of calls
     * for the rest, at least 21 batches.
     *
     * @param call the call
     * @param budgetMillis about how long to spend
     * @return the median time of one call over the batches, in microseconds
     */
    static double medianMicrosPerCall(DoubleSupplier call, long budgetMillis) {
        long budget = budgetMillis * 1_000_000;
        long warmupEnd = System.nanoTime() + budget / 4;
        long calls = 0;
        double sum = 0;
        long started = System.nanoTime();
        while (System.nanoTime() < warmupEnd || calls < 10) {
            sum += call.getAsDouble();
            calls++;
        }
        long perCall = Math.max(1, (System.nanoTime() - started) / calls);
        int batch = (int) Math.max(1, SAMPLE_NANOS / perCall);

        double[] samples = new double[4096];
        int count = 0;
        long end = System.nanoTime() + budget * 3 / 4;
        while (count < samples.length && (count < 21 || System.nanoTime() < end)) {
            long batchStart = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                sum += call.getAsDouble();
            }
            samples[count++] = (System.nanoTime() - batchStart) / 1e3 / batch;
        }
        sink = sum;
        return median(Arrays.copyOf(samples, count));
    }

    /**
     * @param values at least one value; sorted in place
     * @return their median
     */
    static double median(double[] values) {
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /**
     * A result with the wall time it took.
     *
     * @param value the result
     * @param millis the wall time, in milliseconds
     * @param <T> the result's type
     */
    record Timed<T>(T value, double millis) {
    }
}
