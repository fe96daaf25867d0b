package dev.aapl.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarTest {

    private static final Instant T0 = Instant.parse("2024-03-04T14:30:00Z");

    @Test
    void acceptsAConsistentBar() {
        Bar bar = new Bar(T0, 10, 11, 9, 10.5, 1000);

        assertThat(bar.close()).isEqualTo(10.5);
    }

    @Test
    void rejectsHighBelowLow() {
        assertThatThrownBy(() -> new Bar(T0, 10, 9, 11, 10, 1))
                .isInstanceOf(InvalidBarException.class)
                .hasMessageContaining("high 9.0 is below low 11.0");
    }

    @Test
    void rejectsCloseAboveHigh() {
        assertThatThrownBy(() -> new Bar(T0, 10, 11, 9, 12, 1))
                .isInstanceOf(InvalidBarException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void rejectsNonPositiveOrNonFinitePrices() {
        assertThatThrownBy(() -> new Bar(T0, 0, 11, 9, 10, 1))
                .isInstanceOf(InvalidBarException.class);
        assertThatThrownBy(() -> new Bar(T0, Double.NaN, 11, 9, 10, 1))
                .isInstanceOf(InvalidBarException.class);
    }

    @Test
    void rejectsNegativeVolume() {
        assertThatThrownBy(() -> new Bar(T0, 10, 11, 9, 10, -1))
                .isInstanceOf(InvalidBarException.class)
                .hasMessageContaining("volume");
    }

    @Test
    void seriesRejectsRepeatedStartTimes() {
        Bar bar = new Bar(T0, 10, 11, 9, 10, 1);

        assertThatThrownBy(() -> BarSeries.of(Ticker.AAPL, Interval.ONE_HOUR,
                List.of(bar, bar), "test", true))
                .isInstanceOf(InvalidBarException.class)
                .hasMessageContaining("appears twice");
    }

    @Test
    void fingerprintDependsOnValuesNotOnSource() {
        Bar first = new Bar(T0, 10, 11, 9, 10, 1);
        Bar second = new Bar(T0.plusSeconds(3600), 10, 11, 9, 10.5, 2);
        BarSeries a = BarSeries.of(Ticker.AAPL, Interval.ONE_HOUR, List.of(first, second), "a",
                false);
        BarSeries b = BarSeries.of(Ticker.AAPL, Interval.ONE_HOUR, List.of(first, second), "b",
                true);
        BarSeries c = BarSeries.of(Ticker.AAPL, Interval.ONE_HOUR, List.of(first), "a", false);

        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(64);
        assertThat(a.fingerprint()).isNotEqualTo(c.fingerprint());
    }
}
