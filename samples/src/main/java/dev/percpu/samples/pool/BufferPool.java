package dev.percpu.samples.pool;

import dev.percpu.PerCpu;
import dev.percpu.PerCpuCounter;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A pool of byte buffers with one free list per CPU, like the kernel's per-CPU page lists: taking
 * and returning a buffer touches only the current CPU's list, with no lock and no atomic
 * instruction. A buffer returned on another CPU than it was taken on simply joins that CPU's list.
 *
 * <pre>{@code
 * BufferPool pool = new BufferPool(8192, 64);
 * ByteBuffer buffer = pool.take();
 * try { ... } finally { pool.give(buffer); }
 * }</pre>
 *
 * <p>A buffer is handed out of the closure that polled it, which is fine: the buffer is an element
 * of the per-CPU value, not the value, and once polled no other thread can reach it through the
 * list. Handing out the {@code ArrayDeque} itself would not be fine (the checks call that a value
 * escape).
 */
public final class BufferPool {
  private final int bufferSize;
  private final int maxPerCpu;
  private final PerCpu<ArrayDeque<ByteBuffer>> free = PerCpu.allocate(ArrayDeque::new);
  private final PerCpuCounter allocated = PerCpuCounter.allocate();

  /**
   * @param bufferSize the capacity of every buffer
   * @param maxPerCpu how many free buffers each CPU keeps; more are left to the garbage collector
   */
  public BufferPool(int bufferSize, int maxPerCpu) {
    if (bufferSize <= 0 || maxPerCpu < 0) {
      throw new IllegalArgumentException(
          "bufferSize must be positive and maxPerCpu non-negative, were "
              + bufferSize
              + " and "
              + maxPerCpu);
    }
    this.bufferSize = bufferSize;
    this.maxPerCpu = maxPerCpu;
  }

  /** A cleared buffer: a free one of this CPU if there is one, else a new one. */
  public ByteBuffer take() {
    ByteBuffer buffer = free.apply(ArrayDeque::pollFirst);
    if (buffer == null) {
      allocated.increment();
      return ByteBuffer.allocate(bufferSize);
    }
    return buffer.clear();
  }

  /** Returns {@code buffer} to this CPU's free list, unless the list is full. */
  public void give(ByteBuffer buffer) {
    if (buffer.capacity() != bufferSize) {
      throw new IllegalArgumentException(
          "not a buffer of this pool: capacity " + buffer.capacity() + ", expected " + bufferSize);
    }
    free.with(
        list -> {
          if (list.size() < maxPerCpu) {
            list.addFirst(buffer);
          }
        });
  }

  /** How many buffers the pool has allocated so far (the rest of the takes were reuses). */
  public long allocated() {
    return allocated.sum();
  }
}
