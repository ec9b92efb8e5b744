package org.tadam.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tadam.dsl.ui.tests.WorkbenchSupport.waitUntil;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tadam.dsl.ui.TadamUiPlugin;
import org.tadam.dsl.ui.editor.StateHyperlinkDetector;
import org.tadam.dsl.ui.editor.TadamContentAssistProcessor;
import org.tadam.dsl.ui.editor.TadamEditor;
import org.tadam.dsl.ui.editor.TadamTextHover;
import org.tadam.dsl.ui.editor.TadamTokenScanner;
import org.tadam.dsl.ui.outline.TadamOutlinePage;

/** The .tadam editor in a real workbench: colouring, problems, quick fix, assist, hover, outline, format, navigation. */
class TadamEditorTest {

	@AfterEach
	void closeEditors() {
		WorkbenchSupport.page().closeAllEditors(false);
	}

	private static IMarker[] markers(IFile file) throws CoreException {
		return file.findMarkers(TadamUiPlugin.PROBLEM_MARKER, true, IResource.DEPTH_ZERO);
	}

	@Test
	void colouringComesFromTheLexer() throws Exception {
		TadamEditor editor = WorkbenchSupport.open(WorkbenchSupport.createFile("colours.tadam", WorkbenchSupport.VALID));
		StyledText text = editor.getAdapter(ITextViewer.class).getTextWidget();
		String content = text.getText();
		StyleRange keyword = text.getStyleRangeAtOffset(content.indexOf("automaton"));
		assertNotNull(keyword, "keyword styled");
		assertEquals(SWT.BOLD, keyword.fontStyle & SWT.BOLD);
		assertEquals(TadamTokenScanner.KEYWORD, keyword.foreground.getRGB());
		assertEquals(TadamTokenScanner.COMMENT, text.getStyleRangeAtOffset(3).foreground.getRGB());
		assertEquals(TadamTokenScanner.STRING, text.getStyleRangeAtOffset(content.indexOf("\"ping\"")).foreground.getRGB());
		assertEquals(TadamTokenScanner.NUMBER, text.getStyleRangeAtOffset(content.indexOf("0.2")).foreground.getRGB());
		StyleRange name = text.getStyleRangeAtOffset(content.indexOf("ping {"));
		assertTrue(name == null || name.foreground == null, "identifiers keep the default colour");
	}

	@Test
	void problemsBecomeMarkersAndTheQuickFixNormalises() throws Exception {
		IFile valid = WorkbenchSupport.createFile("valid.tadam", WorkbenchSupport.VALID);
		WorkbenchSupport.open(valid);
		IFile invalid = WorkbenchSupport.createFile("invalid.tadam", WorkbenchSupport.INVALID);
		TadamEditor editor = WorkbenchSupport.open(invalid);
		waitUntil("the probability marker", () -> {
			try {
				return markers(invalid).length > 0;
			} catch (CoreException e) {
				return false;
			}
		});
		IMarker marker = markers(invalid)[0];
		assertEquals("Outgoing probabilities of state 'a' sum to 0.9, expected 1", marker.getAttribute(IMarker.MESSAGE));
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(4, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(0, markers(valid).length, "the valid model has no problems");
		IAnnotationModel annotations = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
		waitUntil("the annotation in the editor", () -> {
			for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
				if (it.next() instanceof MarkerAnnotation a && a.getMarker().equals(marker)) {
					return true;
				}
			}
			return false;
		});

		IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(marker);
		assertEquals(1, fixes.length);
		fixes[0].run(marker);
		String fixed = editor.getDocument().get();
		assertTrue(fixed.contains("a -> b S> prob 0.555556 count 5"), fixed);
		assertTrue(fixed.contains("a -> b SA> prob 0.444444 count 4"), fixed);
		waitUntil("the marker to go", () -> {
			try {
				return markers(invalid).length == 0;
			} catch (CoreException e) {
				return false;
			}
		});
	}

	@Test
	void contentAssistProposesStatesKeywordsAndSymbols() throws Exception {
		String text = WorkbenchSupport.VALID.replace("\ts1 -> s2 $", "\ts1 -> \n\ts1 -> s2 $");
		TadamEditor editor = WorkbenchSupport.open(WorkbenchSupport.createFile("assist.tadam", text));
		ITextViewer viewer = editor.getAdapter(ITextViewer.class);
		int offset = text.indexOf("s1 -> \n") + "s1 -> ".length();
		List<String> proposals = Arrays.stream(new TadamContentAssistProcessor(editor).computeCompletionProposals(viewer, offset))
				.map(ICompletionProposal::getDisplayString).toList();
		assertTrue(proposals.stream().anyMatch(p -> p.startsWith("s0")) && proposals.stream().anyMatch(p -> p.startsWith("s2")), proposals::toString);

		int stateOffset = text.indexOf("\tstate s0") + 1;
		List<String> keywords = Arrays.stream(new TadamContentAssistProcessor(editor).computeCompletionProposals(viewer, stateOffset))
				.map(ICompletionProposal::getDisplayString).toList();
		assertTrue(keywords.stream().anyMatch(p -> p.startsWith("state")), keywords::toString);
	}

	@Test
	void hoverExplainsAnEdge() throws Exception {
		TadamEditor editor = WorkbenchSupport.open(WorkbenchSupport.createFile("hover.tadam", WorkbenchSupport.VALID));
		int offset = WorkbenchSupport.VALID.indexOf("prob 0.8");
		String hover = new TadamTextHover(editor).getHoverInfo(editor.getAdapter(ITextViewer.class), new Region(offset, 0));
		assertTrue(hover.startsWith("From 's1' to 's2': the connection ends."), hover);
	}

	@Test
	void outlineListsStatesWithTheirEdges() throws Exception {
		TadamEditor editor = WorkbenchSupport.open(WorkbenchSupport.createFile("outline.tadam", WorkbenchSupport.VALID));
		WorkbenchSupport.page().showView(IPageLayout.ID_OUTLINE);
		TadamOutlinePage outline = (TadamOutlinePage) editor.getAdapter(IContentOutlinePage.class);
		waitUntil("the outline", () -> outline.getControl() != null && outline.getTreeViewer().getTree().getItemCount() == 3);
		TreeItem[] states = outline.getTreeViewer().getTree().getItems();
		assertEquals(List.of("s0 (initial)", "s1", "s2 (end)"), Arrays.stream(states).map(TreeItem::getText).toList());
		assertEquals(List.of("→ s1  >  p=0.2", "→ s2  $  p=0.8"), Arrays.stream(states[1].getItems()).map(TreeItem::getText).toList());
	}

	@Test
	void formatRestoresTheCanonicalLayout() throws Exception {
		String scrambled = WorkbenchSupport.VALID.replace("\t", "  ").replace(" -> ", "->").replace(" prob ", "\n      prob ");
		TadamEditor editor = WorkbenchSupport.open(WorkbenchSupport.createFile("format.tadam", scrambled));
		editor.getAction("Format").run();
		assertEquals(WorkbenchSupport.VALID, editor.getDocument().get());
	}

	@Test
	void scenarioFilesOpenResolveTheirImportsAndShowTheirUses() throws Exception {
		WorkbenchSupport.createFile("ping.tadam", WorkbenchSupport.VALID);
		String scenario = "scenario office {\n\timport \"ping.tadam\"\n\tuse ping share 1\n}\n";
		IFile file = WorkbenchSupport.createFile("office.tadamscenario", scenario);
		assertEquals("org.tadam.dsl.ui.tadam", Platform.getContentTypeManager().findContentTypeFor(file.getName()).getId());
		assertEquals(TadamUiPlugin.EDITOR_ID, PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor(file.getName()).getId());
		TadamEditor editor = WorkbenchSupport.open(file);
		List<String> outline = TadamOutlinePage.entries(editor.getModel()).stream().map(TadamOutlinePage.Entry::label).toList();
		assertEquals(List.of("use ping  share 1"), outline);
		assertTrue(editor.getModel().issues().isEmpty(), () -> editor.getModel().issues().toString());
	}

	@Test
	void goToStateJumpsToItsDeclaration() throws Exception {
		TadamEditor editor = WorkbenchSupport.open(WorkbenchSupport.createFile("navigate.tadam", WorkbenchSupport.VALID));
		int reference = WorkbenchSupport.VALID.indexOf("s1 -> s2") + "s1 -> ".length();
		IHyperlink[] links = new StateHyperlinkDetector(editor).detectHyperlinks(editor.getAdapter(ITextViewer.class), new Region(reference, 0), false);
		assertNotNull(links);
		links[0].open();
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(WorkbenchSupport.VALID.indexOf("state s2") + "state ".length(), selection.getOffset());
		assertEquals("s2", selection.getText());
		assertFalse(editor.isDirty());
	}
}
