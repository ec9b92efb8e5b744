package org.tadam.generator.runtime;

/**
 * The payload side of one connection's walk: pool entries drawn consistent with each other (the connection's
 * {@link PayloadVariantSet}), parallel edges chosen to keep that consistency, and random payloads framed as their
 * pool says. One instance per thread, reused from connection to connection.
 */
final class PayloadChoice {

	private final PayloadVariantSet variants = new PayloadVariantSet();

	/** A new connection: every variant is possible again. */
	void start() {
		variants.reset();
	}

	/**
	 * An entry of a pool: among those of the innermost variant set of the connection that has one, backing off
	 * outward, else drawn from the whole pool. An entry of the innermost set narrows the connection's variants to
	 * the entry's; one drawn after backing off leaves them as they were. The first entries of a connection pin it
	 * to the training connections that sent them (an SSH client's key exchange offer names its ciphers), and the
	 * packet lengths that follow must fit them: narrowing to an entry the pin did not allow would trade the pin
	 * for that entry's connections, so a walk that left its connection's path for one edge would send, from then
	 * on, lengths of another cipher.
	 */
	int entry(PayloadPool pool, Rng rng) {
		if (!pool.hasVariants()) {
			return pool.draw(rng);
		}
		int entry = -1;
		int level = variants.depth();
		for (; level > 0; level--) {
			entry = pool.drawCompatible(rng, variants, level);
			if (entry >= 0) {
				break;
			}
		}
		if (entry < 0) {
			entry = pool.draw(rng);
		}
		if (level == variants.depth()) {
			variants.narrow(pool.variants(entry), level);
		}
		return entry;
	}

	/**
	 * The walk's edge, or, when its pool has no entry of the connection's innermost variant set that an edge of the
	 * same state and symbol has (parallel edges split by size often carry different variants: an SSH key share of
	 * one algorithm or another), one of those edges, drawn with their probabilities. Backs off outward as the
	 * entry draw does, and past the widest narrowed set to another letter of the state.
	 */
	int keepVariant(AutomatonModel model, int state, int edge, Rng rng) {
		if (variants.depth() == 0) {
			return edge;
		}
		PayloadPool pool = model.edgePool[edge] < 0 ? null : model.pools[model.edgePool[edge]];
		if (pool == null || !pool.hasVariants()) {
			return edge;
		}
		for (int level = variants.depth(); level > 0; level--) {
			if (pool.meets(variants, level)) {
				return edge;
			}
			int at = level;
			int chosen = model.drawEdge(state, rng, e -> keeps(model, e, edge, at));
			if (chosen >= 0) {
				return chosen;
			}
		}
		// no narrowed set holds the walk's payload nor one of its parallel edges: it contradicts every payload the
		// connection sent (a TLS 1.2 key exchange after a TLS 1.3 server hello, where the automaton merged the states
		// after the two hellos); another letter of the state whose payload agrees, or the walk's when none does
		int other = model.drawEdge(state, rng, e -> consistent(model, e));
		return other >= 0 ? other : edge;
	}

	/**
	 * Whether edge {@code e} can follow the connection's payloads: its pool meets the widest narrowed set, or it
	 * carries no pooled payload; not the end, which would cut the connection short.
	 */
	private boolean consistent(AutomatonModel model, int e) {
		if (model.edgePayload[e] == AutomatonModel.END) {
			return false;
		}
		int p = model.edgePool[e];
		return p < 0 || !model.pools[p].hasVariants() || model.pools[p].meets(variants, 1);
	}

	/** Whether edge {@code e} has the symbol of {@code edge} and a pool entry in the set of {@code level}. */
	private boolean keeps(AutomatonModel model, int e, int edge, int level) {
		int p = model.edgePool[e];
		return model.edgeFlags[e] == model.edgeFlags[edge] && model.edgeBackward[e] == model.edgeBackward[edge]
				&& model.edgePayload[e] == model.edgePayload[edge] && p >= 0
				&& model.pools[p].hasVariants() && model.pools[p].meets(variants, level);
	}

	/** Scratch for framed random payloads: written out before the next letter. */
	private byte[] framedPayload = new byte[0];

	/** A copy of the random bytes with the pool's header and length field written over their start. */
	byte[] framed(PayloadPool pool, byte[] source, int offset, int length) {
		if (framedPayload.length < length) {
			framedPayload = new byte[Math.max(length, 2 * framedPayload.length)];
		}
		System.arraycopy(source, offset, framedPayload, 0, length);
		pool.frame(framedPayload, length);
		return framedPayload;
	}

}
