package org.tadam.generator.runtime;

import java.util.function.IntPredicate;

/**
 * The payload side of one connection's walk: pool entries drawn consistent with each other (the connection's
 * {@link PayloadVariantSet}), parallel edges chosen to keep that consistency, and random payloads framed as their
 * pool says. One instance per thread, reused from connection to connection.
 */
final class PayloadChoice {

	/**
	 * What the connection's messages say, for replayed and text entries: a message drawn after backing off to a
	 * wider set starts the set over from there, since it opens an exchange of its own (a DNS flow's second query,
	 * which its answer must echo).
	 */
	private final PayloadVariantSet messages = new PayloadVariantSet();
	/**
	 * What fixes the connection's random lengths: narrowed only by entries of its innermost set, so a message drawn
	 * after backing off leaves the pin in place. The first entries pin a connection to the training connections
	 * that sent them (an SSH client's key exchange offer names its ciphers), and a server's offer the pinned
	 * connection did not send on this path must not turn the packet lengths that follow into another cipher's.
	 */
	private final PayloadVariantSet lengths = new PayloadVariantSet();
	/**
	 * The variant the connection started pinned to (level 1; depth 0: none), tried before {@link #messages}: it
	 * keeps the connection on one training connection's script (an FTP client that lists stays a lister) where the
	 * chain of messages has moved on to another connection's entry, one the pools kept in place of its own (an FTP
	 * passive-mode reply names a port of its own). Apart from the chain, so that a message the pin cannot find
	 * still narrows the chain as in an unpinned connection; see {@link #pinHolds}.
	 */
	private final PayloadVariantSet pin = new PayloadVariantSet();
	/** The pinned variant, -1 when none. */
	private int pinned = -1;
	/**
	 * The pin is the variant of a message drawn after backing off ({@link #repin}): it steers the walk's letters, but
	 * the entries follow the chain of messages, whose innermost set is narrower than one variant where a training
	 * connection sent several messages on one edge (a DNS flow of twenty queries, each answer echoing its own).
	 */
	private boolean repinned;
	/** Per edge the last connection (a count of {@link #start} calls) whose walk drew it (keepVariant). */
	private int[] used = new int[0];
	/** Per edge the last connection that sent its letter ({@link #took}). */
	private int[] sentBy = new int[0];
	private int connection;
	/**
	 * Letters of this connection that the pin replaced once the connection was as long as its variant's longest
	 * training connection (or at any letter, when the variant has no lengths); past {@link #MAX_STEERED} the pin is
	 * let go.
	 */
	private int steered;
	static final int MAX_STEERED = 8;

	/** The variants that took every letter of the walk so far: what a pool without the sets' entries draws from. */
	private final WalkedVariants walked = new WalkedVariants();

	/** The length the connection aims at. */
	private final LengthTarget aim = new LengthTarget();
	/** Whether a variant's training connections had that length. */
	private final IntPredicate suitsAim = v -> aim.suits(this.model == null ? null : this.model.pins, v);

	/** The model of the connection started with {@link #start(AutomatonModel, Rng)}; null: started unpinned. */
	private AutomatonModel model;

	/** A new connection, unpinned: every variant is possible again. */
	void start() {
		model = null;
		aim.clear();
		messages.reset();
		lengths.reset();
		pin.reset();
		walked.reset();
		pinned = -1;
		repinned = false;
		steered = 0;
		connection++;
	}

	/**
	 * A new connection of {@code model}: pinned to a variant drawn on the model's variant weights when it has some,
	 * otherwise unpinned.
	 */
	void start(AutomatonModel model, Rng rng) {
		start(model, rng, -1);
	}

	/**
	 * {@link #start(AutomatonModel, Rng)}, the variant drawn by inverse distribution from {@code u} in [0, 1) when it is
	 * not negative (StratifiedDraw), else from {@code rng}.
	 */
	void start(AutomatonModel model, Rng rng, double u) {
		start();
		this.model = model;
		if (model.pins != null) {
			int variant = u >= 0 ? model.pins.column(u) : model.pins.choice.sample(rng);
			// column pins.variants is the unpinned connections': edges name them by that number
			if (variant < PayloadVariantSet.MAX_VARIANTS) {
				pin.pin(variant);
				pinned = variant;
			}
		}
		aim.start(model, pinned, rng);
	}

	/** The walk sends the letter of {@code edge}: the variants that took every letter so far keep to its own. */
	void took(AutomatonModel model, int edge) {
		if (sentBy.length <= edge) {
			sentBy = java.util.Arrays.copyOf(sentBy, Math.max(edge + 1, 2 * sentBy.length));
		}
		sentBy[edge] = connection;
		if (model.pins != null && model.pins.edgeVariants != null) {
			walked.took(model.pins.edgeVariants[edge]);
		}
	}

	/** Whether this connection sent the letter of {@code edge}. */
	boolean sent(int edge) {
		return edge < sentBy.length && sentBy[edge] == connection;
	}

	/** The variant the connection is pinned to, -1 when none. */
	int pinned() {
		return pinned;
	}

	/**
	 * Whether the pin still leads the messages: the chain's widest narrowed set holds the pinned variant. A message
	 * the pools kept for none of the pinned variant's training connections (an MQTT client id) is drawn from every
	 * variant and starts the chain over; when that message contradicts the pin (a v5 CONNECT for a v4 client), the
	 * chain leads from then on, so the answers follow what was sent (a v5 CONNACK, a DNS answer echoing its query).
	 */
	private boolean pinHolds() {
		return pinned >= 0 && messages.contains(pinned, 1);
	}

	/** The set that draws the entries of {@code pool}. */
	private PayloadVariantSet setOf(PayloadPool pool) {
		return pool.isStrings() ? messages : lengths;
	}

	/**
	 * An entry of a pool: among those of the innermost set of the connection (see {@link #messages} and
	 * {@link #lengths}) that has one, backing off outward, else drawn from the whole pool; the sets narrow to the
	 * entry's variants as their fields say.
	 */
	int entry(PayloadPool pool, Rng rng) {
		return entry(pool, -1, rng);
	}

	/**
	 * {@link #entry(PayloadPool, Rng)} for the walk's letter {@code letter}: among the entries of the chosen set, those
	 * training connections sent at that letter when some is (PayloadPool.inPlace); -1: at any letter.
	 */
	int entry(PayloadPool pool, int letter, Rng rng) {
		return entry(pool, letter, -1, rng);
	}

	/**
	 * {@link #entry(PayloadPool, int, Rng)} after the other side's message of token {@code peer} (-1: none): the
	 * pinned variant's entries first, those that answered it in training (PayloadPool.answering) before the others;
	 * then, backing off outward through the connection's sets, those that answered it and agree with a set before
	 * those that only agree; then those that answered it. A result set answering a query, but sent to a client of
	 * other capabilities, is as malformed to tshark as an answer to another request (a MySQL 5.0 result set with its
	 * EOF packets after a login that dropped them); and a pinned client's own query, which its training connections
	 * sent after replies of several kinds and so answered none, comes before another client's that answered the
	 * reply just sent (a query with attributes after a login that did not ask for them).
	 */
	int entry(PayloadPool pool, int letter, int peer, Rng rng) {
		int answer = pool.answering(peer) ? peer : -1;
		if (!pool.hasVariants()) {
			return pool.draw(rng, letter, answer);
		}
		int entry = pinnedEntry(pool, letter, answer, rng);
		if (entry < 0 && answer >= 0) {
			entry = pinnedEntry(pool, letter, -1, rng);
		}
		if (entry < 0) {
			entry = chainedEntry(pool, letter, answer, rng);
		}
		if (entry < 0 && answer >= 0) {
			entry = chainedEntry(pool, letter, -1, rng);
		}
		return entry >= 0 ? entry : narrowed(pool, pool.draw(rng, letter, answer), 0, rng);
	}

	/** An entry of the pinned variant that answered token {@code answer} (-1: any) while the pin leads; else -1. */
	private int pinnedEntry(PayloadPool pool, int letter, int answer, Rng rng) {
		if (!pinHolds() || repinned) {
			return -1;
		}
		int fromPin = pool.drawCompatible(rng, pin, 1, letter, answer);
		if (fromPin >= 0) {
			long[] drawn = pool.variants(fromPin);
			if (setOf(pool) == messages) {
				int at = messages.depth();
				while (at > 0 && !messages.meets(drawn, at)) {
					at--;
				}
				messages.narrow(drawn, at);
			}
			narrowLengths(drawn);
		}
		return fromPin;
	}

	/**
	 * An entry that answered token {@code answer} (-1: any) of the innermost set of the connection that has one,
	 * backing off outward, else of the variants that took the walk's letters; -1 when none has one.
	 */
	private int chainedEntry(PayloadPool pool, int letter, int answer, Rng rng) {
		PayloadVariantSet variants = setOf(pool);
		for (int level = variants.depth(); level > 0; level--) {
			int entry = pool.drawCompatible(rng, variants, level, letter, answer);
			if (entry >= 0) {
				return narrowed(pool, entry, level, rng);
			}
		}
		if (walked.narrowed()) {
			// first of a variant whose connections had the length the connection aims at
			int entry = pool.drawWalked(rng, walked, letter, answer, suitsAim);
			entry = entry >= 0 ? entry : pool.drawWalked(rng, walked, letter, answer, v -> true);
			if (entry >= 0) {
				return narrowed(pool, entry, 0, rng);
			}
		}
		return -1;
	}

	/** Narrows the connection's sets to {@code entry}, drawn at {@code level} (0: from the whole pool); returns it. */
	private int narrowed(PayloadPool pool, int entry, int level, Rng rng) {
		long[] drawn = pool.variants(entry);
		if (setOf(pool) == messages) {
			messages.narrow(drawn, level);
			if (pinned >= 0 && !pinHolds()) {
				repin(rng);
			}
		}
		narrowLengths(drawn);
		return entry;
	}

	/**
	 * Pins the connection to one of the variants of the message just drawn, whose own variant the pool had no entry
	 * of: most of a TLS client's hellos are unique and a pool keeps 8 of them, so a connection pinned to a variant
	 * whose hello it dropped, or to the column of the connections of no variant (those whose every entry was
	 * dropped), sends another connection's hello. Left pinned to its first variant, it went on unpinned through the
	 * state the search merged from every connection's ACK of the hello, and ended there (issue 13: 88 of 141 public
	 * TLS connections without a server hello); pinned anew, it follows the training connection whose hello it sent.
	 * Among the message's variants, first those that took the walk's letters and whose connections had the length the
	 * connection aims at, which it then keeps.
	 */
	private void repin(Rng rng) {
		int variant = model == null || model.pins == null ? -1 : messages.draw(rng, model.pins.variants, walked, suitsAim);
		if (variant < 0) {
			return;
		}
		pin.reset();
		pin.pin(variant);
		pinned = variant;
		repinned = true;
		steered = 0;
		aim.repin(model, variant, rng);
	}

	private void narrowLengths(long[] drawn) {
		if (lengths.meets(drawn, lengths.depth())) {
			lengths.narrow(drawn, lengths.depth());
		}
	}

	/**
	 * The walk's edge, or, when its pool has no entry of the connection's innermost variant set that an edge of the
	 * same state and symbol has (parallel edges split by size often carry different variants: an SSH key share of
	 * one algorithm or another), one of those edges, drawn with their probabilities. Backs off outward as the
	 * entry draw does, and past the widest narrowed set to another letter of the state. A pinned connection first
	 * keeps to the letters its variant's training connections took, where they took them ({@code letter}: the walk's
	 * letter number, AutomatonModel.inPlace).
	 */
	int keepVariant(AutomatonModel model, int state, int walked, int letter, Rng rng) {
		return keepVariant(model, state, walked, letter, rng, e -> true);
	}

	/**
	 * {@link #keepVariant(AutomatonModel, int, int, int, Rng)}, its own redraws preferring the letters {@code legal}
	 * accepts (those a stack could send now): the walk's letter is not checked here, its repair comes after.
	 */
	int keepVariant(AutomatonModel model, int state, int walked, int letter, Rng rng, IntPredicate legal) {
		if (used.length < model.edgeTarget.length) {
			used = java.util.Arrays.copyOf(used, Math.max(model.edgeTarget.length, 2 * used.length));
		}
		int edge = walked;
		if (pinHolds() && model.pins.edgeVariants != null) {
			VariantPins pins = model.pins;
			int variant = pinned;
			boolean taken = pins.takes(walked, variant);
			// the walk's letter is one the variant took: drawn again on the variant's own weights among its letters in
			// their trained place (a loop the variant's clients took as often as they left it would otherwise be left as
			// often as the other clients left it). Otherwise the pinned variant's training connections never took this
			// letter here (an FTP lister does not ask for a file's SIZE, an SMTP client that sent DATA did not quit
			// before it): one of the letters they took and this connection did not take yet; steering into a letter
			// taken before would make loops of the states the automaton merged (a TLS client key exchange sent again
			// and again). A state of one letter, as most states of a TCP conversation, has nothing to draw again.
			if (model.stateFirstEdge[state + 1] - model.stateFirstEdge[state] > 1) {
				IntPredicate allowed = taken ? e -> pins.takes(e, variant) && model.inPlace(e, variant, letter)
						: e -> pins.takes(e, variant) && used[e] != connection && model.inPlace(e, variant, letter);
				// first among the legal letters, then any
				int drawn = drawLegal(model, state, letter, rng, allowed, legal);
				if (drawn < 0) {
					drawn = model.drawEdge(state, rng, pins.pinnedWeight, allowed);
				}
				// then a letter taken before, where the variant took it again at this very letter: an SSH client sends
				// its keystrokes on one edge of a loop, and where the walk drew another letter with no untaken one in
				// place, generated sessions left their script (loopback SSH at seed 1: 103 of 150 sessions with the
				// client bytes of a training session, 122 with this; LoopBackTest)
				if (drawn < 0 && !taken) {
					drawn = drawLegal(model, state, letter, rng,
							e -> pins.takes(e, variant) && model.inPlace(e, variant, letter), legal);
				}
				if (drawn >= 0) {
					edge = drawn;
				}
			}
			// within its variant's length, replacing the walk's letters is how a pinned walk follows its script through
			// states the automaton merged from several: counted from the first letter, 72 of the 96 loopback SSH
			// sessions (of 150) whose byte counts no training session had were let go before their end. Past it, the
			// variant's letters keep the walk in a loop whose exit its training connections took through a state the
			// automaton merged with another one: after a few, the connection goes on unpinned
			if (!taken && (!pins.hasLengths(variant) || letter >= pins.longest(variant)) && ++steered > MAX_STEERED) {
				pinned = -1;
			}
		} else if (model.edgePool[walked] < 0 && messages.depth() > 0 && contradicted(model, model.edgeTarget[walked])) {
			// a letter without payload into a state whose every letter sends a message that contradicts the ones sent
			// (an ACK after which only MQTT 3.1.1 clients got a retained message, for a client that connected with MQTT
			// 5): another letter of the state that leads elsewhere, where one is in place
			int kept = model.drawEdge(state, rng, e -> e != walked && model.inPlace(e, pinned, letter) && legal.test(e)
					&& aim.fits(letter, model.edgePayload[e] == AutomatonModel.END)
					&& (model.edgePool[e] >= 0 ? consistent(model, e) : !contradicted(model, model.edgeTarget[e])));
			if (kept >= 0) {
				edge = kept;
			}
		} else if (!aim.fits(letter, model.edgePayload[walked] == AutomatonModel.END)) {
			// the end before the connection's length, or a letter past it: one that keeps to it, where one is in place
			int kept = model.drawEdge(state, rng, e -> model.inPlace(e, pinned, letter) && legal.test(e)
					&& aim.fits(letter, model.edgePayload[e] == AutomatonModel.END));
			if (kept >= 0) {
				edge = kept;
			}
		}
		edge = byWalkedVariants(model, edge, letter, rng, legal);
		int chosen = keepPoolVariant(model, state, edge, letter, rng);
		used[chosen] = connection;
		return chosen;
	}

	/**
	 * A letter of the state that {@code allowed} and {@code legal} (a stack could send it now) accept, drawn on the
	 * pinned variant's rates: first one that keeps to the connection's length (LengthTarget); -1 when none does.
	 */
	private int drawLegal(AutomatonModel model, int state, int letter, Rng rng, IntPredicate allowed,
			IntPredicate legal) {
		int drawn = model.drawEdge(state, rng, model.pins.pinnedWeight, e -> allowed.test(e) && legal.test(e)
				&& aim.fits(letter, model.edgePayload[e] == AutomatonModel.END));
		return drawn >= 0 ? drawn
				: model.drawEdge(state, rng, model.pins.pinnedWeight, e -> allowed.test(e) && legal.test(e));
	}

	private int keepPoolVariant(AutomatonModel model, int state, int edge, int letter, Rng rng) {
		PayloadPool pool = model.edgePool[edge] < 0 ? null : model.pools[model.edgePool[edge]];
		// a letter the pinned variant took here stays, its pool holding the variant's entry or not: the pools keep 8
		// entries, and a TLS server's hello dropped from its pool turned the walk to another letter that agreed with
		// the messages sent, a client's FIN right after the server's ACK of its hello
		if (pool == null || !pool.hasVariants() || pinHolds() && (pool.meets(pin, 1) || pinnedTook(model, edge))) {
			return edge;
		}
		PayloadVariantSet variants = setOf(pool);
		if (variants.depth() == 0) {
			return edge;
		}
		for (int level = variants.depth(); level > 0; level--) {
			if (pool.meets(variants, level)) {
				return edge;
			}
			int at = level;
			int chosen = model.drawEdge(state, rng, e -> keeps(model, e, edge, at) && model.inPlace(e, pinned, letter));
			if (chosen >= 0) {
				return chosen;
			}
		}
		// no narrowed set holds the walk's payload nor one of its parallel edges: it contradicts every payload the
		// connection sent (a TLS 1.2 key exchange after a TLS 1.3 server hello, where the automaton merged the states
		// after the two hellos); another letter of the state whose payload agrees, or the walk's when none does.
		// Only a letter in its trained place: a loop taken again and again because its payloads agree and the
		// exits' do not ran a TLS server on to the packet cap (20 000 letters)
		int other = model.drawEdge(state, rng, e -> consistent(model, e) && model.inPlace(e, pinned, letter));
		return other >= 0 ? other : edge;
	}

	/**
	 * {@code edge}, or a parallel edge of it (ParallelEdges) drawn on the variants that took the walk's letters, when
	 * the pin does not choose among them: the connection is unpinned, or pinned to a variant that took several of them.
	 */
	private int byWalkedVariants(AutomatonModel model, int edge, int letter, Rng rng, IntPredicate legal) {
		ParallelEdges parallel = model.parallel;
		if (parallel == null || !walked.narrowed() || !parallel.has(edge)
				|| pinHolds() && parallel.taken(edge, model.pins, pinned) == 1) {
			return edge;
		}
		int variant = pinHolds() ? pinned : -1;
		return parallel.draw(edge, walked, rng, e -> legal.test(e) && model.inPlace(e, variant, letter)
				&& (variant < 0 || model.pins.takes(e, variant)));
	}

	/**
	 * Whether the pinned variant's training connections took {@code edge}, as the edge's own list of variants says. An
	 * edge that lists none (every variant took it) says nothing of this one's path, and its pool's agreement with the
	 * messages sent still decides (a TLS 1.2 key exchange after a TLS 1.3 hello).
	 */
	private boolean pinnedTook(AutomatonModel model, int edge) {
		return model.pins != null && model.pins.edgeVariants != null && model.pins.edgeVariants[edge].length > 0
				&& model.pins.takes(edge, pinned);
	}

	/**
	 * Whether every letter of {@code state} sends a pooled message of variants none of which the connection's widest
	 * narrowed set holds: a state the connection's messages cannot go on from. A state with a letter without a
	 * message of variants is not (AutomatonModel.sendsOnlyVariantMessages, so that most states cost one lookup).
	 */
	private boolean contradicted(AutomatonModel model, int state) {
		if (!model.sendsOnlyVariantMessages[state]) {
			return false;
		}
		for (int e = model.stateFirstEdge[state]; e < model.stateFirstEdge[state + 1]; e++) {
			if (model.pools[model.edgePool[e]].meets(messages, 1)) {
				return false;
			}
		}
		return true;
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
		return p < 0 || !model.pools[p].hasVariants() || setOf(model.pools[p]).depth() == 0
				|| model.pools[p].meets(setOf(model.pools[p]), 1);
	}

	/** Whether edge {@code e} has the symbol of {@code edge} and a pool entry in the set of {@code level}. */
	private boolean keeps(AutomatonModel model, int e, int edge, int level) {
		int p = model.edgePool[e];
		return model.edgeFlags[e] == model.edgeFlags[edge] && model.edgeBackward[e] == model.edgeBackward[edge]
				&& model.edgePayload[e] == model.edgePayload[edge] && p >= 0
				&& model.pools[p].hasVariants() && model.pools[p].meets(setOf(model.pools[p]), level);
	}

	/** Scratch for the header a pool frames over a slice, while its slice is drawn. */
	private byte[] frameScratch = new byte[16];

	/**
	 * The offset in {@code random}'s block of a payload of {@code length} bytes that the learner's randomness test, at
	 * the level {@code model} was learned with, passes when {@code passes}, fails otherwise, framed as {@code pool}
	 * frames it (null: no pool).
	 */
	int slice(RandomBytes random, Rng rng, int length, boolean passes, AutomatonModel model, PayloadPool pool) {
		PayloadPool framing = pool != null && pool.framed() ? pool : null;
		if (framing != null && frameScratch.length < framing.frameLength()) {
			frameScratch = new byte[framing.frameLength()];
		}
		return random.offset(rng, length, passes, model.randomCritical, framing, frameScratch);
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
