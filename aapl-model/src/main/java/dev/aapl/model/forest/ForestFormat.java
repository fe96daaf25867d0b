package dev.aapl.model.forest;

import com.oracle.labs.mlrg.olcut.config.protobuf.ProtoProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.RootProvenanceProto;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import org.tribuo.FeatureMap;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.OutputInfo;
import org.tribuo.protos.core.FeatureDomainProto;
import org.tribuo.protos.core.OutputDomainProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.ImmutableRegressionInfo;

/**
 * The binary form of a {@link FastForestModel}, big-endian as {@link DataOutputStream} writes:
 *
 * <pre>
 * int    magic, the bytes "AFFM"
 * int    format version
 * int    body length in bytes
 * long   CRC-32 of the body
 * --- body ---
 * bool   whether a name follows; UTF name
 * bytes  model provenance, OLCUT's protobuf form    (each "bytes": int length, then bytes)
 * bytes  feature domain, Tribuo's protobuf form
 * bytes  output domain, Tribuo's protobuf form
 * forest features, trees, nodes; roots; per node arrays: feature, threshold, left, right,
 *        value
 * double importances, one per feature
 * double out-of-bag mean squared error
 * </pre>
 *
 * <p>The domains and provenance reuse Tribuo's and OLCUT's own protobuf encodings, so a model
 * read back is the same Tribuo model, with its provenance, and not a reconstruction. The body
 * is checked against its checksum before any of it is parsed, so damage is reported as such.
 */
final class ForestFormat {

    /** The bytes {@code AFFM}: aapl fast forest model. */
    static final int MAGIC = 0x4146464D;
    /** Raised whenever the layout changes; readers reject versions they do not know. */
    static final int VERSION = 1;

    private static final int MAX_BODY_BYTES = 1 << 30;
    private static final int MAX_BLOCK_BYTES = 64 << 20;

    private ForestFormat() {
    }

    static void write(FastForestModel model, OutputStream destination) {
        try {
            ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream(1 << 16);
            DataOutputStream body = new DataOutputStream(bodyBytes);
            writeBody(model, body);
            body.flush();
            byte[] bytes = bodyBytes.toByteArray();
            CRC32 checksum = new CRC32();
            checksum.update(bytes);

            DataOutputStream out = new DataOutputStream(destination);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(bytes.length);
            out.writeLong(checksum.getValue());
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the forest model", e);
        }
    }

    private static void writeBody(FastForestModel model, DataOutputStream body)
            throws IOException {
        body.writeBoolean(model.getName() != null);
        if (model.getName() != null) {
            body.writeUTF(model.getName());
        }
        ProtoProvenanceSerialization provenanceForm = new ProtoProvenanceSerialization(false);
        writeBlock(body, provenanceForm.serializeToProto(
                ProvenanceUtil.marshalProvenance(model.getProvenance())).toByteArray());
        writeBlock(body, model.getFeatureIDMap().serialize().toByteArray());
        writeBlock(body, model.getOutputIDInfo().serialize().toByteArray());
        model.forest().write(body);
        for (double importance : model.importancesById()) {
            body.writeDouble(importance);
        }
        body.writeDouble(model.outOfBagMse());
    }

    static FastForestModel read(InputStream source) {
        byte[] bytes;
        try {
            bytes = readCheckedBody(new DataInputStream(source));
        } catch (EOFException e) {
            throw new FastForestFormatException("forest model ends before its last byte", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the forest model", e);
        }
        try {
            return readBody(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException | RuntimeException e) {
            if (e instanceof FastForestFormatException formatException) {
                throw formatException;
            }
            throw new FastForestFormatException("forest model body is unreadable: " + e, e);
        }
    }

    private static byte[] readCheckedBody(DataInputStream in) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new FastForestFormatException("not a forest model: the stream is too short", e);
        }
        if (magic != MAGIC) {
            throw new FastForestFormatException(String.format(
                    "not a forest model: it starts with 0x%08X instead of 0x%08X", magic, MAGIC),
                    null);
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new FastForestFormatException("forest model format version " + version
                    + " is not supported, this build reads version " + VERSION, null);
        }
        int length = in.readInt();
        long expected = in.readLong();
        if (length < 0 || length > MAX_BODY_BYTES) {
            throw new FastForestFormatException(
                    "forest model claims an impossible length of " + length + " bytes", null);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        CRC32 checksum = new CRC32();
        checksum.update(bytes);
        if (checksum.getValue() != expected) {
            throw new FastForestFormatException(
                    "forest model is damaged: its checksum does not match", null);
        }
        return bytes;
    }

    private static FastForestModel readBody(DataInputStream body) throws IOException {
        String name = body.readBoolean() ? body.readUTF() : null;
        ModelProvenance provenance = readProvenance(readBlock(body));
        FeatureMap features = FeatureMap.deserialize(FeatureDomainProto.parseFrom(
                readBlock(body)));
        OutputInfo<?> outputs = OutputInfo.deserialize(OutputDomainProto.parseFrom(
                readBlock(body)));
        if (!(features instanceof ImmutableFeatureMap featureMap)
                || !(outputs instanceof ImmutableRegressionInfo outputInfo)) {
            throw new FastForestFormatException(
                    "forest model holds a feature or output domain of the wrong kind", null);
        }
        FlatForest forest = FlatForest.read(body);
        double[] importances = new double[forest.featureCount()];
        for (int i = 0; i < importances.length; i++) {
            importances[i] = body.readDouble();
        }
        double outOfBagMse = body.readDouble();
        try {
            return new FastForestModel(name, provenance, featureMap, outputInfo, forest,
                    importances, outOfBagMse);
        } catch (IllegalArgumentException e) {
            throw new FastForestFormatException("forest model is inconsistent: "
                    + e.getMessage(), e);
        }
    }

    private static ModelProvenance readProvenance(byte[] bytes) throws IOException {
        ProtoProvenanceSerialization provenanceForm = new ProtoProvenanceSerialization(false);
        ObjectProvenance provenance;
        try {
            provenance = ProvenanceUtil.unmarshalProvenance(
                    provenanceForm.deserializeFromProto(RootProvenanceProto.parseFrom(bytes)));
        } catch (RuntimeException e) {
            throw new FastForestFormatException("forest model provenance is unreadable", e);
        }
        if (!(provenance instanceof ModelProvenance modelProvenance)) {
            throw new FastForestFormatException(
                    "forest model provenance is not a model provenance", null);
        }
        return modelProvenance;
    }

    private static void writeBlock(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BLOCK_BYTES) {
            throw new FastForestFormatException(
                    "forest model holds a block of impossible length " + length, null);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
