package dev.aapl.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureSpecTest {

    @Test
    void defaultsNameEveryFeatureReadably() {
        FeatureSpec spec = FeatureSpec.defaults();

        List<String> names = spec.featureNames();

        assertThat(names).containsExactly("ret_lag_1", "ret_lag_2", "ret_lag_3", "ret_lag_5",
                "ret_lag_7", "close_vs_ma_7", "close_vs_ma_14", "close_vs_ma_35", "vol_7",
                "vol_35", "volume_vs_ma_35", "hour_of_session", "weekday", "bars_since_open");
        assertThat(spec.featureCount()).isEqualTo(names.size());
    }

    @Test
    void defaultsWarmUpForTheLongestVolatilityWindow() {
        // vol_35 needs 35 returns ending at the origin, and the first return is at bar 1.
        assertThat(FeatureSpec.defaults().warmupBars()).isEqualTo(35);
    }

    @Test
    void warmupIsTheLargestHistoryAnyFeatureNeeds() {
        FeatureSpec lagHeavy = new FeatureSpec(List.of(12), List.of(3), List.of(2), 4, false);
        FeatureSpec averageHeavy = new FeatureSpec(List.of(1), List.of(20), List.of(2), 4, false);
        FeatureSpec volumeHeavy = new FeatureSpec(List.of(), List.of(), List.of(), 30, false);

        assertThat(lagHeavy.warmupBars()).isEqualTo(12);
        assertThat(averageHeavy.warmupBars()).isEqualTo(19);
        assertThat(volumeHeavy.warmupBars()).isEqualTo(29);
    }

    @Test
    void keepsSortedUnmodifiableCopies() {
        List<Integer> lags = new ArrayList<>(List.of(5, 1, 3));

        FeatureSpec spec = new FeatureSpec(lags, List.of(14, 7), List.of(35, 7), 35, true);
        lags.add(9);

        assertThat(spec.returnLags()).containsExactly(1, 3, 5);
        assertThat(spec.movingAverageWindows()).containsExactly(7, 14);
        assertThat(spec.volatilityWindows()).containsExactly(7, 35);
        assertThatThrownBy(() -> spec.returnLags().add(2))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsValuesOutOfRangeNamingTheParameter() {
        assertThatThrownBy(() -> new FeatureSpec(List.of(0), List.of(7), List.of(7), 35, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("return lags").hasMessageContaining("1..1000");
        assertThatThrownBy(() -> new FeatureSpec(List.of(1), List.of(1), List.of(7), 35, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("moving average windows").hasMessageContaining("2..1000");
        assertThatThrownBy(() -> new FeatureSpec(List.of(1), List.of(7), List.of(1001), 35, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volatility windows").hasMessageContaining("2..1000");
        assertThatThrownBy(() -> new FeatureSpec(List.of(1), List.of(7), List.of(7), 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volume window").hasMessageContaining("2..1000");
    }

    @Test
    void rejectsRepeatedAndMissingValues() {
        assertThatThrownBy(() -> new FeatureSpec(List.of(2, 2), List.of(7), List.of(7), 35, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> new FeatureSpec(Arrays.asList(1, null), List.of(7), List.of(7),
                35, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("return lags");
        assertThatThrownBy(() -> new FeatureSpec(List.of(1), null, List.of(7), 35, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("moving average windows");
    }

    @Test
    void paramsArePrefixedAndReadable() {
        Map<String, String> params = FeatureSpec.defaults().asParams();

        assertThat(params).containsExactly(
                Map.entry("feature.return_lags", "1,2,3,5,7"),
                Map.entry("feature.moving_average_windows", "7,14,35"),
                Map.entry("feature.volatility_windows", "7,35"),
                Map.entry("feature.volume_window", "35"),
                Map.entry("feature.time_features", "true"));
    }

    @Test
    void paramsRoundTripEvenAmongOtherParams() {
        FeatureSpec spec = new FeatureSpec(List.of(), List.of(3, 9), List.of(4), 6, false);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("algorithm", "forest");
        params.putAll(spec.asParams());

        FeatureSpec restored = FeatureSpec.fromParams(params);

        assertThat(restored).isEqualTo(spec);
        assertThat(FeatureSpec.fromParams(FeatureSpec.defaults().asParams()))
                .isEqualTo(FeatureSpec.defaults());
    }

    @Test
    void rejectsMissingOrMalformedParams() {
        Map<String, String> missing = new HashMap<>(FeatureSpec.defaults().asParams());
        missing.remove("feature.volume_window");
        Map<String, String> malformed = new HashMap<>(FeatureSpec.defaults().asParams());
        malformed.put("feature.return_lags", "1,two");
        Map<String, String> notBoolean = new HashMap<>(FeatureSpec.defaults().asParams());
        notBoolean.put("feature.time_features", "yes");

        assertThatThrownBy(() -> FeatureSpec.fromParams(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature.volume_window").hasMessageContaining("missing");
        assertThatThrownBy(() -> FeatureSpec.fromParams(malformed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature.return_lags").hasMessageContaining("1,two");
        assertThatThrownBy(() -> FeatureSpec.fromParams(notBoolean))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("true or false");
    }
}
