package org.tadam.generator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A decoded packet of a generated capture, for assertions. The reader checks what a capture tool would:
 * record framing, and every IPv4 header, TCP and UDP checksum (an independent implementation of RFC 1071).
 */
record CapturedPacket(long nanos, byte[] srcMac, byte[] dstMac, int ipVersion, byte[] src, byte[] dst, int ttl,
		boolean dontFragment, int protocol, int srcPort, int dstPort, int flags, long seq, long ack, int window,
		byte[] tcpOptions, byte[] payload, boolean checksumsValid) {

	/** Client-to-server key of the connection this packet belongs to, the same for both directions. */
	String connectionKey() {
		String a = Arrays.toString(src) + ":" + srcPort;
		String b = Arrays.toString(dst) + ":" + dstPort;
		return protocol + " " + (a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
	}

	/** Reads a pcap (µs or ns) or pcapng file of Ethernet frames. */
	static List<CapturedPacket> read(Path file) throws Exception {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		List<CapturedPacket> packets = new ArrayList<>();
		int magic = b.getInt(0);
		if (magic == 0x0A0D0D0A) {
			int at = 0;
			while (at < b.limit()) {
				int type = b.getInt(at);
				int length = b.getInt(at + 4);
				if (b.getInt(at + length - 4) != length) {
					throw new AssertionError("pcapng block trailer mismatch at " + at);
				}
				if (type == 6) {
					long nanos = ((long) b.getInt(at + 12) << 32) | (b.getInt(at + 16) & 0xFFFFFFFFL);
					int captured = b.getInt(at + 20);
					packets.add(decode(nanos, Arrays.copyOfRange(b.array(), at + 28, at + 28 + captured)));
				}
				at += length;
			}
			return packets;
		}
		boolean nanoseconds = magic == 0xA1B23C4D;
		if (!nanoseconds && magic != 0xA1B2C3D4) {
			throw new AssertionError("not a capture: magic " + Integer.toHexString(magic));
		}
		int at = 24;
		while (at < b.limit()) {
			long seconds = b.getInt(at) & 0xFFFFFFFFL;
			long fraction = b.getInt(at + 4) & 0xFFFFFFFFL;
			int captured = b.getInt(at + 8);
			long nanos = seconds * 1_000_000_000L + (nanoseconds ? fraction : fraction * 1000);
			packets.add(decode(nanos, Arrays.copyOfRange(b.array(), at + 16, at + 16 + captured)));
			at += 16 + captured;
		}
		return packets;
	}

	private static CapturedPacket decode(long nanos, byte[] f) {
		ByteBuffer b = ByteBuffer.wrap(f);
		byte[] dstMac = Arrays.copyOfRange(f, 0, 6);
		byte[] srcMac = Arrays.copyOfRange(f, 6, 12);
		int type = b.getShort(12) & 0xFFFF;
		int ip = 14;
		int version;
		int protocol;
		int l4;
		int l4Length;
		int ttl;
		boolean df = false;
		byte[] src;
		byte[] dst;
		long pseudo;
		boolean valid = true;
		if (type == 0x0800) {
			version = 4;
			int headerLength = (f[ip] & 0x0F) * 4;
			valid &= sum(f, ip, headerLength) == 0xFFFF;
			protocol = f[ip + 9] & 0xFF;
			ttl = f[ip + 8] & 0xFF;
			df = (f[ip + 6] & 0x40) != 0;
			src = Arrays.copyOfRange(f, ip + 12, ip + 16);
			dst = Arrays.copyOfRange(f, ip + 16, ip + 20);
			l4 = ip + headerLength;
			l4Length = (b.getShort(ip + 2) & 0xFFFF) - headerLength;
			pseudo = rawSum(f, ip + 12, 8);
		} else if (type == 0x86DD) {
			version = 6;
			protocol = f[ip + 6] & 0xFF;
			ttl = f[ip + 7] & 0xFF;
			src = Arrays.copyOfRange(f, ip + 8, ip + 24);
			dst = Arrays.copyOfRange(f, ip + 24, ip + 40);
			l4 = ip + 40;
			l4Length = b.getShort(ip + 4) & 0xFFFF;
			pseudo = rawSum(f, ip + 8, 32);
		} else {
			throw new AssertionError("unexpected EtherType " + Integer.toHexString(type));
		}
		if (l4 + l4Length != f.length) {
			throw new AssertionError("IP length " + l4Length + " does not match the frame (" + f.length + " bytes)");
		}
		valid &= fold(pseudo + protocol + l4Length + rawSum(f, l4, l4Length)) == 0xFFFF;
		int srcPort = b.getShort(l4) & 0xFFFF;
		int dstPort = b.getShort(l4 + 2) & 0xFFFF;
		if (protocol == 6) {
			int dataOffset = ((f[l4 + 12] & 0xF0) >> 4) * 4;
			return new CapturedPacket(nanos, srcMac, dstMac, version, src, dst, ttl, df, protocol, srcPort, dstPort,
					f[l4 + 13] & 0xFF, b.getInt(l4 + 4) & 0xFFFFFFFFL, b.getInt(l4 + 8) & 0xFFFFFFFFL, b.getShort(l4 + 14) & 0xFFFF,
					Arrays.copyOfRange(f, l4 + 20, l4 + dataOffset), Arrays.copyOfRange(f, l4 + dataOffset, f.length), valid);
		}
		valid &= (b.getShort(l4 + 4) & 0xFFFF) == l4Length && b.getShort(l4 + 6) != 0;
		return new CapturedPacket(nanos, srcMac, dstMac, version, src, dst, ttl, df, protocol, srcPort, dstPort, 0, 0, 0, 0,
				new byte[0], Arrays.copyOfRange(f, l4 + 8, f.length), valid);
	}

	private static long rawSum(byte[] f, int from, int length) {
		long sum = 0;
		for (int i = 0; i < length; i += 2) {
			sum += ((f[from + i] & 0xFF) << 8) + (i + 1 < length ? f[from + i + 1] & 0xFF : 0);
		}
		return sum;
	}

	private static int sum(byte[] f, int from, int length) {
		return fold(rawSum(f, from, length));
	}

	private static int fold(long sum) {
		while ((sum >> 16) != 0) {
			sum = (sum & 0xFFFF) + (sum >> 16);
		}
		return (int) sum;
	}
}
