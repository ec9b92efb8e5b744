package org.tadam.generator.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Multi-byte stores into byte arrays in network (big-endian) and capture-file (little-endian) order. */
final class Bytes {

	private static final VarHandle BE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
	private static final VarHandle BE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
	private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private Bytes() {
	}

	static void be16(byte[] b, int at, int v) {
		BE16.set(b, at, (short) v);
	}

	static void be32(byte[] b, int at, int v) {
		BE32.set(b, at, v);
	}

	static int readBe32(byte[] b, int at) {
		return (int) BE32.get(b, at);
	}

	static int readBe16(byte[] b, int at) {
		return (short) BE16.get(b, at) & 0xFFFF;
	}

	static void le16(byte[] b, int at, int v) {
		LE16.set(b, at, (short) v);
	}

	static void le32(byte[] b, int at, int v) {
		LE32.set(b, at, v);
	}

	static void le64(byte[] b, int at, long v) {
		LE64.set(b, at, v);
	}
}
