package org.tadam.dsl.ui.commands;

import org.eclipse.core.runtime.Platform;

/**
 * Says which part of TADAM a command needs when it is not there. The generator and the learner are developed as
 * separate modules (#6 wires the commands as soon as they offer an API for it); until then a command explains what
 * is missing instead of failing.
 */
final class MissingModules {

	private MissingModules() {
	}

	/** Null when the bundle is installed, else a sentence naming it and the command-line alternative. */
	static String missing(String bundle, String feature, String commandLine) {
		if (Platform.getBundle(bundle) == null) {
			return feature + " needs the bundle '" + bundle + "', which is not installed in this Eclipse. "
					+ "Install it from the TADAM update site, or run `" + commandLine + "` from a TADAM build.";
		}
		return null;
	}
}
