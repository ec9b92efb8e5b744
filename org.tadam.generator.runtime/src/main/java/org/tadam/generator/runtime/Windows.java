package org.tadam.generator.runtime;

import java.io.IOException;

/**
 * The bookkeeping between generation and merge, in window order: the connections carried from window to window,
 * the counts of the summary (over every walk, also those without packets: the same whatever the thread count)
 * and the label rows, in the order of the connections' numbers.
 */
final class Windows {
	private final ScenarioModel scenario;
	private final Appendable labels;
	private final StringBuilder row = new StringBuilder();
	/** Connections open past the last prepared window, in index order, and the times of their last packets. */
	private ConnectionPackets[] carried = new ConnectionPackets[16];
	private long[] carriedLast = new long[16];
	private int carriedCount;
	/** The arrays the next window's carried connections are listed in: the two pairs take turns. */
	private ConnectionPackets[] spare = new ConnectionPackets[16];
	private long[] spareLast = new long[16];
	long connections;
	final long[] repairs = new long[TcpConversation.KINDS];
	final long[] noise = new long[NoiseInjector.KINDS];

	Windows(ScenarioModel scenario, Appendable labels) {
		this.scenario = scenario;
		this.labels = labels;
	}

	void prepare(Chunk g, ArrayPool arrays) throws IOException {
		for (int i = 0; i < repairs.length; i++) {
			repairs[i] += g.repairs[i];
		}
		for (int i = 0; i < noise.length; i++) {
			noise[i] += g.noise[i];
		}
		int most = carriedCount + g.size;
		ConnectionPackets[] list = arrays.packets(most);
		if (spare.length < most) {
			spare = new ConnectionPackets[most + most / 4];
			spareLast = new long[spare.length];
		}
		ConnectionPackets[] stillOpen = spare;
		long[] stillOpenLast = spareLast;
		int k = 0;
		int open = 0;
		for (int i = 0; i < carriedCount; i++) {
			ConnectionPackets c = carried[i];
			list[k++] = c;
			if (!g.closing && carriedLast[i] >= g.windowEnd) {
				stillOpen[open] = c;
				stillOpenLast[open++] = carriedLast[i];
			} else {
				g.finished.add(c);
			}
		}
		for (int i = 0; i < g.size; i++) {
			ConnectionPackets c = g.connections[i];
			long last = g.lastTimes[i];
			if (last == Long.MIN_VALUE) {
				g.finished.add(c);
				continue;
			}
			connections++;
			if (labels != null) {
				label(c);
			}
			list[k++] = c;
			if (!g.closing && last >= g.windowEnd) {
				stillOpen[open] = c;
				stillOpenLast[open++] = last;
			} else {
				g.finished.add(c);
			}
		}
		// the arrays just read take the next window's turn; the references they hold are overwritten before read
		spare = carried;
		spareLast = carriedLast;
		carried = stillOpen;
		carriedLast = stillOpenLast;
		carriedCount = open;
		g.contributors = list;
		g.contributorCount = k;
	}

	private void label(ConnectionPackets c) throws IOException {
		AutomatonModel model = scenario.automata[c.automaton];
		row.setLength(0);
		c.label.row(row, c.index, c.start, model.protocol == AutomatonModel.TCP ? "tcp" : "udp", model);
		labels.append(row);
	}
}
