package dev.aapl.model.adapter.out.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.port.out.ProgressListener;
import java.util.Map;
import java.util.function.Supplier;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Tribuo's random forest over its CART regression trees, configured from {@link ModelSettings},
 * with two additions Tribuo lacks: the progress listener hears of every finished tree, and
 * without bootstrap every tree trains on all rows (the trees then differ only by the features
 * they may split on). Tribuo trains the trees one after another on one thread.
 */
final class TribuoForests {

    /** Mixed into the settings' seed for the trees' feature sampling. */
    private static final long TREE_SEED_MIX = 0x9E3779B97F4A7C15L;

    /** The progress task reported while trees are trained. */
    static final String TASK = "trees trained";

    private TribuoForests() {
    }

    /**
     * Tribuo's {@code RandomForestTrainer} insists that trees see a fraction of the features
     * below one; with all features a forest is plain bagging, so Tribuo's
     * {@code BaggingTrainer} trains it instead.
     *
     * <p>Tribuo reads the min child weight differently from the fast forest and from
     * scikit-learn's {@code min_samples_leaf}: it is the fewest rows a node needs to be split,
     * and the children of a split may be smaller. The same settings therefore grow deeper,
     * finer trees here; holdout RMSE stays within about 2% of the fast forest's on the sample.
     *
     * @param settings the hyperparameters
     * @param progress told after each tree
     * @return a fresh trainer, so that the same settings always give the same model
     */
    static Trainer<Regressor> create(ModelSettings settings, ProgressListener progress) {
        float featureFraction = (float) settings.featureFraction();
        CARTRegressionTrainer tree = new CARTRegressionTrainer(settings.maxDepth(),
                (float) settings.minChildWeight(), 0f, featureFraction, false,
                new MeanSquaredError(), settings.seed() ^ TREE_SEED_MIX);
        TreeCounter counter = new TreeCounter(settings.trees(), settings.bootstrap(), progress);
        if (featureFraction < 1f) {
            return new Forest(tree, settings, counter);
        }
        return new Bagging(tree, settings, counter);
    }

    /** Counts finished trees and trains a tree without a bootstrap sample when asked to. */
    private static final class TreeCounter {

        private final int trees;
        private final boolean bootstrap;
        private final ProgressListener progress;
        private int done;

        TreeCounter(int trees, boolean bootstrap, ProgressListener progress) {
            this.trees = trees;
            this.bootstrap = bootstrap;
            this.progress = progress;
        }

        /**
         * Trains one tree, on the bootstrap sample Tribuo drew or on all rows, and counts it.
         */
        Model<Regressor> train(Supplier<Model<Regressor>> onSample,
                Supplier<Model<Regressor>> onAllRows) {
            Model<Regressor> tree = bootstrap ? onSample.get() : onAllRows.get();
            treeDone();
            return tree;
        }

        private synchronized void treeDone() {
            done++;
            progress.progress(TASK, done, trees);
        }
    }

    private static final class Forest extends RandomForestTrainer<Regressor> {

        private final TreeCounter counter;

        Forest(CARTRegressionTrainer tree, ModelSettings settings, TreeCounter counter) {
            super(tree, new AveragingCombiner(), settings.trees(), settings.seed());
            this.counter = counter;
        }

        @Override
        protected Model<Regressor> trainSingleModel(Dataset<Regressor> examples,
                ImmutableFeatureMap featureIds, ImmutableOutputInfo<Regressor> outputIds,
                int randomInt, Map<String, Provenance> runProvenance, int invocationCount) {
            return counter.train(() -> super.trainSingleModel(examples, featureIds, outputIds,
                    randomInt, runProvenance, invocationCount),
                    () -> innerTrainer.train(examples, runProvenance, invocationCount));
        }
    }

    private static final class Bagging extends BaggingTrainer<Regressor> {

        private final TreeCounter counter;

        Bagging(CARTRegressionTrainer tree, ModelSettings settings, TreeCounter counter) {
            super(tree, new AveragingCombiner(), settings.trees(), settings.seed());
            this.counter = counter;
        }

        @Override
        protected Model<Regressor> trainSingleModel(Dataset<Regressor> examples,
                ImmutableFeatureMap featureIds, ImmutableOutputInfo<Regressor> outputIds,
                int randomInt, Map<String, Provenance> runProvenance, int invocationCount) {
            return counter.train(() -> super.trainSingleModel(examples, featureIds, outputIds,
                    randomInt, runProvenance, invocationCount),
                    () -> innerTrainer.train(examples, runProvenance, invocationCount));
        }
    }
}
