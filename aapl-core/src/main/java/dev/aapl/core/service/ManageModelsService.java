package dev.aapl.core.service;

import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelNames;
import dev.aapl.core.domain.ModelNotFoundException;
import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.port.in.ManageModelsUseCase;
import dev.aapl.core.port.out.ModelRegistryPort;
import dev.aapl.core.port.out.ModelRegistryPort.RegistryLock;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists model versions and moves the champion alias by hand, recording who moved it. */
public final class ManageModelsService implements ManageModelsUseCase {

    private final ModelRegistryPort registry;
    private final Clock clock;

    /**
     * @param registry the model registry
     * @param clock the clock for the record of a manual promotion
     */
    public ManageModelsService(ModelRegistryPort registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public List<ModelVersion> versions(Ticker ticker, Interval interval) {
        return registry.versions(ModelNames.registeredModel(ticker, interval));
    }

    @Override
    public ModelVersion promote(Ticker ticker, Interval interval, int version) {
        String modelName = ModelNames.registeredModel(ticker, interval);
        try (RegistryLock lock = registry.lock(modelName)) {
            List<ModelVersion> versions = registry.versions(modelName);
            ModelVersion target = versions.stream().filter(v -> v.version() == version)
                    .findFirst().orElseThrow(() -> new ModelNotFoundException(
                            "model " + modelName + " has no version " + version,
                            versions.isEmpty() ? "run 'aapl train' first"
                                    : "run 'aapl models' to list the versions"));
            String previous = registry.champion(modelName)
                    .map(v -> Integer.toString(v.version())).orElse("none");
            registry.setChampion(modelName, version);
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("aapl.promotion.decision", "promoted by hand");
            tags.put("aapl.promotion.reasons", "promoted by hand at " + clock.instant()
                    + " by " + System.getProperty("user.name", "unknown"));
            tags.put("aapl.promotion.previous_champion", previous);
            registry.setVersionTags(modelName, version, tags);
            return registry.champion(modelName).orElse(target);
        }
    }
}
