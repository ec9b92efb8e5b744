package org.tadam.dsl.ui.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.dsl.ui.TadamUiPlugin;
import org.tadam.learner.LearnedModel;
import org.tadam.learner.LearnerOptions;
import org.tadam.learner.TadamLearner;
import org.tadam.capture.CaptureIngest;
import org.tadam.capture.IngestOptions;
import org.tadam.capture.IngestReport;
import org.tadam.capture.ServiceGroups;
import org.tadam.learner.export.ModelExporter;
import org.tadam.model.Automaton;

/**
 * Learns one model per service from a capture and writes CAPTURE-SERVICE.tadam beside it: ingestion, then the
 * TADAM search per service, with progress and cancellation (a cancelled search keeps its best model so far).
 * Only loaded when the org.tadam.learner bundle is installed (it is an optional dependency).
 */
public final class LearnJob extends Job {

	private final IFile capture;
	private volatile TadamLearner running;

	public LearnJob(IFile capture) {
		super("Learning TADAM models from " + capture.getName());
		this.capture = capture;
		setUser(true);
		setRule(capture.getParent());
	}

	@Override
	protected void canceling() {
		TadamLearner learner = running;
		if (learner != null) {
			learner.requestStop();
		}
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == TadamUiPlugin.COMMAND_JOBS;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, getName(), 100);
		Path input = capture.getLocation().toFile().toPath();
		try {
			progress.subTask("Reading " + capture.getName());
			IngestOptions options = IngestOptions.defaults();
			ServiceGroups groups = new ServiceGroups(false);
			IngestReport report = new CaptureIngest(options).words(List.of(input), groups::add);
			progress.worked(20);
			if (groups.isEmpty()) {
				return Status.warning(capture.getName() + ": no connections to learn from. " + report.summary());
			}
			ModelFiles models = TadamUiPlugin.getDefault().getInjector().getInstance(ModelFiles.class);
			String base = capture.getName().substring(0, capture.getName().lastIndexOf('.'));
			List<String> written = new ArrayList<>();
			SubMonitor learning = progress.split(75).setWorkRemaining(groups.groups().size());
			for (ServiceGroups.Group group : groups.groups()) {
				if (learning.isCanceled()) {
					break;
				}
				String name = ModelExporter.identifier(base + "_" + groups.label(group, "_"));
				learning.subTask("Learning " + name + " from " + group.words().size() + " connections");
				TadamLearner learner = new TadamLearner(LearnerOptions.defaults().withListener(
						(iteration, bits, operation, candidates) -> learning.subTask("Learning " + name + ": iteration " + iteration
								+ ", " + Math.round(bits) + " bits")));
				learner.addSamples(group.words());
				running = learner;
				LearnedModel learned = learner.computeModel();
				running = null;
				// the server ports seen go into the model, so that Generate can run on it as it is
				Automaton automaton = ModelExporter.toModel(learned, new ModelExporter.Info(name, group.protocol(), group.service(),
						List.copyOf(group.ports()), null, options.quantisation(), List.of(capture.getName())));
				Path target = input.resolveSibling(name + "." + ModelFiles.TEXT_EXTENSION);
				models.save(automaton, target);
				written.add(target.getFileName().toString());
				learning.worked(1);
			}
			capture.getParent().refreshLocal(IResource.DEPTH_ONE, progress.split(5));
			return written.isEmpty() ? Status.CANCEL_STATUS : Status.info("Wrote " + String.join(", ", written));
		} catch (ModelFileException | RuntimeException e) {
			return Status.error("Learning from " + capture.getName() + " failed: " + e.getMessage(), e);
		} catch (CoreException e) {
			return e.getStatus();
		}
	}
}
