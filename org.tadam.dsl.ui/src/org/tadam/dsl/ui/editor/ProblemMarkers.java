package org.tadam.dsl.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.tadam.dsl.ui.TadamUiPlugin;

/**
 * Shows the validator's issues as markers on the file: the Problems view lists them and the editor's marker
 * annotation model draws them as annotations, so one source feeds both. Issue code and data travel with the
 * marker for quick fixes.
 */
public final class ProblemMarkers {

	/** Job family of marker updates, so that tests and callers can wait for them. */
	public static final Object FAMILY = ProblemMarkers.class;
	public static final String ISSUE_CODE = "issueCode";
	public static final String ISSUE_DATA = "issueData";

	private ProblemMarkers() {
	}

	/** Replaces the file's TADAM markers by the given issues, in a workspace job (callers may hold no lock). */
	public static void update(IFile file, List<Issue> issues) {
		WorkspaceJob job = new WorkspaceJob("Updating TADAM problems of " + file.getName()) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				if (!file.exists()) {
					return Status.OK_STATUS;
				}
				file.deleteMarkers(TadamUiPlugin.PROBLEM_MARKER, true, IResource.DEPTH_ZERO);
				for (Issue issue : issues) {
					file.createMarker(TadamUiPlugin.PROBLEM_MARKER, attributes(issue));
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setRule(file);
		job.setSystem(true);
		job.schedule();
	}

	static Map<String, Object> attributes(Issue issue) {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(IMarker.MESSAGE, issue.getMessage());
		attributes.put(IMarker.SEVERITY, severity(issue.getSeverity()));
		if (issue.getOffset() != null && issue.getLength() != null) {
			attributes.put(IMarker.CHAR_START, issue.getOffset());
			attributes.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
		}
		if (issue.getLineNumber() != null) {
			attributes.put(IMarker.LINE_NUMBER, issue.getLineNumber());
		}
		if (issue.getCode() != null) {
			attributes.put(ISSUE_CODE, issue.getCode());
		}
		if (issue.getData() != null && issue.getData().length > 0) {
			attributes.put(ISSUE_DATA, issue.getData()[0]);
		}
		attributes.put(IMarker.SOURCE_ID, "TADAM validator");
		return attributes;
	}

	private static int severity(Severity severity) {
		return switch (severity) {
			case ERROR -> IMarker.SEVERITY_ERROR;
			case WARNING -> IMarker.SEVERITY_WARNING;
			default -> IMarker.SEVERITY_INFO;
		};
	}
}
