package org.tadam.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.tadam.model.Automaton;
import org.tadam.model.Edge;
import org.tadam.model.LetterCount;
import org.tadam.model.PacketSymbol;
import org.tadam.model.TadamPackage.Literals;
import org.tadam.model.VariantRange;
import org.tadam.model.WeightedBytes;
import org.tadam.model.WeightedText;

/**
 * Checks the {@code letters} an automaton's training connections had, which generated connections draw their lengths
 * from, and the {@code at FIRST to LAST} of an edge and of a pool entry: the letters at which training connections
 * took the edge or sent the entry, which the generator keeps walks and draws to, so they must make a range (0 is a
 * connection's first packet), as must those of an edge's variants ({@code variants 0 to 3 at 5 to 9}); and the
 * first segment of a pool entry joined from several segments, and the token an entry answered. Composed into
 * {@link TadamValidator}.
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

	/**
	 * {@code variants 0 to 3 at 5 to 9} on an edge: the letters at which those variants' training connections took
	 * it make a range inside the edge's own {@code at}, since the connections of each variant are some of the edge's.
	 */
	@Check(CheckType.FAST)
	public void checkVariantPlaces(Edge edge) {
		for (VariantRange range : edge.getVariants()) {
			if (!range.eIsSet(Literals.VARIANT_RANGE__FIRST_LETTER) && !range.eIsSet(Literals.VARIANT_RANGE__LAST_LETTER)) {
				continue;
			}
			check(range, Literals.VARIANT_RANGE__FIRST_LETTER, Literals.VARIANT_RANGE__LAST_LETTER);
			boolean bounded = edge.getFirstLetter() >= 0 && edge.getLastLetter() >= 0;
			if (bounded && (range.getFirstLetter() < edge.getFirstLetter() || range.getLastLetter() > edge.getLastLetter())) {
				error("The letters of variants " + range.getFirst() + (range.getLast() < 0 ? "" : " to " + range.getLast())
						+ " (at " + range.getFirstLetter() + " to " + range.getLastLetter()
						+ ") must lie inside the edge's (at " + edge.getFirstLetter() + " to " + edge.getLastLetter() + ")",
						range, Literals.VARIANT_RANGE__FIRST_LETTER, IssueCodes.LETTER_BOUNDS);
			}
		}
	}

	/** {@code after "query"} on a text entry: a token of the other direction's edges. */
	@Check(CheckType.FAST)
	public void checkAnswer(WeightedText entry) {
		checkAnswer(entry, entry.getAnswers(), Literals.WEIGHTED_TEXT__ANSWERS);
	}

	/** {@code after "query"} on a replayed entry: a token of the other direction's edges. */
	@Check(CheckType.FAST)
	public void checkAnswer(WeightedBytes entry) {
		checkAnswer(entry, entry.getAnswers(), Literals.WEIGHTED_BYTES__ANSWERS);
	}

	private void checkAnswer(EObject entry, String answers, EAttribute feature) {
		if (answers == null || !(entry.eContainer() != null && entry.eContainer().eContainer() instanceof Edge edge)
				|| !(edge.getSymbol() instanceof PacketSymbol own) || !(edge.eContainer() instanceof Automaton automaton)) {
			return;
		}
		boolean sent = automaton.getEdges().stream().anyMatch(e -> e.getSymbol() instanceof PacketSymbol p
				&& p.getDirection() != own.getDirection() && answers.equals(p.getToken()));
		if (!sent) {
			warning("No edge of the other side sends a message of token \"" + answers
					+ "\": this entry is never drawn as its answer", entry, feature, IssueCodes.UNKNOWN_ANSWER);
		}
	}

	/** {@code segment N}: the first segment of a joined message is a part of its bytes, neither all nor negative. */
	@Check(CheckType.FAST)
	public void checkSegment(WeightedBytes entry) {
		int length = entry.getData() == null ? 0 : entry.getData().length;
		if (entry.getSegment() < 0 || entry.getSegment() > 0 && entry.getSegment() >= length) {
			error("The first segment of joined bytes must satisfy 0 < segment < " + length + " (their length), found "
					+ entry.getSegment(), entry, Literals.WEIGHTED_BYTES__SEGMENT, IssueCodes.SEGMENT_LENGTH);
		}
	}

	/** {@code letters 37 * 2, 12 * 10 to 19}: a distribution over ranges of connection lengths. */
	@Check(CheckType.FAST)
	public void checkLetterCounts(Automaton automaton) {
		List<LetterCount> counts = automaton.getLetterCounts();
		if (counts.isEmpty()) {
			return;
		}
		for (LetterCount count : counts) {
			int last = count.getLast() < 0 ? count.getFirst() : count.getLast();
			if (count.getWeight() < 0 || count.getFirst() < 0 || last < count.getFirst()) {
				error("Letter counts are WEIGHT * FIRST to LAST with WEIGHT >= 0 and 0 <= FIRST <= LAST, found "
						+ count.getWeight() + " * " + count.getFirst() + (count.getLast() < 0 ? "" : " to " + count.getLast()), count,
						Literals.LETTER_COUNT__WEIGHT, IssueCodes.LETTER_COUNTS);
			}
		}
		if (counts.stream().allMatch(c -> c.getWeight() <= 0)) {
			error("Letter counts need one positive weight at least", automaton, Literals.AUTOMATON__LETTER_COUNTS,
					IssueCodes.LETTER_COUNTS);
		}
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
