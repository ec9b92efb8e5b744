package org.tadam.dsl.validation;

/** Codes of the problems the validator reports; quick fixes and tests refer to them. */
public final class IssueCodes {

	private static final String PREFIX = "org.tadam.dsl.";

	/** Outgoing probabilities of a state do not sum to 1. Issue data: the sum; quick fix: normalise. */
	public static final String PROBABILITY_SUM = PREFIX + "probability_sum";
	public static final String PROBABILITY_RANGE = PREFIX + "probability_range";
	public static final String UNREACHABLE_STATE = PREFIX + "unreachable_state";
	public static final String NO_PATH_TO_END = PREFIX + "no_path_to_end";
	/** A $ edge leads elsewhere than the end state. */
	public static final String END_EDGE_TARGET = PREFIX + "end_edge_target";
	/** A packet edge leads into the end state, or the end state has outgoing edges. */
	public static final String END_STATE_MISUSE = PREFIX + "end_state_misuse";
	public static final String INITIAL_STATE_COUNT = PREFIX + "initial_state_count";
	public static final String END_STATE_COUNT = PREFIX + "end_state_count";
	public static final String NEGATIVE_VARIANCE = PREFIX + "negative_variance";
	public static final String COVARIANCE_NOT_PSD = PREFIX + "covariance_not_psd";
	public static final String DISTRIBUTION_DIMENSION = PREFIX + "distribution_dimension";
	public static final String MALFORMED_FLAGS = PREFIX + "malformed_flags";
	public static final String DUPLICATE_NAME = PREFIX + "duplicate_name";
	public static final String EMPTY_PAYLOAD_POOL = PREFIX + "empty_payload_pool";
	public static final String NEGATIVE_COUNT = PREFIX + "negative_count";
	public static final String NOISE_RATE_RANGE = PREFIX + "noise_rate_range";
	public static final String PAYLOAD_MISMATCH = PREFIX + "payload_mismatch";
	public static final String VARIANT_RANGE = PREFIX + "variant_range";
	public static final String RANDOM_HEADER = PREFIX + "random_header";
	public static final String INVALID_PORT = PREFIX + "invalid_port";
	public static final String PORT_WEIGHT = PREFIX + "port_weight";
	/** An edge's letter bounds ('at FIRST to LAST') that make no range. */
	public static final String LETTER_BOUNDS = PREFIX + "letter_bounds";
	/** A pool entry's {@code segment}: not inside its bytes. */
	public static final String SEGMENT_LENGTH = PREFIX + "segment_length";
	/** Variant weights that are negative or all 0, or pool entries of variants the weights do not list. */
	public static final String VARIANT_WEIGHT = PREFIX + "variant_weight";
	/** Variant lengths ('lengths FIRST to LAST, ...') that do not give each weighted variant one range. */
	public static final String VARIANT_LENGTHS = PREFIX + "variant_lengths";
	/** Letter counts ('letters WEIGHT * FIRST to LAST, ...') with a negative weight, no positive one, or no range. */
	public static final String LETTER_COUNTS = PREFIX + "letter_counts";
	/**
	 * A pool entry that answered ('after "TOKEN"') a token no edge of the other direction sends: never drawn as an
	 * answer (a warning).
	 */
	public static final String UNKNOWN_ANSWER = PREFIX + "unknown_answer";
	/** A model says it parses more training connections than it was learned from, or fewer than none. */
	public static final String PARSED_CONNECTIONS = PREFIX + "parsed_connections";
	/**
	 * A TCP edge that can only produce what no stack sends: a packet after a RST, or payload, FIN or SYN from a side
	 * after its own FIN, on every path into its source state (a warning: the generator repairs such letters).
	 */
	public static final String IMPOSSIBLE_TCP_SEQUENCE = PREFIX + "impossible_tcp_sequence";
	/** An imported model file does not exist. */
	public static final String UNRESOLVED_IMPORT = PREFIX + "unresolved_import";
	/** A scenario uses no automaton, or an address plan has no subnet. */
	public static final String EMPTY_SCENARIO_POOL = PREFIX + "empty_scenario_pool";
	/** A rate, share, connection count or duration is not positive, or a daily profile is malformed. */
	public static final String SCENARIO_RATE = PREFIX + "scenario_rate";
	public static final String INVALID_SUBNET = PREFIX + "invalid_subnet";
	public static final String INVALID_MAC = PREFIX + "invalid_mac";
	public static final String INVALID_TTL = PREFIX + "invalid_ttl";
	public static final String INVALID_START = PREFIX + "invalid_start";
	public static final String INVALID_SNAP_LENGTH = PREFIX + "invalid_snap_length";
	/** Clients and servers share no address family, or no server port is known for an automaton. */
	public static final String UNREACHABLE_SERVERS = PREFIX + "unreachable_servers";

	private IssueCodes() {
	}
}
