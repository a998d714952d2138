package dev.rigor.stats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One oracle case of a reference file: what to compute ({@code kind} and {@code input}, whose string
 * values may name entries of the file's {@code data}), the expected values and their tolerance.
 */
record ReferenceCase(String file, String name, String kind, JsonNode input, Map<String, JsonNode> expected,
                     double tolRel, double tolAbs, JsonNode data) {

    @Override
    public String toString() {
        return file + ": " + name;
    }
}
