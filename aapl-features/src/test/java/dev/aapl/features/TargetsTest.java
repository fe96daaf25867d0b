package dev.aapl.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aapl.core.domain.BarSeries;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final BarSeries BARS = SyntheticBars.series(new double[] {100, 110, 99},
            new long[] {1, 1, 1});

    @Test
    void nextLogReturnIsTheReturnOfTheFollowingBar() {
        assertThat(Targets.nextLogReturn(BARS, 0)).isCloseTo(Math.log(1.1), within(1e-12));
        assertThat(Targets.nextLogReturn(BARS, 1)).isCloseTo(Math.log(0.9), within(1e-12));
    }

    @Test
    void nextCloseIsTheCloseOfTheFollowingBar() {
        assertThat(Targets.nextClose(BARS, 1)).isEqualTo(99);
    }

    @Test
    void theLastBarHasNoTarget() {
        assertThatThrownBy(() -> Targets.nextClose(BARS, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..1");
        assertThatThrownBy(() -> Targets.nextLogReturn(BARS, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
