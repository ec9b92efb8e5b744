package org.tadam.learner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tadam.model.Automaton;
import org.tadam.model.PayloadClass;
import org.tadam.model.PayloadModel;
import org.tadam.model.RandomPayload;
import org.tadam.model.ReplayPayload;
import org.tadam.model.TadamFactory;
import org.tadam.model.TextPayload;
import org.tadam.model.derived.PayloadVariants;

class PoolVariantsTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final int[] TEN = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  /** Connections 0-5 say HELO and get "250 a"; 6-9 say EHLO and get "250-b" or "250-c". */
  private static final byte[][] HELLOS = new byte[10][];
  private static final byte[][] REPLIES = new byte[10][];

  static {
    for (int m : TEN) {
      HELLOS[m] = b(m < 6 ? "HELO x" : "EHLO x");
      REPLIES[m] = b(m < 6 ? "250 a" : m < 8 ? "250-b" : "250-c");
    }
  }

  private static PoolVariants heloEhlo(TextPayload hellos, TextPayload replies) {
    PoolVariants variants = new PoolVariants();
    add(variants, hellos, TEN, HELLOS);
    add(variants, replies, TEN, REPLIES);
    return variants;
  }

  /** Connections 0-5 say HELO and get "250 a"; 6-9 say EHLO and get "250-b" or "250-c". */
  @Test
  void entriesSentTogetherShareAVariantAndOthersDoNot() {
    TextPayload hellos = pool(HELLOS, PayloadClass.TEXT);
    TextPayload replies = pool(REPLIES, PayloadClass.TEXT);
    PoolVariants variants = heloEhlo(hellos, replies);
    Automaton automaton = TadamFactory.eINSTANCE.createAutomaton();
    variants.tag(automaton, 12);

    BitSet helo = set(hellos, "HELO x");
    BitSet ehlo = set(hellos, "EHLO x");
    assertFalse(helo.isEmpty());
    assertFalse(helo.intersects(ehlo));
    assertTrue(helo.intersects(set(replies, "250 a")));
    assertFalse(helo.intersects(set(replies, "250-b")) || helo.intersects(set(replies, "250-c")));
    assertTrue(ehlo.intersects(set(replies, "250-b")) && ehlo.intersects(set(replies, "250-c")));
    assertEquals(3, helo.cardinality() + ehlo.cardinality(), "one variant per combination");
    // each variant weighs its connections; the two that sent nothing pooled start unpinned
    assertEquals(6, automaton.getVariantWeights().get(helo.nextSetBit(0)));
    assertEquals(List.of(2, 2), ehlo.stream().mapToObj(automaton.getVariantWeights()::get).toList());
    assertEquals(2, automaton.getUnpinnedWeight());
  }

  /**
   * Connections 0-9 as above, 10 and 11 sent nothing pooled; the automaton parses neither 9 (an EHLO, "250-c") nor 11
   * without noise: they weigh nothing, so the generator draws no connection that walks the automaton freely for them.
   */
  @Test
  void connectionsTheAutomatonDoesNotParseWeighNothing() {
    TextPayload hellos = pool(HELLOS, PayloadClass.TEXT);
    TextPayload replies = pool(REPLIES, PayloadClass.TEXT);
    PoolVariants variants = heloEhlo(hellos, replies);
    Automaton automaton = TadamFactory.eINSTANCE.createAutomaton();
    BitSet parsed = new BitSet();
    parsed.set(0, 11);
    parsed.clear(9);
    variants.tag(automaton, parsed, new int[12]);

    BitSet ehloC = set(replies, "250-c");
    ehloC.and(set(hellos, "EHLO x"));
    assertEquals(List.of(1), ehloC.stream().mapToObj(automaton.getVariantWeights()::get).toList(),
        "connection 8 alone");
    assertEquals(1, automaton.getUnpinnedWeight(), "connection 10 alone");
    assertEquals(parsed.cardinality(),
        automaton.getVariantWeights().stream().mapToInt(Integer::intValue).sum() + automaton.getUnpinnedWeight());
    assertEquals(1, variants.unpinnedLetters(new int[12]).length, "the letters of connection 10 alone");
  }

  /** Connections 0-3 sent the same entry; 0 and 1 took one path through the automaton, 2 and 3 another. */
  @Test
  void theSameEntriesOnTwoPathsAreTwoVariants() {
    int[] members = { 0, 1, 2, 3 };
    byte[][] hello = { b("HELO x"), b("HELO x"), b("HELO x"), b("HELO x") };
    TextPayload hellos = pool(hello, PayloadClass.TEXT);
    PoolVariants variants = new PoolVariants();
    add(variants, hellos, members, hello);
    Automaton automaton = TadamFactory.eINSTANCE.createAutomaton();
    BitSet parsed = new BitSet();
    parsed.set(0, 4);
    variants.tag(automaton, parsed, new int[] { 0, 0, 1, 1 });
    assertEquals(List.of(2, 2), automaton.getVariantWeights());
    assertEquals(2, set(hellos, "HELO x").cardinality(), "the entry belongs to both");
  }

  /** A message sent on two edges is one message: on both it belongs to the variants of either. */
  @Test
  void theSameBytesOnTwoEdgesShareTheirVariants() {
    int[] common = { 0, 1, 2, 3 };
    byte[][] connects = { b("v5"), b("v5"), b("v4"), b("v4") };
    byte[][] acks = { b("ack5"), b("ack5"), b("ack4"), b("ack4") };
    TextPayload commonPool = pool(connects, PayloadClass.TEXT);
    TextPayload ackPool = pool(acks, PayloadClass.TEXT);
    int[] rare = { 4 };
    byte[][] rareConnect = { b("v5") };
    TextPayload rarePool = pool(rareConnect, PayloadClass.TEXT);
    PoolVariants variants = new PoolVariants();
    add(variants, commonPool, common, connects);
    add(variants, ackPool, common, acks);
    add(variants, rarePool, rare, rareConnect);
    variants.tag(TadamFactory.eINSTANCE.createAutomaton(), 100);
    assertEquals(set(commonPool, "v5"), set(rarePool, "v5"));
    assertTrue(set(rarePool, "v5").intersects(set(ackPool, "ack5")));
    assertFalse(set(rarePool, "v5").intersects(set(ackPool, "ack4")));
  }

  /**
   * Connections 0-1 ask for "/" then "/a.txt" on a second edge (keep-alive); 2-3 ask for "/a.txt" on the first edge
   * only. The first edge's "/a.txt" does not take the keep-alive variant: its connections sent "/" there.
   */
  @Test
  void aMessageOnAnotherEdgeLeavesOutTheVariantsThatSentTheirOwnOnThisOne() {
    int[] first = { 0, 1, 2, 3 };
    byte[][] firstRequests = { b("GET /"), b("GET /"), b("GET /a.txt"), b("GET /a.txt") };
    TextPayload firstPool = pool(firstRequests, PayloadClass.TEXT);
    int[] second = { 0, 1 };
    byte[][] secondRequests = { b("GET /a.txt"), b("GET /a.txt") };
    TextPayload secondPool = pool(secondRequests, PayloadClass.TEXT);
    PoolVariants variants = new PoolVariants();
    add(variants, firstPool, first, firstRequests);
    add(variants, secondPool, second, secondRequests);
    variants.tag(TadamFactory.eINSTANCE.createAutomaton(), 4);

    BitSet keepAlive = set(firstPool, "GET /");
    assertEquals(1, keepAlive.cardinality());
    assertFalse(set(firstPool, "GET /a.txt").intersects(keepAlive), "keep-alive clients never sent /a.txt first");
    assertTrue(set(secondPool, "GET /a.txt").intersects(keepAlive));
    assertTrue(set(secondPool, "GET /a.txt").intersects(set(firstPool, "GET /a.txt")), "the same message elsewhere");
  }

  /**
   * Connections 0-3 offer one cipher and send 64-byte packets, 4-7 another and send 44 bytes; 52 bytes come from
   * both. A length joins the variants of its senders and makes none of its own.
   */
  @Test
  void randomLengthsJoinTheVariantsOfTheirSenders() {
    int[] members = { 0, 1, 2, 3, 4, 5, 6, 7 };
    byte[][] offers = new byte[8][];
    byte[][] packets = new byte[8][];
    int[] lengths = new int[8];
    Random ciphertext = new Random(9);
    for (int m : members) {
      offers[m] = b(m < 4 ? "aes128-ctr" : "chacha20");
      lengths[m] = m == 3 || m == 7 ? 52 : m < 4 ? 64 : 44;
      packets[m] = new byte[lengths[m]];
      ciphertext.nextBytes(packets[m]); // zeros would be a structured message
    }
    TextPayload offerPool = pool(offers, PayloadClass.TEXT);
    RandomPayload lengthPool = (RandomPayload) new PayloadPoolsFixture(packets).toModel(PayloadClass.RANDOM);
    PoolVariants variants = new PoolVariants();
    add(variants, offerPool, members, offers);
    variants.addLengths(lengthPool, members, lengths);
    variants.tag(TadamFactory.eINSTANCE.createAutomaton(), 100);

    BitSet aes = set(offerPool, "aes128-ctr");
    BitSet chacha = set(offerPool, "chacha20");
    assertEquals(2, aes.cardinality() + chacha.cardinality(), "lengths make no variants of their own");
    assertEquals(aes, length(lengthPool, 64));
    assertEquals(chacha, length(lengthPool, 44));
    assertTrue(length(lengthPool, 52).isEmpty(), "a length of every variant names none");
  }

  /**
   * Connections 0-5 say HELO, 6-9 EHLO (two variants, 10 and 11 sent nothing pooled): an edge only HELO
   * connections took lists their variant, one every connection took lists none, one only connection 10 took lists
   * the variant after the last, which stands for the connections of none.
   */
  @Test
  void edgesListTheVariantsOfTheConnectionsThatTookThem() {
    Hellos tagged = hellos();
    TextPayload hellos = tagged.pool();
    PoolVariants variants = tagged.variants();
    org.tadam.model.Edge heloOnly = TadamFactory.eINSTANCE.createEdge();
    org.tadam.model.Edge everyone = TadamFactory.eINSTANCE.createEdge();
    org.tadam.model.Edge unpinned = TadamFactory.eINSTANCE.createEdge();
    BitSet first = new BitSet();
    first.set(1, 4);
    BitSet all = new BitSet();
    all.set(0, 12);
    BitSet ten = new BitSet();
    ten.set(10);
    Map<org.tadam.model.Edge, Map<Integer, BitSet>> takenBy = new LinkedHashMap<>();
    takenBy.put(heloOnly, at(first, 3, heloOnly));
    takenBy.put(everyone, at(all, 3, everyone));
    takenBy.put(unpinned, at(ten, 3, unpinned));
    variants.tagEdges(takenBy);
    assertEquals(set(hellos, "HELO x"), PayloadVariants.of(heloOnly.getVariants()));
    assertTrue(everyone.getVariants().isEmpty());
    BitSet third = new BitSet();
    third.set(2);
    assertEquals(third, PayloadVariants.of(unpinned.getVariants()), "connections of no variant are variant 2");
    assertTrue(heloOnly.getVariants().stream().allMatch(r -> r.getFirstLetter() < 0), "the edge's own letters");
  }

  /**
   * Connections 0-5 say HELO, 6-9 EHLO, 10 and 11 nothing pooled, and all took an edge: the HELO clients at letter 3,
   * the EHLO clients at 5 and 6, the others at 3. The edge lists every variant, each with its letters, since a walk
   * pinned to the EHLO clients' variant must not take it at 3.
   */
  @Test
  void variantsThatTookAnEdgeAtLettersOfTheirOwnListThem() {
    Hellos tagged = hellos();
    TextPayload hellos = tagged.pool();
    PoolVariants variants = tagged.variants();
    org.tadam.model.Edge edge = TadamFactory.eINSTANCE.createEdge();
    Map<Integer, BitSet> places = new java.util.HashMap<>();
    for (int c = 0; c < 12; c++) {
      places.put(c, letters(c >= 6 && c < 10 ? c == 9 ? new int[] { 5, 6 } : new int[] { 5 } : new int[] { 3 }));
    }
    edge.setFirstLetter(3);
    edge.setLastLetter(6);
    variants.tagEdges(Map.of(edge, places));
    int helo = set(hellos, "HELO x").nextSetBit(0);
    int ehlo = set(hellos, "EHLO x").nextSetBit(0);
    Map<Integer, String> listed = new java.util.TreeMap<>();
    for (org.tadam.model.VariantRange r : edge.getVariants()) {
      for (int v = r.getFirst(); v <= Math.max(r.getFirst(), r.getLast()); v++) {
        listed.put(v, r.getFirstLetter() + " to " + r.getLastLetter());
      }
    }
    assertEquals(Map.of(helo, "3 to 3", ehlo, "5 to 6", 2, "3 to 3"), listed);
  }

  /**
   * 400 MQTT-like connections, each with its own pair of a client id (one of 20) and a topic (one of 20): 400
   * combinations, every one kept as a variant, so that no connection starts unpinned and mixes a v4 CONNECT with a v5
   * CONNACK (with 256 kept, 144 of them were unpinned).
   */
  @Test
  void everyCombinationOfAFewHundredConnectionsIsAVariant() {
    int n = 400;
    int[] members = new int[n];
    byte[][] ids = new byte[n][];
    byte[][] topics = new byte[n][];
    for (int m = 0; m < n; m++) {
      members[m] = m;
      ids[m] = b("client-" + m % 20);
      topics[m] = b("topic/" + m / 20);
    }
    TextPayload idPool = pool(ids, PayloadClass.TEXT);
    TextPayload topicPool = pool(topics, PayloadClass.TEXT);
    PoolVariants variants = new PoolVariants();
    add(variants, idPool, members, ids);
    add(variants, topicPool, members, topics);
    Automaton automaton = TadamFactory.eINSTANCE.createAutomaton();
    variants.tag(automaton, n);
    assertEquals(n, automaton.getVariantWeights().size());
    assertEquals(0, automaton.getUnpinnedWeight());
  }

  /** The (pool, entry) pairs hold the entries a pool keeps at most, and refuse more rather than mix two pools. */
  @Test
  void aPoolOfMoreEntriesThanAPoolKeepsIsRefused() {
    assertTrue(PayloadPools.MAX_POOL_SIZE <= 256);
    TextPayload hellos = pool(new byte[][] { b("HELO x") }, PayloadClass.TEXT);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new PoolVariants().add(hellos, new int[] { 0 }, new int[] { 256 }));
  }

  /** The variants of 12 training connections and the pool of their hellos. */
  private record Hellos(PoolVariants variants, TextPayload pool) {
  }

  /** Connections 0-5 say HELO, 6-9 EHLO, 10 and 11 send nothing pooled: two variants, tagged. */
  private static Hellos hellos() {
    int[] members = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    byte[][] hello = new byte[10][];
    for (int m : members) {
      hello[m] = b(m < 6 ? "HELO x" : "EHLO x");
    }
    TextPayload hellos = pool(hello, PayloadClass.TEXT);
    PoolVariants variants = new PoolVariants();
    add(variants, hellos, members, hello);
    variants.tag(TadamFactory.eINSTANCE.createAutomaton(), 12);
    return new Hellos(variants, hellos);
  }

  /** The connections of {@code connections}, each taking {@code edge} at {@code letter}, which bounds the edge. */
  private static Map<Integer, BitSet> at(BitSet connections, int letter, org.tadam.model.Edge edge) {
    edge.setFirstLetter(letter);
    edge.setLastLetter(letter);
    Map<Integer, BitSet> places = new java.util.HashMap<>();
    connections.stream().forEach(c -> places.put(c, letters(letter)));
    return places;
  }

  private static BitSet letters(int... letters) {
    return LetterRunsTest.letters(letters);
  }

  /**
   * Connections 0-5 say HELO and took an edge at letters 3 and 9, 6-9 EHLO took it at 5 to 7 and 11 to 13, 10 and 11
   * at 3: the HELO variant is listed at each of its two letters, not at the letters between them, where a walk
   * pinned to it must not take the edge.
   */
  @Test
  void aVariantThatTookAnEdgeAtLettersApartListsEachRunOfThem() {
    Hellos tagged = hellos();
    PoolVariants variants = tagged.variants();
    int helo = set(tagged.pool(), "HELO x").nextSetBit(0);
    int ehlo = set(tagged.pool(), "EHLO x").nextSetBit(0);
    org.tadam.model.Edge edge = TadamFactory.eINSTANCE.createEdge();
    Map<Integer, BitSet> places = new java.util.HashMap<>();
    for (int c = 0; c < 12; c++) {
      places.put(c, c < 6 ? letters(3, 9) : c < 10 ? letters(5, 6, 7, 11, 12, 13) : letters(3));
    }
    edge.setFirstLetter(3);
    edge.setLastLetter(13);
    variants.tagEdges(Map.of(edge, places));
    Map<Integer, List<String>> listed = new java.util.TreeMap<>();
    for (org.tadam.model.VariantRange r : edge.getVariants()) {
      for (int v = r.getFirst(); v <= Math.max(r.getFirst(), r.getLast()); v++) {
        listed.computeIfAbsent(v, k -> new java.util.ArrayList<>()).add(r.getFirstLetter() + " to " + r.getLastLetter());
      }
    }
    assertEquals(Map.of(helo, List.of("3 to 3", "9 to 9"), ehlo, List.of("5 to 7", "11 to 13"), 2, List.of("3 to 3")),
        listed);
  }

  /** Connections 0-5 say HELO, 6-9 EHLO: the letters of 10 and 11 alone are those of the unpinned connections. */
  @Test
  void theUnpinnedLettersAreThoseOfConnectionsOfNoVariant() {
    int[] members = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    byte[][] hello = new byte[10][];
    for (int m : members) {
      hello[m] = b(m < 6 ? "HELO x" : "EHLO x");
    }
    PoolVariants variants = new PoolVariants();
    add(variants, pool(hello, PayloadClass.TEXT), members, hello);
    Automaton automaton = TadamFactory.eINSTANCE.createAutomaton();
    variants.tag(automaton, 12);
    int[] letters = { 5, 5, 5, 5, 5, 5, 7, 7, 7, 7, 3, 9 };
    assertEquals(List.of(3, 9), java.util.Arrays.stream(variants.unpinnedLetters(letters)).boxed().toList());
    variants.tagWordLengths(automaton, letters);
    assertEquals(List.of(5, 7), List.copyOf(automaton.getVariantShortest()).stream().sorted().toList());
  }

  @Test
  void oneCombinationNeedsNoVariants() {
    int[] members = { 0, 1, 2 };
    byte[][] data = { { 1, 2 }, { 1, 2 }, { 1, 2 } };
    ReplayPayload pool = (ReplayPayload) new PayloadPoolsFixture(data).toModel(PayloadClass.REPLAY);
    PoolVariants variants = new PoolVariants();
    add(variants, pool, members, data);
    variants.tag(TadamFactory.eINSTANCE.createAutomaton(), 100);
    assertTrue(pool.getEntries().get(0).getVariants().isEmpty());
  }

  private static TextPayload pool(byte[][] data, PayloadClass c) {
    return (TextPayload) new PayloadPoolsFixture(data).toModel(c);
  }

  private static BitSet set(TextPayload pool, String text) {
    return PayloadVariants.of(pool.getEntries().stream().filter(e -> e.getText().equals(text)).findFirst()
        .orElseThrow().getVariants());
  }

  private static BitSet length(RandomPayload pool, int length) {
    return PayloadVariants.of(pool.getLengths().stream().filter(e -> e.getLength() == length).findFirst()
        .orElseThrow().getVariants());
  }

  /** The exporter's own pool builder, fed one payload per connection. */
  private static final class PayloadPoolsFixture {
    private final PayloadPools pools = new PayloadPools();

    PayloadPoolsFixture(byte[][] data) {
      for (byte[] d : data) {
        pools.add(d, d.length, 1);
      }
    }

    Object toModel(PayloadClass c) {
      return pools.toModel(c);
    }
  }

  /** Records one edge's pool, matching each occurrence's payload to its entry as the export does. */
  private static void add(PoolVariants variants, PayloadModel pool, int[] members, byte[][] payloads) {
    variants.add(pool, members, PoolEntries.indexOf(pool, Arrays.asList(payloads)));
  }
}
