package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tadam.capture.decode.DecodedPacket;
import org.tadam.capture.decode.PacketDecoder;
import org.tadam.pcap.CaptureReader;
import org.tadam.pcap.ReadReport;
import org.tadam.pcap.SkipCounter;
import org.tadam.model.Scenario;

/** Our own capture reader (org.tadam.pcap) and decoder (org.tadam.capture) accept every generated packet, in all three formats. */
class LearnerReadsGeneratedCapturesTest {

	@TempDir
	Path dir;

	@Test
	void learnerDecodesWhatTheGeneratorWrites() throws Exception {
		Scenario mix = GeneratorTestSupport.sample("mix.tadamscenario");
		Path jar = GeneratorTestSupport.compile(mix, dir);
		for (String format : new String[] { "pcap", "pcap-ns", "pcapng" }) {
			Path file = dir.resolve("mix." + format);
			GeneratorTestSupport.runOk(jar, mix, "--seed", "9", "--connections", "300", "--format", format, "-o", file.toString());
			List<CapturedPacket> ours = CapturedPacket.read(file);
			List<DecodedPacket> theirs = new ArrayList<>();
			SkipCounter skips = new SkipCounter();
			PacketDecoder decoder = new PacketDecoder(skips);
			ReadReport report = CaptureReader.read(file, raw -> theirs.add(decoder.decode(raw)));
			assertEquals(ours.size(), report.frames(), format);
			assertEquals(0, skips.skippedFrames(), format);
			for (int i = 0; i < ours.size(); i++) {
				DecodedPacket d = theirs.get(i);
				CapturedPacket p = ours.get(i);
				assertNotNull(d, format + ": packet " + i + " not decoded");
				assertEquals(p.nanos(), d.timestampNanos());
				assertEquals(p.protocol(), d.protocol());
				assertEquals(p.srcPort(), d.srcPort());
				assertEquals(p.payload().length, d.payloadLength());
				if (d.isTcp()) {
					assertEquals(p.flags(), d.tcpFlags());
					assertEquals(p.seq(), d.tcpSeq());
				}
			}
			assertTrue(theirs.stream().anyMatch(d -> d.ipVersion() == 6) && theirs.stream().anyMatch(d -> d.ipVersion() == 4));
		}
	}
}
