package org.tadam.eval;

import java.nio.file.Path;
import org.tadam.eval.sample.ServiceKey;

/**
 * A generator built by --learn for one service: the learned model and its compiled jar, or why
 * there is none.
 *
 * @param problem null when the jar was built
 */
public record Generator(ServiceKey key, Path model, Path jar, String problem) {
}
