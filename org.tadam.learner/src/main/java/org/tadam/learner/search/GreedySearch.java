package org.tadam.learner.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.ops.DeleteSubpart;
import org.tadam.learner.ops.MergeStates;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.SplitAndPrune;
import org.tadam.learner.ops.SplitEdge;
import org.tadam.learner.ops.SplitNode;

/**
 * Greedy best-improvement search (Part B item 7): score every candidate of the four operations,
 * apply the one with the lowest total cost, repeat until none lowers the cost. Candidates are
 * spread over worker threads, each owning an exact replica of the automaton on which it applies,
 * scores and rolls back; the chosen operation is then applied to every replica. Ties go to the
 * earlier candidate, so the result does not depend on the number of threads.
 */
public final class GreedySearch {
  private static final double MIN_GAIN = 1e-9;

  private final SearchOptions options;
  private final Scorer scorer;
  private final ProgressListener listener;
  private final BooleanSupplier stop;
  private final SplitEdge.Proposals proposals;
  private int applied;

  public GreedySearch(SearchOptions options, Scorer scorer, ProgressListener listener,
      BooleanSupplier stop, long seed) {
    this.proposals = new SplitEdge.Proposals(seed);
    this.options = options;
    this.scorer = scorer;
    this.listener = listener;
    this.stop = stop;
  }

  public int applied() {
    return applied;
  }

  /** Runs the search on the automaton (changed in place) and returns its final cost. */
  public Scorer.Cost run(LearnAutomaton a) {
    int threads = Math.max(1, options.threads());
    List<LearnAutomaton> replicas = new ArrayList<>();
    replicas.add(a);
    for (int t = 1; t < threads; t++) {
      replicas.add(new LearnAutomaton(a));
    }
    Scorer.Cost current = scorer.cost(a);
    listener.progress(0, current.total(), "start", 0);
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
      Thread th = new Thread(r, "tadam-scorer");
      th.setDaemon(true);
      return th;
    }) : null;
    try {
      while (applied < options.maxIterations() && !stop.getAsBoolean()) {
        List<Operation> candidates = candidates(a, current);
        if (candidates.isEmpty()) {
          break;
        }
        double[] costs = score(candidates, replicas, pool);
        int best = -1;
        for (int i = 0; i < costs.length; i++) {
          if (best < 0 || costs[i] < costs[best]) {
            best = i;
          }
        }
        if (stop.getAsBoolean() || !(costs[best] < current.total() - MIN_GAIN)) {
          break;
        }
        Operation op = candidates.get(best);
        for (LearnAutomaton r : replicas) {
          op.apply(r);
        }
        applied++;
        current = scorer.cost(a);
        listener.progress(applied, current.total(), op.describe(), candidates.size());
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return current;
  }

  private List<Operation> candidates(LearnAutomaton a, Scorer.Cost current) {
    List<Operation> ops = new ArrayList<>();
    if (options.merges()) {
      ops.addAll(MergeStates.candidates(a));
    }
    if (options.splitNodes()) {
      double meanEdgeBits = current.modelBits() / Math.max(1, a.edgeCount());
      List<Operation> splits = SplitNode.candidates(a, meanEdgeBits);
      ops.addAll(splits);
      if (options.deletions()) {
        ops.addAll(SplitAndPrune.candidates(splits, options.deleteMaxFraction()));
      }
    }
    if (options.splitEdges()) {
      ops.addAll(SplitEdge.candidates(a, proposals));
    }
    if (options.deletions()) {
      ops.addAll(DeleteSubpart.candidates(a, options.deleteMaxFraction()));
    }
    return ops;
  }

  private double[] score(List<Operation> candidates, List<LearnAutomaton> replicas,
      ExecutorService pool) {
    double[] costs = new double[candidates.size()];
    int workers = replicas.size();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 1; t < workers; t++) {
      int worker = t;
      futures.add(pool.submit(() -> scoreShare(candidates, replicas.get(worker), worker, workers,
          costs)));
    }
    scoreShare(candidates, replicas.get(0), 0, workers, costs);
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while scoring", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("scoring failed: " + e.getCause(), e.getCause());
      }
    }
    return costs;
  }

  private void scoreShare(List<Operation> candidates, LearnAutomaton replica, int worker,
      int workers, double[] costs) {
    int mark = replica.mark();
    for (int i = worker; i < candidates.size(); i += workers) {
      if (stop.getAsBoolean()) {
        costs[i] = Double.POSITIVE_INFINITY;
        continue;
      }
      candidates.get(i).apply(replica);
      try {
        costs[i] = scorer.cost(replica, stop).total();
      } catch (CancellationException e) {
        costs[i] = Double.POSITIVE_INFINITY;
      }
      replica.rollback(mark);
    }
    replica.commit();
  }
}
