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
 * A pinned walk that the automaton's draw leads off its variant's letters goes back to a letter it took before, when
 * its variant took that letter again at this place (PayloadChoice.keepVariant): an SSH session's client sends the
 * same kind of packet at letters 36, 38, 40 and 42, on one edge of a loop.
 */
class LoopBackTest {

	private static final int EMPTY = AutomatonModel.PAYLOAD_EMPTY;
	private static final int TEXT = AutomatonModel.PAYLOAD_TEXT;

	private static byte[] b(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Two clients that each send their request twice, each getting the same reply: variant 0 sends request A at
	 * letters 3 and 5, variant 1 request B. The requests are letters of two kinds (text and replay) from one state, and
	 * B's pool names no variants (the learner names none where every entry was sent by one), so no pool draw turns one
	 * into the other; at letter 5 the walk draws B for half of variant 0's connections.
	 */
	@Test
	void aPinnedWalkTakesAgainTheLetterItsVariantTookAgain() throws Exception {
		PayloadPool[] pools = {
				PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { b("REQUEST-A") }, new long[][] { variants(0) }),
				PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { b("REQUEST-B") }),
				PayloadPool.ofStrings(new int[] { 1 }, new byte[][] { b("REPLY") }, new long[][] { variants(0, 1) }) };
		// s0 S> s1, s1 SA< s2, s2 A> s3, s3 PA> request A or B s4 or FA> s5, s4 PA< reply s3, s5 FA< s6, s6 A> s7,
		// s7 end
		int[] firstEdge = { 0, 1, 2, 3, 6, 7, 8, 9, 10 };
		int[] target = { 1, 2, 3, 4, 4, 5, 3, 6, 7, 7 };
		double[] probability = { 1, 1, 1, 0.34, 0.33, 0.33, 1, 1, 1, 1 };
		int[] payload = { EMPTY, EMPTY, EMPTY, TEXT, AutomatonModel.PAYLOAD_REPLAY, EMPTY, TEXT, EMPTY, EMPTY,
				AutomatonModel.END };
		int[] flags = { 0x02, 0x12, 0x10, 0x18, 0x18, 0x11, 0x18, 0x11, 0x10, 0 };
		boolean[] backward = { false, true, false, false, false, false, true, true, false, false };
		int[] pool = { -1, -1, -1, 0, 1, -1, 2, -1, -1, -1 };
		double[] distribution = new double[5 * target.length];
		for (int e = 0; e < target.length; e++) {
			distribution[5 * e] = 20;
			distribution[5 * e + 1] = pool[e] < 0 ? 0 : 9;
		}
		AutomatonModel model = new AutomatonModel("loop", AutomatonModel.TCP, 0, 0, 0, firstEdge, target, probability,
				payload, flags, backward, pool, distribution, new int[] { 22 }, pools);
		long[] both = new long[0];
		model.pinnedVariants(new int[] { 1, 1 }, 0,
				new long[][] { both, both, both, variants(0), variants(1), both, both, both, both, both });
		model.letterPositions(new int[] { 0, 1, 2, 3, 3, 7, 4, 8, 9, 10 }, new int[] { 0, 1, 2, 5, 5, 7, 6, 8, 9, 10 });
		model.variantPlaces(new int[][] { {}, {}, {}, { 0, 0, 3, 3, 0, 0, 5, 5 }, { 1, 1, 3, 3, 1, 1, 5, 5 }, {}, {},
				{}, {}, {} });
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new TrafficGenerator(TcpRepairTest.alone(model), TcpRepairTest.settings(2)).run(Channels.newChannel(out));
		Map<String, Integer> scripts = Segments.scripts(out.toByteArray());
		assertEquals(List.of("REQUEST-A REPLY REQUEST-A REPLY", "REQUEST-B REPLY REQUEST-B REPLY"),
				List.copyOf(scripts.keySet()), scripts.toString());
		assertTrue(scripts.get("REQUEST-A REPLY REQUEST-A REPLY") > TcpRepairTest.CONNECTIONS / 3, scripts.toString());
	}
}
