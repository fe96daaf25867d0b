package dev.aapl.tracking.adapter.out.mlruns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaYamlTest {

    @Test
    void writesKeysSortedWithQuotedStringsNumbersAndNulls() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", 3);
        fields.put("name", "aapl-1h");
        fields.put("end_time", MetaYaml.NULL);
        fields.put("tags", List.of());

        String yaml = MetaYaml.write(fields);

        assertThat(yaml).isEqualTo("end_time: null\nname: \"aapl-1h\"\nstatus: 3\ntags: []\n");
    }

    @Test
    void readsBackStringsThatLookLikeOtherYamlTypes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> tricky = List.of("null", "123", "true", "no", "a: b", "# not a comment",
                "it's \"quoted\"", "back\\slash", "two\nlines", "tab\tand\u0007bell", "ümlaut €",
                "", " padded ", "\u2028separator");
        for (int i = 0; i < tricky.size(); i++) {
            fields.put("field" + i, tricky.get(i));
        }

        Map<String, String> read = MetaYaml.read(MetaYaml.write(fields));

        for (int i = 0; i < tricky.size(); i++) {
            assertThat(read.get("field" + i)).isEqualTo(tricky.get(i));
        }
    }

    @Test
    void readsTheFilesMlflowsPyYamlWrites() {
        // Written by MLflow 3.17.2 (PyYAML) for a registered model and a run, shortened.
        String model = """
                aliases:
                  champion: '1'
                creation_timestamp: 1796303310988
                deployment_job_id: null
                description: null
                name: aapl-1h-rf
                """;
        String run = "artifact_uri: file:///tmp/mlref/mlruns/806838946800647891/"
                + "20f0aff1e6154a869db849b694ca3bb1/artifacts\n" + """
                end_time: 1796303310981
                entry_point_name: ''
                experiment_id: '806838946800647891'
                run_name: train-x
                source_type: 4
                tags: []
                """;

        Map<String, String> modelFields = MetaYaml.read(model);
        Map<String, String> runFields = MetaYaml.read(run);

        assertThat(modelFields).containsEntry("name", "aapl-1h-rf")
                .containsEntry("creation_timestamp", "1796303310988")
                .containsEntry("description", null)
                .doesNotContainKey("champion");
        assertThat(runFields).containsEntry("entry_point_name", "")
                .containsEntry("experiment_id", "806838946800647891")
                .containsEntry("run_name", "train-x")
                .containsEntry("artifact_uri", "file:///tmp/mlref/mlruns/806838946800647891/"
                        + "20f0aff1e6154a869db849b694ca3bb1/artifacts")
                .doesNotContainKey("tags");
    }

    @Test
    void foldsAQuotedScalarThatPyYamlWrappedOverSeveralLines() {
        String yaml = """
                description: 'a long description that PyYAML wrapped
                  onto a second line, with it''s quote'
                status_message: "double quoted and \\
                  \\ continued"
                """;

        Map<String, String> fields = MetaYaml.read(yaml);

        assertThat(fields.get("description"))
                .isEqualTo("a long description that PyYAML wrapped onto a second line, with"
                        + " it's quote");
        assertThat(fields.get("status_message")).isEqualTo("double quoted and  continued");
    }

    @Test
    void unfoldsADoubleQuotedScalarThatPyYamlBrokeInsideAWord() {
        // PyYAML 6 output of yaml.dump({"q": "it's " * 20 + "\n tail"}, width=80).
        String yaml = "q: \"it's it's it's it's it's it's it's it's it's it's it's it's it's"
                + " it's it's it's\\\n  \\ it's it's it's it's \\n tail\"\n";

        Map<String, String> fields = MetaYaml.read(yaml);

        assertThat(fields.get("q")).isEqualTo("it's ".repeat(20) + "\n tail");
    }
}
