package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.TradingCalendar;
import dev.aapl.core.port.out.LoadBarsPort;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.core.service.BacktestService;
import dev.aapl.core.service.ManageModelsService;
import dev.aapl.core.service.PredictService;
import dev.aapl.core.service.RefreshBarsService;
import dev.aapl.core.service.ServicePorts;
import dev.aapl.core.service.TrainModelService;
import dev.aapl.data.adapter.out.csv.CsvBarSource;
import dev.aapl.data.adapter.out.csv.CsvOptions;
import dev.aapl.data.adapter.out.mongo.MongoBarSource;
import dev.aapl.data.adapter.out.mongo.MongoFieldNames;
import dev.aapl.data.adapter.out.sample.SampleBarSource;
import dev.aapl.data.adapter.out.store.BarStores;
import dev.aapl.data.adapter.out.yahoo.CachedYahooBarSource;
import dev.aapl.data.adapter.out.yahoo.YahooChartAdapter;
import dev.aapl.features.FeatureSpec;
import dev.aapl.model.adapter.out.charts.ChartArtifacts;
import dev.aapl.model.adapter.out.tribuo.ModelFolder;
import dev.aapl.model.adapter.out.tribuo.TribuoForestTrainer;
import dev.aapl.tracking.adapter.out.mlruns.MlrunsTracking;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/** Builds the adapters the options ask for and hands them to the core's services. */
final class Wiring {

    private static final TradingCalendar CALENDAR = NyseCalendar.instance();

    private Wiring() {
    }

    static LoadBarsPort bars(DataOptions data) {
        String source = data.source.strip();
        if (source.equalsIgnoreCase("sample")) {
            return SampleBarSource.withDefaultSeed();
        }
        if (source.toLowerCase(Locale.ROOT).startsWith("csv:")) {
            Path path = data.csvPath();
            if (path.toString().isBlank()) {
                throw new IllegalArgumentException("--source csv: needs a path, e.g. csv:aapl.csv");
            }
            return new CsvBarSource(CsvOptions.builder(path).skipBadRows(data.skipBadRows)
                    .calendar(CALENDAR).build());
        }
        if (source.equalsIgnoreCase("yahoo")) {
            return CachedYahooBarSource.create(YahooChartAdapter.create(data.yahooUrl),
                    BarStores.open(data.storeLocation()));
        }
        if (isMongo(source)) {
            return MongoBarSource.connect(source, null, data.mongoCollection,
                    data.mongoFields == null ? MongoFieldNames.DEFAULT
                            : MongoFieldNames.parse(data.mongoFields));
        }
        throw new IllegalArgumentException("unknown source '" + source
                + "': use yahoo, sample, csv:PATH or mongodb://…");
    }

    private static boolean isMongo(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("mongodb://") || lower.startsWith("mongodb+srv://");
    }

    static RefreshBarsService refreshService(DataOptions data) {
        return new RefreshBarsService(YahooChartAdapter.create(data.yahooUrl),
                BarStores.open(data.storeLocation()), CALENDAR);
    }

    static MlrunsTracking tracking(TrackingOptions options) {
        return MlrunsTracking.open(options.trackingDir, options.lockWait());
    }

    static ServicePorts ports(DataOptions data, TrackingOptions tracking, FeatureSpec spec) {
        MlrunsTracking mlruns = tracking(tracking);
        return new ServicePorts(bars(data), new TribuoForestTrainer(spec),
                new ModelFolder(), new ChartArtifacts(), mlruns, mlruns);
    }

    static TrainModelService trainService(ServicePorts ports, ProgressListener progress) {
        return new TrainModelService(ports, CALENDAR, BuildInfos.current(), progress,
                Clock.systemUTC());
    }

    static BacktestService backtestService(ServicePorts ports, ProgressListener progress) {
        return new BacktestService(ports, CALENDAR, BuildInfos.current(), progress,
                Clock.systemUTC());
    }

    static PredictService predictService(DataOptions data, TrackingOptions tracking) {
        return new PredictService(bars(data), new ModelFolder(), tracking(tracking), CALENDAR);
    }

    static ManageModelsService modelsService(TrackingOptions tracking) {
        return new ManageModelsService(tracking(tracking), Clock.systemUTC());
    }
}
