package io.fedflow.engine.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growing byte array written with variable-length integers (LEB128, zigzag when signed). */
final class ByteSink {
  private byte[] bytes;
  private int size;

  ByteSink(int capacity) {
    bytes = new byte[capacity];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  byte[] toArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Overwrites a byte already written. */
  void setByte(int at, int b) {
    if (at >= size) {
      throw new IndexOutOfBoundsException(at);
    }
    bytes[at] = (byte) b;
  }

  void writeByte(int b) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[size++] = (byte) b;
  }

  /** An unsigned value, seven bits a byte. */
  void writeVarLong(long v) {
    if (size + 10 > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + 10));
    }
    while ((v & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
  }

  /** A signed value: small magnitudes, positive or negative, take few bytes. */
  void writeSignedVarLong(long v) {
    writeVarLong((v << 1) ^ (v >> 63));
  }

  /** A text as its length in bytes, then its UTF-8 bytes. */
  void writeUtf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeVarLong(b.length);
    writeBytes(b);
  }

  void writeBytes(byte[] b) {
    if (size + b.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + b.length));
    }
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }
}
