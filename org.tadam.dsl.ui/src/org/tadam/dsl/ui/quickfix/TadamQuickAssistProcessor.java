package org.tadam.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.tadam.dsl.ui.TadamUiPlugin;
import org.tadam.dsl.ui.editor.TadamEditor;

/** Ctrl+1 in the editor: the quick fixes of the problem markers under the caret. */
public class TadamQuickAssistProcessor implements IQuickAssistProcessor {

	private final TadamEditor editor;
	private final TadamMarkerResolutionGenerator generator = new TadamMarkerResolutionGenerator();

	public TadamQuickAssistProcessor(TadamEditor editor) {
		this.editor = editor;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IAnnotationModel annotations = context.getSourceViewer().getAnnotationModel();
		List<ICompletionProposal> proposals = new ArrayList<>();
		if (annotations == null) {
			return new ICompletionProposal[0];
		}
		for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			Position position = annotations.getPosition(annotation);
			if (annotation instanceof MarkerAnnotation markerAnnotation && position != null
					&& position.overlapsWith(context.getOffset(), Math.max(1, context.getLength()))
					&& generator.hasResolutions(markerAnnotation.getMarker())) {
				proposals.add(new NormaliseProposal(editor.getDocument(), position.getOffset(),
						markerAnnotation.getMarker()));
			}
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof MarkerAnnotation markerAnnotation && generator.hasResolutions(markerAnnotation.getMarker());
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
		return false;
	}

	private record NormaliseProposal(IDocument document, int offset, IMarker marker) implements ICompletionProposal {

		@Override
		public void apply(IDocument target) {
			try {
				ProbabilityNormaliser.normalise(target, offset);
			} catch (BadLocationException e) {
				TadamUiPlugin.log("Quick fix failed", e);
			}
		}

		@Override
		public Point getSelection(IDocument target) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return marker.getAttribute(IMarker.MESSAGE, "");
		}

		@Override
		public String getDisplayString() {
			return new TadamMarkerResolutionGenerator.NormaliseResolution().getLabel();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
