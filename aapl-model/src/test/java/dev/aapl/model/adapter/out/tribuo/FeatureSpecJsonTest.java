package dev.aapl.model.adapter.out.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.features.FeatureSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSpecJsonTest {

    @Test
    void aSpecReadsBackAsItWasWritten() {
        FeatureSpec spec = new FeatureSpec(List.of(2, 4), List.of(), List.of(3), 5, false);

        assertThat(FeatureSpecJson.read(FeatureSpecJson.write(spec))).isEqualTo(spec);
    }

    @Test
    void theJsonShowsTheWarmUpAndTheFeatureNames() {
        String json = FeatureSpecJson.write(FeatureSpec.defaults());

        assertThat(json).contains("\"warmup_bars\" : 35").contains("\"bars_since_open\"");
    }

    @Test
    void namesTheFieldThatIsMissingOrMalformed() {
        assertThatThrownBy(() -> FeatureSpecJson.read("{\"return_lags\": [1]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'moving_average_windows' is missing");
        assertThatThrownBy(() -> FeatureSpecJson.read("{\"return_lags\": [1.5], "
                + "\"moving_average_windows\": [], \"volatility_windows\": [], "
                + "\"volume_window\": 3, \"time_features\": true}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'return_lags' holds 1.5");
        assertThatThrownBy(() -> FeatureSpecJson.read("[]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void valuesOutOfRangeAreRefusedByTheSpec() {
        assertThatThrownBy(() -> FeatureSpecJson.read("{\"return_lags\": [0], "
                + "\"moving_average_windows\": [], \"volatility_windows\": [], "
                + "\"volume_window\": 3, \"time_features\": true}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("return lags must each be in 1..1000");
    }
}
