package org.tadam.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.ISources;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.tadam.dsl.ui.TadamUiPlugin;
import org.tadam.dsl.ui.editor.ParsedModel;

/** The Project Explorer commands run the generator and the learner as jobs and write their files. */
class ProjectExplorerCommandsTest {

	/** Runs a command on a selected file, waits for its jobs and returns their results. */
	private static List<IStatus> run(String command, IFile file) throws Exception {
		List<IStatus> results = new ArrayList<>();
		JobChangeAdapter listener = new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				if (event.getJob().belongsTo(TadamUiPlugin.COMMAND_JOBS)) {
					synchronized (results) {
						results.add(event.getResult());
					}
				}
			}
		};
		Job.getJobManager().addJobChangeListener(listener);
		try {
			IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
			ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
			IEvaluationContext context = handlers.createContextSnapshot(false);
			context.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(file));
			handlers.executeCommandInContext(ParameterizedCommand.generateCommand(commands.getCommand(command), null), null, context);
			WorkbenchSupport.waitUntil("the jobs of " + command, () -> {
				synchronized (results) {
					return !results.isEmpty() && Job.getJobManager().find(TadamUiPlugin.COMMAND_JOBS).length == 0;
				}
			}, 60_000);
		} finally {
			Job.getJobManager().removeJobChangeListener(listener);
		}
		return results;
	}

	/** The test capture (an HTTP fixture of the capture module), copied into the workspace under this name. */
	private static IFile testCapture(String name) throws Exception {
		IFile capture = WorkbenchSupport.createFile(name, "");
		try (InputStream in = Files.newInputStream(Path.of(System.getProperty("tadam.testCapture")))) {
			capture.setContents(in, true, false, null);
		}
		return capture;
	}

	@Test
	void generateWritesAGeneratorJarBesideTheModel() throws Exception {
		IFile model = WorkbenchSupport.createFile("ping.tadam", WorkbenchSupport.VALID);
		List<IStatus> results = run("org.tadam.dsl.ui.generate", model);
		assertEquals(IStatus.INFO, results.get(0).getSeverity(), results.get(0)::toString);
		IFile jar = model.getProject().getFile("ping.jar");
		assertTrue(jar.exists(), "the jar is in the workspace");
		assertTrue(jar.getLocation().toFile().length() > 1000);
	}

	@Test
	void learnWritesOneValidModelPerService() throws Exception {
		IFile capture = testCapture("web.pcap");
		List<IStatus> results = run("org.tadam.dsl.ui.learn", capture);
		assertEquals(IStatus.INFO, results.get(0).getSeverity(), results.get(0)::toString);
		List<IResource> learned = Arrays.stream(capture.getParent().members()).filter(r -> r.getName().startsWith("web_")
				&& r.getName().endsWith(".tadam")).toList();
		assertFalse(learned.isEmpty(), () -> results.get(0).getMessage());
		for (IResource file : learned) {
			String text = new String(((IFile) file).getContents().readAllBytes(), StandardCharsets.UTF_8);
			ParsedModel model = ParsedModel.parse(text, URI.createURI("memory:/" + file.getName()));
			assertTrue(model.issues().stream().noneMatch(i -> i.getSeverity() == Severity.ERROR), () -> file.getName() + ": " + model.issues());
		}
	}

	/** Issue 15: a model learned in the editor carries its service ports, so Generate works on it as it is. */
	@Test
	void aLearnedModelGeneratesAGeneratorThatWritesTraffic() throws Exception {
		IFile capture = testCapture("chain.pcap");
		List<IStatus> learnt = run("org.tadam.dsl.ui.learn", capture);
		assertEquals(IStatus.INFO, learnt.get(0).getSeverity(), learnt.get(0)::toString);
		IFile model = Arrays.stream(capture.getParent().members())
				.filter(r -> r.getName().startsWith("chain_") && r.getName().endsWith(".tadam"))
				.map(IFile.class::cast).findFirst().orElseThrow(() -> new AssertionError("no learned model: " + learnt));
		List<IStatus> generated = run("org.tadam.dsl.ui.generate", model);
		assertEquals(IStatus.INFO, generated.get(0).getSeverity(), generated.get(0)::toString);
		String name = model.getName().substring(0, model.getName().length() - ".tadam".length());
		IFile jar = model.getParent().getFile(new org.eclipse.core.runtime.Path(name + ".jar"));
		assertTrue(jar.exists(), () -> "no " + jar.getName() + " beside " + model.getName() + ": " + generated);

		// the generator runs outside Eclipse and writes a capture of the learned service
		Path pcap = Files.createTempFile("learned-", ".pcap");
		try {
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
					jar.getLocation().toOSString(), "--seed", "3", "--connections", "20", "-o", pcap.toString())
					.redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertEquals(0, process.waitFor(), output);
			assertTrue(Files.size(pcap) > 24 + 20 * 3 * 54, () -> "a capture of 20 connections: " + output);
		} finally {
			Files.deleteIfExists(pcap);
		}
	}
}
