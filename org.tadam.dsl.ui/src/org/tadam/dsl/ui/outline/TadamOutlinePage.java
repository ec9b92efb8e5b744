package org.tadam.dsl.ui.outline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.tadam.dsl.conversion.NumberText;
import org.tadam.dsl.ui.editor.ParsedModel;
import org.tadam.dsl.ui.editor.TadamEditor;
import org.tadam.model.Automaton;
import org.tadam.model.AutomatonUse;
import org.tadam.model.Edge;
import org.tadam.model.Scenario;
import org.tadam.model.State;
import org.tadam.model.TadamPackage.Literals;
import org.tadam.model.derived.AutomatonGraph;
import org.tadam.model.derived.Symbols;

/**
 * Outline: the states of the automaton, each with its outgoing edges (for a scenario: the automata it uses);
 * selecting an entry selects its text.
 */
public class TadamOutlinePage extends ContentOutlinePage {

	/** One line of the outline; entries are rebuilt on each reconcile, so they carry plain text and a region. */
	public record Entry(String label, int[] region, List<Entry> children) {

		@Override
		public String toString() {
			return label;
		}
	}

	private final TadamEditor editor;
	private final Consumer<ParsedModel> listener = this::modelChanged;

	public TadamOutlinePage(TadamEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object parent) {
				return ((Entry) parent).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((Entry) element).children().isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider());
		viewer.addSelectionChangedListener(event -> {
			if (event.getSelection() instanceof IStructuredSelection selection && selection.getFirstElement() instanceof Entry entry) {
				editor.reveal(entry.region());
			}
		});
		editor.addModelListener(listener);
		ParsedModel model = editor.getModel();
		viewer.setInput(model == null ? List.of() : entries(model));
		viewer.expandAll();
	}

	private void modelChanged(ParsedModel model) {
		List<Entry> entries = entries(model);
		Control control = getControl();
		if (control != null && !control.isDisposed()) {
			control.getDisplay().asyncExec(() -> {
				if (!control.isDisposed()) {
					getTreeViewer().setInput(entries);
					getTreeViewer().expandAll();
				}
			});
		}
	}

	/** The outline of a parse: one entry per state ("s0 (initial)"), with one child per edge ("→ s1  S>  p=1"). */
	public static List<Entry> entries(ParsedModel model) {
		Automaton automaton = model.automaton();
		List<Entry> entries = new ArrayList<>();
		if (model.root() instanceof Scenario scenario) {
			for (AutomatonUse use : scenario.getUses()) {
				String name = use.getAutomaton() == null || use.getAutomaton().eIsProxy() ? "?" : use.getAutomaton().getName();
				entries.add(new Entry("use " + name + "  share " + NumberText.decimal(use.getShare()), ParsedModel.region(use, null), List.of()));
			}
			return entries;
		}
		if (automaton == null) {
			return entries;
		}
		AutomatonGraph graph = new AutomatonGraph(automaton);
		for (State state : automaton.getStates()) {
			List<Entry> edges = new ArrayList<>();
			for (Edge edge : graph.outgoing(state)) {
				String target = edge.getTarget() == null || edge.getTarget().eIsProxy() ? "?" : edge.getTarget().getName();
				edges.add(new Entry("→ " + target + "  " + Symbols.toText(edge.getSymbol()) + "  p=" + NumberText.decimal(edge.getProbability()),
						ParsedModel.region(edge, null), List.of()));
			}
			String kind = state.isInitial() ? " (initial)" : state.isEnd() ? " (end)" : "";
			entries.add(new Entry(state.getName() + kind, ParsedModel.region(state, Literals.STATE__NAME), edges));
		}
		return entries;
	}

	/** Public for tests and for views that want to read the outline's tree. */
	@Override
	public TreeViewer getTreeViewer() {
		return super.getTreeViewer();
	}

	@Override
	public void dispose() {
		editor.removeModelListener(listener);
		super.dispose();
	}
}
