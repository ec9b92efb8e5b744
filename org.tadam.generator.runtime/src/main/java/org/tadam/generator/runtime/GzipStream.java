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

	/**
	 * Writes its next {@code n} bytes to {@code out} from {@code off}, stored content taken from {@code material}
	 * where it falls ({@code material[materialOff + i]} for the i-th byte), copied and checksummed a run at a time.
	 */
	void next(byte[] out, int off, int n, byte[] material, int materialOff) {
		int i = 0;
		while (i < n) {
			if (at < HEADER.length) {
				out[off + i++] = HEADER[(int) at++];
			} else if (blockHeader > 0) {
				out[off + i++] = blockHeaderByte(5 - blockHeader--);
				at++;
			} else if (blockLeft > 0) {
				int run = (int) Math.min(blockLeft, n - i);
				System.arraycopy(material, materialOff + i, out, off + i, run);
				crc.update(material, materialOff + i, run);
				blockLeft -= run;
				at += run;
				i += run;
			} else if (block < blocks - 1) {
				block++;
				blockLeft = block == blocks - 1 ? contentLeft : Math.min(BLOCK, contentLeft);
				contentLeft -= blockLeft;
				blockHeader = 5;
			} else {
				out[off + i++] = trailerByte((int) (at++ - (length - 8)));
			}
		}
	}

	/** Byte {@code k} of the current block's header: BFINAL and BTYPE 00, then LEN and NLEN, little-endian. */
	private byte blockHeaderByte(int k) {
		int len = (int) blockLeft;
		return (byte) switch (k) {
			case 0 -> block == blocks - 1 ? 1 : 0;
			case 1 -> len;
			case 2 -> len >>> 8;
			case 3 -> ~len;
			default -> ~len >>> 8;
		};
	}

	/** Byte {@code k} of the trailer: the CRC-32 of the content, then its length, little-endian. */
	private byte trailerByte(int k) {
		long value = k < 4 ? crc.getValue() : content;
		return (byte) (value >>> 8 * (k & 3));
	}
}
