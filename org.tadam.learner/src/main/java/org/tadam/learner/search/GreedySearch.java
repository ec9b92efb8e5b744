package org.tadam.learner.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.tadam.learner.automaton.Edge;
import org.tadam.learner.automaton.LearnAutomaton;
import org.tadam.learner.noise.WordCode;
import org.tadam.learner.ops.AddEdge;
import org.tadam.learner.ops.DeleteSubpart;
import org.tadam.learner.ops.MergeStates;
import org.tadam.learner.ops.Operation;
import org.tadam.learner.ops.SplitAndPrune;
import org.tadam.learner.ops.SplitEdge;
import org.tadam.learner.ops.SplitNode;

/**
 * Greedy best-improvement search (Part B item 7): score every candidate of the four operations,
 * apply the one with the lowest total cost, repeat until none lowers the cost. Each time none
 * does, and deletions are on, the matched words that cost less as noise are offered for release
 * ({@link NoisyWords}); the search goes on when that lowers the cost. Exact scores
 * re-align every unmatched word under up to four EM rounds, so by default candidates are screened
 * first ({@link Scorer#screen}) and only the most promising are scored exactly
 * ({@link SearchOptions#exactCandidates}). Candidates are
 * spread over worker threads, each owning an exact replica of the automaton on which it applies,
 * scores and rolls back; the chosen operation is then applied to every replica. Ties go to the
 * earlier candidate, so the result does not depend on the number of threads.
 */
public final class GreedySearch {
  private static final double MIN_GAIN = 1e-9;
  /** Edge additions proposed per iteration: those that would put back the most unparsed words. */
  private static final int MAX_ADDITIONS = 16;

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
        if (pool != null && options.splitEdges()) {
          prefit(a, pool, threads);
        }
        List<Operation> candidates = candidates(a, current);
        Chosen chosen = candidates.isEmpty() ? null : choose(candidates, current, replicas, pool);
        if (chosen == null && options.deletions() && !stop.getAsBoolean()) {
          // converged: words that cost less as noise than on their paths, taken off together
          candidates = NoisyWords.candidates(a, current, scorer, options.minCoverage());
          chosen = candidates.isEmpty() ? null : choose(candidates, current, replicas, pool);
        }
        if (chosen == null || stop.getAsBoolean()) {
          break;
        }
        Operation op = candidates.get(chosen.index());
        for (LearnAutomaton r : replicas) {
          op.apply(r);
        }
        applied++;
        // the replicas are exact copies: the cost scored on one is the cost of a after the change
        current = chosen.cost();
        listener.progress(applied, current.total(), op.describe(), candidates.size());
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return current;
  }

  /** Every candidate of the four operations on {@code a} (package-private for tests). */
  List<Operation> candidates(LearnAutomaton a, Scorer.Cost current) {
    List<Operation> ops = new ArrayList<>();
    if (options.merges()) {
      ops.addAll(MergeStates.candidates(a));
    }
    if (options.splitNodes()) {
      double meanEdgeBits = current.modelBits() / Math.max(1, a.edgeCount());
      List<Operation> splits = SplitNode.candidates(a, meanEdgeBits);
      ops.addAll(splits);
      if (options.deletions()) {
        ops.addAll(SplitAndPrune.candidates(splits, options.deleteMaxFraction(),
            options.minCoverage()));
      }
    }
    if (options.splitEdges()) {
      ops.addAll(SplitEdge.candidates(a, proposals));
    }
    if (options.deletions()) {
      ops.addAll(DeleteSubpart.candidates(a, options.deleteMaxFraction(), options.minCoverage()));
      ops.addAll(AddEdge.candidates(a, MAX_ADDITIONS));
    }
    return ops;
  }

  private record Chosen(int index, Scorer.Cost cost) {
  }

  /**
   * The candidate to apply with its exact cost, or null when none lowers the cost. With screening on, every candidate
   * gets the cheap estimate of {@link Scorer#screen}, then the exact cost is computed in batches
   * in the order of the estimates, and the best exact cost of the first batch holding an
   * improvement wins; the search still stops only when no candidate improves exactly.
   */
  private Chosen choose(List<Operation> candidates, Scorer.Cost current,
      List<LearnAutomaton> replicas, ExecutorService pool) {
    int n = candidates.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int batch = options.exactCandidates() <= 0 ? n : options.exactCandidates();
    if (batch < n) {
      WordCode.Result[] known = Scorer.codesByWord(current, replicas.get(0).corpus().size());
      Scorer.Cost[] estimates = score(candidates, Arrays.asList(order), replicas, pool,
          r -> scorer.screen(r, current, known, stop));
      double[] screened = new double[n];
      for (int i = 0; i < n; i++) {
        screened[i] = total(estimates[i]);
      }
      Arrays.sort(order, (x, y) -> screened[x] != screened[y]
          ? Double.compare(screened[x], screened[y]) : Integer.compare(x, y));
    }
    double limit = current.total() - MIN_GAIN;
    // the least exact cost found so far: a candidate that provably does not go below it cannot
    // be chosen either (it could not even tie), whichever worker found it first
    AtomicLong leastBits = new AtomicLong(Double.doubleToLongBits(limit));
    double[] firstRound = Scorer.firstRoundByWord(current, replicas.get(0).corpus().size());
    for (int from = 0; from < n; from += batch) {
      List<Integer> chunk = Arrays.asList(order).subList(from, Math.min(n, from + batch));
      // a candidate whose lower bound does not go below leastBits cannot be chosen: no exact cost. Which losers get
      // one depends on the workers' timing; the choice does not, as long as the bound stays within BOUND_MARGIN
      // of the exact cost (CostBoundTest)
      Scorer.Cost[] exact = score(candidates, chunk, replicas, pool, r -> {
        Scorer.Cost c = scorer.costBelow(r, Double.longBitsToDouble(leastBits.get()), firstRound,
            stop);
        if (c != null) {
          leastBits.accumulateAndGet(Double.doubleToLongBits(c.total()),
              (x, y) -> Double.longBitsToDouble(y) < Double.longBitsToDouble(x) ? y : x);
        }
        return c;
      });
      int best = -1;
      for (int i : chunk) {
        double c = total(exact[i]);
        if (c < limit && (best < 0 || c < total(exact[best]) || c == total(exact[best]) && i < best)) {
          best = i;
        }
      }
      if (best >= 0) {
        return new Chosen(best, exact[best]);
      }
      if (stop.getAsBoolean()) {
        return null;
      }
    }
    return null;
  }

  /** A cancelled evaluation, or one bounded away from improving (null), counts as +∞. */
  private static double total(Scorer.Cost c) {
    return c == null ? Double.POSITIVE_INFINITY : c.total();
  }

  /** Scores the candidates of {@code which} (costs by candidate index; null for the others). */
  private Scorer.Cost[] score(List<Operation> candidates, List<Integer> which,
      List<LearnAutomaton> replicas, ExecutorService pool, Function<LearnAutomaton, Scorer.Cost> cost) {
    Scorer.Cost[] costs = new Scorer.Cost[candidates.size()];
    // candidates are handed out one at a time, so that a worker with cheap ones takes more
    AtomicInteger next = new AtomicInteger();
    onWorkers(pool, Math.min(replicas.size(), which.size()), "scoring",
        t -> scoreShare(candidates, which, replicas.get(t), next, costs, cost));
    return costs;
  }

  /**
   * Fits on all workers the edge-split mixtures the candidates will need: each fit depends on its
   * edge's values and the seed only, so the proposals are those of fitting them one by one.
   */
  private void prefit(LearnAutomaton a, ExecutorService pool, int threads) {
    List<Edge> todo = proposals.staleEdges(a);
    AtomicInteger next = new AtomicInteger();
    onWorkers(pool, Math.min(threads, todo.size()), "fitting", t -> {
      for (int i = next.getAndIncrement(); i < todo.size(); i = next.getAndIncrement()) {
        proposals.fit(todo.get(i));
      }
    });
  }

  /** Runs work(0) here and work(1) … work(workers − 1) on the pool, and waits for all of them. */
  private static void onWorkers(ExecutorService pool, int workers, String what, IntConsumer work) {
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 1; t < workers; t++) {
      int worker = t;
      futures.add(pool.submit(() -> work.accept(worker)));
    }
    work.accept(0);
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + what, e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
      }
    }
  }

  private void scoreShare(List<Operation> candidates, List<Integer> which, LearnAutomaton replica,
      AtomicInteger next, Scorer.Cost[] costs, Function<LearnAutomaton, Scorer.Cost> cost) {
    int mark = replica.mark();
    for (int j = next.getAndIncrement(); j < which.size(); j = next.getAndIncrement()) {
      int i = which.get(j);
      if (stop.getAsBoolean()) {
        continue;
      }
      candidates.get(i).apply(replica);
      try {
        costs[i] = cost.apply(replica);
      } catch (CancellationException e) {
        costs[i] = null;
      }
      replica.rollback(mark);
    }
    replica.commit();
  }
}
