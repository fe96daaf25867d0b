package dev.aapl.bench;

/**
 * What the bench measured of one trainer, through the product's own paths: training through its
 * {@code TrainModelPort}, scoring with {@code forecastCloses}, saving and loading with
 * {@code ModelFolder}.
 *
 * @param label the trainer's name in the table
 * @param trainMillis median training wall time, features and dataset included
 * @param runs how many timed trainings the median is over
 * @param warmups how many untimed trainings ran first
 * @param score the holdout score
 * @param modelBytes size of the saved model file
 * @param loadMillis median time to load the saved model folder
 * @param forecastMicros median time of one forecast for the latest origin, features included
 */
record TrainerFigures(String label, double trainMillis, int runs, int warmups,
        HoldoutScore score, long modelBytes, double loadMillis, double forecastMicros) {
}
