package org.tadam.generator.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The TCP/UDP packets of a generated pcap (microsecond or nanosecond), read back for checks, by connection. */
record Segments(long nanos, byte[] src, int srcPort, byte[] dst, int dstPort, int protocol, long seq, long ack, int flags,
		int payload, int mss, byte[] data) {

	static final int FIN = 0x01;
	static final int SYN = 0x02;
	static final int RST = 0x04;
	static final int PSH = 0x08;
	static final int ACK = 0x10;

	static List<Segments> read(byte[] pcap) {
		ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
		boolean nanos = b.getInt(0) == 0xA1B23C4D;
		List<Segments> packets = new ArrayList<>();
		for (int at = 24; at < pcap.length;) {
			long time = (b.getInt(at) & 0xFFFFFFFFL) * 1_000_000_000L + (b.getInt(at + 4) & 0xFFFFFFFFL) * (nanos ? 1 : 1000);
			int captured = b.getInt(at + 8);
			packets.add(frame(pcap, at + 16, time));
			at += 16 + captured;
		}
		return packets;
	}

	private static Segments frame(byte[] d, int at, long time) {
		ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.BIG_ENDIAN);
		int ip = at + 14;
		boolean v6 = (b.getShort(at + 12) & 0xFFFF) == 0x86DD;
		int l4 = ip + (v6 ? 40 : 20);
		int protocol = v6 ? d[ip + 6] : d[ip + 9];
		int ipPayload = v6 ? b.getShort(ip + 4) & 0xFFFF : (b.getShort(ip + 2) & 0xFFFF) - 20;
		byte[] src = Arrays.copyOfRange(d, v6 ? ip + 8 : ip + 12, v6 ? ip + 24 : ip + 16);
		byte[] dst = Arrays.copyOfRange(d, v6 ? ip + 24 : ip + 16, v6 ? ip + 40 : ip + 20);
		int srcPort = b.getShort(l4) & 0xFFFF;
		int dstPort = b.getShort(l4 + 2) & 0xFFFF;
		if (protocol != 6) {
			return new Segments(time, src, srcPort, dst, dstPort, protocol, 0, 0, 0, ipPayload - 8, 0,
					Arrays.copyOfRange(d, l4 + 8, l4 + ipPayload));
		}
		int header = ((b.get(l4 + 12) & 0xF0) >>> 4) * 4;
		int flags = b.get(l4 + 13) & 0xFF;
		int mss = (flags & SYN) != 0 && d[l4 + 20] == 2 ? b.getShort(l4 + 22) & 0xFFFF : 0;
		return new Segments(time, src, srcPort, dst, dstPort, protocol, b.getInt(l4 + 4) & 0xFFFFFFFFL,
				b.getInt(l4 + 8) & 0xFFFFFFFFL, flags, ipPayload - header, mss,
				Arrays.copyOfRange(d, l4 + header, l4 + ipPayload));
	}

	String key() {
		String a = Arrays.toString(src) + ":" + srcPort;
		String b = Arrays.toString(dst) + ":" + dstPort;
		return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
	}

	boolean from(Segments first) {
		return Arrays.equals(src, first.src) && srcPort == first.srcPort;
	}

	/** Packets grouped by connection, in capture order. */
	/**
	 * Per connection of a pcap its payloads as text, in the order sent, separated by spaces; counted over the
	 * connections.
	 */
	static Map<String, Integer> scripts(byte[] pcap) {
		Map<String, Integer> scripts = new java.util.TreeMap<>();
		for (List<Segments> connection : connections(read(pcap)).values()) {
			StringBuilder sent = new StringBuilder();
			for (Segments p : connection) {
				if (p.payload() > 0) {
					sent.append(sent.length() == 0 ? "" : " ")
							.append(new String(p.data(), java.nio.charset.StandardCharsets.US_ASCII));
				}
			}
			scripts.merge(sent.toString(), 1, Integer::sum);
		}
		return scripts;
	}

	/** A variant bit set (bit v of word v / 64) of variants below 64. */
	static long[] variants(int... vs) {
		long[] bits = new long[1];
		for (int v : vs) {
			bits[0] |= 1L << v;
		}
		return bits;
	}

	static Map<String, List<Segments>> connections(List<Segments> packets) {
		Map<String, List<Segments>> connections = new LinkedHashMap<>();
		for (Segments p : packets) {
			connections.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
		}
		return connections;
	}
}
