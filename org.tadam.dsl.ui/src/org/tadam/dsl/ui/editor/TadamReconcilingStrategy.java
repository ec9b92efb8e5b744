package org.tadam.dsl.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.core.runtime.IProgressMonitor;
import org.tadam.dsl.ui.TadamUiPlugin;

/** Validation as you type: after a pause in typing, parse and validate the whole text (models are small). */
class TadamReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private final TadamEditor editor;

	TadamReconcilingStrategy(TadamEditor editor) {
		this.editor = editor;
	}

	@Override
	public void setDocument(IDocument document) {
		// the editor's current document is read on each reconcile
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		// a reconcile takes milliseconds; nothing to report
	}

	@Override
	public void initialReconcile() {
		reconcile();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		reconcile();
	}

	@Override
	public void reconcile(IRegion partition) {
		reconcile();
	}

	private void reconcile() {
		try {
			ParsedModel model = editor.getModel();
			if (model != null) {
				model.issues();
				editor.reconciled(model);
			}
		} catch (RuntimeException e) {
			TadamUiPlugin.log("Validating " + editor.getTitle() + " failed", e);
		}
	}
}
