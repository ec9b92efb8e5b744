package org.tadam.learner.export;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tadam.model.Automaton;
import org.tadam.model.PayloadModel;
import org.tadam.model.RandomPayload;
import org.tadam.model.VariantRange;
import org.tadam.model.WeightedLength;
import org.tadam.model.derived.PayloadVariants;

/**
 * Finds the payload variants of a model's pools (see {@link PayloadVariants}): which pool entries each training
 * connection used together. Connections with the same combination on the same path through the automaton
 * ({@link ConnectionPaths}) share a variant; the {@link #MAX_VARIANTS} most frequent combinations are kept and
 * numbered in the order of their contents, so that entries shared by neighbouring combinations get contiguous
 * ranges. Random-length entries join the variants of the connections that
 * sent them, without making variants of their own: an SSH packet length follows from the ciphers that the
 * connection's key exchange offered, and lengths alone would make every connection its own combination.
 */
final class PoolVariants {
  /**
   * Combinations kept: the rarer ones would lengthen the model for connections the pools barely cover. With pools of
   * up to 256 short messages, most of 289 public MQTT connections are combinations of their own (a client id, a
   * topic): at 256 kept, 48 connections started unpinned and 18 to 22 of 300 generated ones mixed a v4 CONNECT with
   * a v5 CONNACK, which tshark reads as malformed.
   */
  static final int MAX_VARIANTS = 1024;

  /** The last element of a combination: this plus the number of its connections' path. */
  private static final int PATH = 1 << 30;

  /** Per pooled edge: its entries (WeightedText or WeightedBytes). */
  private final List<List<?>> pools = new ArrayList<>();
  /**
   * Per connection (training sample): the (pool, entry) pairs it used, as pool << 8 | entry, which holds the
   * {@link PayloadPools#MAX_POOL_SIZE} entries a pool keeps at most.
   */
  private final Map<Integer, List<Integer>> used = new HashMap<>();
  /** After {@link #tag}: each training connection's variant, and how many variants were kept. */
  private final Map<Integer, Integer> variantOf = new HashMap<>();
  private int variants;
  /** Some training connections belong to no kept variant (the edges name them as variant {@link #variants}). */
  private boolean unpinned;
  /** The training connections the automaton parses without noise ({@link #tag}). */
  private BitSet parsed = new BitSet();
  /** Random-length entries, each with the training connections that sent a payload of its length on its edge. */
  private final List<Map.Entry<WeightedLength, BitSet>> lengths = new ArrayList<>();

  /**
   * Records the pool of one edge; {@code members} and {@code index} list, occurrence by occurrence, which training
   * connection sent which entry on it ({@link PoolEntries#indexOf}, -1: an entry the pool did not keep).
   */
  void add(PayloadModel pool, int[] members, int[] index) {
    List<?> entries = PoolEntries.of(pool);
    if (entries == null) {
      return;
    }
    int p = pools.size();
    pools.add(entries);
    for (int k = 0; k < members.length; k++) {
      if (index[k] >= 1 << 8) {
        throw new IllegalArgumentException("a pool of more than 256 entries: entry " + index[k]);
      }
      if (index[k] >= 0) {
        used.computeIfAbsent(members[k], m -> new ArrayList<>()).add(p << 8 | index[k]);
      }
    }
  }

  /** Records the random lengths of one edge, occurrence by occurrence with the connection that sent each. */
  void addLengths(RandomPayload pool, int[] members, int[] payloadLengths) {
    Map<Integer, BitSet> senders = new HashMap<>();
    for (int k = 0; k < members.length; k++) {
      senders.computeIfAbsent(payloadLengths[k], l -> new BitSet()).set(members[k]);
    }
    for (WeightedLength entry : pool.getLengths()) {
      BitSet set = senders.get(entry.getLength());
      if (set != null) {
        lengths.add(Map.entry(entry, set));
      }
    }
  }

  /**
   * {@link #tag(Automaton, BitSet, int[])} of a model that parses all its {@code connections} training connections,
   * all of one path.
   */
  void tag(Automaton automaton, int connections) {
    BitSet all = new BitSet();
    all.set(0, connections);
    tag(automaton, all, new int[connections]);
  }

  /**
   * Writes the variants into the recorded pools' entries, and into {@code automaton} how many of the training
   * connections each variant has (the generator pins a connection to one drawn on these weights); nothing when every
   * connection used the same entries on the same path. {@code pathOf}: per training connection the number of its
   * path through the automaton (ConnectionPaths). {@code parsed}: the training connections the automaton parses
   * without noise; the others are left to the noise model, which the generator replays only on request (--noise
   * learned). Drawn as unpinned connections, they walked the automaton freely: 3 of 150 loopback HTTP training
   * connections, and 1 of 150 generated ones answered "GET /" with the 3240 bytes of "GET /a.txt".
   */
  void tag(Automaton automaton, BitSet parsed, int[] pathOf) {
    this.parsed = parsed;
    int connections = parsed.cardinality();
    Map<Integer, List<Integer>> combinationOf = new HashMap<>();
    Map<List<Integer>, int[]> counts = new HashMap<>();
    used.forEach((connection, u) -> {
      if (!parsed.get(connection)) {
        return;
      }
      List<Integer> combination = new ArrayList<>(u.stream().distinct().sorted().toList());
      combination.add(PATH + pathOf[connection]);
      combinationOf.put(connection, combination);
      counts.computeIfAbsent(combination, c -> new int[1])[0]++;
    });
    if (counts.size() < 2) {
      return;
    }
    List<List<Integer>> kept = new ArrayList<>(counts.keySet());
    kept.sort((a, b) -> counts.get(a)[0] != counts.get(b)[0] ? counts.get(b)[0] - counts.get(a)[0] : compare(a, b));
    kept = new ArrayList<>(kept.subList(0, Math.min(MAX_VARIANTS, kept.size())));
    kept.sort(PoolVariants::compare);
    int pinned = 0;
    for (List<Integer> combination : kept) {
      automaton.getVariantWeights().add(counts.get(combination)[0]);
      pinned += counts.get(combination)[0];
    }
    automaton.setUnpinnedWeight(connections - pinned);
    unpinned = connections > pinned;
    Map<Integer, BitSet> variants = new HashMap<>();
    for (int v = 0; v < kept.size(); v++) {
      for (int pair : kept.get(v).subList(0, kept.get(v).size() - 1)) {
        variants.computeIfAbsent(pair, k -> new BitSet()).set(v);
      }
    }
    // the same bytes are the same message wherever the automaton put them: an MQTT v5 CONNECT on a rarer edge
    // belongs to the variants of the v5 CONNECT on the common one, whose answers the pools hold
    Map<Object, BitSet> byContent = new HashMap<>();
    for (int p = 0; p < pools.size(); p++) {
      List<?> entries = pools.get(p);
      for (int i = 0; i < entries.size(); i++) {
        BitSet set = variants.get(p << 8 | i);
        if (set != null) {
          byContent.computeIfAbsent(PoolEntries.content(entries.get(i)), k -> new BitSet()).or(set);
        }
      }
    }
    // but not of the variants that sent another entry on this edge: every connection of a variant used the same
    // entries, so one that sent its own there never sends this one there (an HTTP keep-alive client asks for / on the
    // edge of a connection's first request and for /a.txt later on another; taking /a.txt's variants on the first
    // edge, 5 of 150 generated keep-alive connections asked for /a.txt twice)
    for (int p = 0; p < pools.size(); p++) {
      List<?> entries = pools.get(p);
      BitSet ownEntries = new BitSet();
      for (int i = 0; i < entries.size(); i++) {
        BitSet own = variants.get(p << 8 | i);
        if (own != null) {
          ownEntries.or(own);
        }
      }
      for (int i = 0; i < entries.size(); i++) {
        BitSet sameContent = byContent.get(PoolEntries.content(entries.get(i)));
        if (sameContent == null) {
          continue;
        }
        BitSet set = (BitSet) sameContent.clone();
        set.andNot(ownEntries);
        BitSet own = variants.get(p << 8 | i);
        if (own != null) {
          set.or(own);
        }
        if (!set.isEmpty()) {
          variantsOf(entries.get(i)).addAll(PayloadVariants.ranges(set));
        }
      }
    }
    tagLengths(kept, combinationOf);
  }

  /**
   * A length's variants are those of the connections that sent it; a length every kept variant sent, or only
   * connections of no kept variant, lists none (it fits any connection).
   */
  private void tagLengths(List<List<Integer>> kept, Map<Integer, List<Integer>> combinationOf) {
    Map<List<Integer>, Integer> number = new HashMap<>();
    for (int v = 0; v < kept.size(); v++) {
      number.put(kept.get(v), v);
    }
    variants = kept.size();
    combinationOf.forEach((connection, combination) -> {
      Integer v = number.get(combination);
      if (v != null) {
        variantOf.put(connection, v);
      }
    });
    for (Map.Entry<WeightedLength, BitSet> e : lengths) {
      BitSet set = new BitSet();
      e.getValue().stream().forEach(connection -> {
        Integer v = variantOf.get(connection);
        if (v != null) {
          set.set(v);
        }
      });
      if (!set.isEmpty() && set.cardinality() < kept.size()) {
        e.getKey().getVariants().addAll(PayloadVariants.ranges(set));
      }
    }
  }

  /**
   * Writes into {@code automaton} the letters of each kept variant's shortest and longest training connection
   * ({@code letters}: per training connection its letters), so that a generated connection pinned to a variant ends
   * when its connections did: an NTP client whose connections polled four times, not a geometric number of times
   * around the automaton's loop. Call after {@link #tag}; nothing when it kept no variant.
   */
  void tagWordLengths(Automaton automaton, int[] letters) {
    if (variants == 0) {
      return;
    }
    int[] shortest = new int[variants];
    int[] longest = new int[variants];
    java.util.Arrays.fill(shortest, Integer.MAX_VALUE);
    variantOf.forEach((connection, v) -> {
      shortest[v] = Math.min(shortest[v], letters[connection]);
      longest[v] = Math.max(longest[v], letters[connection]);
    });
    for (int v = 0; v < variants; v++) {
      automaton.getVariantShortest().add(shortest[v]);
      automaton.getVariantLongest().add(longest[v]);
    }
  }

  /**
   * The letters of the training connections that start unpinned: those of no kept variant, or every one when no
   * variant was kept, among the ones the automaton parses. A pinned connection aims within its variant's lengths;
   * counting its connections here too would make the unpinned ones as long as them as well (a DNS flow of two
   * queries, all of one variant, came twice as often as in training).
   */
  int[] unpinnedLetters(int[] letters) {
    return java.util.stream.IntStream.range(0, letters.length).filter(c -> parsed.get(c) && !variantOf.containsKey(c))
        .map(c -> letters[c]).toArray();
  }

  /**
   * Writes into each edge the variants of the parsed training connections that took it ({@code takenBy}: the
   * connections per edge, each with the letters at which it did), so that a generated connection pinned to a variant
   * keeps to its training connections' paths; the connections of no kept variant count as the variant after the last one (an FTP
   * data connection that carried nothing: no pool entry pins it). An edge that every variant took at the same
   * letters, or none did, lists none (it fits any connection). Where the variants took it at letters of their own,
   * each range says at which ({@code 0 to 3 at 5 to 9}), a variant with letters apart once per run of them
   * ({@code 0 at 3 to 3, 0 at 9 to 17}, at most {@link LetterRuns#MAX_RUNS}): merged states let a pinned walk take its
   * variant's letters in any order (a MySQL client's quit before its query, a TLS client's data before the server's
   * hello), or one of them where its variant took it only before and after (a MySQL client's ACK in place of its
   * login), and the generator keeps a pinned walk to its variant's places. Call after {@link #tag}.
   */
  void tagEdges(Map<org.tadam.model.Edge, Map<Integer, BitSet>> takenBy) {
    if (variants == 0) {
      return;
    }
    int all = unpinned ? variants + 1 : variants;
    takenBy.forEach((edge, connections) -> {
      BitSet[] letters = new BitSet[variants + 1];
      connections.forEach((connection, taken) -> {
        if (!parsed.get(connection)) {
          return;
        }
        int v = variantOf.getOrDefault(connection, variants);
        if (letters[v] == null) {
          letters[v] = new BitSet();
        }
        letters[v].or(taken);
      });
      int[][] places = new int[variants + 1][];
      BitSet set = new BitSet();
      boolean ownPlaces = false;
      for (int v = 0; v < places.length; v++) {
        if (letters[v] != null) {
          places[v] = LetterRuns.of(letters[v]);
          set.set(v);
          ownPlaces |= places[v].length > 2 || places[v][0] > edge.getFirstLetter()
              || places[v][1] < edge.getLastLetter();
        }
      }
      if (ownPlaces) {
        edge.getVariants().addAll(PayloadVariants.placedRanges(places));
      } else if (!set.isEmpty() && set.cardinality() < all) {
        edge.getVariants().addAll(PayloadVariants.ranges(set));
      }
    });
  }

  private static List<VariantRange> variantsOf(Object entry) {
    return entry instanceof org.tadam.model.WeightedBytes b ? b.getVariants()
        : ((org.tadam.model.WeightedText) entry).getVariants();
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
