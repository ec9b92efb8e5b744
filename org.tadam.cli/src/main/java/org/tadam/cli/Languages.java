package org.tadam.cli;

import org.tadam.dsl.TadamStandaloneSetup;
import org.tadam.dsl.io.ModelFiles;

import com.google.inject.Injector;

/** The TADAM language, set up once per process (creating the Xtext injector takes a moment). */
final class Languages {

	private static Injector injector;

	private Languages() {
	}

	static synchronized Injector injector() {
		if (injector == null) {
			injector = TadamStandaloneSetup.doSetup();
		}
		return injector;
	}

	static ModelFiles modelFiles() {
		return injector().getInstance(ModelFiles.class);
	}
}
