package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThreadNamesTest {
  @Test
  void aNamedThread_isCalledByItsName() {
    assertEquals("worker", ThreadNames.of(new Thread(() -> {}, "worker")));
  }

  @Test
  void anUnnamedThread_isDescribedWithItsId() {
    Thread unnamed = new Thread(() -> {}, "");
    assertEquals(unnamed.toString(), ThreadNames.of(unnamed));
  }
}
