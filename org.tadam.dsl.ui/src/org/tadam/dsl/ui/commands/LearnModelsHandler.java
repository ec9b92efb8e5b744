package org.tadam.dsl.ui.commands;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Project Explorer › Learn TADAM models, on .pcap and .pcapng captures: a job per capture (with progress and
 * cancel) writes one .tadam model per service beside it.
 */
public class LearnModelsHandler extends AbstractHandler {

	public static final String TITLE = "Learn TADAM models";

	@Override
	public Object execute(ExecutionEvent event) {
		List<IFile> captures = SelectedFiles.of(event, "pcap", "pcapng");
		String missing = MissingModules.missing("org.tadam.learner", "Learning models from captures",
				"./tadam learn " + (captures.isEmpty() ? "CAPTURE" : captures.get(0).getName()));
		if (missing != null) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), TITLE, missing);
			return null;
		}
		// the learner classes are only loaded here, once the bundle is known to be present
		captures.forEach(capture -> new LearnJob(capture).schedule());
		return null;
	}
}
