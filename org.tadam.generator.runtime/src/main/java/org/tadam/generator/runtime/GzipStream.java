package org.tadam.generator.runtime;

import java.util.zip.CRC32;

/**
 * A gzip member (RFC 1952) of stored deflate blocks (RFC 1951, section 3.2.4) of a given total length, written in
 * pieces: the body of an HTTP message whose head says {@code Content-Encoding: gzip} decompresses, where random bytes
 * would not ("decompression failed"). Its content is the filler the body letters carry.
 */
final class GzipStream {
	/** Header, one block header and the trailer: the shortest member. */
	static final int MIN_LENGTH = 10 + 5 + 8;
	private static final int BLOCK = 65535;
	private static final byte[] HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	private final CRC32 crc = new CRC32();
	private long length;
	private long at;
	/** Stored bytes in all blocks, the blocks, and the stored bytes left in the current block. */
	private long content;
	private int blocks;
	private int block;
	private long blockLeft;
	private long contentLeft;
	/** Header bytes of the current block still to write (5 .. 0). */
	private int blockHeader;
	private final byte[] trailer = new byte[8];

	/** Starts a member of {@code length} bytes; false when it cannot have one (shorter than {@link #MIN_LENGTH}). */
	boolean start(long length) {
		if (length < MIN_LENGTH) {
			return false;
		}
		this.length = length;
		at = 0;
		blocks = (int) Math.max(1, (length - 18 + BLOCK + 4) / (BLOCK + 5));
		content = length - 18 - 5L * blocks;
		contentLeft = content;
		block = -1;
		blockLeft = 0;
		blockHeader = 0;
		crc.reset();
		return content >= 0;
	}

	/** Writes its next {@code n} bytes to {@code out} from {@code off}, stored content taken from {@code material}. */
	void next(byte[] out, int off, int n, byte[] material, int materialOff) {
		for (int i = 0; i < n; i++, at++) {
			out[off + i] = next(material[materialOff + i]);
		}
	}

	private byte next(byte content) {
		if (at < HEADER.length) {
			return HEADER[(int) at];
		}
		if (blockHeader == 0 && blockLeft == 0 && block < blocks - 1) {
			block++;
			blockLeft = block == blocks - 1 ? contentLeft : Math.min(BLOCK, contentLeft);
			contentLeft -= blockLeft;
			blockHeader = 5;
		}
		if (blockHeader > 0) {
			int k = 5 - blockHeader--;
			int len = (int) blockLeft;
			return (byte) switch (k) {
				case 0 -> block == blocks - 1 ? 1 : 0;
				case 1 -> len;
				case 2 -> len >>> 8;
				case 3 -> ~len;
				default -> ~len >>> 8;
			};
		}
		if (blockLeft > 0) {
			blockLeft--;
			crc.update(content);
			return content;
		}
		int k = (int) (at - (length - 8));
		if (k == 0) {
			long c = crc.getValue();
			for (int i = 0; i < 4; i++) {
				trailer[i] = (byte) (c >>> 8 * i);
				trailer[4 + i] = (byte) (this.content >>> 8 * i);
			}
		}
		return trailer[k];
	}
}
