package dev.aapl.core.port.in;

/** Measure how a model would have done, refitted as time went by. */
public interface BacktestUseCase {

    /**
     * @param command the span, the refit period and the hyperparameters
     * @return per-fold and overall metrics
     */
    BacktestResult backtest(BacktestCommand command);
}
