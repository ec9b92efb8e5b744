package org.tadam.dsl.ui.diagram;

import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IPropertyListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.tadam.diagram.AutomatonDiagram;
import org.tadam.diagram.AutomatonLayout;
import org.tadam.dsl.ui.TadamUiPlugin;
import org.tadam.dsl.ui.editor.ParsedModel;
import org.tadam.dsl.ui.editor.TadamEditor;
import org.tadam.model.Automaton;
import org.tadam.model.State;

/**
 * The Automaton Diagram view: the ELK layout of `tadam diagram` for the active TADAM editor, drawn with SWT.
 * It follows the active editor, redraws when the file is saved, and a click on a state selects its declaration.
 */
public class AutomatonDiagramView extends ViewPart {

	private ScrolledComposite scroller;
	private Canvas canvas;
	private DiagramPainter painter;
	private TadamEditor editor;
	private AutomatonDiagram diagram;
	private String message = "Open a .tadam file to see its automaton.";

	private final IPropertyListener saveListener = (source, property) -> {
		if (property == IEditorPart.PROP_DIRTY && source == editor && !editor.isDirty()) {
			refresh();
		}
	};

	private final IPartListener2 partListener = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference reference) {
			IWorkbenchPart part = reference.getPart(false);
			if (part instanceof TadamEditor tadamEditor && tadamEditor != editor) {
				follow(tadamEditor);
			}
		}

		@Override
		public void partClosed(IWorkbenchPartReference reference) {
			if (reference.getPart(false) == editor) {
				follow(null);
			}
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
		canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
		canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		scroller.setContent(canvas);
		painter = new DiagramPainter();
		canvas.addPaintListener(event -> painter.paint(event.gc, diagram, message));
		canvas.addListener(SWT.MouseDown, event -> {
			AutomatonDiagram.Node node = diagram == null ? null : diagram.nodeAt(event.x, event.y);
			if (node != null) {
				revealState(node.state().getName());
			}
		});
		getSite().getPage().addPartListener(partListener);
		if (getSite().getPage().getActiveEditor() instanceof TadamEditor active) {
			follow(active);
		}
	}

	private void follow(TadamEditor next) {
		if (editor != null) {
			editor.removePropertyListener(saveListener);
		}
		editor = next;
		if (editor != null) {
			editor.addPropertyListener(saveListener);
		}
		refresh();
	}

	/** Lays out the editor's current text again and redraws. */
	public void refresh() {
		diagram = null;
		if (editor == null) {
			message = "Open a .tadam file to see its automaton.";
		} else {
			try {
				ParsedModel model = editor.getModel();
				Automaton automaton = model == null ? null : model.automaton();
				if (model != null && automaton == null && model.root() != null && !model.hasSyntaxErrors()) {
					message = editor.getTitle() + " is a scenario: open one of the .tadam models it uses to see its diagram.";
				} else if (automaton == null || model.hasSyntaxErrors()) {
					message = editor.getTitle() + ": fix the syntax errors to see the diagram.";
				} else {
					diagram = new AutomatonLayout().layout(automaton);
					setContentDescription(editor.getTitle());
				}
			} catch (RuntimeException e) {
				TadamUiPlugin.log("Laying out " + editor.getTitle() + " failed", e);
				message = editor.getTitle() + ": the layout failed (" + e + ")";
			}
		}
		if (canvas != null && !canvas.isDisposed()) {
			canvas.setSize(diagram == null ? 400 : (int) Math.ceil(diagram.width()), diagram == null ? 100 : (int) Math.ceil(diagram.height()));
			canvas.redraw();
		}
	}

	/** Selects the declaration of a state in the followed editor (what a click on its box does). */
	public boolean revealState(String name) {
		if (editor == null) {
			return false;
		}
		ParsedModel model = editor.getModel();
		Automaton automaton = model == null ? null : model.automaton();
		if (automaton == null) {
			return false;
		}
		for (State state : automaton.getStates()) {
			if (name.equals(state.getName())) {
				editor.reveal(ParsedModel.declaration(state));
				editor.getSite().getPage().activate(editor);
				return true;
			}
		}
		return false;
	}

	/** The drawing at full size, as the view paints it (for export, and for tests that look at pixels). */
	public ImageData snapshot() {
		Point size = canvas.getSize();
		Image image = new Image(canvas.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
		GC gc = new GC(image);
		try {
			gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.fillRectangle(0, 0, size.x, size.y);
			painter.paint(gc, diagram, message);
			return image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	/** The diagram on display, or null (tests read it). */
	public AutomatonDiagram getDiagram() {
		return diagram;
	}

	public IDocument getFollowedDocument() {
		return editor == null ? null : editor.getDocument();
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePartListener(partListener);
		if (editor != null) {
			editor.removePropertyListener(saveListener);
		}
		super.dispose();
	}
}
