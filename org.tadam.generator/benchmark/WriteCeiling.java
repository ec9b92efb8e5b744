import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The machine's ceiling for the generator benchmark: writes BYTES pre-built bytes to FILE the way the generator
 * writes its captures (copied from the heap into a 4 MiB direct buffer, then FileChannel.write), and prints
 * bytes/s. Run: java WriteCeiling.java BYTES FILE
 */
public class WriteCeiling {
	public static void main(String[] args) throws Exception {
		long total = Long.parseLong(args[0]);
		ByteBuffer buffer = ByteBuffer.allocateDirect(4 << 20);
		byte[] prebuilt = new byte[64 << 20];
		for (int i = 0; i < prebuilt.length; i++) {
			prebuilt[i] = (byte) (i * 31);
		}
		int from = 0;
		long began = System.nanoTime();
		try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.WRITE, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			for (long written = 0; written < total;) {
				buffer.clear();
				int length = (int) Math.min(buffer.capacity(), total - written);
				buffer.put(prebuilt, from, length);
				from = (from + length) % (prebuilt.length - buffer.capacity());
				buffer.flip();
				while (buffer.hasRemaining()) {
					written += channel.write(buffer);
				}
			}
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		System.out.printf("ceiling: %d bytes in %.2f s (%.1f MB/s)%n", total, seconds, total / 1e6 / seconds);
	}
}
