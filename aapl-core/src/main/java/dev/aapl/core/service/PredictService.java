package dev.aapl.core.service;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.Forecast;
import dev.aapl.core.domain.ModelMetadata;
import dev.aapl.core.domain.ModelNames;
import dev.aapl.core.domain.ModelNotFoundException;
import dev.aapl.core.domain.ModelVersion;
import dev.aapl.core.domain.NotEnoughBarsException;
import dev.aapl.core.domain.TradingCalendar;
import dev.aapl.core.port.in.PredictQuery;
import dev.aapl.core.port.in.PredictUseCase;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.LoadBarsPort;
import dev.aapl.core.port.out.ModelFilesPort;
import dev.aapl.core.port.out.ModelRegistryPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Forecasts the close of the bar after the last complete one with the champion, rebuilding
 * exactly the features the champion was trained with from its saved feature spec.
 */
public final class PredictService implements PredictUseCase {

    /** Bars older than this at the time of the question earn a warning. */
    static final Duration STALE_AFTER = Duration.ofDays(4);

    private final LoadBarsPort bars;
    private final ModelFilesPort modelFiles;
    private final ModelRegistryPort registry;
    private final TradingCalendar calendar;

    /**
     * @param bars where bars come from
     * @param modelFiles reads model folders
     * @param registry knows the champion
     * @param calendar the exchange calendar
     */
    public PredictService(LoadBarsPort bars, ModelFilesPort modelFiles,
            ModelRegistryPort registry, TradingCalendar calendar) {
        this.bars = bars;
        this.modelFiles = modelFiles;
        this.registry = registry;
        this.calendar = calendar;
    }

    @Override
    public Forecast predict(PredictQuery query) {
        String modelName = ModelNames.registeredModel(query.ticker(), query.interval());
        ModelVersion champion = registry.champion(modelName).orElseThrow(() ->
                new ModelNotFoundException("there is no champion model " + modelName + " yet",
                        "run 'aapl train' for " + query.ticker() + " first"));
        Path folder = registry.modelFolder(champion);
        ForecastModel model = modelFiles.load(folder);
        ModelMetadata metadata = modelFiles.readMetadata(folder);

        BarSeries series = bars.loadBars(query.ticker(), query.interval(), query.now());
        int origin = series.size() - 1;
        if (origin < model.warmupBars()) {
            throw new NotEnoughBarsException("the features need " + (model.warmupBars() + 1)
                    + " bars of history and there are " + series.size(),
                    "load a longer history");
        }
        double forecast = model.forecastCloses(series, origin, origin + 1)[0];
        return new Forecast(query.ticker(), series.last().start(), series.last().close(),
                calendar.nextBarStart(series.last().start()), forecast, modelName,
                champion.version(), series.synthetic(), warnings(series, metadata, champion,
                query));
    }

    private static List<String> warnings(BarSeries series, ModelMetadata metadata,
            ModelVersion champion, PredictQuery query) {
        List<String> warnings = new ArrayList<>();
        if (series.synthetic()) {
            warnings.add("the bars are synthetic sample data, not market prices");
        }
        if (metadata.synthetic() && !series.synthetic()) {
            warnings.add("the champion was trained on synthetic data");
        }
        Duration age = Duration.between(series.last().start(), query.now());
        if (age.compareTo(STALE_AFTER) > 0) {
            warnings.add("the last bar is " + age.toDays() + " days old");
        }
        String skill = champion.tags().get("metric.skill");
        if (skill != null) {
            double value = Double.parseDouble(skill);
            if (value <= 0) {
                warnings.add(String.format(Locale.ROOT, "the champion has no edge over the"
                        + " naive forecast on its holdout (skill %+.2f%%)", 100 * value));
            }
        }
        return warnings;
    }
}
