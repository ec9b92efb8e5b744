package org.tadam.model.derived;

import java.util.Locale;

/**
 * Parses the address literals of scenario address plans without name resolution (InetAddress would look up
 * anything that is not a literal): CIDR subnets of IPv4 and IPv6, MAC addresses and vendor (OUI) prefixes.
 */
public final class Addresses {

	/** A subnet: the network address bytes (4 or 16) and the prefix length. */
	public record Subnet(byte[] address, int prefix) {
		public boolean isIpv6() {
			return address.length == 16;
		}

		/** Number of host bits, the part a generator draws at random. */
		public int hostBits() {
			return address.length * 8 - prefix;
		}
	}

	private Addresses() {
	}

	/** The subnet written as {@code 10.1.0.0/16} or {@code fd00::/64} (a bare address is a single host), or null when malformed. */
	public static Subnet parseSubnet(String text) {
		if (text == null) {
			return null;
		}
		String address = text.trim();
		int prefix = -1;
		int slash = address.indexOf('/');
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(address.substring(slash + 1));
			} catch (NumberFormatException e) {
				return null;
			}
			address = address.substring(0, slash);
		}
		byte[] bytes = address.contains(":") ? parseIpv6(address) : parseIpv4(address);
		if (bytes == null) {
			return null;
		}
		int bits = bytes.length * 8;
		if (prefix < 0) {
			prefix = bits;
		}
		if (prefix > bits) {
			return null;
		}
		return new Subnet(bytes, prefix);
	}

	static byte[] parseIpv4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return null;
		}
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			int value = parseNumber(parts[i], 10, 3);
			if (value < 0 || value > 255) {
				return null;
			}
			bytes[i] = (byte) value;
		}
		return bytes;
	}

	static byte[] parseIpv6(String text) {
		int gap = text.indexOf("::");
		if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
			return null;
		}
		String head = gap >= 0 ? text.substring(0, gap) : text;
		String tail = gap >= 0 ? text.substring(gap + 2) : "";
		int[] headGroups = groups(head);
		int[] tailGroups = groups(tail);
		if (headGroups == null || tailGroups == null) {
			return null;
		}
		int count = headGroups.length + tailGroups.length;
		if (gap < 0 ? count != 8 : count > 7) {
			return null;
		}
		byte[] bytes = new byte[16];
		for (int i = 0; i < headGroups.length; i++) {
			put(bytes, i, headGroups[i]);
		}
		for (int i = 0; i < tailGroups.length; i++) {
			put(bytes, 8 - tailGroups.length + i, tailGroups[i]);
		}
		return bytes;
	}

	private static void put(byte[] bytes, int group, int value) {
		bytes[2 * group] = (byte) (value >> 8);
		bytes[2 * group + 1] = (byte) value;
	}

	private static int[] groups(String text) {
		if (text.isEmpty()) {
			return new int[0];
		}
		String[] parts = text.split(":", -1);
		int[] values = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			values[i] = parseNumber(parts[i], 16, 4);
			if (values[i] < 0) {
				return null;
			}
		}
		return values;
	}

	private static int parseNumber(String digits, int radix, int maxDigits) {
		if (digits.isEmpty() || digits.length() > maxDigits) {
			return -1;
		}
		int value = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = Character.digit(digits.charAt(i), radix);
			if (digit < 0) {
				return -1;
			}
			value = value * radix + digit;
		}
		return value;
	}

	/**
	 * The bytes of a MAC address ({@code 02:00:5e:10:00:01}, 6 bytes) or of a vendor prefix ({@code 00:1b:21},
	 * 3 bytes; a generator completes it at random), with ':' or '-' separators; null when malformed.
	 */
	public static byte[] parseMac(String text) {
		if (text == null) {
			return null;
		}
		String[] parts = text.trim().toLowerCase(Locale.ROOT).split("[:-]", -1);
		if (parts.length != 3 && parts.length != 6) {
			return null;
		}
		byte[] bytes = new byte[parts.length];
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].length() != 2) {
				return null;
			}
			int value = parseNumber(parts[i], 16, 2);
			if (value < 0) {
				return null;
			}
			bytes[i] = (byte) value;
		}
		return bytes;
	}

	/** Multicast and broadcast addresses (low bit of the first byte set) cannot be a host's source address. */
	public static boolean isMulticastMac(byte[] mac) {
		return (mac[0] & 1) != 0;
	}

	public static boolean isZero(byte[] bytes) {
		for (byte b : bytes) {
			if (b != 0) {
				return false;
			}
		}
		return true;
	}
}
