package dev.aapl.data.adapter.out.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aapl.core.port.out.BarStorePort;
import dev.aapl.data.adapter.out.mongo.MongoBarStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BarStoresTest {

    @Test
    void opensAFolderStoreForAPath() {
        BarStorePort store = BarStores.open("target/some-data");

        assertThat(store).isInstanceOf(CsvBarStore.class);
        assertThat(store.describe()).isEqualTo("folder " + Path.of("target/some-data"));
    }

    @Test
    void opensTheDefaultFolderWhenNoLocationIsGiven() {
        assertThat(BarStores.open(null).describe()).isEqualTo("folder data");
    }

    @Test
    void opensAMongoStoreForAConnectionStringWithoutShowingThePassword() {
        BarStorePort store = BarStores.open("mongodb://reader:pa55word@127.0.0.1:27017/market");

        try {
            assertThat(store).isInstanceOf(MongoBarStore.class);
            assertThat(store.describe())
                    .isEqualTo("MongoDB market.bars at mongodb://***@127.0.0.1:27017/market");
        } finally {
            ((MongoBarStore) store).close();
        }
    }
}
