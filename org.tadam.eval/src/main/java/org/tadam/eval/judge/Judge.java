package org.tadam.eval.judge;

import java.io.PrintWriter;
import org.tadam.eval.sample.Side;

/** An outside opinion on every connection of a side (one class per tool). */
public interface Judge {

  /** The tool's name as the report shows it. */
  String name();

  /** Verdicts for the side's connections; {@link JudgeVerdicts#absent} when the tool is not installed. */
  JudgeVerdicts judge(Side side, PrintWriter progress);
}
