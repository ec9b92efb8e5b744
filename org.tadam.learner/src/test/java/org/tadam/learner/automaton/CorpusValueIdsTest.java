package org.tadam.learner.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tadam.learner.search.Fixtures;
import org.tadam.learner.stats.ValueStats;
import org.tadam.learner.truth.TruthAutomaton;

/**
 * The numbers of the values ({@link Corpus#valueId}) that the edges keep their value codes by: two
 * letters of one symbol get the same number exactly when they carry the same value, and the
 * numbers of a symbol are 0 … distinctValues − 1, all used (a code kept under a shared number
 * would be read for a different value).
 */
class CorpusValueIdsTest {

  @Test
  void oneNumberPerDistinctValueOfEachSymbol() {
    TruthAutomaton[] truths = {TruthAutomaton.tcpSession(), TruthAutomaton.requestResponse()};
    for (int seed = 0; seed < 4; seed++) {
      Corpus c = Fixtures.corpus(Fixtures.samples(truths[seed % 2], 200, 0.1, seed));
      int symbols = c.alphabet().size();
      // per symbol: the value of each number, and the number of each value
      Map<Integer, Long>[] valueOf = newMaps(symbols);
      Map<Long, Integer>[] idOf = newMaps(symbols);
      for (int w = 0; w < c.size(); w++) {
        for (int l = 0; l < c.length(w); l++) {
          int x = c.symbol(w, l);
          int id = c.valueId(w, l);
          long v = ValueStats.pack(c.value(w, l));
          assertTrue(id >= 0 && id < c.distinctValues(x), "word " + w + " letter " + l);
          assertEquals(v, valueOf[x].computeIfAbsent(id, k -> v), "two values under one number");
          assertEquals(id, idOf[x].computeIfAbsent(v, k -> id), "two numbers for one value");
        }
      }
      for (int x = 0; x < symbols; x++) {
        assertEquals(c.distinctValues(x), idOf[x].size(), "symbol " + x);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Map<K, V>[] newMaps(int n) {
    Map<K, V>[] maps = new Map[n];
    for (int i = 0; i < n; i++) {
      maps[i] = new HashMap<>();
    }
    return maps;
  }
}
