package org.tadam.dsl.ui.editor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.tadam.dsl.ui.outline.TadamOutlinePage;

/**
 * The .tadam editor: a platform text editor whose language services (colouring, validation, content assist, hover,
 * quick fix, outline, format, go to state) all run the TADAM Xtext language in-process.
 */
public class TadamEditor extends TextEditor {

	public static final String FORMAT_COMMAND = "org.tadam.dsl.ui.format";
	public static final String OPEN_DECLARATION_COMMAND = "org.tadam.dsl.ui.openDeclaration";
	public static final String EDITOR_SCOPE = "org.tadam.dsl.ui.tadamEditorScope";

	private final List<Consumer<ParsedModel>> modelListeners = new CopyOnWriteArrayList<>();
	private volatile ParsedModel latest;
	private TadamOutlinePage outline;

	public TadamEditor() {
		setSourceViewerConfiguration(new TadamSourceViewerConfiguration(this, getPreferenceStore()));
	}

	@Override
	protected void initializeKeyBindingScopes() {
		setKeyBindingScopes(new String[] { EDITOR_SCOPE });
	}

	@Override
	protected void createActions() {
		super.createActions();
		Action format = new Action("Format") {
			@Override
			public void run() {
				ITextOperationTarget target = getAdapter(ITextOperationTarget.class);
				if (target != null && target.canDoOperation(ISourceViewer.FORMAT)) {
					target.doOperation(ISourceViewer.FORMAT);
				}
			}
		};
		format.setActionDefinitionId(FORMAT_COMMAND);
		setAction("Format", format);
		Action open = new Action("Go to State") {
			@Override
			public void run() {
				StateHyperlinkDetector.openDeclaration(TadamEditor.this);
			}
		};
		open.setActionDefinitionId(OPEN_DECLARATION_COMMAND);
		setAction("OpenDeclaration", open);
	}

	@Override
	protected void editorContextMenuAboutToShow(IMenuManager menu) {
		super.editorContextMenuAboutToShow(menu);
		addAction(menu, ITextEditorActionConstants.GROUP_EDIT, "Format");
		addAction(menu, ITextEditorActionConstants.GROUP_EDIT, "OpenDeclaration");
	}

	public IDocument getDocument() {
		return getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
	}

	/** The workspace file being edited, or null for files outside the workspace. */
	public IFile getFile() {
		IEditorInput input = getEditorInput();
		return input instanceof IFileEditorInput fileInput ? fileInput.getFile() : null;
	}

	/** The parse of the current text; parses again only when the text changed since the last call. */
	public ParsedModel getModel() {
		IDocument document = getDocument();
		if (document == null) {
			return null;
		}
		String text = document.get();
		ParsedModel model = latest;
		if (model == null || !model.text().equals(text)) {
			model = ParsedModel.parse(text, uri());
			latest = model;
		}
		return model;
	}

	private URI uri() {
		IFile file = getFile();
		if (file != null) {
			return URI.createPlatformResourceURI(file.getFullPath().toString(), true);
		}
		return URI.createURI("memory:/" + getEditorInput().getName());
	}

	/** Called after each reconcile (in the reconciler's thread) with the validated model. */
	public void addModelListener(Consumer<ParsedModel> listener) {
		modelListeners.add(listener);
	}

	public void removeModelListener(Consumer<ParsedModel> listener) {
		modelListeners.remove(listener);
	}

	void reconciled(ParsedModel model) {
		IFile file = getFile();
		if (file != null) {
			ProblemMarkers.update(file, model.issues());
		}
		modelListeners.forEach(listener -> listener.accept(model));
	}

	/** Selects and reveals a region of the text (outline, diagram and hyperlinks navigate through this). */
	public void reveal(int[] region) {
		if (region != null) {
			selectAndReveal(region[0], region[1]);
		}
	}

	@Override
	public <T> T getAdapter(Class<T> type) {
		if (IContentOutlinePage.class.equals(type)) {
			if (outline == null) {
				outline = new TadamOutlinePage(this);
			}
			return type.cast(outline);
		}
		return super.getAdapter(type);
	}

	@Override
	public void dispose() {
		modelListeners.clear();
		super.dispose();
	}
}
