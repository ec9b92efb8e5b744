package org.tadam.dsl.ui.commands;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** The workspace files selected in the Project Explorer (or any structured view) when a command runs. */
final class SelectedFiles {

	private SelectedFiles() {
	}

	static List<IFile> of(ExecutionEvent event, String... extensions) {
		List<IFile> files = new ArrayList<>();
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		if (selection instanceof IStructuredSelection structured) {
			for (Object element : structured) {
				IFile file = Adapters.adapt(element, IFile.class);
				if (file != null && List.of(extensions).contains(file.getFileExtension())) {
					files.add(file);
				}
			}
		}
		return files;
	}
}
