package org.tadam.generator;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavaCompilerCheckTest {

	@Test
	void theTestJdkHasACompiler() throws Exception {
		assertNotNull(JavaCompilerCheck.require());
	}

	@Test
	void aRuntimeWithoutJavacIsToldWhatToInstall() {
		ScenarioCompiler.CompileException e = assertThrows(ScenarioCompiler.CompileException.class,
				() -> JavaCompilerCheck.require(() -> null, "/opt/jre-17"));
		assertTrue(e.getMessage().contains("/opt/jre-17"), e.getMessage());
		assertTrue(e.getMessage().contains("openjdk-17-jdk-headless"), e.getMessage());
		assertTrue(e.getMessage().contains("JAVA_HOME="), e.getMessage());
	}
}
