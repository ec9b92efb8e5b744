package org.tadam.generator;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.model.Scenario;

/**
 * What a generator is compiled from: a .tadamscenario (with the models it imports) or a single model, which
 * becomes a scenario of that automaton with defaults. The command line and the Eclipse command both read it here.
 *
 * @param scenario null when the file holds nothing usable (see the issues)
 * @param issues the problems of the file and of the models it imports
 */
public record GeneratorInput(Scenario scenario, List<Issue> issues) {

	public static GeneratorInput load(ModelFiles models, Path file) throws ModelFileException {
		if (ModelFiles.SCENARIO_EXTENSION.equals(ModelFiles.extension(file))) {
			ModelFiles.LoadedScenario loaded = models.loadScenario(file);
			return new GeneratorInput(loaded.scenario(), loaded.issues());
		}
		ModelFiles.Loaded loaded = models.load(file);
		return new GeneratorInput(loaded.automaton() == null ? null : ScenarioPlan.scenarioOf(loaded.automaton()), loaded.issues());
	}

	public long errors() {
		return issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).count();
	}
}
