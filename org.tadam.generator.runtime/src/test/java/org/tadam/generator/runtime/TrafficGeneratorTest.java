package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** A hand-built TCP automaton run through the generator: framing, ordering and thread-independent bytes. */
class TrafficGeneratorTest {

	/** S> SA< A> PA>(text) PA<(random) FA> FA< A> $, all iat about 100 µs (decilog 20). */
	static ScenarioModel scenario() {
		int[] firstEdge = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
		int[] target = { 1, 2, 3, 4, 5, 6, 7, 8, 8 };
		double[] probability = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
		int[] payload = { 0, 0, 0, 2, 1, 0, 0, 0, AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x18, 0x18, 0x11, 0x11, 0x10, 0 };
		boolean[] backward = { false, true, false, false, true, false, true, false, false };
		int[] pool = { -1, -1, -1, 0, 1, -1, -1, -1, -1 };
		double[] distribution = new double[45];
		for (int e = 0; e < 9; e++) {
			distribution[5 * e] = 20;
			distribution[5 * e + 2] = 4;
		}
		PayloadPool[] pools = { PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { "GET / HTTP/1.1\r\n\r\n".getBytes() }),
				PayloadPool.ofLengths(new int[] { 1, 1 }, new int[] { 99, 1400 }) };
		AutomatonModel model = new AutomatonModel("t", AutomatonModel.TCP, 0, 0, 0, firstEdge, target, probability, payload,
				flags, backward, pool, distribution, new int[] { 80 }, pools);
		byte[] v6 = new byte[16];
		v6[0] = (byte) 0xfd;
		AddressPool clients = new AddressPool(new byte[][] { { 10, 0, 0, 0 }, v6 }, new int[] { 16, 64 }, new byte[][] { { 0, 0x1b, 0x21 } }, 64);
		AddressPool servers = new AddressPool(new byte[][] { { (byte) 192, 0, 2, 0 }, v6 }, new int[] { 24, 64 }, new byte[0][], 57);
		return new ScenarioModel("t", new AutomatonModel[] { model }, new double[] { 1 }, new int[][] { { 80 } }, clients, servers);
	}

	static byte[] run(int threads, CaptureFormat format, int connections) throws Exception {
		return run(threads, format, connections, 1000);
	}

	static byte[] run(int threads, CaptureFormat format, int connections, double rate) throws Exception {
		GeneratorSettings settings = new GeneratorSettings();
		settings.seed = 5;
		settings.connections = connections;
		settings.rate = rate;
		settings.threads = threads;
		settings.format = format;
		settings.startNanos = 1_767_225_600_000_000_000L;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RunSummary summary = new TrafficGenerator(scenario(), settings).run(Channels.newChannel(out));
		assertEquals(connections, summary.connections());
		assertEquals(8L * connections, summary.packets());
		assertEquals(out.size(), summary.bytes());
		return out.toByteArray();
	}

	@Test
	void sameBytesWhateverTheThreadCount() throws Exception {
		byte[] one = run(1, CaptureFormat.PCAP, 5000);
		assertArrayEquals(one, run(2, CaptureFormat.PCAP, 5000));
		assertArrayEquals(one, run(4, CaptureFormat.PCAP, 5000));
	}

	/**
	 * A million connections a second, each lasting about 800 µs: every connection is open across hundreds of later
	 * ones, so across the windows the writer cuts the run into; none of its packets may be lost or misplaced.
	 */
	@Test
	void connectionsOpenAcrossManyWindows() throws Exception {
		byte[] one = run(1, CaptureFormat.PCAP_NANOS, 40000, 1e6);
		assertInTimeOrder(one, 8 * 40000);
		assertArrayEquals(one, run(2, CaptureFormat.PCAP_NANOS, 40000, 1e6));
		assertArrayEquals(one, run(3, CaptureFormat.PCAP_NANOS, 40000, 1e6));
	}

	/** The capture is every connection's records sorted by (time, connection number), whatever the windows. */
	@Test
	void theMergeIsASortByTimeThenConnection() throws Exception {
		GeneratorSettings settings = new GeneratorSettings();
		settings.seed = 5;
		settings.rate = 1e6;
		settings.format = CaptureFormat.PCAP_NANOS;
		settings.startNanos = 1_767_225_600_000_000_000L;
		Arrivals arrivals = new Arrivals(settings);
		ConnectionSynthesizer synthesizer = new ConnectionSynthesizer(scenario(), new RandomBytes(Rng.mix(5, -2)), null,
				settings.format, settings.snapLength, false, false, false);
		java.util.List<byte[]> records = new java.util.ArrayList<>();
		java.util.List<long[]> keys = new java.util.ArrayList<>();
		for (int i = 0; i < 20000; i++) {
			ConnectionPackets c = new ConnectionPackets();
			long start = arrivals.next();
			synthesizer.generate(5, i, start, c);
			for (int k = 0; k < c.count; k++) {
				keys.add(new long[] { c.times[k], i, records.size() });
				records.add(Arrays.copyOfRange(c.data, c.start(k), c.ends[k]));
			}
		}
		keys.sort(java.util.Comparator.<long[]> comparingLong(k -> k[0]).thenComparingLong(k -> k[1]).thenComparingLong(k -> k[2]));
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		expected.write(settings.format.fileHeader(settings.snapLength));
		for (long[] k : keys) {
			expected.write(records.get((int) k[2]));
		}
		assertArrayEquals(expected.toByteArray(), run(2, CaptureFormat.PCAP_NANOS, 20000, 1e6));
	}

	/**
	 * Shards of consecutive connection ranges, merged by time with the lower range first on equal times, are the
	 * whole run: each keeps its connections' numbers, start times and bytes (connections overlap the cuts here).
	 */
	@Test
	void shardsMergedByTimeAreTheWholeRun() throws Exception {
		byte[] whole = run(1, CaptureFormat.PCAP_NANOS, 20000, 1e6);
		long[][] ranges = { { 0, 7000 }, { 7000, 13001 }, { 13001, 20000 } };
		java.util.List<long[]> keys = new java.util.ArrayList<>();
		java.util.List<byte[]> records = new java.util.ArrayList<>();
		long connections = 0;
		for (int shard = 0; shard < ranges.length; shard++) {
			GeneratorSettings settings = new GeneratorSettings();
			settings.seed = 5;
			settings.connections = 20000;
			settings.rate = 1e6;
			settings.threads = 2;
			settings.format = CaptureFormat.PCAP_NANOS;
			settings.startNanos = 1_767_225_600_000_000_000L;
			settings.firstConnection = ranges[shard][0];
			settings.lastConnection = ranges[shard][1];
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			connections += new TrafficGenerator(scenario(), settings).run(Channels.newChannel(out)).connections();
			ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
			for (int at = 24; at < b.limit();) {
				int length = 16 + b.getInt(at + 8);
				keys.add(new long[] { (b.getInt(at) & 0xFFFFFFFFL) * 1_000_000_000L + b.getInt(at + 4), shard, records.size() });
				records.add(Arrays.copyOfRange(b.array(), at, at + length));
				at += length;
			}
		}
		assertEquals(20000, connections);
		keys.sort(java.util.Comparator.<long[]> comparingLong(k -> k[0]).thenComparingLong(k -> k[1]).thenComparingLong(k -> k[2]));
		ByteArrayOutputStream merged = new ByteArrayOutputStream();
		merged.write(CaptureFormat.PCAP_NANOS.fileHeader(65535));
		for (long[] k : keys) {
			merged.write(records.get((int) k[2]));
		}
		assertArrayEquals(whole, merged.toByteArray());
		GeneratorSettings all = new GeneratorSettings();
		all.rate = 1e6;
		all.durationNanos = 5_000_000;
		assertEquals(TrafficGenerator.connections(all), countConnections(all), "the connections of a duration run");
	}

	private static long countConnections(GeneratorSettings settings) throws Exception {
		return new TrafficGenerator(scenario(), settings).run(Channels.newChannel(OutputStream.nullOutputStream())).connections();
	}

	/** Windows written at their offsets by several threads make the same file as windows written in order. */
	@Test
	void parallelWritesIntoAFileGiveTheSameBytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		byte[] inOrder = run(2, CaptureFormat.PCAPNG, 30000, 1e5);
		for (int threads = 1; threads <= 3; threads++) {
			GeneratorSettings settings = new GeneratorSettings();
			settings.seed = 5;
			settings.connections = 30000;
			settings.rate = 1e5;
			settings.threads = threads;
			settings.format = CaptureFormat.PCAPNG;
			settings.startNanos = 1_767_225_600_000_000_000L;
			settings.parallelWrites = true;
			java.nio.file.Path file = dir.resolve("t" + threads + ".pcapng");
			try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.WRITE)) {
				new TrafficGenerator(scenario(), settings).run(channel);
				assertEquals(inOrder.length, channel.position(), "the channel is left after the capture");
			}
			assertArrayEquals(inOrder, java.nio.file.Files.readAllBytes(file));
		}
	}

	/** A write that fails stops every thread, and the run reports that failure itself, not a consequence of it. */
	@Test
	void aFailedWriteStopsEveryThread() {
		for (int threads = 1; threads <= 3; threads++) {
			GeneratorSettings settings = new GeneratorSettings();
			settings.seed = 5;
			settings.connections = 30000;
			settings.rate = 1e5;
			settings.threads = threads;
			java.nio.channels.WritableByteChannel full = new java.nio.channels.WritableByteChannel() {
				private int writes;

				@Override
				public int write(ByteBuffer b) throws java.io.IOException {
					if (++writes > 3) {
						throw new java.io.IOException("No space left on device");
					}
					int n = b.remaining();
					b.position(b.limit());
					return n;
				}

				@Override
				public boolean isOpen() {
					return true;
				}

				@Override
				public void close() {
				}
			};
			java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
					() -> new TrafficGenerator(scenario(), settings).run(full));
			assertEquals("No space left on device", e.getMessage());
		}
	}

	/** Progress counts up to the run's totals: bytes written, packets, connections generated, capture time. */
	@Test
	void progressReachesTheTotals() throws Exception {
		GeneratorSettings settings = new GeneratorSettings();
		settings.seed = 5;
		settings.connections = 30000;
		settings.rate = 1000;
		settings.threads = 2;
		long[] seen = new long[4];
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RunSummary summary = new TrafficGenerator(scenario(), settings).run(Channels.newChannel(out), null,
				(bytes, packets, connections, capture) -> {
					assertTrue(bytes >= seen[0] && packets >= seen[1] && connections >= seen[2] && capture >= seen[3]);
					seen[0] = bytes;
					seen[1] = packets;
					seen[2] = connections;
					seen[3] = capture;
				});
		assertEquals(summary.bytes(), seen[0]);
		assertEquals(summary.packets(), seen[1]);
		assertEquals(30000, seen[2]);
	}

	@Test
	void pcapRecordsAreInTimeOrder() throws Exception {
		assertInTimeOrder(run(2, CaptureFormat.PCAP_NANOS, 2000), 16000);
	}

	private static void assertInTimeOrder(byte[] capture, int expectedRecords) {
		ByteBuffer b = ByteBuffer.wrap(capture).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals(0xA1B23C4D, b.getInt(0));
		long previous = 0;
		int records = 0;
		for (int at = 24; at < b.limit(); records++) {
			long t = (b.getInt(at) & 0xFFFFFFFFL) * 1_000_000_000L + b.getInt(at + 4);
			assertTrue(t >= previous);
			previous = t;
			int captured = b.getInt(at + 8);
			assertEquals(captured, b.getInt(at + 12));
			at += 16 + captured;
		}
		assertEquals(expectedRecords, records);
	}

	@Test
	void dailyProfileShapesTheArrivals() throws Exception {
		GeneratorSettings settings = new GeneratorSettings();
		settings.seed = 5;
		settings.durationNanos = 86_400_000_000_000L;
		settings.rate = 0.05;
		settings.profile = new double[24];
		Arrays.fill(settings.profile, 12, 24, 1.0);
		settings.startNanos = 1_767_225_600_000_000_000L; // midnight UTC
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RunSummary summary = new TrafficGenerator(scenario(), settings).run(Channels.newChannel(out));
		// the mean rate is kept: about 0.05 * 86400 connections, all in the afternoon
		assertEquals(4320, summary.connections(), 300);
		assertTrue(summary.firstNanos() >= settings.startNanos + 12 * 3_600_000_000_000L);
	}

	@Test
	void pcapngBlocksAreFramed() throws Exception {
		ByteBuffer b = ByteBuffer.wrap(run(1, CaptureFormat.PCAPNG, 100)).order(ByteOrder.LITTLE_ENDIAN);
		int blocks = 0;
		for (int at = 0; at < b.limit(); blocks++) {
			int length = b.getInt(at + 4);
			assertEquals(0, length % 4);
			assertEquals(length, b.getInt(at + length - 4));
			at += length;
		}
		assertEquals(2 + 800, blocks);
	}
}
