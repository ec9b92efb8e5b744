package org.tadam.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tadam.capture.FragmentFrames.decode;
import static org.tadam.capture.FragmentFrames.fragment;
import static org.tadam.capture.FragmentFrames.frames;
import static org.tadam.capture.FragmentFrames.payload;
import static org.tadam.capture.FragmentFrames.split;
import static org.tadam.capture.FragmentFrames.udp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tadam.capture.FragmentFrames.Out;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.pcap.SkipCounter;
import org.tadam.pcap.SkipReason;

/**
 * A ~3000-byte DNS-like UDP datagram in three fragments (1480 + 1480 + 40 bytes), IPv4 and IPv6:
 * in order, reversed, duplicated, overlapping, incomplete, late, and malformed.
 */
class FragmentReassemblyTest {
  private static final byte[] L4 = udp(3000);
  private static final long SECOND = 1_000_000_000L;

  private static List<byte[]> three(int version) {
    return split(version, L4, 1480, 0x1234);
  }

  private static void assertDatagram(List<Out> out, int version, long number) {
    assertEquals(1, out.size());
    DecodedPacket p = out.get(0).packet();
    assertEquals(version, p.ipVersion());
    assertEquals(DecodedPacket.UDP, p.protocol());
    assertEquals(FragmentFrames.SERVER_PORT, p.srcPort());
    assertEquals(FragmentFrames.CLIENT_PORT, p.dstPort());
    assertEquals(2992, p.payloadLength());
    assertEquals(number, p.number(), "decoded on the frame that completed it");
    assertEquals((number - 1) * SECOND, p.timestampNanos(), "with that frame's time");
    assertArrayEquals(payload(L4), out.get(0).payload());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6})
  void inOrder(int version) {
    SkipCounter skips = new SkipCounter();
    assertDatagram(decode(skips, frames(three(version))), version, 3);
    assertEquals(0, skips.skippedFrames());
    assertEquals(1, skips.reassembled());
    assertEquals(2, skips.mergedFragments());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6})
  void reversed(int version) {
    List<byte[]> f = new ArrayList<>(three(version));
    java.util.Collections.reverse(f);
    SkipCounter skips = new SkipCounter();
    assertDatagram(decode(skips, frames(f)), version, 3);
    assertEquals(2, skips.mergedFragments());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6})
  void duplicateIsSkippedAndTheDatagramStillCompletes(int version) {
    List<byte[]> f = three(version);
    SkipCounter skips = new SkipCounter();
    assertDatagram(decode(skips, frames(List.of(f.get(0), f.get(1), f.get(1), f.get(2)))),
        version, 4);
    assertEquals(1, skips.count(SkipReason.IP_FRAGMENT_DUPLICATE));
    assertEquals(2, skips.mergedFragments());
  }

  /** The middle fragment re-cut to start 8 bytes early, with other bytes there. */
  private static byte[] overlapping(int version) {
    byte[] l4 = L4.clone();
    Arrays.fill(l4, 1472, 1480, (byte) '#');
    return fragment(version, l4, 1472, 1488, true, 0x1234);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void ipv4OverlapKeepsTheFirstCopy(boolean overlapFirst) {
    List<byte[]> f = three(4);
    byte[] o = overlapping(4);
    SkipCounter skips = new SkipCounter();
    List<Out> out = decode(skips, frames(overlapFirst ? List.of(o, f.get(0), f.get(2))
        : List.of(f.get(0), o, f.get(2))));
    assertEquals(1, out.size());
    byte[] expected = payload(L4);
    if (overlapFirst) {
      Arrays.fill(expected, 1472 - 8, 1480 - 8, (byte) '#');
    }
    assertArrayEquals(expected, out.get(0).payload());
    assertEquals(1, skips.trimmedOverlaps());
    assertEquals(2, skips.mergedFragments());
    assertEquals(0, skips.skippedFrames());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void ipv6OverlapDropsTheDatagram(boolean overlapFirst) {
    List<byte[]> f = three(6);
    byte[] o = overlapping(6);
    SkipCounter skips = new SkipCounter();
    List<Out> out = decode(skips, frames(overlapFirst ? List.of(o, f.get(0), f.get(2))
        : List.of(f.get(0), o, f.get(2))));
    assertTrue(out.isEmpty());
    assertEquals(2, skips.count(SkipReason.IP_FRAGMENT_OVERLAP));
    // The last fragment starts a new datagram that never completes.
    assertEquals(1, skips.count(SkipReason.IP_FRAGMENT));
    assertEquals(0, skips.mergedFragments());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6})
  void missingFragmentIsCountedAtTheEnd(int version) {
    List<byte[]> f = three(version);
    SkipCounter skips = new SkipCounter();
    assertTrue(decode(skips, frames(List.of(f.get(0), f.get(2)))).isEmpty());
    assertEquals(2, skips.count(SkipReason.IP_FRAGMENT));
    assertTrue(skips.firstSeen(SkipReason.IP_FRAGMENT).startsWith("fragments packet 1 "));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6})
  void fragmentsOlderThanTheTimeoutAreDropped(int version) {
    SkipCounter late = new SkipCounter();
    assertTrue(decode(late, frames(three(version), 0, 30 * SECOND, 61 * SECOND)).isEmpty());
    assertEquals(3, late.count(SkipReason.IP_FRAGMENT));
    SkipCounter inTime = new SkipCounter();
    assertEquals(1, decode(inTime, frames(three(version), 0, 30 * SECOND, 60 * SECOND)).size());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6})
  void malformedFragmentsAreCountedNotThrown(int version) {
    byte[] big = new byte[70_000];
    List<byte[]> bad = List.of(
        fragment(version, L4, 8, 0, true, 1),
        fragment(version, L4, 0, 1001, true, 2),
        fragment(version, big, 65528, 16, false, 3),
        fragment(version, big, 65520, 16, true, 4),
        // The end is known (3000): data past it and a second, different end are invalid.
        fragment(version, L4, 2992, 8, false, 6),
        fragment(version, big, 2992, 16, true, 6),
        fragment(version, big, 1480, 520, false, 6),
        fragment(version, L4, 0, 2992, true, 6),
        // A last fragment ending before data already received.
        fragment(version, L4, 0, 1480, true, 8),
        fragment(version, L4, 8, 8, false, 8),
        // More Fragments set on every piece: never complete.
        fragment(version, L4, 0, 1480, true, 7),
        fragment(version, L4, 1480, 1520, true, 7));
    SkipCounter skips = new SkipCounter();
    List<Out> out = decode(skips, frames(bad));
    assertDatagram(out, version, 8);
    assertEquals(7, skips.count(SkipReason.IP_FRAGMENT_INVALID));
    assertEquals(3, skips.count(SkipReason.IP_FRAGMENT));
    assertEquals(1, skips.mergedFragments());
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6})
  void cutHeadersAreCounted(int version) {
    List<byte[]> f = three(version);
    byte[] cut = Arrays.copyOf(f.get(0), version == 4 ? 12 : 44);
    // Snaplen-cut middle fragment: the datagram completes, its payload is cut there.
    byte[] snap = Arrays.copyOf(f.get(1), f.get(1).length - 1000);
    SkipCounter skips = new SkipCounter();
    List<Out> out = decode(skips, frames(List.of(cut, f.get(0), snap, f.get(2))));
    assertEquals(1, skips.count(SkipReason.TRUNCATED_HEADER));
    assertEquals(1, out.size());
    assertEquals(2992, out.get(0).packet().payloadLength());
    assertEquals(1480 + 480 - 8, out.get(0).payload().length);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 6})
  void innerTcpAndOtherProtocolsAreDecodedAfterReassembly(int version) {
    byte[] tcp = new byte[1600];
    tcp[1] = 80;
    tcp[3] = 81;
    tcp[12] = 0x50;
    tcp[13] = DecodedPacket.ACK | DecodedPacket.PSH;
    List<byte[]> f = List.of(fragment(version, tcp, 0, 800, true, 9, 6),
        fragment(version, tcp, 800, 800, false, 9, 6),
        fragment(version, tcp, 0, 800, true, 10, 1),
        fragment(version, tcp, 800, 800, false, 10, 1));
    SkipCounter skips = new SkipCounter();
    List<Out> out = decode(skips, frames(f));
    assertEquals(1, out.size());
    assertEquals(1580, out.get(0).packet().payloadLength());
    assertEquals(1, skips.count(SkipReason.OTHER_IP_PROTOCOL));
    assertEquals(2, skips.mergedFragments());
  }
}
