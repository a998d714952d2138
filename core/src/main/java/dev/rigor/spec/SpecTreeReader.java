package dev.rigor.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON text into a {@link SpecNode} tree with the source position of every key and
 * value. Jackson's tree model drops positions, so this walks Jackson's token stream instead.
 */
public final class SpecTreeReader {

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();
  /** YAML 1.2 booleans: only true/false; {@code on}, {@code off}, {@code yes}, {@code no} stay text (the "Norway problem"). */
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build();

  private final String source;
  private final List<SpecError> errors = new ArrayList<>();

  private SpecTreeReader(String source) {
    this.source = source;
  }

  /** A parsed tree and the non-fatal problems found while reading it (duplicate keys). */
  public record Result(SpecNode root, List<SpecError> errors) {}

  /**
   * Parses {@code text}; JSON when the file name ends in {@code .json} or the text starts with
   * <code>{</code>, else YAML. Duplicate keys are returned as errors so that validation can still
   * report everything else.
   *
   * @throws SpecException on syntax errors
   */
  public static Result readAll(String source, String text) throws SpecException {
    SpecTreeReader reader = new SpecTreeReader(source);
    SpecNode root = reader.parse(text, isJson(source, text) ? JSON : YAML);
    return new Result(root, List.copyOf(reader.errors));
  }

  /** As {@link #readAll}, failing on any problem. */
  public static SpecNode read(String source, String text) throws SpecException {
    Result result = readAll(source, text);
    if (!result.errors().isEmpty()) {
      throw new SpecException(result.errors());
    }
    return result.root();
  }

  /** Parses one value given on the command line (as in {@code --set key=value}) with YAML rules. */
  public static SpecNode readValue(String source, String text) throws SpecException {
    if (text.isEmpty()) {
      return new SpecNode.ScalarNode(SourcePosition.of(source), "");
    }
    SpecTreeReader reader = new SpecTreeReader(source);
    SpecNode node = reader.parse(text, YAML); // YAML, also for "{count: 5}" (JSON is YAML too, not the reverse)
    if (!reader.errors.isEmpty()) {
      throw new SpecException(reader.errors);
    }
    return relocate(node, SourcePosition.of(source));
  }

  private static SpecNode relocate(SpecNode node, SourcePosition at) {
    if (node instanceof SpecNode.ScalarNode s) {
      return new SpecNode.ScalarNode(at, s.value());
    }
    if (node instanceof SpecNode.ListNode l) {
      return new SpecNode.ListNode(at, l.items().stream().map(i -> relocate(i, at)).toList());
    }
    SpecNode.MapNode m = (SpecNode.MapNode) node;
    Map<String, SpecNode.Field> fields = new LinkedHashMap<>();
    m.fields().forEach((k, f) -> fields.put(k, new SpecNode.Field(k, at, relocate(f.value(), at))));
    return new SpecNode.MapNode(at, fields);
  }

  private static boolean isJson(String source, String text) {
    return source.endsWith(".json") || text.stripLeading().startsWith("{");
  }

  private SpecNode parse(String text, JsonFactory factory) throws SpecException {
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SpecException(
            new SpecError(new SourcePosition(source, 1, 1), "the spec is empty",
                "write at least 'name:' and 'command:' (see examples/sched/smoke.yaml)"));
      }
      SpecNode root = node(parser);
      if (parser.nextToken() != null) {
        errors.add(new SpecError(position(parser.currentTokenLocation()),
            "unexpected content after the end of the document", "remove it, or put it inside the top-level map"));
      }
      return root;
    } catch (JsonParseException e) {
      JsonLocation at = e.getLocation();
      throw new SpecException(new SpecError(
          at == null ? SourcePosition.of(source) : position(at),
          "syntax error: " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"),
          "check indentation, quotes and brackets near this line"));
    } catch (IOException e) {
      throw new SpecException(new SpecError(SourcePosition.of(source), "cannot read: " + e.getMessage(), ""));
    }
  }

  private SpecNode node(JsonParser parser) throws IOException {
    SourcePosition at = position(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return map(parser, at);
      case START_ARRAY:
        List<SpecNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(parser));
        }
        return new SpecNode.ListNode(at, items);
      case VALUE_STRING:
        return new SpecNode.ScalarNode(at, parser.getText());
      case VALUE_NUMBER_INT:
        return new SpecNode.ScalarNode(at, integer(parser));
      case VALUE_NUMBER_FLOAT:
        return new SpecNode.ScalarNode(at, parser.getDoubleValue());
      case VALUE_TRUE:
        return new SpecNode.ScalarNode(at, Boolean.TRUE);
      case VALUE_FALSE:
        return new SpecNode.ScalarNode(at, Boolean.FALSE);
      case VALUE_NULL:
        return new SpecNode.ScalarNode(at, null);
      default:
        throw new JsonParseException(parser, "unexpected " + token);
    }
  }

  private Object integer(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT, LONG -> parser.getLongValue();
      default -> parser.getDoubleValue();
    };
  }

  private SpecNode map(JsonParser parser, SourcePosition at) throws IOException {
    Map<String, SpecNode.Field> fields = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      SourcePosition keyAt = position(parser.currentTokenLocation());
      parser.nextToken();
      SpecNode value = node(parser);
      SpecNode.Field previous = fields.put(key, new SpecNode.Field(key, keyAt, value));
      if (previous != null) {
        errors.add(new SpecError(keyAt, "duplicate key '" + key + "' (first at line "
            + previous.keyPosition().line() + ")", "keep one of them"));
      }
    }
    return new SpecNode.MapNode(at, fields);
  }

  private SourcePosition position(JsonLocation location) {
    return new SourcePosition(source, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }
}
