package dev.aapl.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

    private final PromotionPolicy policy = new PromotionPolicy(5.0);

    /** An evaluation whose model RMSE is {@code modelError} and naive RMSE 1. */
    private static Evaluation scored(double modelError) {
        double[] last = {100, 100};
        double[] actual = {101, 99};
        double[] forecast = {101 - modelError, 99 + modelError};
        return Evaluation.of(last, actual, forecast);
    }

    @Test
    void promotesFirstModelThatPassesTheNaiveGate() {
        PromotionDecision decision = policy.decide(scored(1.02), Optional.empty());

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.summary()).contains("no champion");
    }

    @Test
    void neverPromotesAModelFarWorseThanNaive() {
        PromotionDecision decision = policy.decide(scored(1.2), Optional.empty());

        assertThat(decision.promoted()).isFalse();
        assertThat(decision.summary()).contains("worse than the naive forecast");
    }

    @Test
    void promotesChallengerThatBeatsChampion() {
        PromotionDecision decision = policy.decide(scored(0.9), Optional.of(scored(0.95)));

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.summary()).contains("lower than the champion's");
    }

    @Test
    void keepsChampionWhenChallengerIsNotBetter() {
        PromotionDecision decision = policy.decide(scored(0.95), Optional.of(scored(0.95)));

        assertThat(decision.promoted()).isFalse();
        assertThat(decision.summary()).contains("not lower than the champion's");
    }

    @Test
    void refusesChallengerThatBeatsChampionButNotTheNaiveGate() {
        PromotionDecision decision = policy.decide(scored(1.2), Optional.of(scored(1.5)));

        assertThat(decision.promoted()).isFalse();
    }

    @Test
    void rejectsNegativeGap() {
        assertThatThrownBy(() -> new PromotionPolicy(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max naive gap");
    }
}
