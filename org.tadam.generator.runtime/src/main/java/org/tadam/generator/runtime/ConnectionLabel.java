package org.tadam.generator.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Arrays;

/**
 * What a label file says about one connection: its endpoints, the automaton's walk (edges in model numbering, the
 * states they lead through), the letters the TCP rules repaired and the noise applied, each at its position in
 * the walk. Filled by the synthesizer, written as one TSV row by the merging thread.
 */
final class ConnectionLabel {

	static final String HEADER = "connection\tstart\tprotocol\tclient\tclient_port\tserver\tserver_port\tmodel\tstates"
			+ "\tedges\tnoise\trepairs";

	/** {@link #repair}: the letter was drawn again among the legal edges (the edge listed is the new one). */
	private static final int REDRAWN = 0x40;
	/** {@link #repair}: the letter was not emitted. */
	private static final int DROPPED = 0x80;

	private final byte[] client = new byte[16];
	private final byte[] server = new byte[16];
	private int clientPort;
	private int serverPort;
	private int addressLength;
	private int[] edges = new int[32];
	private byte[] repair = new byte[32];
	private byte[] noise = new byte[32];
	private int length;

	/** Starts the label of a connection between the writer's endpoints. */
	void open(PacketWriter writer) {
		addressLength = writer.ipv6 ? 16 : 4;
		System.arraycopy(writer.ip[0], 0, client, 0, 16);
		System.arraycopy(writer.ip[1], 0, server, 0, 16);
		clientPort = writer.port[0];
		serverPort = writer.port[1];
		length = 0;
	}

	/** Appends a letter of the walk (compiled edge index) that the rules let through. */
	void add(int edge) {
		if (length == edges.length) {
			edges = Arrays.copyOf(edges, 2 * length);
			repair = Arrays.copyOf(repair, 2 * length);
			noise = Arrays.copyOf(noise, 2 * length);
		}
		edges[length] = edge;
		repair[length] = 0;
		noise[length++] = 0;
	}

	/** Appends a letter repaired for a TcpConversation kind: redrawn (then {@code edge} is the new one) or dropped. */
	void addRepaired(int edge, int kind, boolean dropped) {
		add(edge);
		repair[length - 1] = (byte) ((dropped ? DROPPED : REDRAWN) | kind);
	}

	/** Marks the last letter with a NoiseInjector operation. */
	void noise(int op) {
		noise[length - 1] = (byte) (op + 1);
	}

	/** Appends the row of this connection, with its line end. */
	void row(StringBuilder b, long index, long start, String protocol, AutomatonModel model) {
		b.append(index).append('\t').append(Instant.ofEpochSecond(0, start)).append('\t').append(protocol).append('\t');
		b.append(address(client)).append('\t').append(clientPort).append('\t');
		b.append(address(server)).append('\t').append(serverPort).append('\t');
		b.append(model.name).append('\t');
		int state = model.initialState;
		b.append(model.stateNames[state]);
		for (int i = 0; i < length; i++) {
			state = model.edgeTarget[edges[i]];
			b.append(' ').append(model.stateNames[state]);
		}
		b.append('\t');
		for (int i = 0; i < length; i++) {
			b.append(i == 0 ? "" : " ").append(model.edgeIds[edges[i]]);
		}
		b.append('\t');
		int before = b.length();
		for (int i = 0; i < length; i++) {
			if (noise[i] != 0) {
				b.append(b.length() == before ? "" : " ").append(NoiseInjector.NAMES[noise[i] - 1]).append('@').append(i);
			}
		}
		none(b, before);
		b.append('\t');
		before = b.length();
		for (int i = 0; i < length; i++) {
			int r = repair[i] & 0xFF;
			if (r != 0) {
				b.append(b.length() == before ? "" : " ").append(TcpConversation.NAMES[r & 0x3F])
						.append((r & DROPPED) != 0 ? ":dropped@" : ":redrawn@").append(i);
			}
		}
		none(b, before);
		b.append('\n');
	}

	/** An empty list is written "-", so that every column of a row has a value. */
	private static void none(StringBuilder b, int before) {
		if (b.length() == before) {
			b.append('-');
		}
	}

	private String address(byte[] ip) {
		try {
			return InetAddress.getByAddress(Arrays.copyOf(ip, addressLength)).getHostAddress();
		} catch (UnknownHostException e) {
			throw new IllegalStateException("an address of " + addressLength + " bytes", e);
		}
	}
}
