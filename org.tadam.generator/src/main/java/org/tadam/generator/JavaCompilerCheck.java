package org.tadam.generator;

import java.util.function.Supplier;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiling a generator needs javac, which a JDK has and a JRE does not. Checked before any work, so that a
 * user on a JRE learns at once what to install instead of after the model has been read and translated.
 */
public final class JavaCompilerCheck {

	private JavaCompilerCheck() {
	}

	/** The compiler of the running JDK. */
	public static JavaCompiler require() throws ScenarioCompiler.CompileException {
		return require(ToolProvider::getSystemJavaCompiler, System.getProperty("java.home"));
	}

	static JavaCompiler require(Supplier<JavaCompiler> lookup, String javaHome) throws ScenarioCompiler.CompileException {
		JavaCompiler compiler = lookup.get();
		if (compiler == null) {
			throw new ScenarioCompiler.CompileException(missingMessage(javaHome));
		}
		return compiler;
	}

	static String missingMessage(String javaHome) {
		return "compiling a generator needs a JDK (javac), and the Java at " + javaHome + " is a runtime without one. "
				+ "Install a JDK 17 or newer (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless) and run tadam "
				+ "with it, e.g. JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 ./tadam compile ...";
	}
}
