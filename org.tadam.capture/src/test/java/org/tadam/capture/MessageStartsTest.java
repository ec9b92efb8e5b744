package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.flow.Connection;
import org.tadam.capture.flow.ConnectionTracker;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.capture.flow.TrackerOptions;
import org.tadam.capture.payload.MessageStarts;
import org.tadam.capture.payload.PayloadClassifier;
import org.tadam.capture.payload.PayloadLabel;
import org.tadam.capture.word.SymbolAbstraction;
import org.tadam.model.PayloadClass;

/** Text tokens come from message starts only (issue 12 item 3). */
class MessageStartsTest {
  /** Client and server directions of one connection, each with its next sequence number. */
  private final MessageStarts client = new MessageStarts(true);
  private final MessageStarts server = new MessageStarts(true);
  private long clientSeq = 1000;
  private long serverSeq = 5000;

  MessageStartsTest() {
    MessageStarts.pair(client, server);
  }

  private boolean c(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    boolean start = client.next(clientSeq, b, 0, b.length, b.length);
    clientSeq += b.length;
    return start;
  }

  private boolean s(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    boolean start = server.next(serverSeq, b, 0, b.length, b.length);
    serverSeq += b.length;
    return start;
  }

  @Test
  void httpResponseSplitOverSegmentsHasOneStart() {
    assertEquals(true, c("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"));
    assertEquals(true, s("HTTP/1.1 200 OK\r\nContent-Length: 42\r\n\r\n<html>\n"));
    assertEquals(false, s("<p>check this out</p>\n"), "body ending in a line end");
    assertEquals(false, s("ernal</html>\n"), "the last body bytes, mid-word");
    assertEquals(true, c("GET /b HTTP/1.1\r\n\r\n"));
    assertEquals(true, s("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n"), "no body");
    assertEquals(true, c("HEAD / HTTP/1.1\r\n\r\n"));
    assertEquals(true, s("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"));
    assertEquals(true, c("GET /x HTTP/1.1\r\n\r\n"));
    assertEquals(true, s("HTTP/1.1 204 No Content\r\n\r\n"), "the answer to HEAD had no body");
    assertEquals(true, c("POST /f HTTP/1.1\r\nContent-Length: 10\r\n"), "headers go on");
    assertEquals(false, c("Content-Type: text/plain\r\n\r\n"));
    assertEquals(false, c("0123456789"));
    assertEquals(true, c("GET /after-post HTTP/1.1\r\n\r\n"));
  }

  @Test
  void chunkedAndCloseDelimitedBodies() {
    assertEquals(true, c("GET / HTTP/1.1\r\n\r\n"));
    assertEquals(true, s("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"));
    assertEquals(false, s("Date: in a chunk\r\n"));
    assertEquals(false, s("0\r\n\r\n"), "the last chunk");
    assertEquals(true, c("GET / HTTP/1.1\r\n\r\n"));
    assertEquals(true, s("HTTP/1.0 200 OK\r\n\r\nbody until close\n"));
    assertEquals(false, s("More body\n"));
  }

  @Test
  void retransmissionsDoNotShiftTheBody() {
    assertEquals(true, c("GET / HTTP/1.1\r\n\r\n"));
    byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(true, server.next(serverSeq, head, 0, head.length, head.length));
    assertEquals(false, server.next(serverSeq, head, 0, head.length, head.length), "retransmitted");
    serverSeq += head.length;
    byte[] body = "0123456789\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(false, server.next(serverSeq, body, 0, body.length, body.length));
    assertEquals(false, server.next(serverSeq, body, 0, body.length, body.length));
    serverSeq += body.length;
    assertEquals(false, s("Line: ok\n"), "the last 9 body bytes (were retransmissions counted, "
        + "this would start a message)");
    assertEquals(true, s("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
  }

  @Test
  void smtpMultiLineRepliesAndData() {
    assertEquals(true, s("220 mx.example.org ESMTP\r\n"));
    assertEquals(true, c("EHLO client\r\n"));
    assertEquals(true, s("250-mx.example.org\r\n"));
    assertEquals(false, s("250-PIPELINING\r\n"), "continuation of a multi-line reply");
    assertEquals(false, s("250 HELP\r\n"));
    assertEquals(true, c("MAIL FROM:<a@b>\r\n"));
    assertEquals(true, s("250 ok\r\n"));
    assertEquals(true, c("DATA\r\n"));
    assertEquals(true, s("354 go ahead\r\n"));
    assertEquals(false, c("Date: today\r\nSubject: hi\r\n\r\n"), "the mail is a body");
    assertEquals(false, c("Received: more\r\n.\r\n"));
    assertEquals(true, s("250 queued\r\n"));
    assertEquals(true, c("QUIT\r\n"));
  }

  @Test
  void rejectedDataKeepsCommands() {
    assertEquals(true, c("DATA\r\n"));
    assertEquals(true, s("554 no valid recipients\r\n"));
    assertEquals(true, c("QUIT\r\n"));
  }

  @Test
  void pop3RetrAnswerIsOneMessage() {
    assertEquals(true, s("+OK POP3 ready\r\n"));
    assertEquals(true, c("RETR 1\r\n"));
    assertEquals(true, s("+OK 120 octets\r\nReturn-Path: <a@b>\r\n"));
    assertEquals(false, s("Received: from x\r\n"));
    assertEquals(false, s("body\r\n.\r\n"));
    assertEquals(true, c("QUIT\r\n"));
    assertEquals(true, s("+OK bye\r\n"));
  }

  @Test
  void midstreamWaitsForALineEnd() {
    MessageStarts m = new MessageStarts(false);
    byte[] a = "ody text\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] b = "USER x\r\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(false, m.next(1, a, 0, a.length, a.length));
    assertEquals(true, m.next(1 + a.length, b, 0, b.length, b.length));
    MessageStarts http = new MessageStarts(false);
    byte[] get = "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(true, http.next(7, get, 0, get.length, get.length), "recognisably a start");
    MessageStarts reply = new MessageStarts(false);
    byte[] ok = "250 ok\r\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(true, reply.next(7, ok, 0, ok.length, ok.length));
  }

  @Test
  void tokensOnlyAtMessageStarts() {
    PayloadClassifier k = new PayloadClassifier();
    byte[] status = "HTTP/1.1 404 Not Found\r\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(new PayloadLabel(PayloadClass.TEXT, "404"),
        k.classify(status, 0, status.length, status.length, true));
    byte[] rtsp = "RTSP/1.0 200".getBytes(StandardCharsets.US_ASCII);
    assertEquals("200", k.classify(rtsp, 0, rtsp.length, rtsp.length, true).token());
    byte[] ssh = "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals("SSH", k.classify(ssh, 0, ssh.length, ssh.length, true).token());
    byte[] mid = "heck this out\r\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(PayloadLabel.TEXT, k.classify(mid, 0, mid.length, mid.length, false));
    assertEquals("heck", k.classify(mid, 0, mid.length, mid.length, true).token());
    assertSame(k.classify(ssh, 0, ssh.length, ssh.length, true),
        k.classify(ssh, 0, ssh.length, ssh.length, true), "cached label");
  }

  /** Through the tracker: a response split over three segments gets one token. */
  @Test
  void trackerSymbols() {
    List<Connection> out = new ArrayList<>();
    ConnectionTracker t = new ConnectionTracker(TrackerOptions.defaults(), ServiceTable.standard(),
        out::add);
    long[] seq = {100, 900};
    String[][] packets = {
        {">", ""}, {"<", ""},
        {">", "GET / HTTP/1.1\r\nHost: h\r\n\r\n"},
        {"<", "HTTP/1.1 200 OK\r\nContent-Length: 26\r\n\r\n"},
        {"<", "<p>body line one</p>\n"},
        {"<", "heck\n"},
        {">", "GET /2 HTTP/1.1\r\n\r\n"}};
    int flags = DecodedPacket.SYN;
    long ms = 0;
    for (String[] p : packets) {
      boolean fromClient = p[0].equals(">");
      byte[] b = p[1].getBytes(StandardCharsets.US_ASCII);
      int f = flags != 0 ? (fromClient ? flags : flags | DecodedPacket.ACK)
          : DecodedPacket.PSH | DecodedPacket.ACK;
      int dir = fromClient ? 0 : 1;
      t.accept(new DecodedPacket(0, 0, ++ms * 1_000_000L, 4, 6, 0, fromClient ? 1 : 2, 0,
          fromClient ? 2 : 1, fromClient ? 40000 : 8081, fromClient ? 8081 : 40000, f, seq[dir],
          b.length, b, 0, b.length));
      seq[dir] += b.length;
      if (!fromClient) {
        flags = 0;
      }
    }
    t.flush();
    SymbolAbstraction alphabet = SymbolAbstraction.standard();
    List<String> symbols = out.get(0).packets().stream().map(p -> alphabet.symbol(6, p)).toList();
    assertEquals(List.of("S>", "SA<", "PA> text \"GET\"", "PA< text \"200\"", "PA< text",
        "PA< text", "PA> text \"GET\""), symbols);
    assertEquals("http", out.get(0).service(), "named by content on port 8081");
  }
}
