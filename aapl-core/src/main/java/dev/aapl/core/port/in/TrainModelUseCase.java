package dev.aapl.core.port.in;

/** Train a challenger and promote it when it beats the champion. */
public interface TrainModelUseCase {

    /**
     * @param command what to train and how
     * @return the run, its metrics and the promotion decision
     * @throws dev.aapl.core.domain.AaplException when data, training or tracking fail; the
     *     champion and earlier runs are left as they were and the run is marked failed
     */
    TrainingResult train(TrainCommand command);
}
