package org.tadam.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.tadam.model.Automaton;

/**
 * Validates a model that was not read from a .tadam or .xmi file (an imported Fos-R automaton) exactly as
 * {@code tadam validate} would validate the file it becomes: through its canonical text, so that the check also
 * covers what the text can express.
 */
final class ModelCheck {

	private ModelCheck() {
	}

	static List<Issue> issues(Automaton automaton) {
		String text = Languages.modelFiles().toText(automaton);
		Resource resource = Languages.modelFiles().newResourceSet().createResource(URI.createURI("memory:/imported.tadam"));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		} catch (IOException e) {
			throw new IllegalStateException("cannot read back the canonical text of a model", e);
		}
		return Languages.injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
				CancelIndicator.NullImpl);
	}

	/** {@code org.tadam.dsl.validation.IssueCodes.probability_sum} → {@code probability_sum}. */
	static String shortCode(String code) {
		if (code == null) {
			return "";
		}
		int dot = code.lastIndexOf('.');
		return dot < 0 ? code : code.substring(dot + 1);
	}
}
