package org.tadam.capture.word;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.tadam.capture.flow.Connection;

/**
 * JSON Lines: one object per connection with its metadata and its word, e.g.
 * {@code {"service":"http","protocol":"tcp","initiator":"127.0.0.1:40000",
 * "responder":"127.0.0.1:80","state":"SF","midstream":false,"truncated":false,"packets":10,
 * "start_ns":...,"end_ns":...,"source":"x.pcap","word":[["S>",0,0],["SA<",12,0]]}}. Written with
 * Jackson's streaming generator (one line per object: no pretty printing).
 */
public final class JsonWordFormat {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonWordFormat() {
  }

  public static String line(TimedWord w) {
    StringWriter out = new StringWriter(64 + 24 * w.letters().size());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("service", w.service());
      Connection c = w.connection();
      if (c != null) {
        g.writeStringField("protocol", c.protocolName());
        g.writeStringField("initiator", c.initiator().toString());
        g.writeStringField("responder", c.responder().toString());
        g.writeStringField("state", c.state().name());
        g.writeBooleanField("midstream", c.midstream());
        g.writeBooleanField("truncated", c.truncated());
        g.writeNumberField("packets", c.packetCount());
        g.writeNumberField("start_ns", c.startNanos());
        g.writeNumberField("end_ns", c.endNanos());
        g.writeStringField("source", c.source());
      }
      g.writeArrayFieldStart("word");
      for (Letter l : w.letters()) {
        g.writeStartArray();
        g.writeString(l.symbol());
        for (int v : l.values()) {
          g.writeNumber(v);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
