package org.tadam.fosr.convert;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.json.FosrPool;
import org.tadam.fosr.json.FosrPool.ByteEncoding;
import org.tadam.fosr.json.JsonProblem;
import org.tadam.model.PayloadClass;
import org.tadam.model.PayloadModel;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.TadamFactory;
import org.tadam.model.TextPayload;
import org.tadam.model.WeightedBytes;
import org.tadam.model.WeightedLength;
import org.tadam.model.WeightedText;

/**
 * Payload pools: Fos-R's typed lists ↔ TADAM's weighted pools. A pool's kind follows the file's pool type
 * (hex/base64 bytes → replay, Text → text, Lengths → random), not the symbol's class, so nothing the file says
 * is reinterpreted; a disagreement between the two is reported. Duplicates (generation 1 lists one entry per
 * occurrence) become weights.
 */
final class PayloadPools {

	private PayloadPools() {
	}

	/** The pool type the writer of {@code generation} uses for byte strings. */
	static ByteEncoding byteEncoding(FosrGeneration generation) {
		return switch (generation) {
			case GEN1 -> ByteEncoding.HEX_CODES;
			case GEN2 -> ByteEncoding.BASE64;
			case GEN3 -> ByteEncoding.UNTYPED;
		};
	}

	static PayloadModel toModel(FosrPool pool, PayloadClass payloadClass, FosrGeneration generation, String path,
			ConversionReport report) {
		TadamFactory f = TadamFactory.eINSTANCE;
		if (pool instanceof FosrPool.None) {
			if (payloadClass != PayloadClass.EMPTY) {
				report.add(Topic.PAYLOAD, path, "the symbol's payload class is " + payloadClass.getLiteral()
						+ " but the edge has no payload pool");
			}
			return null;
		}
		boolean gen3 = generation == FosrGeneration.GEN3;
		if (pool instanceof FosrPool.Bytes bytes) {
			if (bytes.encoding() != byteEncoding(generation)) {
				report.add(Topic.PAYLOAD, path, (bytes.encoding().type() == null ? "untyped" : bytes.encoding().type())
						+ " pool is written back as " + describe(byteEncoding(generation)) + " (" + generation + " spelling)");
			}
			List<Integer> weights = weightsOrOnes(bytes.weights(), bytes.content().size());
			if (gen3 && payloadClass == PayloadClass.TEXT) {
				List<String> texts = utf8(bytes.content());
				if (texts != null) {
					return text(merge(texts, Function.identity(), weights, path, report));
				}
				report.add(Topic.PAYLOAD, path, "pool of a text symbol is not UTF-8 text: kept as replay bytes");
			} else if (gen3 && payloadClass == PayloadClass.RANDOM) {
				if (bytes.content().stream().anyMatch(PayloadPools::hasNonZero)) {
					report.add(Topic.PAYLOAD, path, "random payload: only the lengths of the byte strings are kept");
				}
				return random(merge(bytes.content().stream().map(b -> b.length).toList(), Function.identity(), weights,
						path, report));
			} else if (payloadClass != PayloadClass.REPLAY) {
				report.add(Topic.PAYLOAD, path, "byte strings on a symbol of payload class " + payloadClass.getLiteral()
						+ ": kept as a replay pool");
			}
			ReplayPayload replay = f.createReplayPayload();
			for (Map.Entry<ByteBuffer, Integer> e : merge(bytes.content(), ByteBuffer::wrap, weights, path, report).entrySet()) {
				WeightedBytes w = f.createWeightedBytes();
				w.setData(e.getKey().array());
				w.setWeight(e.getValue());
				replay.getEntries().add(w);
			}
			return replay;
		}
		if (gen3) {
			report.add(Topic.PAYLOAD, path, "typed pool in a generation-3 file is written back as untyped base64");
		}
		if (pool instanceof FosrPool.Texts texts) {
			if (payloadClass != PayloadClass.TEXT) {
				report.add(Topic.PAYLOAD, path, "text pool on a symbol of payload class " + payloadClass.getLiteral());
			}
			return text(merge(texts.content(), Function.identity(), weightsOrOnes(texts.weights(), texts.content().size()),
					path, report));
		}
		FosrPool.Lengths lengths = (FosrPool.Lengths) pool;
		if (payloadClass != PayloadClass.RANDOM) {
			report.add(Topic.PAYLOAD, path, "length pool on a symbol of payload class " + payloadClass.getLiteral()
					+ ": kept as a random-bytes pool");
		}
		return random(merge(lengths.lengths(), Function.identity(),
				weightsOrOnes(lengths.weights(), lengths.lengths().size()), path, report));
	}

	private static String describe(ByteEncoding encoding) {
		return encoding.type() == null ? "untyped base64" : encoding.type();
	}

	private static TextPayload text(Map<String, Integer> merged) {
		TextPayload text = TadamFactory.eINSTANCE.createTextPayload();
		merged.forEach((t, w) -> {
			WeightedText wt = TadamFactory.eINSTANCE.createWeightedText();
			wt.setText(t);
			wt.setWeight(w);
			text.getEntries().add(wt);
		});
		return text;
	}

	private static RandomPayload random(Map<Integer, Integer> merged) {
		RandomPayload random = TadamFactory.eINSTANCE.createRandomPayload();
		merged.forEach((length, w) -> {
			WeightedLength wl = TadamFactory.eINSTANCE.createWeightedLength();
			wl.setLength(length);
			wl.setWeight(w);
			random.getLengths().add(wl);
		});
		return random;
	}

	/** Equal entries summed into one weighted entry, in order of first occurrence. */
	private static <T, K> Map<K, Integer> merge(List<T> entries, Function<T, K> key, List<Integer> weights, String path,
			ConversionReport report) {
		Map<K, Integer> merged = new LinkedHashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			int weight = weights.get(i);
			merged.merge(key.apply(entries.get(i)), weight, (a, b) -> {
				try {
					return Math.addExact(a, b);
				} catch (ArithmeticException e) {
					throw new JsonProblem(path, "weights of equal entries add up beyond " + Integer.MAX_VALUE);
				}
			});
		}
		if (merged.size() < entries.size()) {
			report.add(Topic.PAYLOAD, path, entries.size() + " entries held as " + merged.size()
					+ " weighted entries (equal entries merged; their order is not kept)");
		}
		return merged;
	}

	private static List<Integer> weightsOrOnes(List<Integer> weights, int size) {
		return weights != null ? weights : java.util.Collections.nCopies(size, 1);
	}

	private static List<String> utf8(List<byte[]> content) {
		List<String> out = new ArrayList<>(content.size());
		for (byte[] b : content) {
			try {
				out.add(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString());
			} catch (CharacterCodingException e) {
				return null;
			}
		}
		return out;
	}

	private static boolean hasNonZero(byte[] bytes) {
		for (byte b : bytes) {
			if (b != 0) {
				return true;
			}
		}
		return false;
	}
}
