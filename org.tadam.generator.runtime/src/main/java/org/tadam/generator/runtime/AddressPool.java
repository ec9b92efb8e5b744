package org.tadam.generator.runtime;

import org.tadam.pcap.Bytes;

/**
 * The hosts of one side of a scenario: subnets to draw addresses from, MAC addresses or vendor prefixes, and a
 * TTL. A host's MAC is derived from its IP address, so the same host always shows the same MAC.
 */
public final class AddressPool {

	private final byte[][] subnets;
	private final int[] prefixes;
	private final byte[][] macs;
	final int ttl;
	private final boolean hasV4;
	private final boolean hasV6;

	/**
	 * @param subnets network addresses (4 or 16 bytes)
	 * @param prefixes their prefix lengths
	 * @param macs 6-byte MACs or 3-byte OUIs; none: locally administered random MACs
	 */
	public AddressPool(byte[][] subnets, int[] prefixes, byte[][] macs, int ttl) {
		if (subnets.length == 0) {
			throw new IllegalArgumentException("an address pool needs a subnet");
		}
		this.subnets = subnets;
		this.prefixes = prefixes;
		this.macs = macs;
		this.ttl = ttl;
		boolean v4 = false;
		boolean v6 = false;
		for (byte[] s : subnets) {
			v4 |= s.length == 4;
			v6 |= s.length == 16;
		}
		hasV4 = v4;
		hasV6 = v6;
	}

	boolean has(boolean ipv6) {
		return ipv6 ? hasV6 : hasV4;
	}

	/** Draws a host of the given IP version into {@code ip} (4 or 16 bytes) and its MAC into {@code mac}. */
	void draw(Rng rng, boolean ipv6, byte[] ip, byte[] mac) {
		int pick = rng.nextInt(subnets.length);
		while (subnets[pick].length != (ipv6 ? 16 : 4)) {
			pick = pick + 1 == subnets.length ? 0 : pick + 1;
		}
		byte[] net = subnets[pick];
		int prefix = prefixes[pick];
		int hostBits = net.length * 8 - prefix;
		if (!ipv6) {
			int hostMask = hostBits == 32 ? -1 : (1 << hostBits) - 1;
			int network = ((net[0] & 0xFF) << 24 | (net[1] & 0xFF) << 16 | (net[2] & 0xFF) << 8 | net[3] & 0xFF) & ~hostMask;
			int host = rng.nextInt() & hostMask;
			// the network and broadcast addresses of a subnet are no hosts
			for (int attempt = 0; hostBits >= 2 && (host == 0 || host == hostMask) && attempt < 16; attempt++) {
				host = rng.nextInt() & hostMask;
			}
			Bytes.put32be(ip, 0, network | host);
		} else {
			// a random 64-bit interface identifier is never the all-zero subnet-router anycast in practice
			int firstHostByte = prefix >>> 3;
			System.arraycopy(net, 0, ip, 0, firstHostByte);
			long bits = 0;
			for (int i = firstHostByte; i < 16; i++) {
				if (((i - firstHostByte) & 7) == 0) {
					bits = rng.nextLong();
				}
				int mask = 0xFF >>> Math.max(0, Math.min(8, prefix - 8 * i)); // the host bits of this byte
				ip[i] = (byte) ((net[i] & ~mask) | ((int) bits & mask));
				bits >>>= 8;
			}
		}
		macFor(ip, net.length, mac);
	}

	/** Hashes only the address's own bytes: the array may be longer (it is reused for IPv4 and IPv6). */
	private void macFor(byte[] ip, int length, byte[] mac) {
		long high = 0;
		long low = 0;
		for (int i = 0; i < length; i++) {
			if (i < 8) {
				high = high << 8 | (ip[i] & 0xFF);
			} else {
				low = low << 8 | (ip[i] & 0xFF);
			}
		}
		long h = Rng.splitMix(Rng.splitMix(high + 0x9E3779B97F4A7C15L) ^ low);
		if (macs.length == 0) {
			for (int i = 0; i < 6; i++) {
				mac[i] = (byte) (h >>> (8 * i));
			}
			mac[0] = (byte) ((mac[0] & 0xFC) | 0x02); // locally administered, unicast
			return;
		}
		byte[] base = macs[(int) ((h >>> 48) % macs.length)];
		// the prefix, then the hash's bytes: one loop with a test per byte failed a C2 loop predicate (profile_predicate)
		// in every run of the mix, and C2 then recompiled the connection's whole generation
		int prefix = Math.min(base.length, 6);
		System.arraycopy(base, 0, mac, 0, prefix);
		for (int i = prefix; i < 6; i++) {
			mac[i] = (byte) (h >>> (8 * i));
		}
		if (base.length == 3) {
			// the host part is never all zero; set without a branch that one host in 2^24 takes (its first time made
			// C2 recompile the connection's generation)
			int host = (mac[3] | mac[4] | mac[5]) & 0xFF;
			mac[5] |= (byte) ((host - 1) >>> 31);
		}
	}
}
