package dev.rigor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rigor.report.RunsTable.CategoryColumn;
import dev.rigor.report.RunsTable.Column;
import dev.rigor.report.RunsTable.NumberColumn;
import dev.rigor.report.RunsTable.NumberKind;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Locale;

/**
 * Streams the runs table as compact, columnar JSON for the page (schema {@value #SCHEMA}): run ids as
 * a list; a category column as its dictionary and one little-endian unsigned code per row (1, 2 or
 * 4 bytes, base64); a number column as base64 of little-endian int32 (when every value is an integer
 * that fits; missing = -2^31) or float32 (missing = NaN) after subtracting {@code offset} (the
 * smallest value, for timestamps). The page decodes columns straight into typed arrays, so 100,000
 * rows × 30 columns cost a few megabytes and no per-row objects.
 */
final class RunsTableJson {

  static final String SCHEMA = "rigor.report-runs/1";
  static final int MISSING_INT = Integer.MIN_VALUE;

  private RunsTableJson() {}

  static void write(RunsTable table, Writer out) throws IOException {
    try (JsonGenerator g = SafeJson.generator(out)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeNumberField("n", table.size());
      g.writeArrayFieldStart("ids");
      for (String id : table.runIds()) {
        g.writeString(id);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("columns");
      for (Column c : table.columns()) {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("group", c.group().text());
        g.writeBooleanField("visible", c.visible());
        if (c instanceof CategoryColumn cat) {
          category(cat, g);
        } else {
          number((NumberColumn) c, g);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void category(CategoryColumn c, JsonGenerator g) throws IOException {
    g.writeStringField("type", "cat");
    g.writeArrayFieldStart("dict");
    for (String v : c.dictionary()) {
      g.writeString(v);
    }
    g.writeEndArray();
    int width = c.dictionary().size() <= 0xff ? 1 : c.dictionary().size() <= 0xffff ? 2 : 4;
    ByteBuffer b = ByteBuffer.allocate(c.codes().length * width).order(ByteOrder.LITTLE_ENDIAN);
    for (int code : c.codes()) {
      switch (width) {
        case 1 -> b.put((byte) code);
        case 2 -> b.putShort((short) code);
        default -> b.putInt(code);
      }
    }
    g.writeNumberField("width", width);
    g.writeStringField("codes", Base64.getEncoder().encodeToString(b.array()));
  }

  private static void number(NumberColumn c, JsonGenerator g) throws IOException {
    double[] v = c.values();
    g.writeStringField("type", "num");
    g.writeStringField("kind", c.kind().name().toLowerCase(Locale.ROOT));
    if (integers(v)) {
      ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (double d : v) {
        b.putInt(Double.isNaN(d) ? MISSING_INT : (int) d);
      }
      g.writeStringField("enc", "i32");
      g.writeNumberField("offset", 0);
      g.writeStringField("data", Base64.getEncoder().encodeToString(b.array()));
      return;
    }
    double offset = c.kind() == NumberKind.TIMESTAMP ? Math.floor(min(v)) : 0;
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (double d : v) {
      b.putFloat(Double.isFinite(d) ? (float) (d - offset) : Float.NaN);
    }
    g.writeStringField("enc", "f32");
    g.writeNumberField("offset", Double.isFinite(offset) ? offset : 0);
    g.writeStringField("data", Base64.getEncoder().encodeToString(b.array()));
  }

  private static boolean integers(double[] v) {
    for (double d : v) {
      if (!Double.isNaN(d) && (d != Math.rint(d) || d <= MISSING_INT || d > Integer.MAX_VALUE)) {
        return false;
      }
    }
    return true;
  }

  private static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double d : v) {
      if (Double.isFinite(d)) {
        m = Math.min(m, d);
      }
    }
    return m;
  }
}
