package org.tadam.fosr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.tadam.dsl.TadamStandaloneSetup;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.model.Automaton;

import com.google.inject.Injector;

/**
 * The DSL's view of a model (test only: the module itself depends on the model and Jackson alone): canonical
 * .tadam text, parsed back and validated as {@code tadam validate} would.
 */
final class DslCheck {

	private static Injector injector;

	/** The parsed text and the validator's errors (warnings are left out). */
	record Checked(String text, Automaton parsed, List<String> errors) {
	}

	private DslCheck() {
	}

	private static synchronized Injector injector() {
		if (injector == null) {
			injector = new TadamStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	static ModelFiles files() {
		return injector().getInstance(ModelFiles.class);
	}

	static Automaton load(Path file) throws ModelFileException {
		ModelFiles.Loaded loaded = files().load(file);
		if (loaded.hasErrors()) {
			throw new AssertionError(file + " has errors: " + loaded.issues());
		}
		return loaded.automaton();
	}

	static Checked check(Automaton automaton) {
		String text = files().toText(automaton);
		XtextResourceSet set = injector().getInstance(XtextResourceSet.class);
		Resource resource = set.createResource(URI.createURI("memory:/checked.tadam"));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		} catch (IOException e) {
			throw new AssertionError(e);
		}
		List<Issue> issues = injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
				CancelIndicator.NullImpl);
		List<String> errors = issues.stream().filter(i -> i.getSeverity() == Severity.ERROR)
				.map(i -> i.getLineNumber() + ": " + i.getMessage()).toList();
		return new Checked(text, (Automaton) resource.getContents().get(0), errors);
	}
}
