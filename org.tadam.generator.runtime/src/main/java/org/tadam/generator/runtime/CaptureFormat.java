package org.tadam.generator.runtime;

import org.tadam.pcap.Bytes;
import org.tadam.pcap.Records;

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
			byte[] b = new byte[Records.SECTION_HEADER + Records.interfaceLength(9)];
			int at = Records.sectionHeader(b, 0, false);
			Records.interfaceDescription(b, at, LINKTYPE_ETHERNET, snapLength, 9, false);
			return b;
		}
		byte[] b = new byte[Records.PCAP_FILE_HEADER];
		Records.pcapFileHeader(b, 0, this == PCAP_NANOS, snapLength, LINKTYPE_ETHERNET, false);
		return b;
	}

	/**
	 * Writes the record header at {@code at} (the frame follows it) and the trailer after the captured bytes.
	 *
	 * @return the offset just past the record
	 */
	int finishRecord(byte[] d, int at, long nanos, int captured, int original) {
		if (this == PCAPNG) {
			int data = at + Records.epbHeader(d, at, 0, nanos, captured, original, false);
			return data + captured + Records.epbTrailer(d, data + captured, captured, false);
		}
		return at + Records.pcapRecordHeader(d, at, nanos, this == PCAP_NANOS, captured, original, false) + captured;
	}

	/** Changes the timestamp of the finished record at {@code at}. */
	void retime(byte[] d, int at, long nanos) {
		if (this == PCAPNG) {
			Bytes.put32le(d, at + 12, (int) (nanos >>> 32));
			Bytes.put32le(d, at + 16, (int) nanos);
			return;
		}
		long fraction = Math.floorMod(nanos, 1_000_000_000L);
		Bytes.put32le(d, at, (int) Math.floorDiv(nanos, 1_000_000_000L));
		Bytes.put32le(d, at + 4, (int) (this == PCAP_NANOS ? fraction : fraction / 1000));
	}
}
