package org.tadam.generator.runtime;

/**
 * Capture file formats. Records are written by the packet builders straight into per-connection buffers in their
 * final form (record header, frame, trailer), so merging connections is a copy of bytes.
 */
public enum CaptureFormat {
	/** libpcap, microsecond timestamps. */
	PCAP(16),
	/** libpcap, nanosecond timestamps (magic a1b23c4d). */
	PCAP_NANOS(16),
	/** pcapng with one Ethernet interface of nanosecond resolution, one Enhanced Packet Block per packet. */
	PCAPNG(28);

	private static final int LINKTYPE_ETHERNET = 1;

	final int recordHeader;

	CaptureFormat(int recordHeader) {
		this.recordHeader = recordHeader;
	}

	/** Most bytes a record adds around a frame (header, padding, trailer). */
	int overhead() {
		return recordHeader + 8;
	}

	/** The bytes that open the file. */
	public byte[] fileHeader(int snapLength) {
		if (this == PCAPNG) {
			byte[] b = new byte[28 + 32];
			// Section Header Block: byte-order magic, version 1.0, unknown section length
			Bytes.le32(b, 0, 0x0A0D0D0A);
			Bytes.le32(b, 4, 28);
			Bytes.le32(b, 8, 0x1A2B3C4D);
			Bytes.le16(b, 12, 1);
			Bytes.le16(b, 14, 0);
			Bytes.le64(b, 16, -1L);
			Bytes.le32(b, 24, 28);
			// Interface Description Block: Ethernet, snap length, option if_tsresol = 9 (nanoseconds)
			Bytes.le32(b, 28, 1);
			Bytes.le32(b, 32, 32);
			Bytes.le16(b, 36, LINKTYPE_ETHERNET);
			Bytes.le32(b, 40, snapLength);
			Bytes.le16(b, 44, 9);
			Bytes.le16(b, 46, 1);
			b[48] = 9;
			Bytes.le32(b, 52, 0); // opt_endofopt
			Bytes.le32(b, 56, 32);
			return b;
		}
		byte[] b = new byte[24];
		Bytes.le32(b, 0, this == PCAP_NANOS ? 0xA1B23C4D : 0xA1B2C3D4);
		Bytes.le16(b, 4, 2);
		Bytes.le16(b, 6, 4);
		Bytes.le32(b, 16, snapLength);
		Bytes.le32(b, 20, LINKTYPE_ETHERNET);
		return b;
	}

	/**
	 * Writes the record header at {@code at} (the frame follows it) and the trailer after the captured bytes.
	 *
	 * @return the offset just past the record
	 */
	int finishRecord(byte[] d, int at, long nanos, int captured, int original) {
		if (this == PCAPNG) {
			int padded = (captured + 3) & ~3;
			int total = 28 + padded + 4;
			Bytes.le32(d, at, 6);
			Bytes.le32(d, at + 4, total);
			Bytes.le32(d, at + 8, 0);
			Bytes.le32(d, at + 12, (int) (nanos >>> 32));
			Bytes.le32(d, at + 16, (int) nanos);
			Bytes.le32(d, at + 20, captured);
			Bytes.le32(d, at + 24, original);
			for (int i = at + 28 + captured; i < at + 28 + padded; i++) {
				d[i] = 0;
			}
			Bytes.le32(d, at + 28 + padded, total);
			return at + total;
		}
		long seconds = Math.floorDiv(nanos, 1_000_000_000L);
		long fraction = Math.floorMod(nanos, 1_000_000_000L);
		Bytes.le32(d, at, (int) seconds);
		Bytes.le32(d, at + 4, (int) (this == PCAP_NANOS ? fraction : fraction / 1000));
		Bytes.le32(d, at + 8, captured);
		Bytes.le32(d, at + 12, original);
		return at + 16 + captured;
	}
}
