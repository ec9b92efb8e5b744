package org.tadam.learner.automaton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ropes of letters read and copied against the lists they stand for, through concatenations and reversals. */
class LetterRopeTest {

  @Test
  void readsAndCopiesAsTheListItStandsFor() {
    Random r = new Random(8);
    List<LetterRope> ropes = new ArrayList<>();
    List<List<Long>> lists = new ArrayList<>();
    for (int step = 0; step < 400; step++) {
      int kind = ropes.isEmpty() ? 0 : r.nextInt(3);
      LetterRope rope;
      List<Long> list;
      if (kind == 0) {
        long[] letters = new long[1 + r.nextInt(6) + r.nextInt(3)];
        int n = 1 + r.nextInt(letters.length);
        list = new ArrayList<>();
        for (int i = 0; i < letters.length; i++) {
          letters[i] = r.nextInt(1000);
          if (i < n) {
            list.add(letters[i]);
          }
        }
        rope = LetterRope.prefix(letters, n);
      } else if (kind == 1) {
        int a = r.nextInt(ropes.size());
        int b = r.nextInt(ropes.size());
        rope = LetterRope.concat(ropes.get(a), ropes.get(b));
        list = new ArrayList<>(lists.get(a));
        list.addAll(lists.get(b));
      } else {
        int a = r.nextInt(ropes.size());
        rope = LetterRope.reverse(ropes.get(a));
        list = new ArrayList<>(lists.get(a));
        Collections.reverse(list);
      }
      ropes.add(rope);
      lists.add(list);
      assertEquals(list.size(), rope.size);
      long[] expected = list.stream().mapToLong(Long::longValue).toArray();
      long[] read = new long[rope.size];
      for (int i = 0; i < read.length; i++) {
        read[i] = rope.get(i, false);
      }
      assertArrayEquals(expected, read);
      long[] copied = new long[rope.size + 2];
      rope.copyTo(copied, 1, false);
      long[] inner = new long[rope.size];
      System.arraycopy(copied, 1, inner, 0, rope.size);
      assertArrayEquals(expected, inner);
    }
  }
}
