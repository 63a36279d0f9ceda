package io.fedflow.engine.store;

import java.nio.charset.StandardCharsets;

/** Reads what a {@link ByteSink} wrote. */
final class ByteSource {
  private final byte[] bytes;
  private int at;

  ByteSource(byte[] bytes) {
    this.bytes = bytes;
  }

  boolean hasMore() {
    return at < bytes.length;
  }

  int readByte() {
    return bytes[at++] & 0xFF;
  }

  long readVarLong() {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[at++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
  }

  int readVarInt() {
    return Math.toIntExact(readVarLong());
  }

  long readSignedVarLong() {
    long v = readVarLong();
    return (v >>> 1) ^ -(v & 1);
  }

  String readUtf8(int length) {
    String s = new String(bytes, at, length, StandardCharsets.UTF_8);
    at += length;
    return s;
  }
}
