package org.tadam.dsl.ui.editor;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.tadam.model.Edge;
import org.tadam.model.State;

/** Go to state definition: Ctrl+click (or F3) on the source or target state of an edge jumps to its declaration. */
public class StateHyperlinkDetector extends AbstractHyperlinkDetector {

	private final TadamEditor editor;

	public StateHyperlinkDetector(TadamEditor editor) {
		this.editor = editor;
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		ParsedModel model = editor.getModel();
		ILeafNode leaf = model == null ? null : model.leafAt(region.getOffset());
		State state = referencedState(model, leaf);
		if (state == null) {
			return null;
		}
		int[] target = ParsedModel.declaration(state);
		IRegion linkRegion = new Region(leaf.getOffset(), leaf.getLength());
		return new IHyperlink[] { new IHyperlink() {
			@Override
			public IRegion getHyperlinkRegion() {
				return linkRegion;
			}

			@Override
			public String getTypeLabel() {
				return "State";
			}

			@Override
			public String getHyperlinkText() {
				return "Go to state '" + state.getName() + "'";
			}

			@Override
			public void open() {
				editor.reveal(target);
			}
		} };
	}

	/** The state a leaf refers to, when the leaf is the source or target reference of an edge. */
	static State referencedState(ParsedModel model, ILeafNode leaf) {
		if (leaf == null || !(leaf.getGrammarElement() instanceof CrossReference reference)) {
			return null;
		}
		EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
		if (!(element instanceof Edge edge)) {
			return null;
		}
		boolean isSource = "source".equals(featureName(reference));
		State state = isSource ? edge.getSource() : edge.getTarget();
		return state == null || state.eIsProxy() ? null : state;
	}

	private static String featureName(CrossReference reference) {
		Assignment assignment = EcoreUtil2.getContainerOfType(reference, Assignment.class);
		return assignment == null ? null : assignment.getFeature();
	}

	/** F3: go to the declaration of the state reference at the caret. */
	public static void openDeclaration(TadamEditor editor) {
		if (!(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
			return;
		}
		ParsedModel model = editor.getModel();
		State state = referencedState(model, model.leafAt(selection.getOffset()));
		if (state != null) {
			editor.reveal(ParsedModel.declaration(state));
		}
	}
}
