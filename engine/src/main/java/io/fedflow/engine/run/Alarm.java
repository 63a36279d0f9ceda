package io.fedflow.engine.run;

/** Where the executor sleeps between rounds, and what wakes it early: a cancel, a stop. */
final class Alarm {
  private boolean rung;

  synchronized void ring() {
    rung = true;
    notifyAll();
  }

  /** Sleeps up to {@code nanos} or until rung; returns whether it was rung. */
  synchronized boolean await(long nanos) {
    long end = System.nanoTime() + nanos;
    try {
      for (long left = nanos; !rung && left > 0; left = end - System.nanoTime()) {
        wait(left / 1_000_000, (int) (left % 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      rung = true;
    }
    boolean was = rung;
    rung = false;
    return was;
  }
}
