package org.tadam.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.tadam.dsl.ui.editor.TadamEditor;

/** Files, editors and waiting in the test workbench (tests run in the UI thread). */
final class WorkbenchSupport {

	/** A valid model in canonical layout, with a comment, a string and a self-loop. */
	static final String VALID = """
			// a tiny request/response protocol
			automaton ping {
				protocol udp
				service "ping" ports 7

				state s0 initial
				state s1
				state s2 end

				s0 -> s1 > prob 1 count 10
				s1 -> s1 > prob 0.2 count 2
				s1 -> s2 $ prob 0.8 count 8
			}
			""";

	/** The outgoing probabilities of 'a' sum to 0.9. */
	static final String INVALID = """
			automaton broken {
				protocol tcp

				state a initial
				state b
				state c end

				a -> b S> prob 0.5 count 5
				a -> b SA> prob 0.4 count 4
				b -> c $ prob 1 count 9
			}
			""";

	private WorkbenchSupport() {
	}

	static IFile createFile(String name, String text) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("tadam-ui-tests");
		if (!project.exists()) {
			project.create(null);
		}
		if (!project.isOpen()) {
			project.open(null);
		}
		IFile file = project.getFile(name);
		ByteArrayInputStream content = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(content, true, false, null);
		} else {
			file.create(content, true, null);
		}
		return file;
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	static TadamEditor open(IFile file) throws CoreException {
		return (TadamEditor) IDE.openEditor(page(), file, true);
	}

	/** Runs the event loop until the condition holds; reconciles and marker jobs finish in the meantime. */
	static void waitUntil(String what, BooleanSupplier condition) {
		waitUntil(what, condition, 15_000);
	}

	static void waitUntil(String what, BooleanSupplier condition, long timeoutMillis) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				fail("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> { });
				display.sleep();
			}
		}
	}
}
