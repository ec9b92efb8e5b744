package org.tadam.spark.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.ConnState;
import org.tadam.capture.flow.Endpoint;
import org.tadam.capture.word.TextWordFormat;
import org.tadam.capture.flow.PacketSummary;
import org.tadam.capture.payload.PayloadLabel;
import org.tadam.capture.word.TimedWord;
import org.tadam.capture.word.WordFormatException;

/**
 * One connection's timed word with what learning needs besides the letters, as one Parquet row. The letters are
 * kept in the word-file syntax ({@link TextWordFormat}, the part after the tab), the one text form of words.
 *
 * @param fileIndex position of the connection's (first) capture in the job's sorted input list
 * @param seq the order in which the single-machine reader emits the connection within that capture
 * @param files how many capture files the connection spans (more than 1: joined across a rotation)
 * @param payloads captured payload bytes per letter as the tracker kept them (null entries: none kept)
 * @param times the capture time of each letter's packet in nanoseconds (null: not known), from which the learner fits
 *     times within their cells (ContinuousIat)
 */
public record WordRow(String service, String protocol, String outcome, boolean midstream, boolean truncated,
    long packets, String initiator, String responder, int responderPort, long startNanos, long endNanos,
    String source, int fileIndex, long seq, int files, String ending, String flow, String letters,
    byte[][] payloads, long[] times) implements Serializable {

  public static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("service", DataTypes.StringType, false),
      DataTypes.createStructField("protocol", DataTypes.StringType, false),
      DataTypes.createStructField("outcome", DataTypes.StringType, false),
      DataTypes.createStructField("midstream", DataTypes.BooleanType, false),
      DataTypes.createStructField("truncated", DataTypes.BooleanType, false),
      DataTypes.createStructField("packets", DataTypes.LongType, false),
      DataTypes.createStructField("initiator", DataTypes.StringType, false),
      DataTypes.createStructField("responder", DataTypes.StringType, false),
      DataTypes.createStructField("responder_port", DataTypes.IntegerType, false),
      DataTypes.createStructField("start_ns", DataTypes.LongType, false),
      DataTypes.createStructField("end_ns", DataTypes.LongType, false),
      DataTypes.createStructField("source", DataTypes.StringType, false),
      DataTypes.createStructField("file_index", DataTypes.IntegerType, false),
      DataTypes.createStructField("seq", DataTypes.LongType, false),
      DataTypes.createStructField("files", DataTypes.IntegerType, false),
      DataTypes.createStructField("ending", DataTypes.StringType, false),
      DataTypes.createStructField("flow", DataTypes.StringType, false),
      DataTypes.createStructField("word", DataTypes.StringType, false),
      DataTypes.createStructField("payloads",
          DataTypes.createArrayType(DataTypes.BinaryType, true), true),
      DataTypes.createStructField("times_ns", DataTypes.createArrayType(DataTypes.LongType, false), true)});

  /** The row of a connection read from capture {@code fileIndex}. */
  public static WordRow of(Connection c, TimedWord w, int fileIndex, long seq, int files) {
    String line = TextWordFormat.line(w);
    byte[][] payloads = null;
    if (c.payloads() != null && !c.payloads().isEmpty()) {
      payloads = c.payloads().toArray(new byte[0][]);
    }
    long[] times = c.packets().isEmpty() ? null : c.packets().stream().mapToLong(p -> p.timestampNanos()).toArray();
    return new WordRow(c.service(), c.protocolName(), c.state().name(), c.midstream(), c.truncated(),
        c.packetCount(), c.initiator().toString(), c.responder().toString(), c.responder().port(),
        c.startNanos(), c.endNanos(), fileName(c.source()), fileIndex, seq, files, c.ending(),
        flow(c.protocol(), c.initiator(), c.responder()), line.substring(line.indexOf('\t') + 1), payloads, times);
  }

  /** The same connection without its letters and payloads (what joining needs: where, when, which 5-tuple). */
  public WordRow withoutWord() {
    return new WordRow(service, protocol, outcome, midstream, truncated, packets, initiator, responder, responderPort,
        startNanos, endNanos, source, fileIndex, seq, files, ending, flow, "", null, null);
  }

  /** The direction-free 5-tuple, the same text whichever side is written first. */
  public static String flow(int protocol, Endpoint a, Endpoint b) {
    String x = a.toString();
    String y = b.toString();
    return protocol + " " + (x.compareTo(y) <= 0 ? x + " " + y : y + " " + x);
  }

  static String fileName(String source) {
    int slash = source.lastIndexOf('/');
    return slash < 0 ? source : source.substring(slash + 1);
  }

  public Row toRow() {
    List<byte[]> p = payloads == null ? null : java.util.Arrays.asList(payloads);
    List<Long> t = times == null ? null : java.util.Arrays.stream(times).boxed().toList();
    return RowFactory.create(service, protocol, outcome, midstream, truncated, packets, initiator, responder,
        responderPort, startNanos, endNanos, source, fileIndex, seq, files, ending, flow, letters,
        p == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(p).toSeq(),
        t == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(t).toSeq());
  }

  /** The word-file line, {@code SERVICE<TAB>letters}, as {@code tadam words} prints it. */
  public String line() {
    return service + "\t" + letters;
  }

  /**
   * The timed word again, with a connection that carries what grouping and learning read (protocol, outcome,
   * responder port, payloads, and its packets' times, without the rest of their summaries).
   */
  public static TimedWord word(Row r) throws WordFormatException {
    String service = r.getString(r.fieldIndex("service"));
    String protocol = r.getString(r.fieldIndex("protocol"));
    TimedWord parsed = TextWordFormat.parse(service + "\t" + r.getString(r.fieldIndex("word")),
        r.getString(r.fieldIndex("source")), r.getLong(r.fieldIndex("seq")));
    List<byte[]> payloads = null;
    int p = r.fieldIndex("payloads");
    if (!r.isNullAt(p)) {
      payloads = new ArrayList<>(r.<byte[]>getList(p));
    }
    List<PacketSummary> times = new ArrayList<>();
    scala.Option<Object> t = r.schema().getFieldIndex("times_ns");
    if (t.isDefined() && !r.isNullAt((Integer) t.get())) {
      for (Long at : r.<Long>getList((Integer) t.get())) {
        times.add(new PacketSummary(at, true, 0, 0, PayloadLabel.EMPTY));
      }
    }
    Endpoint responder = new Endpoint(0, 0, 0, r.getInt(r.fieldIndex("responder_port")));
    Connection c = new Connection(r.getString(r.fieldIndex("source")), "tcp".equals(protocol) ? 6 : 17, responder,
        responder, service, ConnState.valueOf(r.getString(r.fieldIndex("outcome"))),
        r.getBoolean(r.fieldIndex("midstream")), r.getBoolean(r.fieldIndex("truncated")),
        r.getLong(r.fieldIndex("packets")), r.getLong(r.fieldIndex("start_ns")), r.getLong(r.fieldIndex("end_ns")),
        times, payloads, r.getString(r.fieldIndex("ending")));
    return new TimedWord(service, parsed.letters(), c);
  }
}
