package org.tadam.dsl.ide.hover;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.tadam.dsl.describe.ModelDescriptions;
import org.tadam.model.Edge;
import org.tadam.model.State;

/**
 * Hover anywhere on an edge line explains the edge (probability, timing, size in plain words); on a state
 * declaration or a state name it explains the state and where connections go next.
 */
public class TadamHoverService extends HoverService {

	@Override
	protected HoverContext createContext(Document document, XtextResource resource, int offset) {
		if (resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || leaf.isHidden()) {
			return null;
		}
		EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
		while (element != null && !(element instanceof Edge) && !(element instanceof State)) {
			element = element.eContainer();
		}
		if (element == null) {
			return null;
		}
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		return new HoverContext(document, resource, offset, new TextRegion(node.getOffset(), node.getLength()), element);
	}

	@Override
	public String getContents(EObject element) {
		if (element instanceof Edge edge) {
			return ModelDescriptions.describe(edge);
		}
		if (element instanceof State state) {
			return ModelDescriptions.describe(state);
		}
		return super.getContents(element);
	}
}
