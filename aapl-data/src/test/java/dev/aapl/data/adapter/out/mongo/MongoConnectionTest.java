package dev.aapl.data.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MongoConnectionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mongodb://alice:s3cret@db.example.com:27017/market"
                + " | mongodb://***@db.example.com:27017/market",
        "mongodb+srv://alice:s3cret@cluster0.example.net/?retryWrites=true"
                + " | mongodb+srv://***@cluster0.example.net/?retryWrites=true",
        "mongodb://alice:p@ss@db.example.com/market | mongodb://***@db.example.com/market",
        "mongodb://db.example.com:27017/market | mongodb://db.example.com:27017/market",
        "mongodb://db.example.com/?authMechanismProperties=AWS_SESSION_TOKEN:xyz&w=1"
                + " | mongodb://db.example.com/?authMechanismProperties=***&w=1",
    })
    void hidesCredentialsInConnectionStrings(String uri, String masked) {
        assertThat(MongoConnection.mask(uri)).isEqualTo(masked);
    }

    @Test
    void rejectsAStringThatIsNotAConnectionStringWithoutShowingThePassword() {
        assertThatThrownBy(() -> MongoConnection.open("mongodb://alice:s3cret@",
                Duration.ofSeconds(1)))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("is not a MongoDB connection string")
                .hasMessageNotContaining("s3cret");
    }
}
