import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The machine's ceiling for the generator benchmark: writes BYTES pre-built bytes to FILE the way the generator
 * writes its captures (records copied from heap arrays into a direct buffer of one window, 512 KiB, then written
 * at the window's offset), from THREADS threads at once (blocks dealt out in turn), and prints the rate. The source,
 * 8 MiB per thread, fits in the last-level cache as the connections in flight do.
 * Run: java WriteCeiling.java BYTES FILE THREADS
 */
public class WriteCeiling {

	static final int BLOCK = 512 << 10;

	public static void main(String[] args) throws Exception {
		long total = Long.parseLong(args[0]);
		int threads = Integer.parseInt(args[2]);
		long blocks = (total + BLOCK - 1) / BLOCK;
		try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.WRITE, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			Thread[] workers = new Thread[threads];
			long began = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				int first = t;
				workers[t] = new Thread(() -> write(channel, total, blocks, first, threads));
				workers[t].start();
			}
			for (Thread w : workers) {
				w.join();
			}
			double seconds = (System.nanoTime() - began) / 1e9;
			System.out.printf("ceiling: %d bytes in %.3f s (%.1f MB/s)%n", total, seconds, total / 1e6 / seconds);
		}
	}

	private static void write(FileChannel channel, long total, long blocks, int first, int step) {
		ByteBuffer buffer = ByteBuffer.allocateDirect(BLOCK);
		byte[] prebuilt = new byte[8 << 20];
		for (int i = 0; i < prebuilt.length; i++) {
			prebuilt[i] = (byte) (i * 31 + first);
		}
		int from = 0;
		try {
			for (long b = first; b < blocks; b += step) {
				long at = b * BLOCK;
				int length = (int) Math.min(BLOCK, total - at);
				buffer.clear();
				buffer.put(prebuilt, from, length);
				from = (from + length) % (prebuilt.length - BLOCK);
				buffer.flip();
				for (long p = at; buffer.hasRemaining();) {
					p += channel.write(buffer, p);
				}
			}
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
