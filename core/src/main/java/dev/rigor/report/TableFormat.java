package dev.rigor.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/** The formats of {@code --format}: one renderer per format, each streaming the table to a writer. */
public enum TableFormat {
  TABLE {
    @Override
    public void write(Table t, Writer out) throws IOException {
      int[] widths = new int[t.header().size()];
      for (int c = 0; c < widths.length; c++) {
        widths[c] = width(t.header().get(c));
      }
      for (int r = 0; r < t.size(); r++) {
        List<String> row = t.get(r);
        for (int c = 0; c < widths.length; c++) {
          widths[c] = Math.max(widths[c], width(row.get(c)));
        }
      }
      line(out, t.header(), widths, t.numeric());
      String[] rule = new String[widths.length];
      for (int c = 0; c < widths.length; c++) {
        rule[c] = "-".repeat(widths[c]);
      }
      line(out, List.of(rule), widths, t.numeric());
      for (int r = 0; r < t.size(); r++) {
        line(out, t.get(r), widths, t.numeric());
      }
    }
  },
  CSV {
    @Override
    public void write(Table t, Writer out) throws IOException {
      CsvSchema.Builder schema = CsvSchema.builder();
      t.header().forEach(schema::addColumn);
      try (SequenceWriter w = CsvMapper.builder().enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build().writer(schema.build().withHeader())
          .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
        for (int r = 0; r < t.size(); r++) {
          w.write(t.get(r));
        }
      }
    }
  },
  JSON {
    @Override
    public void write(Table t, Writer out) throws IOException {
      try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        for (int r = 0; r < t.size(); r++) {
          List<String> row = t.get(r);
          g.writeStartObject();
          for (int c = 0; c < row.size(); c++) {
            g.writeFieldName(t.header().get(c));
            BigDecimal n = t.numeric().get(c) ? number(row.get(c)) : null;
            if (n != null) {
              g.writeNumber(n);
            } else if (t.numeric().get(c) && row.get(c).isEmpty()) {
              g.writeNull();
            } else {
              g.writeString(row.get(c));
            }
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      out.write('\n');
    }
  },
  MD {
    @Override
    public void write(Table t, Writer out) throws IOException {
      StringBuilder head = new StringBuilder("|");
      t.header().forEach(h -> head.append(' ').append(escape(h)).append(" |"));
      head.append("\n|");
      t.numeric().forEach(n -> head.append(n ? " ---: |" : " --- |"));
      out.write(head.append('\n').toString());
      for (int r = 0; r < t.size(); r++) {
        StringBuilder line = new StringBuilder("|");
        t.get(r).forEach(cell -> line.append(' ').append(escape(cell)).append(" |"));
        out.write(line.append('\n').toString());
      }
    }
  };

  /** Streams the table to {@code out}, ending with a newline. */
  public abstract void write(Table table, Writer out) throws IOException;

  /** The rendered table as a string (for small tables). */
  public String render(Table table) {
    StringWriter out = new StringWriter();
    try {
      write(table, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static TableFormat parse(String text) {
    return valueOf(text.toUpperCase(java.util.Locale.ROOT));
  }

  private static void line(Writer out, List<String> cells, int[] widths, List<Boolean> numeric) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - width(cell));
      if (c > 0) {
        line.append("  ");
      }
      line.append(numeric.get(c) ? pad + cell : cell + pad);
    }
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    line.setLength(end);
    out.write(line.append('\n').toString());
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }

  /** Markdown cell text: pipes escaped, HTML special characters as entities, newlines as spaces. */
  public static String escape(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\r", " ").replace("\n", " ");
  }

  private static BigDecimal number(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
