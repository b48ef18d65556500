/*
 * Mistake: a ConcurrentHashMap cache whose loader computes another entry of the same cache.
 *
 * computeIfAbsent holds the key's bin while the function runs; the inner computeIfAbsent on the same
 * map throws IllegalStateException ("Recursive update") when the two keys share a bin, and may
 * livelock on older JDKs. The same rule as a nested per-CPU entry, for the JDK's own closure API.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone NestedMapCompute ERROR line 23
 *   errorprone NestedMapCompute ERROR line 24
 */
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

class MapRecursiveUpdate {
  private final Map<Integer, Long> fib = new ConcurrentHashMap<>();

  long fibonacci(int n) {
    if (n < 2) {
      return n;
    }
    return fib.computeIfAbsent(n, k -> {
      long a = fibonacci(k - 1);  // <- the mistake
      long b = fibonacci(k - 2);  // <- the mistake
      return a + b;
    });
  }
}
