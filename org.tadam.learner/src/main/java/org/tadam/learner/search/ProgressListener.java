package org.tadam.learner.search;

/** Told after the start and after every applied operation (from the learning thread). */
@FunctionalInterface
public interface ProgressListener {
  /**
   * @param iteration operations applied so far
   * @param bits current total cost L(A) + L(D|A)
   * @param operation what was applied ("start" first)
   * @param candidates how many candidates the last iteration scored
   */
  void progress(int iteration, double bits, String operation, int candidates);

  ProgressListener NONE = (i, b, o, c) -> {
  };
}
