package org.tadam.dsl.ui.editor;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.tadam.dsl.describe.ModelDescriptions;
import org.tadam.model.Edge;
import org.tadam.model.State;

/** What an edge or state means in words: the same text as the language server's hover (ModelDescriptions). */
public class TadamTextHover implements ITextHover {

	private final TadamEditor editor;

	public TadamTextHover(TadamEditor editor) {
		this.editor = editor;
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		ParsedModel model = editor.getModel();
		if (model == null) {
			return null;
		}
		Edge edge = model.elementAt(region.getOffset(), Edge.class);
		if (edge != null) {
			return ModelDescriptions.describe(edge);
		}
		State state = model.elementAt(region.getOffset(), State.class);
		return state == null ? null : ModelDescriptions.describe(state);
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		ParsedModel model = editor.getModel();
		ILeafNode leaf = model == null ? null : model.leafAt(offset);
		return leaf == null ? new Region(offset, 0) : new Region(leaf.getOffset(), leaf.getLength());
	}
}
