package org.tadam.pcap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Unaligned multi-byte reads and writes on byte arrays in either byte order (no allocation). */
public final class Bytes {
  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT_BE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Bytes() {
  }

  public static int u16(byte[] b, int i, boolean bigEndian) {
    return (bigEndian ? (short) SHORT_BE.get(b, i) : (short) SHORT_LE.get(b, i)) & 0xFFFF;
  }

  public static int u16be(byte[] b, int i) {
    return (short) SHORT_BE.get(b, i) & 0xFFFF;
  }

  public static int i32(byte[] b, int i, boolean bigEndian) {
    return bigEndian ? (int) INT_BE.get(b, i) : (int) INT_LE.get(b, i);
  }

  public static long u32(byte[] b, int i, boolean bigEndian) {
    return i32(b, i, bigEndian) & 0xFFFFFFFFL;
  }

  public static long u32be(byte[] b, int i) {
    return (int) INT_BE.get(b, i) & 0xFFFFFFFFL;
  }

  public static long i64be(byte[] b, int i) {
    return (long) LONG_BE.get(b, i);
  }

  public static void put16(byte[] b, int i, int v, boolean bigEndian) {
    if (bigEndian) {
      SHORT_BE.set(b, i, (short) v);
    } else {
      SHORT_LE.set(b, i, (short) v);
    }
  }

  public static void put32(byte[] b, int i, int v, boolean bigEndian) {
    if (bigEndian) {
      INT_BE.set(b, i, v);
    } else {
      INT_LE.set(b, i, v);
    }
  }

  // Fixed-order forms for hot paths (packet builders of the generator runtime): no byte-order branch.

  public static int i32be(byte[] b, int i) {
    return (int) INT_BE.get(b, i);
  }

  public static void put16be(byte[] b, int i, int v) {
    SHORT_BE.set(b, i, (short) v);
  }

  public static void put32be(byte[] b, int i, int v) {
    INT_BE.set(b, i, v);
  }

  public static void put16le(byte[] b, int i, int v) {
    SHORT_LE.set(b, i, (short) v);
  }

  public static void put32le(byte[] b, int i, int v) {
    INT_LE.set(b, i, v);
  }

  public static void put64le(byte[] b, int i, long v) {
    LONG_LE.set(b, i, v);
  }
}
