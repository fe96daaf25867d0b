package dev.aapl.core.port.in;

import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.domain.Ticker;
import java.util.List;

/** List the registered versions of a ticker's model and move the champion alias by hand. */
public interface ManageModelsUseCase {

    /**
     * @param ticker the symbol
     * @param interval the bar length
     * @return the versions, oldest first
     */
    List<ModelVersion> versions(Ticker ticker, Interval interval);

    /**
     * Makes a version the champion, for example to roll back, and records that it was done by
     * hand.
     *
     * @param ticker the symbol
     * @param interval the bar length
     * @param version the version to promote
     * @return the version, now champion
     * @throws dev.aapl.core.domain.ModelNotFoundException when there is no such version
     */
    ModelVersion promote(Ticker ticker, Interval interval, int version);
}
