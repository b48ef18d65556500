package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.Test;

/** What {@link BlockingMethods} says may block: the JDK list, {@code @MayBlock}, configuration. */
class BlockingMethodsTest {

  private static final String USER =
      """
      package com.acme;
      import dev.percpu.qual.MayBlock;
      public class Rpc {
        @MayBlock public int call(String what) { return 0; }
        @MayBlock public Rpc() {}
        public Rpc(int unused) {}
        public int cached(String what) { return 0; }
        public synchronized void add(int n) {}
        public static void remote() {}
      }
      """;

  private static final String SUB =
      """
      package com.acme;
      public class RetryingRpc extends Rpc {
        @Override public int call(String what) { return 1; }
        public int call(int other) { return 2; }
        public static void remote() {}
      }
      """;

  private static final String STREAM =
      """
      package com.acme;
      public class Wire extends java.io.InputStream {
        @Override public int read() { return -1; }
        public void wait(String s) {}
      }
      """;

  private static final Elements E =
      Elements.compile(
          Map.of("com.acme.Rpc", USER, "com.acme.RetryingRpc", SUB, "com.acme.Wire", STREAM));

  private static final BlockingMethods BUILT_IN = BlockingMethods.builtIn();

  private static ExecutableElement method(String type, String name, int arity) {
    for (ExecutableElement m : ElementFilter.methodsIn(E.type(type).getEnclosedElements())) {
      if (m.getSimpleName().contentEquals(name) && m.getParameters().size() == arity) {
        return m;
      }
    }
    throw new AssertionError("no " + type + "." + name + " with " + arity + " parameters");
  }

  private static ExecutableElement constructor(String type, int arity) {
    for (ExecutableElement m : ElementFilter.constructorsIn(E.type(type).getEnclosedElements())) {
      if (m.getParameters().size() == arity) {
        return m;
      }
    }
    throw new AssertionError("no constructor of " + type + " with " + arity + " parameters");
  }

  private static Optional<String> builtIn(ExecutableElement m) {
    return BUILT_IN.describe(m, E.types, E.task.getElements());
  }

  @Test
  void threadAndMonitorWaits_mayBlock() {
    assertEquals(Optional.of("Thread.sleep"), builtIn(method("java.lang.Thread", "sleep", 1)));
    assertEquals(Optional.of("Thread.join"), builtIn(method("java.lang.Thread", "join", 0)));
    assertEquals(Optional.of("Object.wait"), builtIn(method("java.lang.Object", "wait", 0)));
    assertEquals(
        Optional.of("LockSupport.parkNanos"),
        builtIn(method("java.util.concurrent.locks.LockSupport", "parkNanos", 1)));
  }

  @Test
  void futuresLocksAndSynchronisers_mayBlock() {
    assertEquals(
        Optional.of("Future.get"), builtIn(method("java.util.concurrent.Future", "get", 0)));
    assertEquals(
        Optional.of("CompletableFuture.join"),
        builtIn(method("java.util.concurrent.CompletableFuture", "join", 0)));
    assertEquals(
        Optional.of("CompletableFuture.get"),
        builtIn(method("java.util.concurrent.CompletableFuture", "get", 0)));
    assertEquals(
        Optional.of("ReentrantLock.lock"),
        builtIn(method("java.util.concurrent.locks.ReentrantLock", "lock", 0)));
    assertEquals(
        Optional.of("CountDownLatch.await"),
        builtIn(method("java.util.concurrent.CountDownLatch", "await", 0)));
    assertEquals(
        Optional.of("Semaphore.acquire"),
        builtIn(method("java.util.concurrent.Semaphore", "acquire", 0)));
    assertEquals(
        Optional.of("Phaser.arriveAndAwaitAdvance"),
        builtIn(method("java.util.concurrent.Phaser", "arriveAndAwaitAdvance", 0)));
    assertEquals(
        Optional.of("ExecutorService.awaitTermination"),
        builtIn(method("java.util.concurrent.ExecutorService", "awaitTermination", 2)));
  }

  @Test
  void onlyTheTimedFormsOfTryMethods_mayBlock() {
    assertEquals(
        Optional.empty(),
        builtIn(method("java.util.concurrent.locks.ReentrantLock", "tryLock", 0)));
    assertEquals(
        Optional.of("ReentrantLock.tryLock"),
        builtIn(method("java.util.concurrent.locks.ReentrantLock", "tryLock", 2)));
    assertEquals(
        Optional.empty(), builtIn(method("java.util.concurrent.BlockingQueue", "offer", 1)));
    assertEquals(
        Optional.of("BlockingQueue.offer"),
        builtIn(method("java.util.concurrent.BlockingQueue", "offer", 3)));
    assertEquals(
        Optional.of("LinkedBlockingQueue.take"),
        builtIn(method("java.util.concurrent.LinkedBlockingQueue", "take", 0)));
    assertEquals(
        Optional.empty(), builtIn(method("java.util.concurrent.Semaphore", "tryAcquire", 1)));
  }

  @Test
  void blockingIo_mayBlock_butInMemoryStreamsDoNot() {
    assertEquals(
        Optional.of("InputStream.read"), builtIn(method("java.io.InputStream", "read", 0)));
    assertEquals(
        Optional.of("BufferedReader.readLine"),
        builtIn(method("java.io.BufferedReader", "readLine", 0)));
    assertEquals(
        Optional.of("Files.readString"), builtIn(method("java.nio.file.Files", "readString", 1)));
    assertEquals(
        Optional.of("ServerSocket.accept"), builtIn(method("java.net.ServerSocket", "accept", 0)));
    assertEquals(Optional.of("new Socket"), builtIn(constructor("java.net.Socket", 2)));
    assertEquals(Optional.empty(), builtIn(constructor("java.net.Socket", 0)));
    assertEquals(Optional.empty(), builtIn(method("java.io.ByteArrayOutputStream", "write", 1)));
    assertEquals(Optional.empty(), builtIn(method("java.io.PrintStream", "println", 1)));
    // OutputStream.write(byte[]) is inherited: the receiver's type decides
    ExecutableElement write = method("java.io.OutputStream", "write", 1);
    assertTrue(BUILT_IN.describe(write, E.types, E.task.getElements()).isPresent());
    assertEquals(
        Optional.empty(),
        BUILT_IN.describe(
            write,
            E.type("java.io.ByteArrayOutputStream").asType(),
            E.types,
            E.task.getElements()));
  }

  @Test
  void overridersOfListedMethods_mayBlock_butObjectWaitIsExact() {
    assertEquals(Optional.of("Wire.read"), builtIn(method("com.acme.Wire", "read", 0)));
    assertEquals(Optional.empty(), builtIn(method("com.acme.Wire", "wait", 1)));
  }

  @Test
  void mayBlockMethodsConstructorsAndTheirOverriders_mayBlock() {
    assertEquals(Optional.of("Rpc.call"), builtIn(method("com.acme.Rpc", "call", 1)));
    assertEquals(Optional.of("new Rpc"), builtIn(constructor("com.acme.Rpc", 0)));
    assertEquals(Optional.empty(), builtIn(constructor("com.acme.Rpc", 1)));
    assertEquals(
        Optional.of("RetryingRpc.call"), builtIn(method("com.acme.RetryingRpc", "call", 1)));
    ExecutableElement overload = null;
    for (ExecutableElement m :
        ElementFilter.methodsIn(E.type("com.acme.RetryingRpc").getEnclosedElements())) {
      if (m.getSimpleName().contentEquals("call")
          && m.getParameters().get(0).asType().toString().equals("int")) {
        overload = m;
      }
    }
    assertEquals(Optional.empty(), builtIn(overload)); // an overload, not an overrider
  }

  @Test
  void synchronizedMethodsOutsideTheJdk_mayBlock() {
    assertEquals(Optional.of("Rpc.add (synchronized)"), builtIn(method("com.acme.Rpc", "add", 1)));
    // StringBuffer's synchronized methods are short and never wait for long: not reported
    assertEquals(Optional.empty(), builtIn(method("java.lang.StringBuffer", "length", 0)));
  }

  @Test
  void configuredEntries_matchTheOwnerAndItsSubtypes() {
    BlockingMethods configured =
        BUILT_IN.withSpecs(List.of(" com.acme.Rpc#cached ", "", "com.acme.Rpc#remote"));
    assertEquals(
        Optional.of("Rpc.cached"),
        configured.describe(method("com.acme.Rpc", "cached", 1), E.types, E.task.getElements()));
    assertEquals(
        Optional.of("RetryingRpc.remote"),
        configured.describe(
            method("com.acme.RetryingRpc", "remote", 0), E.types, E.task.getElements()));
    assertEquals(Optional.empty(), builtIn(method("com.acme.Rpc", "cached", 1)));
  }

  @Test
  void noEntries_keepTheSameInstance() {
    assertSame(BUILT_IN, BUILT_IN.withSpecs(List.of(" ", "")));
  }

  @Test
  void malformedEntries_nameTheEntryAndTheProblem() {
    for (String bad :
        List.of(
            "com.acme.Rpc",
            "#call",
            "com.acme.Rpc#",
            "com.acme.Rpc#a#b",
            "com..Rpc#call",
            "com.acme.Rpc#call=entering:1",
            "com.acme.Rpc#ca ll")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BUILT_IN.withSpecs(List.of(bad)));
      assertTrue(e.getMessage().contains("'" + bad.trim() + "'"), e.getMessage());
    }
  }
}
