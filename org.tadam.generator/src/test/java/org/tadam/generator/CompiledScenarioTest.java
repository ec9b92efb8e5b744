package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.model.AutomatonUse;
import org.tadam.model.Scenario;

/** Generate, compile, run the bundled mix, and read the capture back: packets must be what the models say. */
class CompiledScenarioTest {

	@TempDir
	static Path dir;

	private static Scenario mix;
	private static Path jar;
	private static List<CapturedPacket> packets;

	@BeforeAll
	static void compileAndRunTheMix() throws Exception {
		mix = GeneratorTestSupport.sample("mix.tadamscenario");
		jar = GeneratorTestSupport.compile(mix, dir);
		GeneratorTestSupport.Run run = GeneratorTestSupport.runOk(jar, mix, "--connections", "600", "-o", dir.resolve("mix.pcap").toString());
		assertTrue(run.out().startsWith("mix: 600 connections, "), run.out());
		packets = CapturedPacket.read(dir.resolve("mix.pcap"));
	}

	@Test
	void everyPacketIsWellFormed() {
		assertFalse(packets.isEmpty());
		long previous = Long.MIN_VALUE;
		for (CapturedPacket p : packets) {
			assertTrue(p.checksumsValid(), () -> "bad checksum in " + p);
			assertTrue(p.nanos() >= previous, "time order");
			previous = p.nanos();
			for (byte[] mac : new byte[][] { p.srcMac(), p.dstMac() }) {
				assertFalse(Arrays.equals(mac, new byte[6]), "all-zero MAC");
				assertEquals(0, mac[0] & 1, "multicast MAC");
			}
			if (p.protocol() == 6) {
				assertEquals(0, p.flags() & 0xC0, "ECE/CWR are never invented");
				assertEquals(p.ipVersion() == 4, p.dontFragment(), "DF on IPv4 TCP");
				if ((p.flags() & 0x02) != 0) {
					// MSS, SACK permitted, timestamps, NOP, window scale: Linux's SYN options
					assertEquals(20, p.tcpOptions().length);
					assertEquals(2, p.tcpOptions()[0]);
					assertEquals(4, p.tcpOptions()[4]);
					assertEquals(8, p.tcpOptions()[6]);
					assertEquals(3, p.tcpOptions()[17]);
				} else {
					assertEquals(12, p.tcpOptions().length, "timestamps on every segment");
				}
			}
		}
	}

	@Test
	void addressesComeFromThePlans() {
		for (CapturedPacket p : packets) {
			boolean fromClient = p.dstPort() == 80 || p.dstPort() == 8080 || p.dstPort() == 443 || p.dstPort() == 53 || p.dstPort() == 22;
			byte[] client = fromClient ? p.src() : p.dst();
			byte[] server = fromClient ? p.dst() : p.src();
			if (p.ipVersion() == 4) {
				assertTrue(client[0] == 10 && client[1] == 20, () -> "client " + Arrays.toString(client));
				assertTrue((server[0] & 0xFF) == 192 && server[1] == 0 && server[2] == 2, () -> "server " + Arrays.toString(server));
			} else {
				assertTrue((client[0] & 0xFF) == 0xfd && client[1] == 0 && client[2] == 0 && client[3] == 0x20, "client v6");
				assertTrue(server[0] == 0x20 && server[1] == 0x01 && (server[2] & 0xFF) == 0x0d && (server[3] & 0xFF) == 0xb8, "server v6");
			}
			assertEquals(fromClient ? 64 : 57, p.ttl(), "TTL of the side");
		}
	}

	@Test
	void connectionsFollowTheirAutomaton() {
		Map<String, List<CapturedPacket>> connections = new LinkedHashMap<>();
		for (CapturedPacket p : packets) {
			connections.computeIfAbsent(p.connectionKey(), k -> new ArrayList<>()).add(p);
		}
		assertTrue(connections.size() >= 595, "about 600 connections, found " + connections.size());
		int checked = 0;
		for (List<CapturedPacket> connection : connections.values()) {
			CapturedPacket first = connection.get(0);
			AutomatonTables model = modelServing(first.dstPort());
			ModelWalk.assertAccepted(model, connection, first);
			if (first.protocol() == 6) {
				ModelWalk.assertSequenceNumbersConsistent(connection, first);
			}
			checked++;
		}
		assertEquals(connections.size(), checked);
	}

	private static AutomatonTables modelServing(int port) {
		for (AutomatonUse use : mix.getUses()) {
			if (use.getAutomaton().getPorts().contains(port)) {
				return new AutomatonTables(use.getAutomaton());
			}
		}
		throw new AssertionError("no automaton serves port " + port);
	}

	@Test
	void sameSeedSameBytesWhateverTheThreadCount() throws Exception {
		Path one = dir.resolve("t1.pcap");
		Path three = dir.resolve("t3.pcap");
		Path other = dir.resolve("seed12.pcap");
		GeneratorTestSupport.runOk(jar, mix, "--seed", "11", "--connections", "3000", "--threads", "1", "-o", one.toString());
		GeneratorTestSupport.runOk(jar, mix, "--seed", "11", "--connections", "3000", "--threads", "3", "-o", three.toString());
		GeneratorTestSupport.runOk(jar, mix, "--seed", "12", "--connections", "3000", "--threads", "3", "-o", other.toString());
		assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
		assertNotEquals(Files.size(one), Files.size(other));
	}

	@Test
	void otherFormatsCarryTheSamePackets() throws Exception {
		Path nanos = dir.resolve("ns.pcap");
		Path ng = dir.resolve("ng.pcapng");
		GeneratorTestSupport.runOk(jar, mix, "--connections", "200", "--format", "pcap-ns", "-o", nanos.toString());
		GeneratorTestSupport.runOk(jar, mix, "--connections", "200", "--format", "pcapng", "-o", ng.toString());
		List<CapturedPacket> a = CapturedPacket.read(nanos);
		List<CapturedPacket> b = CapturedPacket.read(ng);
		assertEquals(a.size(), b.size());
		for (int i = 0; i < a.size(); i++) {
			assertEquals(a.get(i).nanos(), b.get(i).nanos());
			assertArrayEquals(a.get(i).payload(), b.get(i).payload());
		}
		assertTrue(a.stream().anyMatch(p -> p.nanos() % 1000 != 0), "nanosecond timestamps");
	}

	@Test
	void durationBoundsTheCapture() throws Exception {
		Path file = dir.resolve("duration.pcap");
		GeneratorTestSupport.runOk(jar, mix, "--duration", "5s", "--start", "2026-03-01T00:00:00Z", "-o", file.toString());
		long start = java.time.Instant.parse("2026-03-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
		List<CapturedPacket> captured = CapturedPacket.read(file);
		assertFalse(captured.isEmpty());
		assertTrue(captured.stream().allMatch(p -> p.nanos() >= start && p.nanos() < start + 5_000_000_000L));
	}

	@Test
	void badArgumentsGetOneLineAndStatus2() throws Exception {
		GeneratorTestSupport.Run run = GeneratorTestSupport.run(jar, mix, "--connections", "-3", "-o", "x.pcap");
		assertEquals(2, run.status());
		assertEquals("mix: --connections needs a positive whole number, not '-3' (--help lists the options)\n", run.err());
		assertFalse(Files.exists(Path.of("x.pcap")));
	}

	@Test
	void jarRunsOnAPlainJre() throws Exception {
		Path file = dir.resolve("jre.pcap");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--seed", "3", "--connections", "50", "-o",
				file.toString()).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes());
		assertTrue(process.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, process.exitValue(), out);
		assertTrue(out.startsWith("mix: 50 connections, "), out);
		assertFalse(CapturedPacket.read(file).isEmpty());
	}

	@Test
	void aLoneModelCompilesWithDefaults() throws Exception {
		Scenario http = GeneratorTestSupport.sample("http.tadam");
		Path httpJar = GeneratorTestSupport.compile(http, dir);
		Path file = dir.resolve("http.pcap");
		GeneratorTestSupport.runOk(httpJar, http, "--connections", "20", "-o", file.toString());
		List<CapturedPacket> captured = CapturedPacket.read(file);
		assertTrue(captured.stream().allMatch(p -> p.checksumsValid() && p.ipVersion() == 4));
		assertTrue(captured.stream().allMatch(p -> p.dstPort() == 80 || p.dstPort() == 8080 || p.srcPort() == 80 || p.srcPort() == 8080));
	}
}
