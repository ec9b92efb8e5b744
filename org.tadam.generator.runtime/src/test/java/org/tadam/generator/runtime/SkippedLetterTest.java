package org.tadam.generator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tadam.generator.runtime.Segments.variants;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A letter of a pinned variant that no stack sends now, repaired by the variant's next letter: the walk's later
 * letters stand one further in the variant's training connections (ConnectionSynthesizer.skipped).
 */
class SkippedLetterTest {

	private static final int EMPTY = AutomatonModel.PAYLOAD_EMPTY;
	private static final int TEXT = AutomatonModel.PAYLOAD_TEXT;

	private static byte[] b(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Two MySQL-like clients. Variant 0 acknowledged the SYN-ACK twice (letter 3, a duplicate ACK no stack sends),
	 * then got greeting A at 4 and sent login A at 5; variant 1 got greeting B at 3 and sent login B at 4. The states
	 * after the greeting are one: placed by its own count, variant 0's walk stands at letter 4 there, where only
	 * login B was ever sent.
	 */
	@Test
	void aPinnedWalkKeepsToItsScriptAfterALetterRepairedByTheNextOne() throws Exception {
		PayloadPool[] pools = {
				PayloadPool.ofStrings(new int[] { 1, 1 }, new byte[][] { b("GREETING-A"), b("GREETING-B") },
						new long[][] { variants(0), variants(1) }),
				PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { b("LOGIN-A") }, new long[][] { variants(0) }),
				PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { b("LOGIN-B") }, new long[][] { variants(1) }) };
		// s0 S> s1, s1 SA< s2, s2 A> s3, s3 A> s3 (the duplicate) or PA< greeting s4, s4 PA> login A or B s5,
		// s5 FA> s6, s6 FA< s7, s7 A> s8, s8 end
		int[] firstEdge = { 0, 1, 2, 3, 5, 7, 8, 9, 10, 11 };
		int[] target = { 1, 2, 3, 3, 4, 5, 5, 6, 7, 8, 8 };
		double[] probability = { 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1 };
		// the logins are letters of two kinds (text and replay), not parallel edges of one
		int[] payload = { EMPTY, EMPTY, EMPTY, EMPTY, TEXT, TEXT, AutomatonModel.PAYLOAD_REPLAY, EMPTY, EMPTY, EMPTY,
				AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x10, 0x18, 0x18, 0x18, 0x11, 0x11, 0x10, 0 };
		boolean[] backward = { false, true, false, false, true, false, false, false, true, false, false };
		int[] pool = { -1, -1, -1, -1, 0, 1, 2, -1, -1, -1, -1 };
		double[] distribution = new double[5 * target.length];
		for (int e = 0; e < target.length; e++) {
			distribution[5 * e] = 20;
			distribution[5 * e + 1] = pool[e] < 0 ? 0 : 8;
		}
		AutomatonModel model = new AutomatonModel("script", AutomatonModel.TCP, 0, 0, 0, firstEdge, target,
				probability, payload, flags, backward, pool, distribution, new int[] { 3306 }, pools);
		long[] both = new long[0];
		model.pinnedVariants(new int[] { 1, 1 }, 0, new long[][] { both, both, both, variants(0), both, variants(0),
				variants(1), both, both, both, both });
		model.letterPositions(new int[] { 0, 1, 2, 3, 3, 5, 4, 5, 6, 7, 8 }, new int[] { 0, 1, 2, 3, 4, 5, 4, 6, 7, 8, 9 });
		model.variantPlaces(new int[][] { {}, {}, {}, { 0, 0, 3, 3 }, { 0, 0, 4, 4, 1, 1, 3, 3 }, { 0, 0, 5, 5 },
				{ 1, 1, 4, 4 }, {}, {}, {}, {} });
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new TrafficGenerator(TcpRepairTest.alone(model), TcpRepairTest.settings(2)).run(Channels.newChannel(out));
		Map<String, Integer> pairs = Segments.scripts(out.toByteArray());
		assertEquals(List.of("GREETING-A LOGIN-A", "GREETING-B LOGIN-B"), List.copyOf(pairs.keySet()), pairs.toString());
		assertTrue(pairs.get("GREETING-A LOGIN-A") > TcpRepairTest.CONNECTIONS / 3, pairs.toString());
	}
}
