package dev.percpu.errorprone;

import static dev.percpu.errorprone.Sources.inClass;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@code PerCpuBlockingWhilePinned}: each kind of blocking call, under each kind of pin, directly
 * and through the unit's own methods; and what runs before, after or elsewhere is not flagged. The
 * body of {@link Sources#inClass} starts at line 7.
 */
class PerCpuBlockingWhilePinnedTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerCpuBlockingWhilePinned.class, getClass());

  private void check(String... body) {
    helper.addSourceLines("Test.java", inClass(body)).doTest();
  }

  // ---- each blocking kind, inside a with() closure ----

  @Test
  void sleepInsideWith_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    counts.with(c -> {",
        "      c[0]++;",
        "      try {",
        "        // BUG: Diagnostic contains: Thread.sleep may block while pinned by the with() at line 9",
        "        Thread.sleep(10);",
        "      } catch (InterruptedException e) {",
        "        Thread.currentThread().interrupt();",
        "      }",
        "    });",
        "  }");
  }

  @Test
  void lockInsideApply_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();",
        "  long run() {",
        "    return counts.apply(c -> {",
        "      // BUG: Diagnostic contains: ReentrantLock.lock may block while pinned by the apply() at line 10",
        "      lock.lock();",
        "      try { return c[0]; } finally { lock.unlock(); }",
        "    });",
        "  }");
  }

  @Test
  void untimedTryLock_isNotFlagged_butTimedTryLockIs() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  final java.util.concurrent.locks.Lock lock = new java.util.concurrent.locks.ReentrantLock();",
        "  void run() {",
        "    counts.with(c -> {",
        "      if (lock.tryLock()) { lock.unlock(); }",
        "      try {",
        "        // BUG: Diagnostic contains: Lock.tryLock may block",
        "        lock.tryLock(1, TimeUnit.SECONDS);",
        "      } catch (InterruptedException e) {}",
        "    });",
        "  }");
  }

  @Test
  void futureGetInsideTokenWith_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(Future<Long> pending) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      counts.get(g).with(c -> {",
        "        try {",
        "          // BUG: Diagnostic contains: Future.get may block while pinned by the CpuGuard in the try at line 9",
        "          c[0] += pending.get();",
        "        } catch (Exception e) {}",
        "      });",
        "    }",
        "  }");
  }

  @Test
  void completableFutureJoin_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(CompletableFuture<Long> pending) {",
        "    // BUG: Diagnostic contains: CompletableFuture.join may block while pinned by the with() at line 10",
        "    counts.with(c -> c[0] += pending.join());",
        "  }");
  }

  @Test
  void queueTakeInsideGuardBlock_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(BlockingQueue<Long> queue) throws InterruptedException {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      // BUG: Diagnostic contains: BlockingQueue.take may block while pinned by the CpuGuard in the try at line 9",
        "      long v = queue.take();",
        "      counts.get(g).with(c -> c[0] += v);",
        "    }",
        "  }");
  }

  @Test
  void latchSemaphoreAndBarrierWaits_areFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(CountDownLatch latch, Semaphore permits, CyclicBarrier barrier) throws Exception {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      // BUG: Diagnostic contains: CountDownLatch.await",
        "      latch.await();",
        "      // BUG: Diagnostic contains: Semaphore.acquire",
        "      permits.acquire();",
        "      // BUG: Diagnostic contains: CyclicBarrier.await",
        "      barrier.await();",
        "      permits.tryAcquire();",
        "    }",
        "  }");
  }

  @Test
  void blockingIoInsideOnEachCpuAction_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void dump(java.io.OutputStream out) {",
        "    CpuGuard.onEachCpu(g -> counts.get(g).with(c -> {",
        "      try {",
        "        // BUG: Diagnostic contains: OutputStream.write may block while pinned by the onEachCpu() at line 9",
        "        out.write((int) c[0]);",
        "      } catch (java.io.IOException e) {}",
        "    }));",
        "  }");
  }

  @Test
  void filesReadInsideWith_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(java.nio.file.Path p) {",
        "    counts.with(c -> {",
        "      try {",
        "        // BUG: Diagnostic contains: Files.readString may block",
        "        c[0] = java.nio.file.Files.readString(p).length();",
        "      } catch (java.io.IOException e) {}",
        "    });",
        "  }");
  }

  @Test
  void inMemoryStreamsAndPrinting_areNotFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();",
        "    java.io.StringWriter text = new java.io.StringWriter();",
        "    counts.with(c -> {",
        "      bytes.write(1);",
        "      bytes.writeBytes(new byte[] {1});",
        "      text.write(\"x\");",
        "      System.out.println(c[0]);",
        "    });",
        "  }");
  }

  @Test
  void synchronizedBlockInsideWith_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  final Object monitor = new Object();",
        "  void run() {",
        "    counts.with(c -> {",
        "      // BUG: Diagnostic contains: entering a synchronized block may block while pinned by the with() at line 10",
        "      synchronized (monitor) {",
        "        c[0]++;",
        "      }",
        "    });",
        "  }");
  }

  @Test
  void synchronizedMethodCalledInsideWith_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  static final class Totals { long sum; synchronized void add(long n) { sum += n; } }",
        "  final Totals totals = new Totals();",
        "  void run() {",
        "    // BUG: Diagnostic contains: Totals.add (synchronized) may block while pinned by the with() at line 12",
        "    counts.with(c -> totals.add(c[0]));",
        "  }");
  }

  @Test
  void objectWaitAndThreadJoin_areFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(Object monitor, Thread worker) throws InterruptedException {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      // BUG: Diagnostic contains: Thread.join",
        "      worker.join();",
        "      // BUG: Diagnostic contains: Object.wait",
        "      monitor.wait();",
        "    }",
        "  }");
  }

  @Test
  void mayBlockAnnotatedMethod_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  interface Inventory { @MayBlock long fetch(String sku); }",
        "  void run(Inventory inventory) {",
        "    // BUG: Diagnostic contains: Inventory.fetch may block while pinned",
        "    counts.with(c -> c[0] += inventory.fetch(\"a\"));",
        "  }");
  }

  // ---- through the unit's own methods ----

  @Test
  void blockingThroughAHelper_isFlaggedAtTheCallInsideThePin() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    counts.with(c -> {",
        "      // BUG: Diagnostic contains: Thread.sleep may block while pinned by the with() at line 9 (via `pause()` at line 11)",
        "      pause();",
        "    });",
        "  }",
        "  private void pause() {",
        "    try { Thread.sleep(1); } catch (InterruptedException e) {}",
        "  }");
  }

  @Test
  void blockingThroughAHelperChain_namesThePath() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(BlockingQueue<long[]> q) {",
        "    // BUG: Diagnostic contains: BlockingQueue.put may block while pinned by the with() at line 10 (via `outer()` at line 10 → `inner()` at line 12)",
        "    counts.with(c -> outer(q, c));",
        "  }",
        "  void outer(BlockingQueue<long[]> q, long[] c) { inner(q, c); }",
        "  void inner(BlockingQueue<long[]> q, long[] c) {",
        "    try { q.put(c); } catch (InterruptedException e) {}",
        "  }");
  }

  @Test
  void blockingThroughAMethodReference_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    // BUG: Diagnostic contains: Thread.sleep may block while pinned by the with() at line 10 (via `slow()`",
        "    counts.with(this::slow);",
        "  }",
        "  void slow(long[] c) {",
        "    try { Thread.sleep(c[0]); } catch (InterruptedException e) {}",
        "  }");
  }

  @Test
  void blockingInALambdaRunNowByTheLibrary_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(List<Future<Long>> pending) {",
        "    counts.with(c -> pending.forEach(f -> {",
        "      try {",
        "        // BUG: Diagnostic contains: Future.get may block while pinned by the with() at line 9",
        "        c[0] += f.get();",
        "      } catch (Exception e) {}",
        "    }));",
        "  }");
  }

  @Test
  void helperThatRunsItsClosureUnderItsOwnPin_flagsTheCallersClosure() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void pinned(Runnable body) {",
        "    counts.with(c -> body.run());",
        "  }",
        "  void run(CountDownLatch latch) {",
        "    pinned(() -> {",
        "      try {",
        "        // BUG: Diagnostic contains: CountDownLatch.await may block while pinned by the with() at line 9 inside `pinned()`",
        "        latch.await();",
        "      } catch (InterruptedException e) {}",
        "    });",
        "  }");
  }

  @Test
  void closureHeldInALocal_isFlaggedWhereItRuns() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(Semaphore permits) {",
        "    Consumer<long[]> take = c -> permits.acquireUninterruptibly();",
        "    // BUG: Diagnostic contains: Semaphore.acquireUninterruptibly may block while pinned by the with() at line 11 (via the closure `take` (line 9))",
        "    counts.with(take);",
        "  }");
  }

  @Test
  void anonymousClassAsTheClosure_isScanned() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    counts.with(new Consumer<long[]>() {",
        "      @Override public void accept(long[] c) {",
        "        // BUG: Diagnostic contains: Thread.sleep",
        "        try { Thread.sleep(1); } catch (InterruptedException e) {}",
        "      }",
        "    });",
        "  }");
  }

  @Test
  void recursiveHelper_settles() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    // BUG: Diagnostic contains: Thread.sleep may block",
        "    counts.with(c -> down(3));",
        "  }",
        "  void down(int n) {",
        "    if (n == 0) { try { Thread.sleep(1); } catch (InterruptedException e) {} return; }",
        "    down(n - 1);",
        "  }");
  }

  @Test
  void configuredBlockingMethod_isFlagged() {
    helper
        .setArgs("-XepOpt:PerCpu:BlockingMethods=com.acme.Rpc#call")
        .addSourceLines(
            "Rpc.java",
            "package com.acme;",
            "public class Rpc { public long call() { return 1; } }")
        .addSourceLines(
            "Test.java",
            inClass(
                "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
                "  void run(com.acme.Rpc rpc) {",
                "    // BUG: Diagnostic contains: Rpc.call may block",
                "    counts.with(c -> c[0] += rpc.call());",
                "  }"))
        .doTest();
  }

  // ---- not flagged ----

  @Test
  void blockingBeforeAndAfterThePin_isNotFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(BlockingQueue<Long> queue, Future<Long> f) throws Exception {",
        "    long v = queue.take();",
        "    counts.with(c -> c[0] += v);",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      counts.get(g).with(c -> c[0]++);",
        "    } finally {",
        "      Thread.sleep(1);",
        "    }",
        "    f.get();",
        "    synchronized (this) { counts.with(c -> c[0]++); }",
        "  }",
        "  private void pause() {",
        "    try { Thread.sleep(1); } catch (InterruptedException e) {}",
        "  }",
        "  void helperOutsideThePin() {",
        "    pause();",
        "    counts.with(c -> c[0]++);",
        "  }");
  }

  @Test
  void closureHandedToAnotherThread_isNotFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(ExecutorService executor, BlockingQueue<Long> queue) {",
        "    counts.with(c -> {",
        "      executor.submit(() -> queue.take());",
        "      executor.execute(() -> { try { Thread.sleep(1); } catch (InterruptedException e) {} });",
        "      new Thread(() -> { try { queue.take(); } catch (InterruptedException e) {} }).start();",
        "      CompletableFuture.runAsync(() -> { try { queue.take(); } catch (InterruptedException e) {} });",
        "      queue.offer(c[0]);",
        "    });",
        "  }");
  }

  @Test
  void storedClosure_isNotFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  final List<Runnable> later = new ArrayList<>();",
        "  void run(CountDownLatch latch) {",
        "    counts.with(c -> {",
        "      later.add(() -> { try { latch.await(); } catch (InterruptedException e) {} });",
        "      Runnable r = () -> { try { latch.await(); } catch (InterruptedException e) {} };",
        "    });",
        "  }");
  }

  @Test
  void waitingForTheOffloadedWork_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(ExecutorService executor) throws Exception {",
        "    counts.with(c -> {",
        "      try {",
        "        // BUG: Diagnostic contains: Future.get",
        "        executor.submit(() -> 1).get();",
        "      } catch (Exception e) {}",
        "    });",
        "  }");
  }

  @Test
  void suppressWarnings_silencesTheFinding() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  @SuppressWarnings(\"PerCpuBlockingWhilePinned\")",
        "  void run() {",
        "    counts.with(c -> { try { Thread.sleep(1); } catch (InterruptedException e) {} });",
        "  }");
  }
}
