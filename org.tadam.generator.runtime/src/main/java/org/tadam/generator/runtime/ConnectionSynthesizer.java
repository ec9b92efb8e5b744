package org.tadam.generator.runtime;

/**
 * Turns one random walk through an automaton into the packets of one connection. Over TCP every letter passes the
 * rules of a real stack first ({@link TcpConversation}): an impossible letter is replaced by a legal edge of the
 * same state, drawn again with the legal edges' probabilities renormalised (up to {@link #MAX_REDRAWS} times per
 * connection), or dropped (the walk follows it without emitting), and counted under its kind; a RST ends the
 * connection. The learned noise is replayed on request ({@link NoiseInjector}). Packets are written by
 * {@link PacketWriter}. One instance per thread; everything random comes from the connection's own {@link Rng}.
 */
final class ConnectionSynthesizer {
	/** Per side (1: the responder) the token of its last payload letter in this connection, -1: none or no token. */
	private final int[] lastToken = new int[2];

	/** A walk longer than this is cut: automata with loops of probability near 1 must still end. */
	static final int MAX_PACKETS = 20_000;
	/**
	 * Letters of one connection that may be drawn again in place of an impossible one; later impossible letters are
	 * dropped. Redrawing prefers the legal edges of a state, which can turn a loop of legal letters into a trap when
	 * every way out is impossible (a model that sends data after a FIN, say); dropping follows the model's own
	 * edges, so the walk ends as the model's walks do.
	 */
	static final int MAX_REDRAWS = 16;
	/**
	 * Letters a walk of a model that closes normally may draw again in place of an end that would leave a side open,
	 * before the stacks close it: an end right after the handshake or a request (a state the search merged with one
	 * after the close) then goes on with the conversation, as the training connections did, but a walk that keeps
	 * wandering through merged states is not made longer than a few letters.
	 */
	static final int MAX_END_REDRAWS = 2;
	/** Gap before a closing segment when the model has no letter of that side and flags to time it by: 100 µs. */
	static final long DEFAULT_CLOSE_GAP = 100_000;
	/** Largest UDP payload over IPv4. */
	private static final int MAX_DATAGRAM = 65507;

	private final ScenarioModel scenario;
	private final RandomBytes random;
	/** Printable filler for text letters without pool; null when no automaton has such letters. */
	private final RandomBytes text;
	private final CaptureFormat format;
	private final PacketWriter writer;
	private final TcpConversation conversation = new TcpConversation();
	/** Null when the run adds no noise. */
	private final NoiseInjector noise;
	private final boolean labels;
	/** Reseeded for each connection rather than allocated: no garbage per connection. */
	private final Rng rng = new Rng(0);
	/** The value per connection of the run that draws its payload variant; null: drawn independently. */
	private final StratifiedDraw strata;
	/** Edge and time draws: the compiled code of the scenario, or its tables. */
	private final Walk walk;
	/** Pool entries consistent within the connection, framed random payloads. */
	private final PayloadChoice payloads = new PayloadChoice();
	/** The rest of a replayed message longer than a segment, for the letters that continue it. */
	private final MessageCarry carry = new MessageCarry();
	/** The last message sent whole, which a letter of the same bytes right after it sends again. */
	private final LastMessage last = new LastMessage();
	/** HTTP heads that state the length of the bodies sent after them. */
	private final HttpBodies http = new HttpBodies();
	/** The model of the connection being generated, for {@link #legal}. */
	private AutomatonModel current;
	/**
	 * Whether a stack could send the letter of an edge now (the end only once both sides closed, as a model whose
	 * connections all closed normally says): what the payload choice's own redraws prefer, so that they need fewer
	 * repairs.
	 */
	private final java.util.function.IntPredicate legal = e -> current.edgePayload[e] == AutomatonModel.END
			? !endsOpen(current) : conversation.allows(current.edgeRuleMask[e], current.edgeRuleWant[e]);

	ConnectionSynthesizer(ScenarioModel scenario, RandomBytes random, RandomBytes text, CaptureFormat format,
			int snapLength, boolean learnedNoise, boolean labels, boolean tableWalk) {
		this(scenario, random, text, format, snapLength, learnedNoise, labels, tableWalk, null);
	}

	/** @param strata the run's value per connection that draws its payload variant; null: drawn independently */
	ConnectionSynthesizer(ScenarioModel scenario, RandomBytes random, RandomBytes text, CaptureFormat format,
			int snapLength, boolean learnedNoise, boolean labels, boolean tableWalk, StratifiedDraw strata) {
		this.strata = strata;
		this.scenario = scenario;
		this.walk = tableWalk || scenario.compiledWalk == null ? new TableWalk(scenario) : scenario.compiledWalk;
		this.random = random;
		this.text = text;
		this.format = format;
		this.writer = new PacketWriter(format, snapLength);
		this.noise = learnedNoise ? new NoiseInjector() : null;
		this.labels = labels;
	}

	/** Generates connection {@code index} of the run of {@code seed}, starting at {@code start} (ns since the epoch). */
	void generate(long seed, long index, long start, ConnectionPackets out) {
		http.record();
		if (synthesize(seed, index, start, out) && http.differs()) {
			// the same walk again, from the same seed, with each HTTP head stating the body the first walk sent
			http.apply();
			out.clear();
			synthesize(seed, index, start, out);
		}
	}

	/** Generates the connection; returns whether it walked a model with HTTP heads whose bodies HttpBodies counted. */
	private boolean synthesize(long seed, long index, long start, ConnectionPackets out) {
		Rng rng = this.rng;
		rng.seed(Rng.mix(seed, index));
		int which = scenario.automatonChoice.sample(rng);
		AutomatonModel model = scenario.automata[which];
		current = model;
		boolean tcp = model.protocol == AutomatonModel.TCP;
		writer.open(rng, scenario.clients, scenario.servers, scenario.ports[which], scenario.portChoice[which], tcp, model.largeSegments);
		out.automaton = which;
		ConnectionLabel label = null;
		if (labels) {
			label = out.label != null ? out.label : (out.label = new ConnectionLabel());
			label.open(writer);
		}
		conversation.start(model.firstSpeaker);
		boolean noisy = noise != null && noise.start(seed, index, model.noise);
		long time = start;
		int state = model.initialState;
		redraws = 0;
		endRedraws = 0;
		payloads.start(model, rng, strata == null ? -1 : strata.value(index));
		// noise moves and drops written packets: their heads are left as they are
		boolean httpBodies = model.httpHeads && !noisy;
		// noise moves written packets, and HTTP bodies are counted letter by letter: a message longer than a segment
		// then leaves at once
		boolean carries = tcp && !noisy && !model.httpHeads;
		carry.clear();
		lastToken[0] = -1;
		lastToken[1] = -1;
		skipped = 0;
		last.clear();
		for (int k = 0; k < MAX_PACKETS; k++) {
			int edge = walk.nextEdge(which, state, rng);
			if (edge < 0) {
				break;
			}
			int variant = payloads.pinned();
			// the letter of the training connections this one stands at
			int at = k + skipped;
			if (!model.inPlace(edge, variant, at)) {
				// no training connection (of the pinned variant) took this letter this early or this late: one of the
				// state's that one did
				int letter = at;
				int placed = model.drawEdge(state, rng, e -> model.inPlace(e, variant, letter));
				edge = placed >= 0 ? placed : edge;
			}
			edge = payloads.keepVariant(model, state, edge, at, rng, legal);
			boolean unclosed = model.edgePayload[edge] == AutomatonModel.END && endsOpen(model);
			int closing = unclosed && endRedraws < (model.closesNormally ? MAX_END_REDRAWS : MAX_REDRAWS)
					? legalEdge(model, state, at, rng, true) : -1;
			if (closing >= 0) {
				// the walk would end with one side still open: take a legal letter of the state instead
				endRedraws++;
				out.repaired(TcpConversation.UNCLOSED_END);
				edge = closing;
				if (label != null) {
					label.addRepaired(edge, TcpConversation.UNCLOSED_END, false);
				}
			} else if (!conversation.allows(model.edgeRuleMask[edge], model.edgeRuleWant[edge])) {
				edge = repair(model, state, edge, at, rng, out, label);
				if (edge == STOP) {
					break;
				}
				if (edge < 0) {
					state = -edge - 1;
					continue;
				}
			} else if (label != null) {
				label.add(edge);
			}
			int kind = model.edgePayload[edge];
			if (kind == AutomatonModel.END) {
				break;
			}
			payloads.took(model, edge);
			int side = model.edgeBackward[edge] ? 1 : 0;
			if (kind != AutomatonModel.PAYLOAD_EMPTY && model.edgeToken != null) {
				// the token this side's message answers is the other side's last one (AutomatonModel.answers); this
				// letter's own is known before its entry is drawn, which looks at the other side's only
				lastToken[side] = model.edgeToken[edge];
			}
			int flags = model.edgeFlags[edge];
			PayloadPool pool = model.edgePool[edge] < 0 ? null : model.pools[model.edgePool[edge]];
			byte[] source = null;
			int sourceOffset = 0;
			int length = 0;
			long payloadSum = 0;
			int joined = 0;
			// the pool's own bytes of the letter's message, while no HTTP head rewrote them
			byte[] pooled = null;
			boolean continues = carry.continuedBy(side, kind, flags);
			if (!continues && carry.sentBefore(side, kind, flags)) {
				sendCarried(out, time, start);
			}
			if (continues) {
				// a letter of a segment that continued a message: the message's next bytes in its place
				source = carry.source();
				sourceOffset = carry.offset();
				length = carry.take();
				payloadSum = Checksums.sum(source, sourceOffset, length);
			} else if (pool != null && pool.isStrings() && kind != AutomatonModel.PAYLOAD_EMPTY) {
				// a random letter may have a pool of messages: structured ones the capture's test of randomness passed
				int entry = payloads.entry(pool, at, model.edgeToken == null ? -1 : lastToken[1 - side], rng);
				source = pool.string(entry);
				pooled = source;
				length = source.length;
				joined = pool.segment(entry);
				payloadSum = pool.sum(entry);
				if (!tcp && length > MAX_DATAGRAM) {
					length = MAX_DATAGRAM;
					payloadSum = Checksums.sum(source, 0, length);
				}
				HttpHead head = httpBodies ? pool.httpHead(entry) : HttpHead.NONE;
				if (head.owed() != HttpHead.NOT_HEAD) {
					int rewritten = http.head(side, head, source);
					if (rewritten >= 0) {
						source = http.rewritten();
						length = rewritten;
						payloadSum = Checksums.sum(source, 0, length);
					}
				} else if (httpBodies && http.body(side, source, 0, length)) {
					source = http.rewritten();
					payloadSum = Checksums.sum(source, 0, length);
				}
			} else if (kind != AutomatonModel.PAYLOAD_EMPTY) {
				// random payloads, and text or replay letters the capture kept no bytes of: slices of filler
				// a length of the connection's variants: SSH packet lengths that fit the ciphers its key exchange offered
				length = pool != null && !pool.isStrings() ? pool.length(payloads.entry(pool, rng)) : model.sampleSize(edge, rng);
				length = Math.max(1, Math.min(length, tcp ? writer.mss() : 1472));
				RandomBytes filler = kind == AutomatonModel.PAYLOAD_TEXT ? text : random;
				source = filler.block();
				// a random letter's bytes pass the learner's randomness test, a replay letter's fail it
				sourceOffset = filler == text ? text.offset(rng)
						: payloads.slice(random, rng, length, kind == AutomatonModel.PAYLOAD_RANDOM, model, pool);
				payloadSum = filler.sum(sourceOffset, length);
				if (pool != null && pool.framed()) {
					source = payloads.framed(pool, source, sourceOffset, length);
					sourceOffset = 0;
					payloadSum = Checksums.sum(source, 0, length);
				}
				if (httpBodies && http.body(side, source, sourceOffset, length)) {
					source = http.rewritten();
					sourceOffset = 0;
					payloadSum = Checksums.sum(source, 0, length);
				}
			}
			boolean held = carries && joined > 0 && length > joined && (flags & TcpConversation.FIN) == 0;
			int piece = held ? Math.min(writer.mss(), joined) : 0;
			long iat = walk.iatNanos(which, edge, held ? piece : length, rng);
			time += iat;
			if (!tcp) {
				writer.udp(out, time, side, source, sourceOffset, length, payloadSum);
			} else {
				if (held) {
					// the first segment of a message joined from several: the letters that continued it carry the rest
					writer.tcp(out, time, start, side, flags & ~PSH, source, 0, piece, Checksums.sum(source, 0, piece));
					carry.hold(side, flags, piece, source, piece, length);
				} else if (source == pooled && last.repeatedBy(out, side, flags, source, sourceOffset, length)) {
					// the side's last segment again, before anything else was sent: a retransmission, not new bytes
					out.copyLast(format, time);
				} else if (length <= writer.mss()) {
					writer.tcp(out, time, start, side, flags, source, sourceOffset, length, payloadSum);
					if (source == pooled) {
						last.sent(out, side, flags, source, sourceOffset, length);
					}
				} else {
					segments(out, time, start, side, flags, source, 0, length, writer.mss());
				}
				conversation.sent(side, flags, length > 0);
			}
			if (noisy) {
				time = noise(out, tcp, side, time, start, iat, label);
			}
			state = model.edgeTarget[edge];
		}
		if (carry.pending()) {
			sendCarried(out, time, start);
		}
		if (tcp && model.closesNormally && (conversation.open() || conversation.halfClosed())) {
			close(model, which, out, time, start, rng, label);
		}
		return httpBodies;
	}

	/**
	 * Closes an established connection the walk of a model that closes normally left open: each side still open
	 * sends FIN+ACK (the side that closed first, else the client, leads), then the leader acknowledges the last
	 * FIN. The gaps are those of the model's own FIN and ACK letters of each side. Counted once as end-before-close.
	 */
	private void close(AutomatonModel model, int which, ConnectionPackets out, long time, long start, Rng rng,
			ConnectionLabel label) {
		out.repaired(TcpConversation.UNCLOSED_END);
		int leader = conversation.finSent(1) && !conversation.finSent(0) ? 1 : 0;
		if (!conversation.finSent(leader)) {
			time = closingSegment(which, out, time, start, rng, leader, model.finEdge[leader], label);
		}
		if (!conversation.finSent(1 - leader)) {
			time = closingSegment(which, out, time, start, rng, 1 - leader, model.finEdge[1 - leader], label);
		}
		closingSegment(which, out, time, start, rng, leader, model.ackEdge[leader], label);
	}

	/**
	 * Writes one empty segment of the close: FIN+ACK, or the last ACK once both FINs are out, after the gap of the
	 * model's own letter {@code like} of that side and flags.
	 */
	private long closingSegment(int which, ConnectionPackets out, long time, long start, Rng rng, int side, int like,
			ConnectionLabel label) {
		int flags = conversation.finSent(side) ? TcpConversation.ACK : TcpConversation.FIN | TcpConversation.ACK;
		time += like >= 0 ? walk.iatNanos(which, like, 0, rng) : DEFAULT_CLOSE_GAP;
		writer.tcp(out, time, start, side, flags, null, 0, 0, 0);
		conversation.sent(side, flags, false);
		if (label != null && like >= 0) {
			label.addRepaired(like, TcpConversation.UNCLOSED_END, false);
		}
		return time;
	}

	/** {@link #repair}: the walk ends. */
	private static final int STOP = Integer.MIN_VALUE;
	/** Illegal letters of the current connection drawn again so far ({@link #MAX_REDRAWS}). */
	private int redraws;
	/**
	 * Ends of the current connection drawn again so far: a count apart from {@link #redraws}, so that letters
	 * repaired earlier in the walk do not use up the redraws of an end that would leave a side open.
	 */
	private int endRedraws;
	/**
	 * Letters of the pinned variant's training connections that the walk skipped: a letter no stack sends now (a
	 * duplicate ACK) replaced by the variant's next one. The walk's later letters stand one further in those
	 * connections: a MySQL client whose training connection sent its ACK twice got the server's greeting a letter
	 * early, and then, placed by its own count, sent another client's login, which tshark read as malformed against
	 * that greeting.
	 */
	private int skipped;

	/**
	 * Repairs an edge a stack could not send now, and counts it: returns a legal edge of the state drawn in its
	 * place (up to {@link #MAX_REDRAWS} per connection), {@link #STOP} after a RST, or -(target + 1) when the letter
	 * is dropped and the walk moves on to the edge's target.
	 */
	private int repair(AutomatonModel model, int state, int edge, int letter, Rng rng, ConnectionPackets out,
			ConnectionLabel label) {
		int kind = violation(model, edge);
		out.repaired(kind);
		int legal = kind == TcpConversation.AFTER_RST || redraws == MAX_REDRAWS ? -1
				: legalEdge(model, state, letter, rng, false);
		if (legal >= 0) {
			redraws++;
		}
		if (label != null) {
			label.addRepaired(legal >= 0 ? legal : edge, kind, legal < 0);
		}
		if (kind == TcpConversation.AFTER_RST) {
			return STOP;
		}
		return legal >= 0 ? legal : -model.edgeTarget[edge] - 1;
	}

	private int violation(AutomatonModel model, int edge) {
		return conversation.violation(model.edgeBackward[edge] ? 1 : 0, model.edgeFlags[edge],
				model.edgePayload[edge] != AutomatonModel.PAYLOAD_EMPTY);
	}

	/**
	 * Whether ending the walk now would leave a TCP connection open: one side closed and the other not, or, in a model
	 * whose connections all closed normally, neither.
	 */
	private boolean endsOpen(AutomatonModel model) {
		return model.protocol == AutomatonModel.TCP
				&& (conversation.halfClosed() || model.closesNormally && conversation.open());
	}

	/**
	 * An edge of {@code state} a stack could take now, drawn with the legal edges' probabilities; -1 if none.
	 * {@code notEnd}: the end of the walk is not among them. Among them first those the connection's pinned variant
	 * took at the walk's letter {@code letter}, then those any training connection took there
	 * (AutomatonModel.inPlace): in a state the search merged from many (a TLS server's state after its ACK of the
	 * client hello, and after its data), a legal letter drawn from all of them was the server's application data
	 * before its hello (issue 13: the first record of 52 of 300 servers learned from 10 public captures; 20 so).
	 */
	private int legalEdge(AutomatonModel model, int state, int letter, Rng rng, boolean notEnd) {
		java.util.function.IntPredicate legal = e -> conversation.allows(model.edgeRuleMask[e], model.edgeRuleWant[e])
				&& !(notEnd && model.edgePayload[e] == AutomatonModel.END);
		int variant = payloads.pinned();
		if (variant >= 0 && model.pins.edgeVariants != null) {
			int drawn = model.drawEdge(state, rng,
					e -> legal.test(e) && model.inPlace(e, variant, letter) && model.pins.takes(e, variant));
			if (drawn < 0) {
				// the variant's letter here is one no stack sends now (an ACK of nothing new): its next one, as though
				// the letter were dropped (a resumed TLS client's ChangeCipherSpec, not another variant's key exchange
				// that tshark reads against the server's abbreviated hello as malformed)
				drawn = model.drawEdge(state, rng,
						e -> legal.test(e) && model.inPlace(e, variant, letter + 1) && model.pins.takes(e, variant));
				skipped += drawn >= 0 ? 1 : 0;
			}
			if (drawn >= 0) {
				return drawn;
			}
		}
		int drawn = model.drawEdge(state, rng, e -> legal.test(e) && model.inPlace(e, letter));
		// no legal letter in place: one nearest its place, first one the connection has not sent yet. A MySQL client
		// whose SYN was sent twice answers the server's greeting a letter later than any training client sent its
		// login; drawn from every legal letter, its first message was a query, a field list or a ping, which tshark
		// reads as a malformed login (14, 19 and 15 of 300 connections learned from the public captures, seeds 1-3);
		// the nearest alone left 6, 9 and 9, the server's greeting sent again as often as the login; none so
		return drawn >= 0 ? drawn : model.drawNearest(state, letter, rng, legal, e -> !payloads.sent(e));
	}

	/** Applies the noise drawn for the letter just written; returns the time of the last packet now. */
	private long noise(ConnectionPackets out, boolean tcp, int side, long time, long start, long iat, ConnectionLabel label) {
		int op = noise.draw();
		if (op >= 0 || noise.swapPending()) {
			time = noise.apply(op, out, format, writer, tcp, side, time, start, iat);
		}
		if (op >= 0) {
			out.noised(op);
			if (label != null) {
				label.noise(op);
			}
		}
		return time;
	}

	/** The PSH flag: only the last segment of a message keeps it. */
	private static final int PSH = 0x08;

	/** Sends the rest of a carried message at once, at the time of the connection's last packet. */
	private void sendCarried(ConnectionPackets out, long time, long start) {
		int side = carry.side();
		int flags = carry.flags();
		int from = carry.offset();
		byte[] source = carry.source();
		int end = from + carry.remaining();
		int piece = carry.piece();
		carry.clear();
		segments(out, time, start, side, flags, source, from, end, piece);
		conversation.sent(side, flags, true);
	}

	/**
	 * A message longer than a segment leaves as several full segments of {@code size} bytes, as a stack sends it; only
	 * the last one keeps PSH and FIN. Only byte strings get here (random payloads are drawn no longer than the MSS).
	 */
	private void segments(ConnectionPackets out, long time, long start, int side, int flags, byte[] source, int from,
			int end, int size) {
		for (int at = from; at < end; at += size) {
			int n = Math.min(size, end - at);
			int f = at + n < end ? flags & ~(TcpConversation.FIN | PSH) : flags;
			writer.tcp(out, time, start, side, f, source, at, n, Checksums.sum(source, at, n));
		}
	}
}
