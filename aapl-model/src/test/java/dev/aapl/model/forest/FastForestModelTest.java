package dev.aapl.model.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;

class FastForestModelTest {

    private static final SyntheticRegression TRAIN = SyntheticRegression.draw(500, 6, 0.5, 3L);
    private static final SyntheticRegression UNSEEN = SyntheticRegression.draw(200, 6, 0.5, 4L);
    private static final FastForestModel MODEL = FastForestTrainer.builder().trees(15)
            .maxDepth(6).minChildWeight(5).featureFraction(0.5).seed(5L).threads(2).build()
            .train(TRAIN.dataset());

    private static double[][] unseenRows() {
        return UNSEEN.rowsInOrder(MODEL.featureNames());
    }

    @Nested
    class Predicting {

        @Test
        void tribuoPredictionEqualsTheFastPath() {
            List<Example<Regressor>> examples = UNSEEN.examples();
            double[][] rows = unseenRows();

            for (int i = 0; i < rows.length; i++) {
                double throughTribuo = MODEL.predict(examples.get(i)).getOutput().getValues()[0];
                assertThat(throughTribuo).isEqualTo(MODEL.predict(rows[i]));
            }
        }

        @Test
        void namesThePredictionLikeTheTrainingTarget() {
            Regressor output = MODEL.predict(UNSEEN.examples().get(0)).getOutput();

            assertThat(output.getNames()).containsExactly(SyntheticRegression.TARGET);
        }

        @Test
        void treatsAMissingFeatureAsZero() {
            double[] row = unseenRows()[0].clone();
            row[1] = 0;
            String[] names = MODEL.featureNames().stream().filter(n -> !n.equals(
                    MODEL.featureNames().get(1))).toArray(String[]::new);
            double[] values = new double[names.length];
            for (int i = 0, j = 0; i < row.length; i++) {
                if (i != 1) {
                    values[j++] = row[i];
                }
            }
            Example<Regressor> example = new ArrayExample<>(new Regressor("y", 0), names, values);

            double prediction = MODEL.predict(example).getOutput().getValues()[0];

            assertThat(prediction).isEqualTo(MODEL.predict(row));
        }

        @Test
        void rejectsAnExampleWithNoKnownFeature() {
            Example<Regressor> example = new ArrayExample<>(new Regressor("y", 0),
                    new String[] {"unknown"}, new double[] {1});

            assertThatThrownBy(() -> MODEL.predict(example))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("none of the model's features");
        }

        @Test
        void rejectsARowOfTheWrongLength() {
            assertThatThrownBy(() -> MODEL.predict(new double[3]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs 6 feature values, got 3");
        }
    }

    @Nested
    class Describing {

        @Test
        void listsTopFeaturesByDescendingImportance() {
            List<Pair<String, Double>> top = MODEL.getTopFeatures(3).get(Model.ALL_OUTPUTS);

            assertThat(top).hasSize(3);
            assertThat(top.get(0).getB()).isGreaterThanOrEqualTo(top.get(1).getB());
            assertThat(top.get(1).getB()).isGreaterThanOrEqualTo(top.get(2).getB());
            double largest = MODEL.featureImportances().values().stream()
                    .mapToDouble(Double::doubleValue).max().orElseThrow();
            assertThat(top.get(0).getB()).isEqualTo(largest);
        }

        @Test
        void listsEveryFeatureWhenAskedForANegativeCount() {
            Map<String, List<Pair<String, Double>>> top = MODEL.getTopFeatures(-1);

            assertThat(top.get(Model.ALL_OUTPUTS)).hasSize(6);
        }

        @Test
        void recordsTheTrainerHyperparametersInItsProvenance() {
            String trainer = MODEL.getProvenance().getTrainerProvenance().toString();

            assertThat(trainer).contains("FastForestTrainer").contains("maxDepth")
                    .contains("minChildWeight").contains("featureFraction");
        }

        @Test
        void copyPredictsTheSameWithEqualProvenance() {
            Model<Regressor> copy = MODEL.copy();

            assertThat(copy).isInstanceOf(FastForestModel.class);
            assertThat(((FastForestModel) copy).predict(unseenRows()))
                    .containsExactly(MODEL.predict(unseenRows()));
            assertThat(copy.getProvenance()).isEqualTo(MODEL.getProvenance());
        }
    }

    @Nested
    class Serializing {

        @Test
        void javaSerializationRoundTripPredictsIdentically() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(MODEL);
            }

            FastForestModel read;
            try (ObjectInputStream in = new ObjectInputStream(
                    new ByteArrayInputStream(bytes.toByteArray()))) {
                read = (FastForestModel) in.readObject();
            }

            assertThat(read.predict(unseenRows())).containsExactly(MODEL.predict(unseenRows()));
            assertThat(read.featureImportances()).isEqualTo(MODEL.featureImportances());
        }

        @Test
        void binaryRoundTripKeepsPredictionsAndDescription() {
            byte[] bytes = written(MODEL);

            FastForestModel read = FastForestModel.readFrom(new ByteArrayInputStream(bytes));

            assertThat(read.predict(unseenRows())).containsExactly(MODEL.predict(unseenRows()));
            assertThat(read.featureNames()).isEqualTo(MODEL.featureNames());
            assertThat(read.featureImportances()).isEqualTo(MODEL.featureImportances());
            assertThat(read.outOfBagMse()).isEqualTo(MODEL.outOfBagMse());
            assertThat(read.getName()).isEqualTo(MODEL.getName());
            assertThat(read.getProvenance()).isEqualTo(MODEL.getProvenance());
            assertThat(read.getOutputIDInfo().domainAndIDEquals(MODEL.getOutputIDInfo()))
                    .isTrue();
        }

        @Test
        void binaryFormIsSmallerThanJavaSerialization() throws IOException {
            ByteArrayOutputStream javaForm = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(javaForm)) {
                out.writeObject(MODEL);
            }

            assertThat(written(MODEL).length).isLessThan(javaForm.size());
        }

        @Test
        void leavesTheStreamRightAfterTheModel() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            MODEL.writeTo(bytes);
            bytes.write(0x7F);
            ByteArrayInputStream in = new ByteArrayInputStream(bytes.toByteArray());

            FastForestModel.readFrom(in);

            assertThat(in.read()).isEqualTo(0x7F);
        }

        @Test
        void rejectsAStreamThatIsNotAForestModel() {
            byte[] bytes = written(MODEL);
            bytes[0] = 'X';

            assertThatThrownBy(() -> FastForestModel.readFrom(new ByteArrayInputStream(bytes)))
                    .isInstanceOf(FastForestFormatException.class)
                    .hasMessageStartingWith("not a forest model");
        }

        @Test
        void rejectsAnUnknownFormatVersion() {
            byte[] bytes = written(MODEL);
            bytes[7] = 99;

            assertThatThrownBy(() -> FastForestModel.readFrom(new ByteArrayInputStream(bytes)))
                    .isInstanceOf(FastForestFormatException.class)
                    .hasMessageContaining("version 99 is not supported");
        }

        @Test
        void rejectsADamagedBody() {
            byte[] bytes = written(MODEL);
            bytes[bytes.length / 2] ^= 0x10;

            assertThatThrownBy(() -> FastForestModel.readFrom(new ByteArrayInputStream(bytes)))
                    .isInstanceOf(FastForestFormatException.class)
                    .hasMessageContaining("damaged");
        }

        @Test
        void rejectsATruncatedStream() {
            byte[] bytes = written(MODEL);
            byte[] truncated = Arrays.copyOf(bytes, bytes.length - 10);

            assertThatThrownBy(() -> FastForestModel.readFrom(
                    new ByteArrayInputStream(truncated)))
                    .isInstanceOf(FastForestFormatException.class)
                    .hasMessageContaining("ends before its last byte");
        }

        @Test
        void rejectsAnEmptyStream() {
            assertThatThrownBy(() -> FastForestModel.readFrom(
                    new ByteArrayInputStream(new byte[0])))
                    .isInstanceOf(FastForestFormatException.class)
                    .hasMessageContaining("too short");
        }

        private static byte[] written(FastForestModel model) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.writeTo(bytes);
            return bytes.toByteArray();
        }
    }
}
