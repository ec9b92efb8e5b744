package org.tadam.dsl.validation;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.tadam.model.Edge;
import org.tadam.model.TadamPackage.Literals;
import org.tadam.model.WeightedBytes;
import org.tadam.model.WeightedText;

/**
 * Checks the {@code at FIRST to LAST} of an edge and of a pool entry: the letters at which training connections took
 * the edge or sent the entry, which the generator keeps walks and draws to, so they must make a range (0 is a
 * connection's first packet). Composed into {@link TadamValidator}.
 */
public class LetterBoundsValidator extends ComposedValidator {

	@Check(CheckType.FAST)
	public void checkLetterBounds(Edge edge) {
		check(edge, Literals.EDGE__FIRST_LETTER, Literals.EDGE__LAST_LETTER);
	}

	@Check(CheckType.FAST)
	public void checkLetterBounds(WeightedText entry) {
		check(entry, Literals.WEIGHTED_TEXT__FIRST_LETTER, Literals.WEIGHTED_TEXT__LAST_LETTER);
	}

	@Check(CheckType.FAST)
	public void checkLetterBounds(WeightedBytes entry) {
		check(entry, Literals.WEIGHTED_BYTES__FIRST_LETTER, Literals.WEIGHTED_BYTES__LAST_LETTER);
	}

	private void check(EObject object, EAttribute firstLetter, EAttribute lastLetter) {
		if (!object.eIsSet(firstLetter) && !object.eIsSet(lastLetter)) {
			return;
		}
		int first = (Integer) object.eGet(firstLetter);
		int last = (Integer) object.eGet(lastLetter);
		if (first < 0 || last < first) {
			error("Letter bounds must satisfy 0 <= first <= last, found at " + first + " to " + last, object, firstLetter,
					IssueCodes.LETTER_BOUNDS);
		}
	}
}
