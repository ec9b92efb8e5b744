package org.tadam.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tadam.dsl.validation.IssueCodes;
import org.tadam.model.Automaton;
import org.tadam.model.PacketSymbol;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.TadamPackage.Literals;
import org.tadam.model.TextPayload;
import org.tadam.model.VariantRange;
import org.tadam.model.WeightedLength;
import org.tadam.model.derived.PayloadVariants;

import com.google.inject.Inject;

/** One test per issue code: a valid model is broken in exactly one way and exactly that code is reported. */
@ExtendWith(InjectionExtension.class)
@InjectWith(TadamInjectorProvider.class)
class ValidationTest {

	private static final String VALID = """
			automaton t {
				protocol tcp
				service "http" ports 80
				noise missing 0.01 spurious 0.01 duplicated 0 swapped 0
				state a initial
				state b
				state z end
				a -> b S> prob 1 count 3 mean (0, 0) cov (1e-6, 0, 1e-6)
				b -> b PA> text "GET" prob 0.25 count 1 mean (4, 70) cov (1, 0.5, 9)
					payload text { 1 * "GET /" }
				b -> z $ prob 0.75 count 3
			}
			""";

	@Inject
	private ModelIssues validated;

	/** For the one test that needs the linking diagnostic itself, not only the issues. */
	@Inject
	private ParseHelper<Automaton> parser;

	@Inject
	private ValidationTestHelper validation;

	private List<Issue> issues(String text) throws Exception {
		return validated.of(text);
	}

	private Issue single(String text, String code) throws Exception {
		List<Issue> issues = issues(text);
		List<Issue> matching = issues.stream().filter(i -> code.equals(i.getCode())).toList();
		assertEquals(1, matching.size(), () -> "expected one " + code + " in " + issues);
		assertEquals(1, issues.size(), () -> "expected only " + code + " but got " + issues);
		return matching.get(0);
	}

	private static String broken(String from, String to) {
		assertTrue(VALID.contains(from), from);
		return VALID.replace(from, to);
	}

	@Test
	void validModelHasNoIssues() throws Exception {
		assertEquals(List.of(), issues(VALID));
	}

	static List<Path> samples() {
		return TadamTestSupport.validModels();
	}

	@ParameterizedTest
	@MethodSource("samples")
	void bundledModelsAreValid(Path file) throws Exception {
		assertEquals(List.of(), issues(TadamTestSupport.read(file)), file.toString());
	}

	@Test
	void probabilitySumNamesStateAndSum() throws Exception {
		Issue issue = single(broken("prob 0.75", "prob 0.7"), IssueCodes.PROBABILITY_SUM);
		assertEquals("Outgoing probabilities of state 'b' sum to 0.95, expected 1", issue.getMessage());
		assertEquals("0.95", issue.getData()[0]);
		assertEquals(6, issue.getLineNumber());
	}

	@Test
	void probabilitySumToleratesRounding() throws Exception {
		assertEquals(List.of(), issues(broken("prob 0.75", "prob 0.7500000001")));
	}

	@Test
	void probabilityOutsideUnitInterval() throws Exception {
		List<Issue> issues = issues(broken("a -> b S> prob 1", "a -> b S> prob 1.5"));
		assertTrue(issues.stream().anyMatch(i -> IssueCodes.PROBABILITY_RANGE.equals(i.getCode())
				&& i.getMessage().contains("'a -> b S>'") && i.getMessage().contains("1.5")), issues::toString);
	}

	@Test
	void unreachableState() throws Exception {
		Issue issue = single(broken("state z end", "state z end\n state lost\n lost -> z $ prob 1 count 0"),
				IssueCodes.UNREACHABLE_STATE);
		assertEquals(Severity.WARNING, issue.getSeverity());
		assertTrue(issue.getMessage().contains("'lost'"));
	}

	@Test
	void stateWithNoPathToEnd() throws Exception {
		String text = broken("b -> z $ prob 0.75 count 3", "b -> z $ prob 0.5 count 3\n b -> trap A> prob 0.25 count 1 mean (1, 0) cov (1, 0, 1)\n trap -> trap A> prob 1 count 5 mean (1, 0) cov (1, 0, 1)")
				.replace("state z end", "state z end\n state trap");
		Issue issue = single(text, IssueCodes.NO_PATH_TO_END);
		assertTrue(issue.getMessage().contains("'trap'"), issue.getMessage());
	}

	@Test
	void endEdgeMustLeadIntoEndState() throws Exception {
		String text = broken("b -> z $ prob 0.75 count 3", "b -> z A> prob 0.5 count 3 mean (1, 0) cov (1, 0, 1)\n b -> a $ prob 0.25 count 1");
		List<Issue> issues = issues(text);
		assertTrue(issues.stream().anyMatch(i -> IssueCodes.END_EDGE_TARGET.equals(i.getCode())), issues::toString);
	}

	@Test
	void packetEdgeIntoEndState() throws Exception {
		Issue issue = single(broken("b -> z $ prob 0.75 count 3", "b -> z FA> prob 0.75 count 3 mean (1, 0) cov (1, 0, 1)"),
				IssueCodes.END_STATE_MISUSE);
		assertTrue(issue.getMessage().contains("'b -> z FA>'"), issue.getMessage());
	}

	@Test
	void exactlyOneInitialState() throws Exception {
		single(broken("state b", "state b initial"), IssueCodes.INITIAL_STATE_COUNT);
		List<Issue> none = issues(broken("state a initial", "state a"));
		assertTrue(none.stream().anyMatch(i -> IssueCodes.INITIAL_STATE_COUNT.equals(i.getCode())), none::toString);
	}

	@Test
	void exactlyOneEndState() throws Exception {
		List<Issue> issues = issues(broken("state z end", "state z"));
		assertTrue(issues.stream().anyMatch(i -> IssueCodes.END_STATE_COUNT.equals(i.getCode())), issues::toString);
	}

	@Test
	void negativeVariance() throws Exception {
		Issue issue = single(broken("cov (1, 0.5, 9)", "cov (1, 0.5, -9)"), IssueCodes.NEGATIVE_VARIANCE);
		assertTrue(issue.getMessage().contains("'b -> b PA> text \"GET\"'"), issue.getMessage());
	}

	@Test
	void covarianceNotPositiveSemiDefinite() throws Exception {
		single(broken("cov (1, 0.5, 9)", "cov (1, 3.5, 9)"), IssueCodes.COVARIANCE_NOT_PSD);
	}

	@Test
	void covarianceOfWrongSize() throws Exception {
		single(broken("cov (1, 0.5, 9)", "cov (1, 9)"), IssueCodes.DISTRIBUTION_DIMENSION);
	}

	@Test
	void malformedFlags() throws Exception {
		Issue unknown = single(broken("a -> b S>", "a -> b SX>"), IssueCodes.MALFORMED_FLAGS);
		assertTrue(unknown.getMessage().contains("'SX'"), unknown.getMessage());
		Issue order = single(broken("a -> b S>", "a -> b AS>"), IssueCodes.MALFORMED_FLAGS);
		assertEquals("SA", order.getData()[0]);
		single(broken("a -> b S>", "a -> b AP>"), IssueCodes.MALFORMED_FLAGS);
		single(broken("a -> b S>", "a -> b SS>"), IssueCodes.MALFORMED_FLAGS);
		List<Issue> udp = issues(broken("protocol tcp", "protocol udp"));
		assertEquals(2, udp.size(), udp::toString);
		assertTrue(udp.stream().allMatch(i -> IssueCodes.MALFORMED_FLAGS.equals(i.getCode())), udp::toString);
	}

	@Test
	void duplicateStateNames() throws Exception {
		List<Issue> issues = issues(broken("state b", "state b\n state b"));
		assertTrue(issues.stream().anyMatch(i -> IssueCodes.DUPLICATE_NAME.equals(i.getCode()) && i.getMessage().contains("'b'")),
				issues::toString);
	}

	@Test
	void variantRangesAreOrderedAndSmall() throws Exception {
		assertTrue(issues(broken("1 * \"GET /\"", "1 * \"GET /\" variants 0 to 3, 7, 4095")).isEmpty());
		single(broken("1 * \"GET /\"", "1 * \"GET /\" variants 5 to 2"), IssueCodes.VARIANT_RANGE);
		single(broken("1 * \"GET /\"", "1 * \"GET /\" variants -1"), IssueCodes.VARIANT_RANGE);
		single(broken("1 * \"GET /\"", "1 * \"GET /\" variants 4096"), IssueCodes.VARIANT_RANGE);
	}

	@Test
	void randomHeadersAreShortAndTheirLengthFieldFits() throws Exception {
		String random = "b -> b PA> random prob 0.25 count 1 mean (4, 70) cov (1, 0.5, 9)\n payload random { 1 * 70 }";
		String valid = broken("b -> b PA> text \"GET\" prob 0.25 count 1 mean (4, 70) cov (1, 0.5, 9)", random)
				.replace("payload text { 1 * \"GET /\" }", "");
		List<Issue> none = issues(valid);
		assertTrue(none.isEmpty(), none::toString);
		assertTrue(issues(valid.replace("{ 1 * 70 }", "{ 1 * 70 } header \"FwMD\" length at 3 width 2 plus 5")).isEmpty());
		single(valid.replace("{ 1 * 70 }", "{ 1 * 70 } header \"FwMD\" length at 3 width 3 plus 5"), IssueCodes.RANDOM_HEADER);
		single(valid.replace("{ 1 * 70 }", "{ 1 * 70 } header \"FwMD\" length at 63 width 2 plus 5"), IssueCodes.RANDOM_HEADER);
		String long_ = java.util.Base64.getEncoder().encodeToString(new byte[65]);
		single(valid.replace("{ 1 * 70 }", "{ 1 * 70 } header \"" + long_ + "\""), IssueCodes.RANDOM_HEADER);
	}

	@Test
	void emptyPayloadPoolWithPositiveWeight() throws Exception {
		single(broken("payload text { 1 * \"GET /\" }", "payload text { }"), IssueCodes.EMPTY_PAYLOAD_POOL);
		single(broken("payload text { 1 * \"GET /\" }", "payload text { 0 * \"GET /\" }"), IssueCodes.EMPTY_PAYLOAD_POOL);
	}

	@Test
	void parsedConnectionsWithinThoseLearnedFrom() throws Exception {
		String withProvenance = broken("state a initial", "provenance {\n\t\tconnections 3 parsed 2\n\t}\n\tstate a initial");
		assertTrue(issues(withProvenance).stream().noneMatch(i -> IssueCodes.PARSED_CONNECTIONS.equals(i.getCode())));
		single(withProvenance.replace("parsed 2", "parsed 4"), IssueCodes.PARSED_CONNECTIONS);
	}

	@Test
	void negativeCount() throws Exception {
		single(broken("count 3 mean", "count -3 mean"), IssueCodes.NEGATIVE_COUNT);
	}

	@Test
	void noiseRatesOutOfRange() throws Exception {
		single(broken("missing 0.01", "missing 1.2"), IssueCodes.NOISE_RATE_RANGE);
	}

	@Test
	void tokensOnPayloadsOnly() throws Exception {
		String records = broken("b -> b PA> text \"GET\" prob 0.25 count 1 mean (4, 70) cov (1, 0.5, 9)",
				"b -> b PA> random \"ccs+data\" prob 0.25 count 1 mean (4, 70) cov (1, 0.5, 9)\n payload random { 1 * 70 }")
				.replace("payload text { 1 * \"GET /\" }", "");
		assertEquals(List.of(), issues(records));
		// the grammar cannot write a token without a payload class; a model built in code can
		Automaton automaton = parser.parse(VALID);
		((PacketSymbol) automaton.getEdges().get(0).getSymbol()).setToken("handshake");
		List<Issue> issues = validation.validate(automaton);
		assertEquals(List.of(IssueCodes.PAYLOAD_MISMATCH), issues.stream().map(Issue::getCode).toList(), issues::toString);
	}

	@Test
	void portOutOfRange() throws Exception {
		single(broken("ports 80", "ports 80, 70000"), IssueCodes.INVALID_PORT);
	}

	@Test
	void portWeightsNameEveryPortOnce() throws Exception {
		assertTrue(issues(broken("ports 80", "ports 280 * 80, 20 * 8080")).isEmpty());
		single(broken("ports 80", "ports 280 * 80, 8080"), IssueCodes.PORT_WEIGHT);
		// the repeated port is stored once: its two weights no longer line up with the ports
		single(broken("ports 80", "ports 280 * 80, 20 * 80"), IssueCodes.PORT_WEIGHT);
		single(broken("ports 80", "ports 0 * 80, 0 * 8080"), IssueCodes.PORT_WEIGHT);
		single(broken("ports 80", "ports -1 * 80, 3 * 8080"), IssueCodes.PORT_WEIGHT);
	}

	@Test
	void letterBoundsMakeARange() throws Exception {
		String bounded = broken("b -> z $ prob 0.75 count 3", "b -> z $ prob 0.75 count 3 at 4 to 9");
		List<Issue> none = issues(bounded);
		assertTrue(none.isEmpty(), none::toString);
		assertEquals(4, parser.parse(bounded).getEdges().get(2).getFirstLetter());
		single(bounded.replace("at 4 to 9", "at 9 to 4"), IssueCodes.LETTER_BOUNDS);
		single(bounded.replace("at 4 to 9", "at -1 to 4"), IssueCodes.LETTER_BOUNDS);
	}

	@Test
	void anEdgesVariantPlacesMakeARangeInsideItsOwn() throws Exception {
		String placed = broken("b -> z $ prob 0.75 count 3", "b -> z $ prob 0.75 count 3 at 4 to 9 variants 0 at 4 to 5, 1 to 2 at 6 to 9");
		List<Issue> none = issues(placed);
		assertTrue(none.isEmpty(), none::toString);
		VariantRange second = parser.parse(placed).getEdges().get(2).getVariants().get(1);
		assertEquals(List.of(1, 2, 6, 9), List.of(second.getFirst(), second.getLast(), second.getFirstLetter(), second.getLastLetter()));
		single(placed.replace("at 6 to 9", "at 9 to 6"), IssueCodes.LETTER_BOUNDS);
		single(placed.replace("at 6 to 9", "at 6 to 10"), IssueCodes.LETTER_BOUNDS);
		single(placed.replace("0 at 4 to 5", "0 at 3 to 5"), IssueCodes.LETTER_BOUNDS);
	}

	@Test
	void aPoolEntrySaysWhichMessageItAnswered() throws Exception {
		String answering = broken("payload text { 1 * \"GET /\" }", "payload text { 1 * \"GET /\" at 3 to 7 after \"EHLO\" }")
				.replace("b -> z $ prob 0.75 count 3", "b -> b PA< text \"EHLO\" prob 0.25 count 1 mean (4, 70) cov (1, 0.5, 9)\n"
						+ "b -> z $ prob 0.5 count 3");
		List<Issue> none = issues(answering);
		assertTrue(none.isEmpty(), none::toString);
		TextPayload text = (TextPayload) parser.parse(answering).getEdges().stream().filter(e -> e.getPayload() != null)
				.findFirst().orElseThrow().getPayload();
		assertEquals("EHLO", text.getEntries().get(0).getAnswers());
		single(answering.replace("after \"EHLO\"", "after \"NOOP\""), IssueCodes.UNKNOWN_ANSWER);
	}

	@Test
	void aPoolEntrysLetterBoundsMakeARange() throws Exception {
		String placed = broken("payload text { 1 * \"GET /\" }", "payload text { 1 * \"GET /\" at 3 to 7 }");
		List<Issue> none = issues(placed);
		assertTrue(none.isEmpty(), none::toString);
		TextPayload text = (TextPayload) parser.parse(placed).getEdges().stream().filter(e -> e.getPayload() != null)
				.findFirst().orElseThrow().getPayload();
		assertEquals(3, text.getEntries().get(0).getFirstLetter());
		assertEquals(7, text.getEntries().get(0).getLastLetter());
		single(placed.replace("at 3 to 7", "at 7 to 3"), IssueCodes.LETTER_BOUNDS);
	}

	@Test
	void aJoinedEntrysFirstSegmentIsPartOfItsBytes() throws Exception {
		// "AAECAwQFBgc=": 8 bytes, of which a 3-byte first segment
		String joined = broken("payload text { 1 * \"GET /\" }", "payload replay { 1 * \"AAECAwQFBgc=\" segment 3 at 3 to 7 }")
				.replace("PA> text", "PA> replay");
		List<Issue> none = issues(joined);
		assertTrue(none.isEmpty(), none::toString);
		ReplayPayload replay = (ReplayPayload) parser.parse(joined).getEdges().stream().filter(e -> e.getPayload() != null)
				.findFirst().orElseThrow().getPayload();
		assertEquals(3, replay.getEntries().get(0).getSegment());
		assertEquals(3, replay.getEntries().get(0).getFirstLetter());
		single(joined.replace("segment 3", "segment 8"), IssueCodes.SEGMENT_LENGTH);
		single(joined.replace("segment 3", "segment -2"), IssueCodes.SEGMENT_LENGTH);
		assertTrue(issues(joined.replace("segment 3", "segment 0")).isEmpty(), "0: one segment holds the bytes");
	}

	@Test
	void variantWeightsMakeADistributionOverTheVariantsEntriesName() throws Exception {
		String pinned = broken("payload text { 1 * \"GET /\" }", "payload text { 1 * \"GET /\" variants 0 to 2 }");
		String weighted = pinned.replace("ports 80\n", "ports 80\nvariants weighted 3, 1 unpinned 2\n");
		List<Issue> none = issues(weighted);
		assertTrue(none.isEmpty(), none::toString);
		Automaton automaton = parser.parse(weighted);
		assertEquals(List.of(3, 1), automaton.getVariantWeights());
		assertEquals(2, automaton.getUnpinnedWeight());
		assertTrue(issues(weighted.replace(" unpinned 2", "")).isEmpty(), "unpinned is optional");
		single(weighted.replace("weighted 3, 1", "weighted 3, -1"), IssueCodes.VARIANT_WEIGHT);
		single(weighted.replace("3, 1 unpinned 2", "0, 0"), IssueCodes.VARIANT_WEIGHT);
		// variant 2 is the unpinned connections' after two weights; after one weight, it is named by no one: a warning
		Issue beyond = single(weighted.replace("3, 1", "3"), IssueCodes.VARIANT_WEIGHT);
		assertEquals(Severity.WARNING, beyond.getSeverity());
	}

	@Test
	void variantLengthsGiveEachWeightedVariantARange() throws Exception {
		String pinned = broken("payload text { 1 * \"GET /\" }", "payload text { 1 * \"GET /\" variants 0 to 2 }");
		String lengths = pinned.replace("ports 80\n", "ports 80\nvariants weighted 3, 1 unpinned 2 lengths 4 to 8, 6 to 6\n");
		List<Issue> none = issues(lengths);
		assertTrue(none.isEmpty(), none::toString);
		Automaton automaton = parser.parse(lengths);
		assertEquals(List.of(4, 6), automaton.getVariantShortest());
		assertEquals(List.of(8, 6), automaton.getVariantLongest());
		single(lengths.replace(", 6 to 6", ""), IssueCodes.VARIANT_LENGTHS);
		single(lengths.replace("6 to 6", "6 to 5"), IssueCodes.VARIANT_LENGTHS);
	}

	@Test
	void letterCountsMakeADistributionOverLengths() throws Exception {
		String counted = broken("ports 80\n", "ports 80\nletters 37 * 2, 12 * 10 to 19\n");
		List<Issue> none = issues(counted);
		assertTrue(none.isEmpty(), none::toString);
		Automaton automaton = parser.parse(counted);
		assertEquals(List.of(2, 10), automaton.getLetterCounts().stream().map(c -> c.getFirst()).toList());
		assertEquals(List.of(-1, 19), automaton.getLetterCounts().stream().map(c -> c.getLast()).toList());
		single(counted.replace("10 to 19", "10 to 9"), IssueCodes.LETTER_COUNTS);
		Issue negative = single(counted.replace("37 * 2", "-37 * 2"), IssueCodes.LETTER_COUNTS);
		assertTrue(negative.getMessage().endsWith("found -37 * 2"), negative.getMessage());
		single(counted.replace("37 * 2, 12", "0 * 2, 0"), IssueCodes.LETTER_COUNTS);
	}

	@Test
	void randomLengthsTakeVariantRanges() throws Exception {
		String text = broken("payload text { 1 * \"GET /\" }",
				"payload random { 3 * 308 variants 0 to 4, 7, 2 * 420 variants 5, 1 * 44 }").replace("PA> text \"GET\"", "PA> random");
		List<Issue> none = issues(text);
		assertTrue(none.isEmpty(), none::toString);
		Automaton automaton = parser.parse(text);
		RandomPayload pool = (RandomPayload) automaton.getEdges().get(1).getPayload();
		assertEquals(List.of(308, 420, 44), pool.getLengths().stream().map(WeightedLength::getLength).toList());
		assertEquals("{0, 1, 2, 3, 4, 7}", PayloadVariants.of(pool.getLengths().get(0).getVariants()).toString());
		assertEquals(List.of(5), pool.getLengths().get(1).getVariants().stream().map(VariantRange::getFirst).toList());
		assertTrue(pool.getLengths().get(2).getVariants().isEmpty());
		single(text.replace("variants 5,", "variants 4096,"), IssueCodes.VARIANT_RANGE);
	}

	@Test
	void unresolvedStateIsOneLinkingError() throws Exception {
		Automaton automaton = parser.parse(broken("a -> b S>", "a -> nowhere S>"));
		List<Issue> issues = validation.validate(automaton);
		List<Issue> errors = issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		assertEquals(1, errors.size(), issues::toString);
		assertTrue(errors.get(0).getMessage().contains("nowhere"));
		validation.assertError(automaton, Literals.EDGE, org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC);
	}
}
