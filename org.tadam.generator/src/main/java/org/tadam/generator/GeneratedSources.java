package org.tadam.generator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tadam.model.Scenario;

/**
 * The files emitted for a scenario: per automaton a Java source, its compiled walk and two resources (tables and
 * payload pools); the scenario's main class and its walk. Paths are relative to a source root, with '/' separators, in a stable order.
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
			sources.javaFiles.put(directory + WalkSource.className(use.className()) + ".java",
					WalkSource.automaton(use.tables(), use.className(), options));
			sources.resources.put(directory + AutomatonClassTemplate.resourceName(use.className()), use.tables().poolResource());
			sources.resources.put(directory + TableResource.name(use.className()), TableResource.of(use.tables()));
		}
		sources.javaFiles.put(directory + options.mainClass() + ".java", new ScenarioMainTemplate().generate(plan, options));
		sources.javaFiles.put(directory + WalkSource.className(options.mainClass()) + ".java", WalkSource.scenario(plan.uses, options));
		return sources;
	}
}
