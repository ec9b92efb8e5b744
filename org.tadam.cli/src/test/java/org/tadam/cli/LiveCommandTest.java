package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.capture.LiveCapture;
import org.tadam.capture.LiveCaptureException;

import picocli.CommandLine.TypeConversionException;

/**
 * {@code words} and {@code learn} with {@code --interface lo} while the test talks to itself over
 * TCP. The capturing tests are skipped, saying why, where libpcap (Debian: libpcap0.8) or the
 * permission to capture (root, or CAP_NET_RAW + CAP_NET_ADMIN) is missing.
 */
class LiveCommandTest {

	/** Aborts the test with the reason when this machine cannot capture on lo. */
	private static void assumeLoopbackCapture() {
		try {
			LiveCapture.open("lo", null, Duration.ofSeconds(1)).close();
		} catch (LiveCaptureException e) {
			Assumptions.abort("live capture on lo is not possible here: " + e.getMessage());
		}
	}

	/**
	 * Three connections, once the command says that it captures: the client sends "hello", the server
	 * answers "world", both close.
	 */
	private static Thread talk(ServerSocket server, StringWriter err) {
		Thread t = new Thread(() -> {
			try {
				long deadline = System.nanoTime() + 30_000_000_000L;
				while (!err.toString().contains("capturing on lo") && System.nanoTime() < deadline) {
					Thread.sleep(10);
				}
				for (int i = 0; i < 3; i++) {
					try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort()); Socket accepted = server.accept()) {
						client.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
						readLine(accepted.getInputStream());
						accepted.getOutputStream().write("world\n".getBytes(StandardCharsets.US_ASCII));
						readLine(client.getInputStream());
					}
				}
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "loopback-traffic");
		t.start();
		return t;
	}

	private static void readLine(InputStream in) throws IOException {
		for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
			// only the arrival matters
		}
	}

	/** As {@link CliTest#tadam}, with stderr readable while the command runs. */
	private static CliTest.Result tadam(StringWriter err, String... args) {
		StringWriter out = new StringWriter();
		int exit = TadamCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new CliTest.Result(exit, out.toString(), err.toString());
	}

	private static ServerSocket server() throws IOException {
		return new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
	}

	@Test
	void wordsCapturesLoopbackConnections() throws Exception {
		assumeLoopbackCapture();
		try (ServerSocket server = server()) {
			int port = server.getLocalPort();
			StringWriter err = new StringWriter();
			Thread traffic = talk(server, err);
			CliTest.Result r = tadam(err, "words", "--interface", "lo", "--duration", "2s", "--filter", "tcp port " + port,
					"--service-port", port + "=tadamtest");
			traffic.join();
			assertEquals(0, r.exit(), r::toString);
			List<String> lines = r.out().lines().toList();
			assertEquals(3, lines.size(), r::toString);
			for (String line : lines) {
				assertTrue(line.startsWith("tadamtest\tS> "), line);
				assertTrue(line.contains(" SA< ") && line.contains(" A> "), line);
				assertTrue(line.contains("PA> text \"hello\"") && line.contains("PA< text \"world\""), line);
			}
			assertTrue(r.err().matches("(?s).*tadam words: captured \\d+\\.\\d s on lo: writing the words of 3 connections\n.*"), r.err());
			assertTrue(r.err().contains("live:lo  live  EN10MB"), r.err());
		}
	}

	@Test
	void learnCapturesThenLearns(@TempDir Path dir) throws Exception {
		assumeLoopbackCapture();
		try (ServerSocket server = server()) {
			int port = server.getLocalPort();
			StringWriter err = new StringWriter();
			Thread traffic = talk(server, err);
			CliTest.Result r = tadam(err, "learn", "--interface", "lo", "--duration", "2s", "--filter", "tcp port " + port,
					"--service-port", port + "=tadamtest", "-o", dir.toString(), "--no-progress", "--threads", "1");
			traffic.join();
			assertEquals(0, r.exit(), r::toString);
			assertTrue(r.err().matches("(?s).*tadam learn: captured \\d+\\.\\d s on lo: learning from 3 connections\n.*"), r.err());
			Path model = dir.resolve("tadamtest.tadam");
			assertTrue(Files.readString(model).contains("captures \"live:lo\""), r::toString);
			assertEquals(0, CliTest.tadam("validate", model.toString()).exit());
		}
	}

	@Test
	void anUnknownInterfaceIsOneLineListingTheOthers() {
		assumeLoopbackCapture();
		CliTest.Result r = CliTest.tadam("words", "--interface", "tadam-no-such-if0", "--duration", "1s");
		assertEquals(2, r.exit(), r::toString);
		assertEquals(1, r.err().lines().count(), r.err());
		assertTrue(r.err().startsWith("tadam words: no network interface 'tadam-no-such-if0'; available: ")
				&& r.err().contains("lo"), r.err());
	}

	@Test
	void liveOptionsAreCheckedBeforeAnythingIsOpened() {
		String capture = LearnScoreCommandTest.CAPTURE.toString();
		CliTest.Result none = CliTest.tadam("words");
		assertEquals(2, none.exit());
		assertTrue(none.err().contains("give capture files or --interface IF"), none.err());
		CliTest.Result both = CliTest.tadam("learn", capture, "--interface", "lo", "-o", "unused");
		assertEquals(2, both.exit());
		assertTrue(both.err().contains("give capture files or --interface, not both"), both.err());
		CliTest.Result alone = CliTest.tadam("words", capture, "--duration", "5s");
		assertEquals(2, alone.exit());
		assertTrue(alone.err().contains("--duration and --filter need --interface"), alone.err());
		CliTest.Result bad = CliTest.tadam("words", "--interface", "lo", "--duration", "soon");
		assertEquals(2, bad.exit());
		assertTrue(bad.err().contains("expected a duration such as 30s, 5m or 1h, not 'soon'"), bad.err());
		assertFalse(Files.exists(Path.of("unused")));
	}

	@Test
	void durationsReadSecondsMinutesAndHours() {
		LiveOptions.DurationConverter c = new LiveOptions.DurationConverter();
		assertEquals(Duration.ofSeconds(30), c.convert("30s"));
		assertEquals(Duration.ofMinutes(5), c.convert("5m"));
		assertEquals(Duration.ofHours(1), c.convert("1h"));
		assertEquals(Duration.ofMinutes(90), c.convert("1.5h"));
		assertEquals(Duration.ofSeconds(45), c.convert("45"));
		assertThrows(TypeConversionException.class, () -> c.convert("0s"));
		assertThrows(TypeConversionException.class, () -> c.convert("-5s"));
		assertThrows(TypeConversionException.class, () -> c.convert("5 min"));
	}
}
