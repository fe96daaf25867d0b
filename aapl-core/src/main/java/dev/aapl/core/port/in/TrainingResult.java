package dev.aapl.core.port.in;

import dev.aapl.core.domain.DataSummary;
import dev.aapl.core.domain.Evaluation;
import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.domain.PromotionDecision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a training run produced.
 *
 * @param runId the tracked run
 * @param runName its readable name
 * @param data the bars used
 * @param trainRows rows the model learned from
 * @param holdoutRows rows it was scored on
 * @param evaluation the challenger beside the naive forecast on the holdout
 * @param outOfBagError the out-of-bag MSE of the target, when the trainer measures it
 * @param featureImportances importance of each feature
 * @param version the registered version of the challenger
 * @param previousChampion the champion before the run, if any
 * @param championEvaluation the previous champion's evaluation on the same holdout, if scored
 * @param decision whether the challenger was promoted, and why
 */
public record TrainingResult(String runId, String runName, DataSummary data, int trainRows,
        int holdoutRows, Evaluation evaluation, OptionalDouble outOfBagError,
        Map<String, Double> featureImportances, ModelVersion version,
        Optional<ModelVersion> previousChampion, Optional<Evaluation> championEvaluation,
        PromotionDecision decision) {

    /** Copies the importances, keeping their order. */
    public TrainingResult {
        featureImportances = Collections.unmodifiableMap(new LinkedHashMap<>(featureImportances));
    }
}
