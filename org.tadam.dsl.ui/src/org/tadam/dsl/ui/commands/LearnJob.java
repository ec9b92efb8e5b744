package org.tadam.dsl.ui.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import org.tadam.learner.capture.CaptureIngest;
import org.tadam.learner.capture.IngestOptions;
import org.tadam.learner.capture.IngestReport;
import org.tadam.learner.capture.word.TimedWord;
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
			// one automaton per service and protocol (DNS runs over UDP and TCP)
			Map<String, Map<String, List<TimedWord>>> byService = new TreeMap<>();
			IngestReport report = new CaptureIngest(options).words(List.of(input),
					word -> byService.computeIfAbsent(word.service(), s -> new TreeMap<>())
							.computeIfAbsent(word.connection().protocolName(), p -> new ArrayList<>()).add(word));
			progress.worked(20);
			if (byService.isEmpty()) {
				return Status.warning(capture.getName() + ": no connections to learn from. " + report.summary());
			}
			ModelFiles models = TadamUiPlugin.getDefault().getInjector().getInstance(ModelFiles.class);
			String base = capture.getName().substring(0, capture.getName().lastIndexOf('.'));
			List<String> written = new ArrayList<>();
			List<String[]> groups = new ArrayList<>();
			byService.forEach((service, byProtocol) -> byProtocol.keySet().forEach(protocol -> groups.add(
					new String[] { service, protocol, byProtocol.size() == 1 ? service : service + "_" + protocol })));
			SubMonitor learning = progress.split(75).setWorkRemaining(groups.size());
			for (String[] group : groups) {
				if (learning.isCanceled()) {
					break;
				}
				List<TimedWord> words = byService.get(group[0]).get(group[1]);
				String name = ModelExporter.identifier(base + "_" + group[2]);
				learning.subTask("Learning " + name + " from " + words.size() + " connections");
				TadamLearner learner = new TadamLearner(LearnerOptions.defaults().withListener(
						(iteration, bits, operation, candidates) -> learning.subTask("Learning " + name + ": iteration " + iteration
								+ ", " + Math.round(bits) + " bits")));
				learner.addSamples(words);
				running = learner;
				LearnedModel learned = learner.computeModel();
				running = null;
				Automaton automaton = ModelExporter.toModel(learned, new ModelExporter.Info(name, group[1], group[0], null, null,
						options.quantisation(), List.of(capture.getName())));
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
