package dev.aapl.cli.adapter.in.cli;

import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.TargetKind;
import dev.aapl.features.FeatureSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Hyperparameters and feature windows, from an optional properties or YAML file and from the
 * command line; an option given on the command line wins over the file.
 */
final class ModelOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties or YAML file with any of the settings below, by their "
                    + "option names without dashes, e.g. 'trees: 200' or 'max-depth=10'.")
    Path config;

    @Option(names = "--algorithm", paramLabel = "NAME",
            description = "Trainer: forest (the project's fast forest, default) or tribuo-cart "
                    + "(Tribuo's RandomForestTrainer, the reference).")
    String algorithm;

    @Option(names = "--trees", paramLabel = "N", description = "Number of trees (default 100).")
    Integer trees;

    @Option(names = "--max-depth", paramLabel = "N", description = "Maximum tree depth "
            + "(default 8).")
    Integer maxDepth;

    @Option(names = "--min-child-weight", paramLabel = "N",
            description = "Minimum training rows in a leaf (default 20); Tribuo's forest "
                    + "reads it as the fewest rows a node needs to be split.")
    Double minChildWeight;

    @Option(names = "--feature-fraction", paramLabel = "F",
            description = "Fraction of the features tried at each split, in (0, 1] "
                    + "(default 0.5).")
    Double featureFraction;

    @Option(names = "--no-bootstrap", negatable = false,
            description = "Train every tree on all rows instead of a bootstrap sample.")
    Boolean noBootstrap;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default 42).")
    Long seed;

    @Option(names = "--target", paramLabel = "KIND",
            description = "What the forest learns: return (next log return, default) or price "
                    + "(next close).")
    String target;

    @Option(names = "--lags", paramLabel = "LIST", split = ",",
            description = "Lags of the one-bar log return used as features (default 1,2,3,5,7).")
    List<Integer> lags;

    @Option(names = "--ma-windows", paramLabel = "LIST", split = ",",
            description = "Moving-average windows in bars; each gives close / MA - 1.")
    List<Integer> maWindows;

    @Option(names = "--vol-windows", paramLabel = "LIST", split = ",",
            description = "Windows in bars of the rolling volatility of one-bar returns.")
    List<Integer> volWindows;

    @Option(names = "--volume-window", paramLabel = "N",
            description = "Window in bars of the average volume that volume is compared with.")
    Integer volumeWindow;

    ModelSettings settings() {
        SettingsFile file = SettingsFile.read(config);
        ModelSettings settings = ModelSettings.defaults();
        settings = settings.withAlgorithm(pick(algorithm, file, "algorithm", Function.identity(),
                settings.algorithm()));
        settings = settings.withTrees(pick(trees, file, "trees", Integer::valueOf,
                settings.trees()));
        settings = settings.withMaxDepth(pick(maxDepth, file, "max-depth", Integer::valueOf,
                settings.maxDepth()));
        settings = settings.withMinChildWeight(pick(minChildWeight, file, "min-child-weight",
                Double::valueOf, settings.minChildWeight()));
        settings = settings.withFeatureFraction(pick(featureFraction, file, "feature-fraction",
                Double::valueOf, settings.featureFraction()));
        boolean bootstrap = noBootstrap == null
                ? file.get("bootstrap").map(SettingsFile::parseBoolean).orElse(true)
                : !noBootstrap;
        settings = settings.withBootstrap(bootstrap);
        settings = settings.withSeed(pick(seed, file, "seed", Long::valueOf, settings.seed()));
        return settings.withTarget(pick(target == null ? null : TargetKind.fromCode(target),
                file, "target", TargetKind::fromCode, settings.target()));
    }

    FeatureSpec featureSpec() {
        SettingsFile file = SettingsFile.read(config);
        FeatureSpec defaults = FeatureSpec.defaults();
        return new FeatureSpec(
                pick(lags, file, "lags", ModelOptions::parseList, defaults.returnLags()),
                pick(maWindows, file, "ma-windows", ModelOptions::parseList,
                        defaults.movingAverageWindows()),
                pick(volWindows, file, "vol-windows", ModelOptions::parseList,
                        defaults.volatilityWindows()),
                pick(volumeWindow, file, "volume-window", Integer::valueOf,
                        defaults.volumeWindow()),
                file.get("time-features").map(SettingsFile::parseBoolean)
                        .orElse(defaults.timeFeatures()));
    }

    private static <T> T pick(T fromOption, SettingsFile file, String key,
            Function<String, T> parse, T fallback) {
        if (fromOption != null) {
            return fromOption;
        }
        return file.get(key).map(value -> file.parse(key, value, parse)).orElse(fallback);
    }

    private static List<Integer> parseList(String value) {
        return Arrays.stream(value.replace("[", "").replace("]", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    /** @return the keys a settings file may hold */
    static List<String> keys() {
        return List.of("algorithm", "trees", "max-depth", "min-child-weight", "feature-fraction",
                "bootstrap", "seed", "target", "lags", "ma-windows", "vol-windows",
                "volume-window", "time-features", "holdout-days");
    }
}
