package org.tadam.fosr.convert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.json.FosrPool;
import org.tadam.fosr.json.FosrPool.ByteEncoding;
import org.tadam.model.PayloadModel;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.TextPayload;
import org.tadam.model.WeightedBytes;
import org.tadam.model.WeightedLength;
import org.tadam.model.WeightedText;

/**
 * TADAM payload pools → Fos-R pools of one generation, and the size moments a pool implies. Weights are written
 * only when one differs from 1 (as Fos-R's learner does); generation 1 has no weights for bytes and lengths, so
 * those entries are repeated.
 */
final class PoolExport {

	private static final long MAX_EXPANDED_ENTRIES = 10_000_000;

	private PoolExport() {
	}

	static FosrPool toFosr(PayloadModel payload, FosrGeneration generation, String path, String label,
			ConversionReport report) {
		if (payload == null) {
			return new FosrPool.None();
		}
		boolean gen1 = generation == FosrGeneration.GEN1;
		reportLost(payload, path, label, report);
		if (payload instanceof RandomPayload random) {
			List<Integer> lengths = random.getLengths().stream().map(WeightedLength::getLength).toList();
			List<Integer> weights = random.getLengths().stream().map(WeightedLength::getWeight).toList();
			if (generation == FosrGeneration.GEN3) {
				report.add(Topic.PAYLOAD, path, label + ": random payload written as zero-filled byte strings of its "
						+ "lengths (generation-3 pools hold bytes, not lengths)");
				List<byte[]> zeros = lengths.stream().map(byte[]::new).toList();
				return new FosrPool.Bytes(ByteEncoding.UNTYPED, zeros, weightsIfNeeded(weights));
			}
			if (gen1) {
				return new FosrPool.Lengths(expand(lengths, weights, path, label, report), null);
			}
			return new FosrPool.Lengths(lengths, weightsIfNeeded(weights));
		}
		if (payload instanceof ReplayPayload replay) {
			List<byte[]> content = replay.getEntries().stream().map(WeightedBytes::getData)
					.map(d -> d == null ? new byte[0] : d).toList();
			List<Integer> weights = replay.getEntries().stream().map(WeightedBytes::getWeight).toList();
			if (gen1) {
				return new FosrPool.Bytes(ByteEncoding.HEX_CODES, expand(content, weights, path, label, report), null);
			}
			return new FosrPool.Bytes(PayloadPools.byteEncoding(generation), content, weightsIfNeeded(weights));
		}
		TextPayload text = (TextPayload) payload;
		List<String> content = text.getEntries().stream().map(WeightedText::getText).map(t -> t == null ? "" : t).toList();
		List<Integer> weights = text.getEntries().stream().map(WeightedText::getWeight).toList();
		if (generation == FosrGeneration.GEN3) {
			List<byte[]> bytes = content.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
			return new FosrPool.Bytes(ByteEncoding.UNTYPED, bytes, weightsIfNeeded(weights));
		}
		return new FosrPool.Texts(content, weightsIfNeeded(weights));
	}

	/**
	 * Fos-R pools have no payload variants, no framing of random payloads, no messages joined from several segments and
	 * no answers tied to what they answered: say so when a pool has them.
	 */
	private static void reportLost(PayloadModel payload, String path, String label, ConversionReport report) {
		boolean variants = payload instanceof ReplayPayload r && r.getEntries().stream().anyMatch(e -> !e.getVariants().isEmpty())
				|| payload instanceof TextPayload t && t.getEntries().stream().anyMatch(e -> !e.getVariants().isEmpty())
				|| payload instanceof RandomPayload l && l.getLengths().stream().anyMatch(e -> !e.getVariants().isEmpty());
		if (variants) {
			report.add(Topic.PAYLOAD, path, label + ": payload variants not written (Fos-R draws each entry on its own)");
		}
		if (payload instanceof RandomPayload random && random.getHeader() != null) {
			report.add(Topic.PAYLOAD, path, label + ": header and length field of random payloads not written");
		}
		if (payload instanceof ReplayPayload r && r.getEntries().stream().anyMatch(e -> e.getSegment() > 0)) {
			report.add(Topic.PAYLOAD, path, label + ": first segments of entries joined from several segments not written"
					+ " (Fos-R sends each entry on one letter)");
		}
		boolean answers = payload instanceof ReplayPayload r && r.getEntries().stream().anyMatch(e -> e.getAnswers() != null)
				|| payload instanceof TextPayload t && t.getEntries().stream().anyMatch(e -> e.getAnswers() != null);
		if (answers) {
			report.add(Topic.PAYLOAD, path, label + ": the messages entries answered ('after') not written"
					+ " (Fos-R draws an answer whatever was asked)");
		}
	}

	private static List<Integer> weightsIfNeeded(List<Integer> weights) {
		return weights.stream().allMatch(w -> w == 1) ? null : weights;
	}

	private static <T> List<T> expand(List<T> entries, List<Integer> weights, String path, String label,
			ConversionReport report) {
		long total = weights.stream().mapToLong(w -> Math.max(0, w)).sum();
		if (total > MAX_EXPANDED_ENTRIES) {
			throw new IllegalArgumentException(label + ": the payload pool would need " + total
					+ " entries in generation 1 (one per occurrence); write generation 2 instead");
		}
		List<T> out = new ArrayList<>((int) total);
		int dropped = 0;
		for (int i = 0; i < entries.size(); i++) {
			int w = weights.get(i);
			if (w <= 0) {
				dropped++;
			}
			for (int k = 0; k < w; k++) {
				out.add(entries.get(i));
			}
		}
		if (dropped > 0) {
			report.add(Topic.PAYLOAD, path, label + ": " + dropped + " pool entries of weight 0 not written "
					+ "(generation 1 repeats entries instead of weighting them)");
		}
		return out;
	}

	/**
	 * Mean and variance of the payload size in bytes that a pool draws (weighted by its weights); 0 bytes for no
	 * pool. Generation 3 has no size law, so this is where an imported edge's size comes from.
	 */
	static ValueLaws.Moments sizeMoments(PayloadModel payload) {
		List<long[]> sizes = new ArrayList<>(); // {length, weight}
		if (payload instanceof RandomPayload random) {
			random.getLengths().forEach(w -> sizes.add(new long[] { w.getLength(), w.getWeight() }));
		} else if (payload instanceof ReplayPayload replay) {
			replay.getEntries().forEach(w -> sizes.add(new long[] { w.getData() == null ? 0 : w.getData().length, w.getWeight() }));
		} else if (payload instanceof TextPayload text) {
			text.getEntries().forEach(w -> sizes.add(
					new long[] { w.getText() == null ? 0 : w.getText().getBytes(StandardCharsets.UTF_8).length, w.getWeight() }));
		}
		double total = sizes.stream().mapToDouble(s -> Math.max(0, s[1])).sum();
		if (total <= 0) {
			return new ValueLaws.Moments(0, ValueLaws.VARIANCE_FLOOR);
		}
		double mean = sizes.stream().mapToDouble(s -> s[0] * (double) Math.max(0, s[1])).sum() / total;
		double variance = sizes.stream().mapToDouble(s -> Math.max(0, s[1]) * (s[0] - mean) * (s[0] - mean)).sum() / total;
		return new ValueLaws.Moments(mean, Math.max(ValueLaws.VARIANCE_FLOOR, variance));
	}
}
