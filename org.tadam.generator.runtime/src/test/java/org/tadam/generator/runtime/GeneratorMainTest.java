package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line: bad input gets one line and status 2 and leaves no file; a bar only on a terminal. */
class GeneratorMainTest {

	@TempDir
	Path dir;

	record Result(int status, String out, String err) {
	}

	private static Result run(boolean terminal, GeneratorMain.Channels channels, String... args) {
		GeneratorSettings defaults = new GeneratorSettings();
		defaults.seed = 1;
		defaults.connections = 100;
		defaults.rate = 1000;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			status = GeneratorMain.run(args, TrafficGeneratorTest.scenario(), defaults, o, e, terminal, channels);
		}
		return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static Result run(String... args) {
		return run(false, channel -> channel, args);
	}

	private static void assertOneLineError(Result r, String expected) {
		assertEquals(2, r.status(), r::toString);
		assertEquals("", r.out());
		assertEquals(1, r.err().lines().count(), r.err());
		assertTrue(r.err().startsWith("t: ") && r.err().contains(expected), r.err());
	}

	@Test
	void badOptionsGetOneLineAndStatus2() throws IOException {
		String out = dir.resolve("out.pcap").toString();
		assertOneLineError(run("--bogus", "-o", out), "unknown option '--bogus'");
		assertOneLineError(run("--connections", "-5", "-o", out), "--connections needs a positive whole number, not '-5'");
		assertOneLineError(run("--threads", "0", "-o", out), "--threads needs a positive whole number");
		assertOneLineError(run("--duration", "-2s", "-o", out), "--duration needs a positive number");
		assertOneLineError(run("--seed", "x", "-o", out), "--seed needs a whole number");
		assertOneLineError(run("--connections", "5"), "give either -o FILE or --stdout");
		assertOneLineError(run("-o"), "option -o needs a value");
		assertEquals(List.of(), Files.list(dir).toList());
	}

	@Test
	void unwritableOutputsGetOneLineAndStatus2() throws IOException {
		Path file = Files.writeString(dir.resolve("plain.txt"), "x");
		assertOneLineError(run("-o", file.resolve("out.pcap").toString()), "no such directory");
		assertOneLineError(run("-o", dir.toString()), "is a directory");
		assertOneLineError(run("-o", dir.resolve("out.pcap").toString(), "--labels", dir.resolve("none/l.tsv").toString()),
				"no such directory");
		assertEquals(List.of(file), Files.list(dir).toList());
	}

	/** A disk that fills up after a few hundred kilobytes: the run fails, the old file stays, nothing is left over. */
	@Test
	void aFullDiskLeavesNoHalfFile() throws IOException {
		Path target = Files.writeString(dir.resolve("out.pcap"), "the previous capture");
		Result r = run(false, channel -> new FillingChannel(channel, 300_000), "--connections", "5000", "-o", target.toString());
		assertOneLineError(r, "No space left on device");
		assertEquals("the previous capture", Files.readString(target));
		assertEquals(List.of(target), Files.list(dir).toList());
	}

	@Test
	void devFullIsReportedInOneLine() {
		if (Files.exists(Path.of("/dev/full"))) {
			assertOneLineError(run("-o", "/dev/full"), "No space left on device");
		}
	}

	/**
	 * A device or FIFO under the output's or the labels' name is written through, never renamed over: as root a
	 * rename onto /dev/null replaced the device with a regular file.
	 */
	@Test
	void capturesAndLabelsGoThroughAFifo() throws Exception {
		Path captureFifo = fifo(dir.resolve("capture"));
		Path labelFifo = fifo(dir.resolve("labels"));
		CompletableFuture<byte[]> capture = CompletableFuture.supplyAsync(() -> readAll(captureFifo));
		CompletableFuture<byte[]> labels = CompletableFuture.supplyAsync(() -> readAll(labelFifo));
		Result r = run("-o", captureFifo.toString(), "--labels", labelFifo.toString());
		assertEquals(0, r.status(), r::toString);
		assertTrue(capture.get(30, TimeUnit.SECONDS).length > 24 * 100, "the capture came through the FIFO");
		assertEquals(101, new String(labels.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8).lines().count(),
				"a header and one row per connection");
		assertFalse(Files.isRegularFile(captureFifo) || Files.isRegularFile(labelFifo), "still FIFOs");
		try (var files = Files.list(dir)) {
			assertEquals(2, files.count(), "no temporary file beside them");
		}
	}

	static Path fifo(Path path) throws Exception {
		assertEquals(0, new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor());
		return path;
	}

	private static byte[] readAll(Path path) {
		try {
			return Files.readAllBytes(path);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void aProgressBarOnlyOnATerminal() throws IOException {
		Path file = dir.resolve("a.pcap");
		Result piped = run(false, channel -> channel, "--connections", "5000", "-o", file.toString());
		assertEquals(0, piped.status());
		assertEquals("", piped.err());
		byte[] bytes = Files.readAllBytes(file);
		// a slow disk: the bar is redrawn at most five times a second, so the run must last a few redraws
		Result terminal = run(true, channel -> new SlowChannel(channel), "--connections", "5000", "-o", file.toString());
		assertEquals(0, terminal.status());
		assertTrue(terminal.err().contains("M packets/s  ETA "), terminal.err());
		assertTrue(terminal.err().endsWith("\r"), "the bar is erased before the summary");
		assertEquals(1, terminal.out().lines().count());
		assertArrayEquals(bytes, Files.readAllBytes(file));
	}

	@Test
	void theBarShowsShareRatesAndTimeLeft() {
		assertEquals("[############------------]  50%  1.50 GB  750.0 MB/s  2.50 M packets/s  ETA 0:02",
				TerminalProgress.line(1_500_000_000L, 5_000_000, 0.5, 2));
		GeneratorSettings settings = new GeneratorSettings();
		settings.connections = 1000;
		settings.durationNanos = 10_000_000_000L;
		TerminalProgress bar = new TerminalProgress(System.err, settings);
		assertEquals(0.25, bar.done(250, 1_000_000_000L), 1e-9);
		assertEquals(0.5, bar.done(250, 5_000_000_000L), 1e-9);
	}

	/** A channel that passes writes on to another one, which it opens and closes with. */
	private abstract static class ForwardingChannel implements WritableByteChannel {
		final WritableByteChannel channel;

		ForwardingChannel(WritableByteChannel channel) {
			this.channel = channel;
		}

		@Override
		public boolean isOpen() {
			return channel.isOpen();
		}

		@Override
		public void close() throws IOException {
			channel.close();
		}
	}

	/** Accepts {@code room} bytes, then fails as a full disk does. */
	private static final class FillingChannel extends ForwardingChannel {
		private long room;

		FillingChannel(WritableByteChannel channel, long room) {
			super(channel);
			this.room = room;
		}

		@Override
		public int write(ByteBuffer b) throws IOException {
			if (b.remaining() > room) {
				throw new IOException("No space left on device");
			}
			room -= b.remaining();
			return channel.write(b);
		}
	}

	private static final class SlowChannel extends ForwardingChannel {
		SlowChannel(WritableByteChannel channel) {
			super(channel);
		}

		@Override
		public int write(ByteBuffer b) throws IOException {
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return channel.write(b);
		}
	}
}
