package org.tadam.fosr.json;

/**
 * One edge of a Fos-R automaton.
 *
 * @param p forward-sampling probability (visits of this edge / visits of all edges out of {@code src})
 * @param count number of distinct training flows through the edge (not traversals)
 * @param symbol as written, e.g. {@code PA_>_Text:GET}, {@code >_Replay}, {@code $}
 * @param law the value law: {@link FosrLaw.Gaussian} in generations 1–2, {@link FosrLaw.Constant} or
 *            {@link FosrLaw.Gamma} in generation 3
 * @param pool the payload pool; {@link FosrPool.None} when the file has none
 */
public record FosrEdge(double p, long count, int src, int dst, String symbol, FosrLaw law, FosrPool pool) {
}
