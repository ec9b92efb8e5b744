package org.tadam.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.tadam.model.Automaton;

import com.google.inject.Inject;

/** The validation issues of a model text that parses without syntax errors (injected into the validation tests). */
public class ModelIssues {

	@Inject
	private ParseHelper<Automaton> parser;

	@Inject
	private ValidationTestHelper validation;

	public List<Issue> of(String text) throws Exception {
		Automaton automaton = parser.parse(text);
		assertTrue(automaton.eResource().getErrors().isEmpty(), () -> "syntax errors: " + automaton.eResource().getErrors());
		return validation.validate(automaton);
	}
}
