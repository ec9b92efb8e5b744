package org.tadam.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tadam.dsl.validation.IssueCodes;

import com.google.inject.Inject;

/** Edges that can only produce an impossible TCP sequence are warned about, and only those. */
@ExtendWith(InjectionExtension.class)
@InjectWith(TadamInjectorProvider.class)
class TcpSequenceValidationTest {

	/** Handshake, then the client closes and, in a loop, sends payload. */
	private static final String AFTER_FIN = """
			automaton t {
				protocol tcp
				service "web" ports 80
				state a initial
				state b
				state c
				state d
				state z end
				a -> b S> prob 1 count 3 mean (0, 0) cov (1e-6, 0, 1e-6)
				b -> c SA< prob 1 count 3 mean (4, 0) cov (1, 0, 1e-6)
				c -> d FA> prob 1 count 3 mean (4, 0) cov (1, 0, 1e-6)
				d -> d PA> random prob 0.5 count 2 mean (4, 70) cov (1, 0.5, 9)
				d -> z $ prob 0.5 count 3
			}
			""";

	@Inject
	private ModelIssues validated;

	private List<Issue> issues(String text) throws Exception {
		return validated.of(text);
	}

	@Test
	void payloadAfterOwnFinOnEveryPath() throws Exception {
		List<Issue> issues = issues(AFTER_FIN);
		assertEquals(1, issues.size(), issues::toString);
		Issue issue = issues.get(0);
		assertEquals(IssueCodes.IMPOSSIBLE_TCP_SEQUENCE, issue.getCode());
		assertEquals(Severity.WARNING, issue.getSeverity());
		assertEquals("Edge 'd -> d PA> random' sends payload from the client after the client's FIN on every path into 'd':"
				+ " no stack sends it", issue.getMessage());
		assertEquals(12, issue.getLineNumber());
	}

	@Test
	void theOtherSideMaySendAfterAFin() throws Exception {
		assertEquals(List.of(), issues(AFTER_FIN.replace("d -> d PA> random", "d -> d PA< random")));
	}

	@Test
	void noWarningWhenSomePathHasNoFin() throws Exception {
		String maybe = AFTER_FIN.replace("c -> d FA> prob 1 count 3", "c -> d FA> prob 0.5 count 2")
				.replace("d -> z $", "c -> d A> prob 0.5 count 1 mean (4, 0) cov (1, 0, 1e-6)\n\td -> z $");
		assertEquals(List.of(), issues(maybe));
	}

	@Test
	void anythingAfterAReset() throws Exception {
		List<Issue> issues = issues(AFTER_FIN.replace("c -> d FA>", "c -> d R<").replace("d -> d PA> random", "d -> d A>")
				.replace("mean (4, 70) cov (1, 0.5, 9)", "mean (4, 0) cov (1, 0, 1e-6)"));
		assertEquals(1, issues.size(), issues::toString);
		assertEquals(IssueCodes.IMPOSSIBLE_TCP_SEQUENCE, issues.get(0).getCode());
		assertEquals(Severity.WARNING, issues.get(0).getSeverity());
		assertTrue(issues.get(0).getMessage().contains("can only follow a RST"), issues.get(0).getMessage());
	}

	@Test
	void udpHasNoTcpRules() throws Exception {
		String udp = """
				automaton u {
					protocol udp
					service "dns" ports 53
					state a initial
					state z end
					a -> a > replay prob 0.5 count 2 mean (4, 30) cov (1, 0, 1)
					a -> z $ prob 0.5 count 2
				}
				""";
		assertEquals(List.of(), issues(udp));
	}
}
