package org.tadam.dsl.validation;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.tadam.model.Edge;
import org.tadam.model.TadamPackage.Literals;

/**
 * Checks an edge's {@code at FIRST to LAST}: the letters at which training connections took it, which the generator
 * keeps walks to, so they must make a range (0 is a connection's first packet). Composed into {@link TadamValidator}.
 */
public class LetterBoundsValidator extends ComposedValidator {

	@Check(CheckType.FAST)
	public void checkLetterBounds(Edge edge) {
		if (!edge.eIsSet(Literals.EDGE__FIRST_LETTER) && !edge.eIsSet(Literals.EDGE__LAST_LETTER)) {
			return;
		}
		int first = edge.getFirstLetter();
		int last = edge.getLastLetter();
		if (first < 0 || last < first) {
			error("Letter bounds must satisfy 0 <= first <= last, found at " + first + " to " + last, edge,
					Literals.EDGE__FIRST_LETTER, IssueCodes.LETTER_BOUNDS);
		}
	}
}
