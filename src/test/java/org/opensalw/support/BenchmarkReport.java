package org.opensalw.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a benchmark's figures: {@code docs/benchmarks/NAME.json} and the section {@code ## Title} of
 * {@code docs/benchmarks.md}, replacing that section only, so each benchmark keeps its own part of the file.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static Path docs() {
        return Path.of(System.getProperty("opensalw.benchmark.dir", "docs"));
    }

    public static void writeJson(String name, Map<String, Object> figures) {
        String json = figures.entrySet().stream()
                .map(e -> "  \"" + e.getKey() + "\": " + value(e.getValue()))
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
        write(docs().resolve("benchmarks").resolve(name + ".json"), json);
    }

    @SuppressWarnings("unchecked")
    private static String value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return ((Map<String, Object>) m).entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return "\"" + String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Replaces (or appends) the markdown section that starts with "## title". */
    public static void writeSection(String title, String body) {
        Path file = docs().resolve("benchmarks.md");
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
                    : "# Benchmarks\n\nFigures written by the benchmark classes (`./mvnw -Pbenchmark verify`); each run replaces its own section.\n";
            String heading = "## " + title;
            int start = text.indexOf(heading + "\n");
            String section = heading + "\n\n" + body.strip() + "\n";
            if (start < 0) {
                text = text.stripTrailing() + "\n\n" + section;
            } else {
                int next = text.indexOf("\n## ", start + heading.length());
                text = text.substring(0, start) + section + (next < 0 ? "" : text.substring(next));
            }
            write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
