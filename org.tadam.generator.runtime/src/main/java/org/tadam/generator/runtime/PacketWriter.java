package org.tadam.generator.runtime;

import org.tadam.pcap.Bytes;

/**
 * Writes the packets of one connection as finished capture records, with the bookkeeping of a real stack: random
 * ISNs, SEQ/ACK advanced by SYN, FIN and payload (so an ACK acknowledges exactly what the peer sent), SYN options
 * as Linux sends them (MSS, SACK permitted, timestamps, window scale), timestamps on every later segment with
 * TSecr echoing the peer, scaled windows, per-direction IP IDs and IPv6 flow labels. Flags are exactly the
 * caller's (no invented CWR). Headers come from per-side templates and checksums from per-connection partial sums.
 */
final class PacketWriter {

	private static final int SYN = 0x02;
	private static final int FIN = 0x01;
	private static final int RST = 0x04;
	private static final int ACK = 0x10;
	private static final int WINDOW_SCALE = 7;
	/**
	 * Linux on loopback (MTU 65536): the MSS it offers (also its SYN window; the SYN-ACK's is 12 bytes less), and a
	 * window after the handshake that holds a full segment.
	 */
	private static final int LOOPBACK_MSS = 65495;
	private static final int LOOPBACK_WINDOW = 65536 * 2;

	private final CaptureFormat format;
	private final int snapLength;

	final byte[][] ip = { new byte[16], new byte[16] };
	private final byte[][] mac = { new byte[6], new byte[6] };
	final int[] port = new int[2];
	private final int[] isn = new int[2];
	private final int[] seq = new int[2];
	private final int[] tsClock = new int[2];
	private final int[] tsSeen = new int[2];
	private final int[] ipId = new int[2];
	private final int[] flowLabel = new int[2];
	private final int[] ttl = new int[2];
	/** Window offered in the SYN, and the scaled window field of later segments. */
	private final int[] synWindow = new int[2];
	private final int[] window = new int[2];
	boolean ipv6;
	private int addressLength;
	private int mss;
	/**
	 * Checksum sums of what stays the same for a whole connection and side: IPv4 header words other than length and
	 * ID; pseudo-header addresses, protocol and the two ports. A packet adds only its variable words (incremental
	 * checksums, RFC 1624 style), never a pass over its header.
	 */
	private final long[] ipFixedSum = new long[2];
	private final long[] l4FixedSum = new long[2];

	PacketWriter(CaptureFormat format, int snapLength) {
		this.format = format;
		this.snapLength = snapLength;
	}

	/**
	 * Draws the endpoints and the per-connection state. {@code largeSegments}: the model's payloads need the MSS
	 * of a loopback path, so that no segment exceeds the MSS its sender was offered.
	 */
	void open(Rng rng, AddressPool clients, AddressPool servers, int[] serverPorts, AliasTable portChoice, boolean tcp,
			boolean largeSegments) {
		boolean v4 = clients.has(false) && servers.has(false);
		boolean v6 = clients.has(true) && servers.has(true);
		ipv6 = v6 && (!v4 || rng.nextInt(2) == 0);
		addressLength = ipv6 ? 16 : 4;
		clients.draw(rng, ipv6, ip[0], mac[0]);
		servers.draw(rng, ipv6, ip[1], mac[1]);
		ttl[0] = clients.ttl;
		ttl[1] = servers.ttl;
		port[0] = 32768 + rng.nextInt(60999 - 32768 + 1); // Linux ephemeral port range
		port[1] = serverPorts[portChoice == null ? rng.nextInt(serverPorts.length) : portChoice.sample(rng)];
		isn[0] = rng.nextInt();
		isn[1] = rng.nextInt();
		seq[0] = isn[0];
		seq[1] = isn[1];
		tsClock[0] = rng.nextInt();
		tsClock[1] = rng.nextInt();
		tsSeen[0] = 0;
		tsSeen[1] = 0;
		ipId[0] = rng.nextInt(65536);
		ipId[1] = rng.nextInt(65536);
		flowLabel[0] = rng.nextInt(1 << 20);
		flowLabel[1] = rng.nextInt(1 << 20);
		// Linux: 64240 = 44 * 1460 offered in the SYN, 65160 in the SYN-ACK; scaled by 2^7 afterwards
		synWindow[0] = 64240 + 128 * rng.nextInt(8);
		synWindow[1] = 65160 - 128 * rng.nextInt(8);
		if (largeSegments) {
			mss = ipv6 ? LOOPBACK_MSS - 20 : LOOPBACK_MSS;
			synWindow[0] = LOOPBACK_MSS;
			synWindow[1] = LOOPBACK_MSS - 12;
			window[0] = LOOPBACK_WINDOW >>> WINDOW_SCALE;
			window[1] = LOOPBACK_WINDOW >>> WINDOW_SCALE;
		} else {
			mss = ipv6 ? AutomatonModel.ETHERNET_MSS - 20 : AutomatonModel.ETHERNET_MSS;
			window[0] = synWindow[0] >>> WINDOW_SCALE;
			window[1] = synWindow[1] >>> WINDOW_SCALE;
		}
		int protocol = tcp ? 6 : 17;
		long addresses = Checksums.sum(ip[0], 0, addressLength) + Checksums.sum(ip[1], 0, addressLength);
		for (int side = 0; side < 2; side++) {
			ipFixedSum[side] = 0x4500 + (tcp ? 0x4000 : 0) + (ttl[side] << 8 | protocol) + addresses;
			l4FixedSum[side] = addresses + protocol + port[0] + port[1];
		}
		buildTemplates(protocol);
	}

	/** Longest TCP payload of one segment. */
	int mss() {
		return mss;
	}

	/** Writes a TCP segment. A SYN always carries the side's ISN, so a repeated SYN is a retransmission. */
	void tcp(ConnectionPackets out, long time, long start, int side, int flags, byte[] source, int sourceOffset, int length,
			long payloadSum) {
		boolean syn = (flags & SYN) != 0;
		if (syn) {
			seq[side] = isn[side];
		}
		int options = syn ? 20 : 12;
		int tcpHeader = 20 + options;
		// a timestamp clock of 2^20 ns (about 1 ms) per tick: RFC 7323 allows 1 ms to 1 s, and a shift is no division
		int tsVal = tsClock[side] + (int) ((time - start) >>> 20);
		int peer = 1 - side;
		int ack = (flags & ACK) != 0 ? seq[peer] : 0;
		int tsEcr = (flags & ACK) != 0 ? tsSeen[side] : 0;
		int windowField = syn ? synWindow[side] : (flags & RST) != 0 ? 0 : window[side];

		int l4 = beginFrame(out, side, tcpHeader + length);
		byte[] d = out.data;
		Bytes.put32be(d, l4 + 4, seq[side]);
		Bytes.put32be(d, l4 + 8, ack);
		Bytes.put16be(d, l4 + 12, (tcpHeader / 4) << 12 | flags);
		Bytes.put16be(d, l4 + 14, windowField);
		Bytes.put32be(d, l4 + 16, 0); // checksum, urgent pointer
		int o = l4 + 20;
		if (syn) {
			d[o] = 2;
			d[o + 1] = 4;
			Bytes.put16be(d, o + 2, mss);
			d[o + 4] = 4;
			d[o + 5] = 2;
			d[o + 6] = 8;
			d[o + 7] = 10;
			Bytes.put32be(d, o + 8, tsVal);
			Bytes.put32be(d, o + 12, tsEcr);
			d[o + 16] = 1;
			d[o + 17] = 3;
			d[o + 18] = 3;
			d[o + 19] = WINDOW_SCALE;
		} else {
			d[o] = 1;
			d[o + 1] = 1;
			d[o + 2] = 8;
			d[o + 3] = 10;
			Bytes.put32be(d, o + 4, tsVal);
			Bytes.put32be(d, o + 8, tsEcr);
		}
		if (length > 0) {
			System.arraycopy(source, sourceOffset, d, l4 + tcpHeader, length);
		}
		long sum = l4FixedSum[side] + tcpHeader + length + (seq[side] & 0xFFFFFFFFL) + (ack & 0xFFFFFFFFL)
				+ ((tcpHeader / 4) << 12 | flags) + windowField + (tsVal & 0xFFFFFFFFL) + (tsEcr & 0xFFFFFFFFL) + payloadSum
				+ (syn ? 0x0204 + mss + 0x0402 + 0x080A + 0x0103 + (0x0300 | WINDOW_SCALE) : 0x0101 + 0x080A);
		Bytes.put16be(d, l4 + 16, Checksums.finish(sum));
		seq[side] += length + (syn ? 1 : 0) + ((flags & FIN) != 0 ? 1 : 0);
		tsSeen[peer] = tsVal;
		endFrame(out, time, l4 + tcpHeader + length);
	}

	void udp(ConnectionPackets out, long time, int side, byte[] source, int sourceOffset, int length, long payloadSum) {
		int l4 = beginFrame(out, side, 8 + length);
		byte[] d = out.data;
		Bytes.put16be(d, l4 + 4, 8 + length);
		Bytes.put16be(d, l4 + 6, 0);
		if (length > 0) {
			System.arraycopy(source, sourceOffset, d, l4 + 8, length);
		}
		long sum = l4FixedSum[side] + 2 * (8 + length) + payloadSum;
		int checksum = Checksums.finish(sum);
		// a sum of 0 is sent as 0xFFFF (RFC 768), without a branch: one in 65536 datagrams took the branch, and the
		// first one made C2 throw away and recompile the connection's whole generation
		Bytes.put16be(d, l4 + 6, checksum + ((checksum - 1) >> 31 & 0xFFFF));
		endFrame(out, time, l4 + 8 + length);
	}

	private int frameStart;

	/**
	 * The headers of one side as they start every packet it sends: Ethernet, IP with the fixed fields, the two
	 * ports. Built once per connection; a packet copies it and patches lengths, ID and checksums.
	 */
	private final byte[][] template = { new byte[14 + 40 + 4], new byte[14 + 40 + 4] };
	private int templateLength;

	private void buildTemplates(int protocol) {
		int ipHeader = ipv6 ? 40 : 20;
		templateLength = 14 + ipHeader + 4;
		for (int side = 0; side < 2; side++) {
			int peer = 1 - side;
			byte[] t = template[side];
			System.arraycopy(mac[peer], 0, t, 0, 6);
			System.arraycopy(mac[side], 0, t, 6, 6);
			Bytes.put16be(t, 12, ipv6 ? 0x86DD : 0x0800);
			if (ipv6) {
				Bytes.put32be(t, 14, 0x60000000 | flowLabel[side]);
				Bytes.put16be(t, 18, 0);
				t[20] = (byte) protocol;
				t[21] = (byte) ttl[side];
				System.arraycopy(ip[side], 0, t, 22, 16);
				System.arraycopy(ip[peer], 0, t, 38, 16);
			} else {
				Bytes.put32be(t, 14, 0x45000000);
				Bytes.put32be(t, 18, protocol == 6 ? 0x4000 : 0); // DF on TCP, as path-MTU discovery does
				t[22] = (byte) ttl[side];
				t[23] = (byte) protocol;
				Bytes.put16be(t, 24, 0);
				System.arraycopy(ip[side], 0, t, 26, 4);
				System.arraycopy(ip[peer], 0, t, 30, 4);
			}
			Bytes.put16be(t, 14 + ipHeader, port[side]);
			Bytes.put16be(t, 16 + ipHeader, port[peer]);
		}
	}

	/** Copies the side's headers after room for the record header; returns the offset of the L4 header. */
	private int beginFrame(ConnectionPackets out, int side, int l4Length) {
		out.ensure(format.overhead() + 14 + 40 + l4Length);
		byte[] d = out.data;
		frameStart = out.size + format.recordHeader;
		System.arraycopy(template[side], 0, d, frameStart, templateLength);
		int i = frameStart + 14;
		if (ipv6) {
			Bytes.put16be(d, i + 4, l4Length);
			return i + 40;
		}
		Bytes.put16be(d, i + 2, 20 + l4Length);
		Bytes.put16be(d, i + 4, ipId[side]);
		Bytes.put16be(d, i + 10, Checksums.finish(ipFixedSum[side] + 20 + l4Length + ipId[side]));
		ipId[side] = (ipId[side] + 1) & 0xFFFF;
		return i + 20;
	}

	private void endFrame(ConnectionPackets out, long time, int frameEnd) {
		int length = frameEnd - frameStart;
		int captured = Math.min(length, snapLength);
		int end = format.finishRecord(out.data, out.size, time, captured, length);
		out.add(time, end);
	}
}
