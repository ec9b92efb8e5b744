package org.tadam.learner.search;

/**
 * How the greedy search runs.
 *
 * @param threads workers scoring candidates in parallel (each owns a replica of the automaton)
 * @param maxIterations stop after this many applied operations
 * @param deleteMaxFraction only edges carrying at most this fraction of the words' weight are
 *     tried for deletion (1 = all, as the reference)
 * @param merges try state merges
 * @param splitNodes try node splits
 * @param splitEdges try edge splits
 * @param deletions try sub-part deletions, and adding an edge back for the words left unparsed
 * @param exactCandidates candidates scored exactly per batch after screening all of them (0 scores
 *     every candidate exactly, as the reference does)
 * @param minCoverage least share of the corpus weight that stays matched (parsed without noise):
 *     a candidate leaving less, having lowered it, is not taken (0: no floor)
 */
public record SearchOptions(int threads, int maxIterations, double deleteMaxFraction,
    boolean merges, boolean splitNodes, boolean splitEdges, boolean deletions,
    int exactCandidates, double minCoverage) {
}
