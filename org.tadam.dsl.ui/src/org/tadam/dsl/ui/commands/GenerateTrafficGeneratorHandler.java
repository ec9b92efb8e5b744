package org.tadam.dsl.ui.commands;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Project Explorer › Generate traffic generator, on .tadam and .tadamscenario files: a job per file writes
 * NAME.jar beside it, as `tadam compile` does.
 */
public class GenerateTrafficGeneratorHandler extends AbstractHandler {

	public static final String TITLE = "Generate traffic generator";

	@Override
	public Object execute(ExecutionEvent event) {
		List<IFile> models = SelectedFiles.of(event, "tadam", "tadamscenario");
		String missing = MissingModules.missing("org.tadam.generator", "Generating a traffic generator",
				"./tadam compile " + (models.isEmpty() ? "MODEL" : models.get(0).getName()));
		if (missing != null) {
			MessageDialog.openInformation(HandlerUtil.getActiveShell(event), TITLE, missing);
			return null;
		}
		// one job per file; the generator classes are only loaded here, once the bundle is known to be present
		models.forEach(model -> new GeneratorJob(model).schedule());
		return null;
	}
}
