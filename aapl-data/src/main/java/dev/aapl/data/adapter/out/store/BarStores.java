package dev.aapl.data.adapter.out.store;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.port.out.BarStorePort;
import dev.aapl.data.adapter.out.mongo.MongoBarStore;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** Picks the store a location names: MongoDB for a connection string, else a folder. */
public final class BarStores {

    private BarStores() {
    }

    /**
     * @param location a {@code mongodb://} or {@code mongodb+srv://} connection string, or a
     *     folder such as {@code ./data}; {@code null} or blank for {@link CsvBarStore#DEFAULT_DIR}
     * @return the store; a {@link MongoBarStore} holds a client the caller should close
     * @throws AaplException when the location is neither a connection string nor a path
     */
    public static BarStorePort open(String location) {
        if (location == null || location.isBlank()) {
            return new CsvBarStore(CsvBarStore.DEFAULT_DIR);
        }
        String lower = location.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("mongodb://") || lower.startsWith("mongodb+srv://")) {
            return MongoBarStore.connect(location.strip());
        }
        try {
            return new CsvBarStore(Path.of(location.strip()));
        } catch (InvalidPathException e) {
            throw new AaplException("'" + location + "' is neither a folder nor a MongoDB"
                    + " connection string", "give a folder such as ./data or mongodb://host/db",
                    e);
        }
    }
}
