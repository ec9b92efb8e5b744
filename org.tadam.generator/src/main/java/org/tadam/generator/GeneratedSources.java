package org.tadam.generator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tadam.model.Scenario;

/**
 * The files emitted for a scenario: one Java source per automaton, the scenario's main class, and one payload
 * resource per automaton. Paths are relative to a source root, with '/' separators, in a stable order.
 */
public final class GeneratedSources {

	public final GeneratorOptions options;
	public final Map<String, String> javaFiles = new LinkedHashMap<>();
	public final Map<String, byte[]> resources = new LinkedHashMap<>();

	private GeneratedSources(GeneratorOptions options) {
		this.options = options;
	}

	public static GeneratedSources generate(Scenario scenario, GeneratorOptions options) {
		ScenarioPlan plan = new ScenarioPlan(scenario);
		GeneratedSources sources = new GeneratedSources(options);
		String directory = options.packagePath() + "/";
		AutomatonClassTemplate automatonTemplate = new AutomatonClassTemplate();
		for (ScenarioPlan.Use use : plan.uses) {
			sources.javaFiles.put(directory + use.className() + ".java",
					automatonTemplate.generate(use.tables(), use.className(), options));
			sources.resources.put(directory + AutomatonClassTemplate.resourceName(use.className()), use.tables().poolResource());
		}
		sources.javaFiles.put(directory + options.mainClass() + ".java", new ScenarioMainTemplate().generate(plan, options));
		return sources;
	}
}
