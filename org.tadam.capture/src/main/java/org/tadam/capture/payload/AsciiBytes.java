package org.tadam.capture.payload;

/**
 * Byte-array tests on ASCII protocol text, without copying (the packet path must not allocate).
 * Ranges are {@code b[off..off+len)} or {@code b[from..end)}; case folding applies to letters only.
 */
public final class AsciiBytes {
  private AsciiBytes() {
  }

  public static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  public static int indexOf(byte[] b, int from, int end, char c) {
    for (int i = from; i < end; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  public static boolean startsWith(byte[] b, int off, int len, String s) {
    if (len < s.length()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (b[off + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  public static boolean startsWithIgnoreCase(byte[] b, int off, int len, String s) {
    if (len < s.length()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      int c = b[off + k];
      int e = s.charAt(k);
      boolean letter = (e | 0x20) >= 'a' && (e | 0x20) <= 'z';
      if (c != e && !(letter && (c | 0x20) == (e | 0x20))) {
        return false;
      }
    }
    return true;
  }

  public static boolean containsIgnoreCase(byte[] b, int from, int end, String s) {
    for (int i = from; i + s.length() <= end; i++) {
      if (startsWithIgnoreCase(b, i, end - i, s)) {
        return true;
      }
    }
    return false;
  }

  public static boolean endsWith(byte[] b, int off, int len, String s) {
    return len >= s.length() && startsWith(b, off + len - s.length(), s.length(), s);
  }

  public static boolean isExactly(byte[] b, int off, int len, String s) {
    return len == s.length() && startsWith(b, off, len, s);
  }
}
