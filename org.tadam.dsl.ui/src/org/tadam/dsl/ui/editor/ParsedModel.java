package org.tadam.dsl.ui.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.tadam.dsl.ui.TadamUiPlugin;
import org.tadam.model.Automaton;
import org.tadam.model.State;
import org.tadam.model.TadamPackage.Literals;

import com.google.inject.Injector;

/**
 * One parse of an editor's text with the language's own parser, in a resource set of its own. Everything the editor
 * shows (problems, outline, hover, diagram) is computed from such a snapshot, never from a second parser.
 */
public final class ParsedModel {

	private final String text;
	private final XtextResource resource;
	private List<Issue> issues;

	private ParsedModel(String text, XtextResource resource) {
		this.text = text;
		this.resource = resource;
	}

	/** Parses the text; the URI only names the resource (the text is never read from it). */
	public static ParsedModel parse(String text, URI uri) {
		Injector injector = TadamUiPlugin.getDefault().getInjector();
		XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) injector.getInstance(IResourceFactory.class).createResource(uri);
		set.getResources().add(resource);
		try {
			resource.load(new LazyStringInputStream(text, StandardCharsets.UTF_8.name()),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException e) {
			// the input is an in-memory string: this cannot happen
			throw new IllegalStateException(e);
		}
		return new ParsedModel(text, resource);
	}

	public String text() {
		return text;
	}

	public XtextResource resource() {
		return resource;
	}

	/** The root element: an Automaton (.tadam) or a Scenario (.tadamscenario), or null when nothing parsed. */
	public EObject root() {
		return resource.getContents().isEmpty() ? null : resource.getContents().get(0);
	}

	/** The automaton of a .tadam text, or null (scenario files have none). */
	public Automaton automaton() {
		return root() instanceof Automaton automaton ? automaton : null;
	}

	public boolean hasSyntaxErrors() {
		return !resource.getErrors().isEmpty();
	}

	/** Syntax, linking and validation problems, computed once. */
	public synchronized List<Issue> issues() {
		if (issues == null) {
			IResourceValidator validator = TadamUiPlugin.getDefault().getInjector().getInstance(IResourceValidator.class);
			issues = List.copyOf(validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
		}
		return issues;
	}

	/** The visible leaf node at an offset, or null (whitespace and comments count as invisible). */
	public ILeafNode leafAt(int offset) {
		if (resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		return leaf == null || leaf.isHidden() ? null : leaf;
	}

	/** The innermost element of one of the given types that contains the offset. */
	public <T extends EObject> T elementAt(int offset, Class<T> type) {
		ILeafNode leaf = leafAt(offset);
		EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		while (element != null && !type.isInstance(element)) {
			element = element.eContainer();
		}
		return type.cast(element);
	}

	/** The text region of a feature of an element (e.g. a state's name), or of the whole element. */
	public static int[] region(EObject element, EStructuralFeature feature) {
		List<INode> nodes = feature == null ? List.of() : NodeModelUtils.findNodesForFeature(element, feature);
		INode node = nodes.isEmpty() ? NodeModelUtils.findActualNodeFor(element) : nodes.get(0);
		return node == null ? null : new int[] { node.getOffset(), node.getLength() };
	}

	/** Where a state is declared: the region of its name. */
	public static int[] declaration(State state) {
		return region(state, Literals.STATE__NAME);
	}
}
