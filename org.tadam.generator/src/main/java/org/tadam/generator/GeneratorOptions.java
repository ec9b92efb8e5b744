package org.tadam.generator;

import java.util.Locale;

/**
 * How a scenario is turned into Java: the package of the emitted classes and the name of the main class.
 *
 * @param javaPackage package of every emitted class (a valid, dotted Java name)
 * @param mainClass simple name of the scenario's main class
 */
public record GeneratorOptions(String javaPackage, String mainClass) {

	public GeneratorOptions {
		if (!JavaNames.isQualifiedName(javaPackage)) {
			throw new IllegalArgumentException("not a Java package name: " + javaPackage);
		}
		if (!JavaNames.isIdentifier(mainClass)) {
			throw new IllegalArgumentException("not a Java class name: " + mainClass);
		}
	}

	/** Defaults for a scenario: package {@code tadam.generated.<name>}, main class {@code <Name>Generator}. */
	public static GeneratorOptions forScenario(String scenarioName) {
		String simple = JavaNames.className(scenarioName, "Generator");
		String segment = simple.substring(0, simple.length() - "Generator".length()).toLowerCase(Locale.ROOT);
		return new GeneratorOptions("tadam.generated." + JavaNames.identifier(segment.isEmpty() ? "scenario" : segment),
				simple);
	}

	public String qualifiedMainClass() {
		return javaPackage + "." + mainClass;
	}

	/** Directory of the package inside a source tree or jar, with '/' separators. */
	public String packagePath() {
		return javaPackage.replace('.', '/');
	}
}
