package dev.rigor.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON that is safe to embed in an HTML {@code <script type="application/json">} element: {@code <},
 * {@code >} and {@code &} are written as {@code \u003c}-style escapes, so no value — not even one
 * containing {@code </script>} or {@code <!--} — can end the element or start markup; U+2028 and
 * U+2029 are escaped too. The page reads it back with {@code JSON.parse}, which undoes the escapes.
 */
public final class SafeJson {

  private static final CharacterEscapes ESCAPES = new CharacterEscapes() {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    {
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x2028 ? new SerializedString("\\u2028") : ch == 0x2029 ? new SerializedString("\\u2029") : null;
    }
  };

  private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(ESCAPES);
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private SafeJson() {}

  /** A generator over {@code out} that escapes as described; it does not close {@code out}. */
  public static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }

  /** Writes {@code value} (maps, lists, strings, numbers, booleans, null) to {@code out}. */
  public static void write(Object value, Writer out) throws IOException {
    try (JsonGenerator g = generator(out)) {
      MAPPER.writeValue(g, value);
    }
  }

  /** {@code value} as safe JSON text. */
  public static String text(Object value) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      write(value, w);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return w.toString();
  }
}
