package org.tadam.dsl.validation;

import java.util.BitSet;
import java.util.List;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.tadam.model.Automaton;
import org.tadam.model.TadamPackage.Literals;
import org.tadam.model.VariantRange;
import org.tadam.model.derived.PayloadVariants;

/**
 * Checks {@code variants weighted …}: the generator draws the variant a connection starts pinned to on these
 * weights, so they must make a distribution, and a variant that pool entries name but the weights leave out is
 * never drawn first (a hand edit that dropped a weight); and their {@code lengths}, one range of letters per weighted
 * variant. Composed into {@link TadamValidator}.
 */
public class VariantWeightValidator extends ComposedValidator {

	@Check(CheckType.FAST)
	public void checkVariantLengths(Automaton automaton) {
		List<Integer> shortest = automaton.getVariantShortest();
		List<Integer> longest = automaton.getVariantLongest();
		if (shortest.isEmpty() && longest.isEmpty()) {
			return;
		}
		if (shortest.size() != automaton.getVariantWeights().size() || longest.size() != shortest.size()) {
			error("One length range per weighted variant: " + automaton.getVariantWeights().size() + " variants, "
					+ shortest.size() + " ranges", automaton, Literals.AUTOMATON__VARIANT_SHORTEST, IssueCodes.VARIANT_LENGTHS);
			return;
		}
		for (int v = 0; v < shortest.size(); v++) {
			if (shortest.get(v) < 0 || longest.get(v) < shortest.get(v)) {
				error("Variant " + v + ": lengths must satisfy 0 <= shortest <= longest, found " + shortest.get(v) + " to "
						+ longest.get(v), automaton, Literals.AUTOMATON__VARIANT_SHORTEST, v, IssueCodes.VARIANT_LENGTHS);
			}
		}
	}

	@Check(CheckType.FAST)
	public void checkVariantWeights(Automaton automaton) {
		List<Integer> weights = automaton.getVariantWeights();
		if (weights.isEmpty()) {
			return;
		}
		int unpinned = automaton.getUnpinnedWeight();
		if (weights.stream().anyMatch(w -> w < 0) || unpinned < 0
				|| weights.stream().allMatch(w -> w == 0) && unpinned == 0) {
			error("Variant weights are 0 or more and one at least is positive, found " + weights + " unpinned " + unpinned,
					automaton, Literals.AUTOMATON__VARIANT_WEIGHTS, IssueCodes.VARIANT_WEIGHT);
			return;
		}
		if (weights.size() > PayloadVariants.MAX + 1) {
			error("At most " + (PayloadVariants.MAX + 1) + " variant weights, found " + weights.size(), automaton,
					Literals.AUTOMATON__VARIANT_WEIGHTS, IssueCodes.VARIANT_WEIGHT);
			return;
		}
		BitSet named = new BitSet();
		for (TreeIterator<EObject> it = automaton.eAllContents(); it.hasNext();) {
			if (it.next() instanceof VariantRange range) {
				named.or(PayloadVariants.of(List.of(range)));
			}
		}
		// variant weights.size() stands for the unpinned connections, which edges may name
		int beyond = named.nextSetBit(weights.size() + 1);
		if (beyond >= 0) {
			warning("Variant " + beyond + " is named but the weights list only " + weights.size()
					+ " variants (0 to " + (weights.size() - 1) + ", then " + weights.size() + " for the unpinned connections)",
					automaton,
					Literals.AUTOMATON__VARIANT_WEIGHTS, IssueCodes.VARIANT_WEIGHT);
		}
	}
}
