package dev.rigor.exec.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code rigor.worker/1} (docs/FORMATS.md): JSON objects, one per line, over a Unix domain socket
 * whose path the worker finds in {@code $RIGOR_WORKER_SOCKET}. Shared by the coordinator's side and
 * the Java worker.
 */
final class Protocol {

  static final String VERSION = "rigor.worker/1";
  static final String SOCKET_ENV = "RIGOR_WORKER_SOCKET";
  /** A message longer than this is a protocol error (a worker cannot make the coordinator run out of memory). */
  static final int MAX_MESSAGE_BYTES = 16 << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private Protocol() {}

  /** One message received: its fields, or why it is not a message; {@link #EOF} when the peer closed the socket. */
  record Message(Map<String, Object> fields, String problem) {

    static final Message EOF = new Message(Map.of(), null);

    String type() {
      return fields.get("type") instanceof String t ? t : null;
    }

    String runId() {
      return fields.get("run_id") instanceof String id ? id : null;
    }

    boolean isEof() {
      return this == EOF;
    }

    static Message parse(byte[] line) {
      String text = new String(line, StandardCharsets.UTF_8);
      try {
        Object value = MAPPER.readValue(text, Object.class);
        if (!(value instanceof Map)) {
          return new Message(Map.of(), "not a JSON object: " + excerpt(text));
        }
        Map<String, Object> fields = MAPPER.convertValue(value, MAP);
        if (!(fields.get("type") instanceof String)) {
          return new Message(fields, "a message without a \"type\": " + excerpt(text));
        }
        return new Message(fields, null);
      } catch (JsonProcessingException e) {
        return new Message(Map.of(), "not JSON: " + excerpt(text));
      }
    }

    private static String excerpt(String text) {
      String line = text.strip();
      return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
  }

  /** Reads messages from a blocking channel, one line at a time, never holding more than one message. */
  static final class Reader {
    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 << 10);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Reader(SocketChannel channel) {
      this.channel = channel;
      buffer.flip();
    }

    /** The next message, {@link Message#EOF} at end of stream or on a read error. */
    Message next() {
      try {
        while (true) {
          while (buffer.hasRemaining()) {
            byte b = buffer.get();
            if (b == '\n') {
              byte[] bytes = line.toByteArray();
              line.reset();
              if (bytes.length > 0) {
                return Message.parse(bytes);
              }
            } else if (line.size() >= MAX_MESSAGE_BYTES) {
              line.reset();
              return new Message(Map.of(), "a message longer than " + (MAX_MESSAGE_BYTES >> 20) + " MB");
            } else {
              line.write(b);
            }
          }
          buffer.clear();
          int n = channel.read(buffer);
          buffer.flip();
          if (n < 0) {
            return Message.EOF;
          }
        }
      } catch (IOException e) {
        return Message.EOF;
      }
    }
  }

  /** Writes one message (whole, under a lock, so threads never interleave lines). */
  static void send(SocketChannel channel, Map<String, ?> message) throws IOException {
    byte[] json = MAPPER.writeValueAsBytes(message);
    ByteBuffer out = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n');
    out.flip();
    synchronized (channel) {
      while (out.hasRemaining()) {
        channel.write(out);
      }
    }
  }

  static Map<String, Object> message(String type, Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
