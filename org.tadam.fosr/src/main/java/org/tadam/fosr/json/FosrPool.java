package org.tadam.fosr.json;

import java.util.List;

/**
 * A payload pool as stored in the file. Lists keep the file's order and duplicates; {@code weights} is null when
 * the file has none (every entry then weighs 1).
 */
public sealed interface FosrPool {

	/** {@code {"type": "NoPayload"}} (generations 1–2) or no {@code payloads} field. */
	record None() implements FosrPool {
	}

	/** How a byte-string pool is spelled: typed hex or base64 (generations 1–2), untyped base64 (generation 3). */
	enum ByteEncoding {
		HEX_CODES("HexCodes"), BASE64("Base64"), UNTYPED(null);

		private final String type;

		ByteEncoding(String type) {
			this.type = type;
		}

		/** The {@code type} field, null for untyped pools. */
		public String type() {
			return type;
		}
	}

	/** Byte strings replayed verbatim: {@code HexCodes}, {@code Base64}, or generation 3's untyped content. */
	record Bytes(ByteEncoding encoding, List<byte[]> content, List<Integer> weights) implements FosrPool {
	}

	/** {@code {"type": "Text", "content": [...], "weights": [...]}}. */
	record Texts(List<String> content, List<Integer> weights) implements FosrPool {
	}

	/** {@code {"type": "Lengths", "lengths": [...], "weights": [...]}}: random bytes of one of these lengths. */
	record Lengths(List<Integer> lengths, List<Integer> weights) implements FosrPool {
	}
}
