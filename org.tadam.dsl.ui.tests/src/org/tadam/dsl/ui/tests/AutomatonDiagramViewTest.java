package org.tadam.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;
import org.tadam.diagram.AutomatonDiagram;
import org.tadam.dsl.ui.TadamUiPlugin;
import org.tadam.dsl.ui.diagram.AutomatonDiagramView;
import org.tadam.dsl.ui.editor.TadamEditor;

/** The Automaton Diagram view follows the editor, redraws on save and reveals a clicked state. */
class AutomatonDiagramViewTest {

	@Test
	void viewShowsTheEditorsAutomatonAndRevealsStates() throws Exception {
		TadamEditor editor = WorkbenchSupport.open(WorkbenchSupport.createFile("diagram.tadam", WorkbenchSupport.VALID));
		AutomatonDiagramView view = (AutomatonDiagramView) WorkbenchSupport.page().showView(TadamUiPlugin.DIAGRAM_VIEW_ID);
		AutomatonDiagram diagram = view.getDiagram();
		assertNotNull(diagram, "a diagram for the active editor");
		assertEquals(3, diagram.nodes().stream().filter(n -> n.state() != null).count());
		assertEquals(3 + 1, diagram.links().size(), "three edges and the initial arrow");

		AutomatonDiagram.Node initial = diagram.nodes().stream().filter(AutomatonDiagram.Node::initial).findFirst().orElseThrow();
		ImageData picture = view.snapshot();
		// the initial state's box is filled light green where the layout put it (a corner, clear of the centred label)
		RGB fill = picture.palette.getRGB(picture.getPixel((int) initial.x() + 6, (int) (initial.y() + initial.height() / 2)));
		assertEquals(new RGB(0xe3, 0xf2, 0xe1), fill);
		ImageLoader png = new ImageLoader();
		png.data = new ImageData[] { picture };
		png.save("target/automaton-diagram-view.png", SWT.IMAGE_PNG);

		assertTrue(view.revealState("s1"));
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals("s1", selection.getText());

		editor.getDocument().set(WorkbenchSupport.VALID.replace("\tstate s2 end", "\tstate s3\n\tstate s2 end"));
		editor.doSave(null);
		assertEquals(4, view.getDiagram().nodes().stream().filter(n -> n.state() != null).count(), "redrawn on save");
		WorkbenchSupport.page().closeAllEditors(false);
	}
}
