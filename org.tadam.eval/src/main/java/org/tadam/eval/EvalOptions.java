package org.tadam.eval;

import java.util.List;
import org.tadam.capture.flow.ServiceTable;
import org.tadam.eval.judge.Judge;
import org.tadam.eval.judge.NdpiJudge;
import org.tadam.eval.judge.TsharkJudge;

/**
 * How an evaluation runs.
 *
 * @param services service names by port, as in {@code tadam words --service-port}
 * @param minConnections fewer connections than this in a half (or in the generated sample) and a
 *     service is reported as too small instead of with distances (the 20)
 * @param seed the seed of every generator run by --learn
 * @param judges the outside tools asked (none: no judge column)
 */
public record EvalOptions(ServiceTable services, int minConnections, long seed, List<Judge> judges) {
  public static final int MIN_CONNECTIONS = 20;
  public static final long SEED = 1;
  /** A tool that has not finished one capture in this time is stopped (and reported as failed). */
  public static final long TOOL_TIMEOUT_SECONDS = 3600;

  public EvalOptions {
    if (minConnections < 1) {
      throw new IllegalArgumentException("the least number of connections must be at least 1");
    }
    judges = List.copyOf(judges);
  }

  /** tshark and ndpiReader from the PATH, 20 connections, seed 1. */
  public static EvalOptions defaults() {
    return new EvalOptions(ServiceTable.standard(), MIN_CONNECTIONS, SEED,
        List.of(new TsharkJudge("tshark", TOOL_TIMEOUT_SECONDS), new NdpiJudge("ndpiReader", TOOL_TIMEOUT_SECONDS)));
  }

  public EvalOptions withServices(ServiceTable s) {
    return new EvalOptions(s, minConnections, seed, judges);
  }

  public EvalOptions withSeed(long s) {
    return new EvalOptions(services, minConnections, s, judges);
  }

  public EvalOptions withJudges(List<Judge> j) {
    return new EvalOptions(services, minConnections, seed, j);
  }

  public EvalOptions withMinConnections(int n) {
    return new EvalOptions(services, n, seed, judges);
  }
}
