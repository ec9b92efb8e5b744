package org.tadam.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** Prints problems the way compilers do: {@code file:line:col: severity: message [code]}. */
final class IssuePrinter {

	private IssuePrinter() {
	}

	/** Prints the issues in file order and returns the number of errors among them. */
	static int print(Path file, List<Issue> issues, PrintWriter out) {
		int errors = 0;
		List<Issue> sorted = issues.stream()
				.sorted(Comparator.comparing((Issue i) -> i.getLineNumber() == null ? 0 : i.getLineNumber())
						.thenComparing(i -> i.getColumn() == null ? 0 : i.getColumn()))
				.toList();
		for (Issue issue : sorted) {
			if (issue.getSeverity() == Severity.ERROR) {
				errors++;
			}
			String code = issue.getCode() == null ? "" : " [" + shortCode(issue.getCode()) + "]";
			out.printf("%s:%d:%d: %s: %s%s%n", fileOf(issue, file), issue.getLineNumber() == null ? 0 : issue.getLineNumber(),
					issue.getColumn() == null ? 0 : issue.getColumn(), issue.getSeverity().name().toLowerCase(Locale.ROOT),
					issue.getMessage(), code);
		}
		return errors;
	}

	private static String shortCode(String code) {
		int dot = code.lastIndexOf('.');
		return dot < 0 ? code : code.substring(dot + 1);
	}

	/** The file an issue is in: a scenario's issues may come from a model it imports. */
	private static Path fileOf(Issue issue, Path checked) {
		org.eclipse.emf.common.util.URI uri = issue.getUriToProblem();
		if (uri == null || !uri.isFile()) {
			return checked;
		}
		Path problem = Path.of(uri.toFileString()).toAbsolutePath().normalize();
		Path absolute = checked.toAbsolutePath().normalize();
		if (problem.equals(absolute)) {
			return checked;
		}
		Path cwd = Path.of("").toAbsolutePath();
		// shown relative to the working directory when below it, like the file the user named
		return problem.startsWith(cwd) ? cwd.relativize(problem) : problem;
	}
}
