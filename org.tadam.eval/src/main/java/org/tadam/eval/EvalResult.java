package org.tadam.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an evaluation.
 *
 * @param mode "compare" (REAL against GENERATED) or "learn" (the holdout protocol of --learn)
 * @param judges per tool: its status and version (or why it is absent) on each side
 * @param onlyReal services (label → connections) found in the real capture only; likewise onlyGenerated
 * @param generators --learn: the generators built, else empty
 * @param learner --learn: how the models were learned and compiled, else null
 */
public record EvalResult(String mode, List<Path> realFiles, List<Path> generatedFiles, EvalOptions options,
    Map<String, Map<String, String>> judges, List<ServiceResult> services, Map<String, Integer> onlyReal,
    Map<String, Integer> onlyGenerated, List<Generator> generators, String learner, List<String> warnings) {
}
