package dev.aapl.tracking.adapter.out.mlruns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes and reads the flat {@code meta.yaml} files of MLflow's file store without a YAML
 * library. Written files hold one {@code key: value} line per field, keys sorted as MLflow
 * sorts them, strings double-quoted so that no value is ever read back as a number, boolean
 * or null. The reader understands those files and the ones MLflow's PyYAML writes for the same
 * entities: plain, single- and double-quoted scalars, folded over several lines. Nested
 * mappings and lists are skipped: none of the fields read here uses them.
 */
final class MetaYaml {

    /** Stands for YAML's {@code null} among the values handed to {@link #write(Map)}. */
    static final Object NULL = new Object();

    private static final Pattern TOP_LEVEL = Pattern.compile("([A-Za-z_][\\w.]*):(?: (.*))?");

    private MetaYaml() {
    }

    /**
     * @param fields names and values: {@link String}, {@link Number}, {@link #NULL} or an empty
     *     {@link List}
     * @return the YAML text, keys sorted, ending with a line break
     */
    static String write(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> field : new TreeMap<>(fields).entrySet()) {
            out.append(field.getKey()).append(": ").append(scalar(field.getValue())).append('\n');
        }
        return out.toString();
    }

    /**
     * @param text a meta.yaml file's text
     * @return its top-level scalar fields; a field whose value is YAML null maps to null, and
     *     nested mappings or lists are left out
     */
    static Map<String, String> read(String text) {
        Map<String, String> fields = new HashMap<>();
        String key = null;
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            Matcher top = TOP_LEVEL.matcher(line);
            if (top.matches()) {
                putField(fields, key, lines);
                key = top.group(1);
                lines = new ArrayList<>();
                lines.add(top.group(2) == null ? "" : top.group(2));
            } else if (key != null && !line.isEmpty() && !line.startsWith("#")) {
                lines.add(line);
            } else if (key != null && line.isEmpty()) {
                lines.add("");
            }
        }
        putField(fields, key, lines);
        return fields;
    }

    private static void putField(Map<String, String> fields, String key, List<String> lines) {
        if (key == null) {
            return;
        }
        while (lines.size() > 1 && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        String first = lines.get(0).strip();
        if (first.isEmpty() || first.startsWith("[") || first.startsWith("{")
                || first.startsWith("&") || first.startsWith("!")) {
            if (first.isEmpty() && lines.size() == 1) {
                fields.put(key, null);
            }
            return;
        }
        fields.put(key, decode(lines));
    }

    private static String decode(List<String> lines) {
        String first = lines.get(0).strip();
        if (first.startsWith("\"")) {
            return unescapeDouble(stripQuotes(fold(lines, true), '"'));
        }
        if (first.startsWith("'")) {
            return stripQuotes(fold(lines, false), '\'').replace("''", "'");
        }
        String plain = fold(lines, false);
        int comment = plain.indexOf(" #");
        if (comment >= 0) {
            plain = plain.substring(0, comment).strip();
        }
        return isNull(plain) ? null : plain;
    }

    /** Joins a scalar's lines as YAML folds them: a break is a space, an empty line a break. */
    private static String fold(List<String> lines, boolean escapedBreaks) {
        StringBuilder out = new StringBuilder(lines.get(0).strip());
        boolean pendingBreak = false;
        for (String raw : lines.subList(1, lines.size())) {
            String line = raw.strip();
            if (line.isEmpty()) {
                out.append('\n');
                pendingBreak = true;
                continue;
            }
            boolean joined = escapedBreaks && out.length() > 0
                    && out.charAt(out.length() - 1) == '\\' && !endsWithEscapedBackslash(out);
            if (joined) {
                out.setLength(out.length() - 1);
                if (line.startsWith("\\ ")) {
                    line = line.substring(1);
                }
            } else if (!pendingBreak) {
                out.append(' ');
            }
            out.append(line);
            pendingBreak = false;
        }
        return out.toString();
    }

    private static boolean endsWithEscapedBackslash(StringBuilder text) {
        int backslashes = 0;
        for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }

    private static String stripQuotes(String text, char quote) {
        int end = text.lastIndexOf(quote);
        return end > 0 ? text.substring(1, end) : text.substring(1);
    }

    private static boolean isNull(String plain) {
        return plain.isEmpty() || plain.equals("~") || plain.equals("null")
                || plain.equals("Null") || plain.equals("NULL");
    }

    private static String scalar(Object value) {
        if (value == NULL) {
            return "null";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return "[]";
        }
        if (value instanceof String text) {
            return quote(text);
        }
        throw new IllegalArgumentException("cannot write " + value.getClass() + " to meta.yaml");
    }

    /** Double-quotes a string, escaping what YAML would otherwise read as a break or reject. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if (c == '\u2028' || c == '\u2029' || c == '\ufffe'
                            || c == '\uffff') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String unescapeDouble(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't', '\t' -> out.append('\t');
                case '0' -> out.append('\0');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'e' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'N' -> out.append('\u0085');
                case '_' -> out.append('\u00a0');
                case 'L' -> out.append('\u2028');
                case 'P' -> out.append('\u2029');
                case 'x' -> i = appendCodePoint(out, text, i, 2);
                case 'u' -> i = appendCodePoint(out, text, i, 4);
                case 'U' -> i = appendCodePoint(out, text, i, 8);
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static int appendCodePoint(StringBuilder out, String text, int at, int digits) {
        int end = Math.min(text.length(), at + 1 + digits);
        out.appendCodePoint(Integer.parseInt(text.substring(at + 1, end), 16));
        return end - 1;
    }
}
