package dev.aapl.tracking.adapter.out.mlruns;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules come from MLflow's {@code utils/validation.py}; the non-ASCII cases were checked
 * against its pattern in Python, whose {@code \\w} takes numbers such as "²" but no combining
 * marks.
 */
class MlflowNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"rmse", "fold/rmse", "skill vs naive", "a.b-c_d", "r²", "time:ms",
        "é", "٣"})
    void acceptsKeysMlflowAccepts(String key) {
        assertThatCode(() -> MlflowNames.checkKey("metric", key)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/rmse", "rmse/", "a//b", "./a", "a/./b", "a/../b", "..", ".",
        "..a", "bad*name", "tab\there", "semi;colon", "a\u0301"})
    void refusesKeysMlflowRefuses(String key) {
        assertThatThrownBy(() -> MlflowNames.checkKey("metric", key))
                .isInstanceOf(AaplException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a/b", "a:b", ".", ".."})
    void refusesModelNamesMlflowRefuses(String name) {
        assertThatThrownBy(() -> MlflowNames.checkModelName(name))
                .isInstanceOf(AaplException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "LATEST", "v1", "V12", "has space", "dot.ted", ""})
    void refusesAliasesMlflowRefusesOrReserves(String alias) {
        assertThatThrownBy(() -> MlflowNames.checkAlias(alias))
                .isInstanceOf(AaplException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"champion", "challenger-2", "v1x"})
    void acceptsAliasesMlflowAccepts(String alias) {
        assertThatCode(() -> MlflowNames.checkAlias(alias)).doesNotThrowAnyException();
    }

    @Test
    void refusesAKeyLongerThanMlflowsLimit() {
        String key = "k".repeat(MlflowNames.MAX_KEY_LENGTH + 1);

        assertThatThrownBy(() -> MlflowNames.checkKey("param", key))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("longer than 250");
    }

    @Test
    void refusesAParamValueLongerThanMlflowsLimit() {
        Map<String, String> params = Map.of("notes", "x".repeat(6001));

        assertThatThrownBy(() -> MlflowNames.checkEntries("param", params,
                MlflowNames.MAX_PARAM_VALUE_LENGTH))
                .isInstanceOf(AaplException.class)
                .hasMessageContaining("6001 characters");
    }
}
