package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.model.PayloadClass;
import org.tadam.model.ReplayPayload;
import org.tadam.model.WeightedBytes;

class EntryAnswersTest {

  private static byte[] bytes(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  /**
   * A server pool holds a result set sent twice after a query, a field list sent after a field-list request, and an
   * OK sent once after a query and once after a login: the first two say what they answered, the OK says nothing.
   */
  @Test
  void entriesSayWhichRequestTheyAnsweredWhenTheirConnectionsAgree() {
    byte[] rows = bytes(40, 1);
    byte[] fields = bytes(30, 2);
    byte[] ok = bytes(11, 3);
    List<byte[]> payloads = List.of(rows, fields, ok, rows, ok);
    List<String> peers = Arrays.asList("query", "field_list", "query", "query", "login");
    ReplayPayload replay = pool(payloads);
    EntryAnswers.write(replay, PoolEntries.indexOf(replay, payloads), peers);
    assertEquals("query", entry(replay, rows).getAnswers());
    assertEquals("field_list", entry(replay, fields).getAnswers());
    assertNull(entry(replay, ok).getAnswers(), "answered two tokens");
  }

  /** Entries that all answered one token, or whose other side's message had none, say nothing. */
  @Test
  void aPoolWhoseEntriesAnswerOneTokenSaysNothing() {
    byte[] a = bytes(12, 1);
    byte[] b = bytes(13, 2);
    List<byte[]> payloads = List.of(a, b, a);
    ReplayPayload replay = pool(payloads);
    EntryAnswers.write(replay, PoolEntries.indexOf(replay, payloads), List.of("hello", "hello", "hello"));
    assertNull(entry(replay, a).getAnswers());
    assertNull(entry(replay, b).getAnswers());
    EntryAnswers.write(replay, PoolEntries.indexOf(replay, payloads), Arrays.asList("hello", null, "hello"));
    assertNull(entry(replay, a).getAnswers());
  }

  private static ReplayPayload pool(List<byte[]> payloads) {
    PayloadPools pools = new PayloadPools();
    payloads.forEach(p -> pools.add(p, p.length, 1));
    return (ReplayPayload) pools.toModel(PayloadClass.REPLAY);
  }

  private static WeightedBytes entry(ReplayPayload replay, byte[] data) {
    return replay.getEntries().stream().filter(e -> Arrays.equals(e.getData(), data)).findFirst().orElseThrow();
  }
}
