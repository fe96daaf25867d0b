package dev.aapl.model.forest;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.aapl.core.domain.ModelSettings;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Dataset;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.regression.Regressor;

/**
 * Trains a random forest for one regression output: bagged CART trees on squared error, each
 * split chosen among a random subset of the features, grown in parallel on a fixed pool of
 * threads.
 *
 * <p>Splits are exact: every threshold between two neighbouring distinct values of a candidate
 * feature is scored, in one pass over rows presorted once per training, so a tree costs about
 * {@code depth x features x rows} rather than Tribuo's quadratic search. The threshold is the
 * midpoint between the two values; ties go to the lowest feature index, then the lowest
 * threshold. A node becomes a leaf at the maximum depth, when its targets are all equal, or
 * when no split of the features drawn for it leaves at least {@code minChildWeight} rows on
 * each side (bootstrap copies count as rows; example weights are ignored). Features are drawn
 * afresh at every node and not drawn again when all of them turn out constant there.
 *
 * <p>Tree {@code i} draws from the {@code i}-th generator split off, in order, from one seeded
 * at {@code seed}, and nothing else is random, so the same seed and data give a bit-identical
 * model whatever the number of threads, and every call to {@code train} gives the same model.
 *
 * <p>Build one with {@link #builder()}; the hyperparameters are also OLCUT configurable, as
 * Tribuo's trainers are. A trainer is immutable and may train several datasets at once.
 */
public final class FastForestTrainer implements Trainer<Regressor> {

    /** Default number of trees. */
    public static final int DEFAULT_TREES = ModelSettings.DEFAULT_TREES;
    /** Default maximum depth. */
    public static final int DEFAULT_MAX_DEPTH = ModelSettings.DEFAULT_MAX_DEPTH;
    /** Default minimum number of rows in a leaf. */
    public static final double DEFAULT_MIN_CHILD_WEIGHT = ModelSettings.DEFAULT_MIN_CHILD_WEIGHT;
    /** Default fraction of the features tried at each split. */
    public static final double DEFAULT_FEATURE_FRACTION = ModelSettings.DEFAULT_FEATURE_FRACTION;
    /** Default seed. */
    public static final long DEFAULT_SEED = ModelSettings.DEFAULT_SEED;
    /** Largest number of trees. */
    public static final int MAX_TREES = 10_000;
    /** Largest maximum depth. */
    public static final int MAX_DEPTH_LIMIT = 64;
    /** Largest number of threads. */
    public static final int MAX_THREADS = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FastForestTrainer.class);
    private static final String MODEL_NAME = "fast-forest";

    @Config(description = "Number of trees.")
    private int trees = DEFAULT_TREES;

    @Config(description = "Whether each tree learns from a bootstrap sample of the rows.")
    private boolean bootstrap = true;

    @Config(description = "Fraction of the features tried at each split, in (0, 1].")
    private double featureFraction = DEFAULT_FEATURE_FRACTION;

    @Config(description = "Maximum depth of a tree; the root has depth 0.")
    private int maxDepth = DEFAULT_MAX_DEPTH;

    @Config(description = "Minimum number of training rows in each child of a split.")
    private double minChildWeight = DEFAULT_MIN_CHILD_WEIGHT;

    @Config(description = "Seed of every random choice.")
    private long seed = DEFAULT_SEED;

    private int threads = Runtime.getRuntime().availableProcessors();

    private IntConsumer progress = treesDone -> { };

    private final AtomicInteger invocationCount = new AtomicInteger();

    /** For the OLCUT configuration system; call {@link #builder()} instead. */
    private FastForestTrainer() {
    }

    private FastForestTrainer(Builder builder) {
        this.trees = builder.trees;
        this.bootstrap = builder.bootstrap;
        this.featureFraction = builder.featureFraction;
        this.maxDepth = builder.maxDepth;
        this.minChildWeight = builder.minChildWeight;
        this.seed = builder.seed;
        this.threads = builder.threads;
        this.progress = builder.progress;
        postConfig();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the hyperparameters; the builder calls it, and so does OLCUT after configuring.
     *
     * @throws IllegalArgumentException naming the first parameter out of its range
     */
    @Override
    public void postConfig() {
        if (trees < 1 || trees > MAX_TREES) {
            throw new IllegalArgumentException(
                    "trees must be in 1.." + MAX_TREES + ", was " + trees);
        }
        if (!(featureFraction > 0 && featureFraction <= 1)) {
            throw new IllegalArgumentException(
                    "featureFraction must be in (0, 1], was " + featureFraction);
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
            throw new IllegalArgumentException(
                    "maxDepth must be in 1.." + MAX_DEPTH_LIMIT + ", was " + maxDepth);
        }
        if (!(minChildWeight >= 1) || Double.isInfinite(minChildWeight)) {
            throw new IllegalArgumentException(
                    "minChildWeight must be a finite number of rows of at least 1, was "
                    + minChildWeight);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(
                    "threads must be in 1.." + MAX_THREADS + ", was " + threads);
        }
    }

    /**
     * @param featureCount the number of features
     * @return how many features a split chooses from: {@code max(1, round(fraction x count))}
     */
    int featuresPerSplit(int featureCount) {
        return (int) Math.max(1, Math.min(featureCount, Math.round(featureFraction
                * featureCount)));
    }

    /**
     * @param examples a regression dataset with one output dimension, at least one row and one
     *     feature, and finite values
     * @return the trained forest
     * @throws IllegalArgumentException when the dataset is not such a dataset
     */
    @Override
    public FastForestModel train(Dataset<Regressor> examples) {
        return train(examples, Collections.emptyMap());
    }

    /**
     * @param examples a regression dataset with one output dimension, at least one row and one
     *     feature, and finite values
     * @param runProvenance what describes this run, kept in the model's provenance
     * @return the trained forest
     * @throws IllegalArgumentException when the dataset is not such a dataset
     */
    @Override
    public FastForestModel train(Dataset<Regressor> examples,
            Map<String, Provenance> runProvenance) {
        checkDataset(examples);
        TrainerProvenance trainerProvenance;
        synchronized (this) {
            trainerProvenance = getProvenance();
            invocationCount.incrementAndGet();
        }
        long started = System.nanoTime();

        TrainingTable table = TrainingTable.from(examples);
        int workers = Math.min(threads, trees);
        OutOfBagSums outOfBag = new OutOfBagSums(trees, table.rowCount());
        List<GrownTree> grown = growTrees(table, workers, outOfBag);
        FlatForest forest = FlatForest.of(grown, table.featureCount());
        double[] importances = averageImportances(grown, table.featureCount());
        double outOfBagMse = bootstrap ? outOfBag.meanSquaredError(table.targets()) : Double.NaN;

        ModelProvenance provenance = new ModelProvenance(FastForestModel.class.getName(),
                OffsetDateTime.now(), examples.getProvenance(), trainerProvenance,
                runProvenance);
        FastForestModel model = new FastForestModel(MODEL_NAME, provenance,
                examples.getFeatureIDMap(), examples.getOutputIDInfo(), forest, importances,
                outOfBagMse);
        LOG.info("Trained a forest of {} trees on {} rows x {} features with {} threads in {} ms"
                + " ({} nodes, out-of-bag MSE {})", trees, table.rowCount(),
                table.featureCount(), workers, (System.nanoTime() - started) / 1_000_000,
                forest.nodeCount(), outOfBagMse);
        return model;
    }

    /**
     * @param examples as for {@link #train(Dataset, Map)}
     * @param runProvenance as for {@link #train(Dataset, Map)}
     * @param invocationCount recorded in the provenance; it does not change the model
     * @return the trained forest
     */
    @Override
    public synchronized FastForestModel train(Dataset<Regressor> examples,
            Map<String, Provenance> runProvenance, int invocationCount) {
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        return train(examples, runProvenance);
    }

    private static void checkDataset(Dataset<Regressor> examples) {
        if (examples.size() == 0 || examples.getFeatureIDMap().size() == 0) {
            throw new IllegalArgumentException("the dataset needs at least one row and one"
                    + " feature, it has " + examples.size() + " rows and "
                    + examples.getFeatureIDMap().size() + " features");
        }
        int outputs = examples.getOutputIDInfo().size();
        if (outputs != 1) {
            throw new IllegalArgumentException("a fast forest predicts one output dimension,"
                    + " the dataset has " + outputs + ": "
                    + Arrays.toString(Regressor.extractNames(examples.getOutputIDInfo())));
        }
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("the dataset has rows without a target");
        }
    }

    private List<GrownTree> growTrees(TrainingTable table, int workers,
            OutOfBagSums outOfBag) {
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom[] randoms = new SplittableRandom[trees];
        for (int t = 0; t < trees; t++) {
            randoms[t] = master.split();
        }
        GrownTree[] grown = new GrownTree[trees];
        TreeCounter counter = new TreeCounter(progress);
        AtomicInteger nextTree = new AtomicInteger();
        Runnable worker = () -> {
            TreeGrower grower = new TreeGrower(table, maxDepth, minChildWeight,
                    featuresPerSplit(table.featureCount()));
            int t;
            while (!Thread.currentThread().isInterrupted()
                    && (t = nextTree.getAndIncrement()) < trees) {
                GrownTree tree = grower.grow(randoms[t], bootstrap);
                if (bootstrap) {
                    outOfBag.add(t, tree.outOfBag());
                    tree = tree.withOutOfBag(null);
                }
                grown[t] = tree;
                counter.treeDone();
            }
        };
        if (workers == 1) {
            worker.run();
        } else {
            runOnPool(worker, workers);
        }
        if (Arrays.asList(grown).contains(null)) {
            throw new IllegalStateException("forest training was interrupted");
        }
        return List.of(grown);
    }

    private static void runOnPool(Runnable worker, int workers) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, new WorkerThreads());
        try {
            List<Future<?>> futures = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("forest training was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("forest training failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sums per feature in tree order, so the result does not depend on thread timing. */
    private static double[] averageImportances(List<GrownTree> trees, int featureCount) {
        double[] mean = new double[featureCount];
        for (GrownTree tree : trees) {
            for (int f = 0; f < featureCount; f++) {
                mean[f] += tree.importance()[f] / trees.size();
            }
        }
        double total = 0;
        for (double value : mean) {
            total += value;
        }
        if (total > 0) {
            for (int f = 0; f < featureCount; f++) {
                mean[f] /= total;
            }
        }
        return mean;
    }

    @Override
    public int getInvocationCount() {
        return invocationCount.get();
    }

    /**
     * @param count the number of earlier training calls to record in the provenance
     * @throws IllegalArgumentException when negative
     */
    @Override
    public void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("invocation count must be at least 0, was "
                    + count);
        }
        invocationCount.set(count);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "FastForestTrainer(trees=" + trees + ",bootstrap=" + bootstrap
                + ",featureFraction=" + featureFraction + ",maxDepth=" + maxDepth
                + ",minChildWeight=" + minChildWeight + ",seed=" + seed + ",threads=" + threads
                + ")";
    }

    /** Counts finished trees and tells the callback, one call at a time, in rising order. */
    private static final class TreeCounter {

        private final IntConsumer callback;
        private int done;

        TreeCounter(IntConsumer callback) {
            this.callback = callback;
        }

        synchronized void treeDone() {
            done++;
            callback.accept(done);
        }
    }

    /**
     * Adds the trees' out-of-bag predictions in tree order, whatever order the trees finish in,
     * so the error is bit-identical on any number of threads; each tree's predictions are
     * dropped once added, so memory holds only the trees finished ahead of a slower one.
     */
    private static final class OutOfBagSums {

        private final double[][] pending;
        private final double[] sums;
        private final int[] votes;
        private int next;

        OutOfBagSums(int trees, int rows) {
            this.pending = new double[trees][];
            this.sums = new double[rows];
            this.votes = new int[rows];
        }

        synchronized void add(int tree, double[] predictions) {
            pending[tree] = predictions;
            while (next < pending.length && pending[next] != null) {
                double[] ready = pending[next];
                for (int row = 0; row < sums.length; row++) {
                    if (!Double.isNaN(ready[row])) {
                        sums[row] += ready[row];
                        votes[row]++;
                    }
                }
                pending[next++] = null;
            }
        }

        /** @return the error over rows some tree left out, or NaN when every tree saw all */
        synchronized double meanSquaredError(double[] targets) {
            double squares = 0;
            int rows = 0;
            for (int row = 0; row < targets.length; row++) {
                if (votes[row] > 0) {
                    double error = sums[row] / votes[row] - targets[row];
                    squares += error * error;
                    rows++;
                }
            }
            return rows == 0 ? Double.NaN : squares / rows;
        }
    }

    /** Daemon threads, so an abandoned training never keeps the JVM alive. */
    private static final class WorkerThreads implements ThreadFactory {

        private final AtomicInteger created = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "fast-forest-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /**
     * Hyperparameters of a {@link FastForestTrainer}, with the defaults of the product. The
     * values are checked together by {@link #build()}.
     */
    public static final class Builder {

        private int trees = DEFAULT_TREES;
        private boolean bootstrap = true;
        private double featureFraction = DEFAULT_FEATURE_FRACTION;
        private int maxDepth = DEFAULT_MAX_DEPTH;
        private double minChildWeight = DEFAULT_MIN_CHILD_WEIGHT;
        private long seed = DEFAULT_SEED;
        private int threads = Runtime.getRuntime().availableProcessors();
        private IntConsumer progress = treesDone -> { };

        private Builder() {
        }

        /** @param value number of trees, 1 to {@link #MAX_TREES} @return this builder */
        public Builder trees(int value) {
            this.trees = value;
            return this;
        }

        /**
         * @param value whether each tree learns from a bootstrap sample (rows drawn with
         *     replacement, as many as there are) rather than from every row once
         * @return this builder
         */
        public Builder bootstrap(boolean value) {
            this.bootstrap = value;
            return this;
        }

        /**
         * @param value fraction of the features drawn at each split, in (0, 1]; a split tries
         *     {@code max(1, round(value x features))} of them
         * @return this builder
         */
        public Builder featureFraction(double value) {
            this.featureFraction = value;
            return this;
        }

        /**
         * @param value maximum depth, 1 to {@link #MAX_DEPTH_LIMIT}; the root has depth 0
         * @return this builder
         */
        public Builder maxDepth(int value) {
            this.maxDepth = value;
            return this;
        }

        /**
         * @param value fewest training rows each side of a split may hold, at least 1
         * @return this builder
         */
        public Builder minChildWeight(double value) {
            this.minChildWeight = value;
            return this;
        }

        /** @param value seed of every random choice @return this builder */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param value threads that grow trees, 1 to {@link #MAX_THREADS}; does not change
         *     the model
         * @return this builder
         */
        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        /**
         * @param value told the number of finished trees after each one, from the training
         *     threads but one call at a time and in rising order
         * @return this builder
         */
        public Builder progress(IntConsumer value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * @return the trainer
         * @throws IllegalArgumentException naming the first parameter out of its range
         */
        public FastForestTrainer build() {
            return new FastForestTrainer(this);
        }
    }
}
