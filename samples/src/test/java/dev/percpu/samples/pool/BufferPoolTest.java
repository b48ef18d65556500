package dev.percpu.samples.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.CpuGuard;
import dev.percpu.junit.EnablePerCpuAssertions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@EnablePerCpuAssertions
class BufferPoolTest {
  @Test
  @SuppressWarnings("try") // the guard is held for its effect: take and give meet one CPU's list
  void givenBuffer_isTakenAgainClearedOnTheSameCpu() {
    BufferPool pool = new BufferPool(64, 4);
    try (CpuGuard guard = CpuGuard.pin()) {
      ByteBuffer first = pool.take();
      first.putInt(42);
      pool.give(first);
      ByteBuffer again = pool.take();
      assertSame(first, again);
      assertEquals(0, again.position());
    }
    assertEquals(1, pool.allocated());
  }

  @Test
  @SuppressWarnings("try") // the guard is held for its effect: take and give meet one CPU's list
  void fullFreeList_dropsTheExtraBuffer() {
    BufferPool pool = new BufferPool(64, 0);
    try (CpuGuard guard = CpuGuard.pin()) {
      ByteBuffer first = pool.take();
      pool.give(first);
      assertNotSame(first, pool.take());
    }
    assertEquals(2, pool.allocated());
  }

  @Test
  void foreignBuffer_isRejectedNamingBothCapacities() {
    BufferPool pool = new BufferPool(64, 4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pool.give(ByteBuffer.allocate(10)));
    assertEquals("not a buffer of this pool: capacity 10, expected 64", e.getMessage());
  }

  @Test
  void demo_neverHandsOneBufferToTwoHolders() throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PoolDemo.Result result = PoolDemo.run(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(0, result.clobbered());
    assertTrue(
        result.allocated() >= 1 && result.allocated() <= PoolDemo.THREADS * (long) PoolDemo.ROUNDS,
        "allocated " + result.allocated());
    assertEquals(
        "percpu buffer pool: 400000 takes, "
            + result.allocated()
            + " buffers allocated, "
            + "0 shared by two holders\n",
        out.toString(StandardCharsets.UTF_8));
  }
}
