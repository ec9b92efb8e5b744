package org.tadam.dsl.ui.quickfix;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.swt.graphics.Image;
import org.tadam.dsl.ui.TadamUiPlugin;
import org.tadam.dsl.ui.editor.ProblemMarkers;
import org.tadam.dsl.validation.IssueCodes;

/**
 * Quick fixes offered on TADAM problem markers (Problems view, ruler, Ctrl+1). They edit the file's shared text
 * buffer: an open editor shows the change unsaved; a file with no editor is saved.
 */
public class TadamMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return IssueCodes.PROBABILITY_SUM.equals(marker.getAttribute(ProblemMarkers.ISSUE_CODE, null));
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		return hasResolutions(marker) ? new IMarkerResolution[] { new NormaliseResolution() } : new IMarkerResolution[0];
	}

	/** Normalise a state's outgoing probabilities so that they sum to 1. */
	public static final class NormaliseResolution implements IMarkerResolution2 {

		@Override
		public String getLabel() {
			return "Normalise the outgoing probabilities to sum to 1";
		}

		@Override
		public String getDescription() {
			return "Divides each outgoing probability of the state by their current sum.";
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public void run(IMarker marker) {
			if (!(marker.getResource() instanceof IFile file)) {
				return;
			}
			ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
			IPath path = file.getFullPath();
			try {
				manager.connect(path, LocationKind.IFILE, null);
				try {
					ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
					boolean wasDirty = buffer.isDirty();
					boolean changed = ProbabilityNormaliser.normalise(buffer.getDocument(), marker.getAttribute(IMarker.CHAR_START, 0));
					if (changed && !wasDirty && !buffer.isShared()) {
						buffer.commit(null, true);
					}
				} finally {
					manager.disconnect(path, LocationKind.IFILE, null);
				}
			} catch (CoreException | BadLocationException e) {
				TadamUiPlugin.log("Normalising the probabilities in " + file.getName() + " failed", e);
			}
		}
	}
}
