package dev.aapl.core.port.in;

import dev.aapl.core.domain.Forecast;

/** Forecast the next close with the champion model. */
public interface PredictUseCase {

    /**
     * @param query the ticker and the time
     * @return the forecast and the model version that made it
     * @throws dev.aapl.core.domain.ModelNotFoundException when there is no champion yet
     */
    Forecast predict(PredictQuery query);
}
