package org.tadam.learner.export;

import java.nio.file.Path;
import org.tadam.dsl.TadamStandaloneSetup;
import org.tadam.dsl.io.ModelFileException;
import org.tadam.dsl.io.ModelFiles;
import org.tadam.model.Automaton;

/**
 * The DSL's model files for the learner's tests and benchmarks, set up once per process: learned
 * models are rendered through its serializer and formatter, as the command line writes them.
 */
public final class ModelText {
  private static ModelFiles files;

  private ModelText() {
  }

  public static synchronized ModelFiles files() {
    if (files == null) {
      files = new TadamStandaloneSetup().createInjectorAndDoEMFRegistration()
          .getInstance(ModelFiles.class);
    }
    return files;
  }

  public static String toText(Automaton automaton) {
    return files().toText(automaton);
  }

  /** Writes atomically through {@link ModelFiles#save}. */
  public static void save(Automaton automaton, Path target) throws ModelFileException {
    files().save(automaton, target);
  }
}
