package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tadam.model.Scenario;

/**
 * What Wireshark's tshark says about generated captures (the checks of ../shared/tools/realism-check.sh): no
 * malformed packet, no bad checksum, no TCP analysis flag, every TCP connection complete, and the payloads
 * dissected as the intended protocol. Skipped when tshark is not installed.
 */
class RealismCheckTest {

	@TempDir
	static Path dir;

	@BeforeAll
	static void needsTshark() {
		boolean present;
		try {
			Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
		} catch (Exception e) {
			present = false;
		}
		Assumptions.assumeTrue(present, "tshark is not installed (apt-get install tshark): realism check skipped");
	}

	@ParameterizedTest
	@CsvSource({ "http.tadam, http.request", "tls.tadam, tls.handshake.type == 1", "dns.tadam, dns.flags.response == 0",
			"ssh.tadam, ssh.protocol" })
	void outsideToolsFindNothingWrong(String model, String dissected) throws Exception {
		Scenario scenario = GeneratorTestSupport.sample(model);
		Path jar = GeneratorTestSupport.compile(scenario, dir);
		Path pcap = dir.resolve(scenario.getName() + ".pcap");
		GeneratorTestSupport.runOk(jar, scenario, "--seed", "5", "--connections", "300", "-o", pcap.toString());
		assertEquals(0, count(pcap, "_ws.malformed"), "malformed packets");
		assertEquals(0, count(pcap, "_ws.expert.severity == \"Error\""), "expert errors");
		assertEquals(0, count(pcap, "ip.checksum.status == 0 || tcp.checksum.status == 0 || udp.checksum.status == 0",
				"-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE"), "bad checksums");
		assertEquals(0, count(pcap, "tcp.analysis.flags && !tcp.analysis.window_update"), "TCP analysis flags");
		assertTrue(count(pcap, dissected) > 0, "dissected as " + dissected);
		if (!"dns.tadam".equals(model)) {
			// per stream: SYN, SYN-ACK and FIN or RST seen
			Map<String, Integer> seen = new HashMap<>();
			for (String line : tshark(pcap, "-Y", "tcp", "-T", "fields", "-e", "tcp.stream", "-e", "tcp.flags.syn", "-e",
					"tcp.flags.ack", "-e", "tcp.flags.fin", "-e", "tcp.flags.reset")) {
				String[] f = line.split("\t");
				int bits = ("1".equals(f[1]) && "0".equals(f[2]) ? 1 : 0) | ("1".equals(f[1]) && "1".equals(f[2]) ? 2 : 0)
						| ("1".equals(f[3]) || "1".equals(f[4]) ? 4 : 0);
				seen.merge(f[0], bits, (x, y) -> x | y);
			}
			assertEquals(300, seen.size(), "TCP streams");
			assertTrue(seen.values().stream().allMatch(v -> v == 7), "every TCP stream complete (SYN, SYN-ACK, FIN)");
		}
	}

	private static long count(Path pcap, String filter, String... options) throws Exception {
		List<String> args = new ArrayList<>(List.of(options));
		args.add("-Y");
		args.add(filter);
		return tshark(pcap, args.toArray(String[]::new)).size();
	}

	private static List<String> tshark(Path pcap, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString()));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tshark finished");
		return out.isEmpty() ? List.of() : List.of(out.split("\n"));
	}
}
