package dev.aapl.core.port.out;

import dev.aapl.core.domain.ForecastTable;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the files that let a person check a trained model: the holdout forecasts as CSV, a
 * chart of actual, forecast and naive closes, a chart of residuals, the feature importances and
 * the feature spec.
 */
public interface EvaluationArtifactsPort {

    /**
     * @param folder an existing folder to write into
     * @param table the holdout forecasts
     * @param model the model that made them
     * @param title a title for the charts, saying whether the data is synthetic
     * @return the files written
     */
    List<Path> write(Path folder, ForecastTable table, ForecastModel model, String title);
}
