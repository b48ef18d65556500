package dev.percpu.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The methods that may block the calling thread, which must not be called while it is pinned: the
 * Java library's blocking methods (sleeps, joins, monitor waits, parking, futures, locks, latches,
 * barriers, blocking queues, executors' waits, blocking I/O on streams, channels, sockets and
 * {@code java.nio.file.Files}) and the methods and constructors that override them; the user's own
 * methods annotated {@code @dev.percpu.qual.MayBlock} (or overriding one that is); entries {@code
 * OWNER#METHOD} from configuration, for libraries users cannot annotate (an entry matches the
 * method of that name on OWNER and its subtypes, any parameters); and {@code synchronized} methods
 * outside the JDK, since entering their monitor may block. Instances are immutable.
 *
 * <pre>{@code
 * BlockingMethods blocking = BlockingMethods.builtIn().withSpecs(List.of("com.acme.Rpc#call"));
 * Optional<String> what = blocking.describe(method, types, elements); // "Thread.sleep"
 * }</pre>
 *
 * <p>Not listed: in-memory streams ({@code ByteArrayInputStream}, {@code StringWriter}, ...), and
 * {@code PrintStream}/{@code PrintWriter}, whose console output would make every diagnostic print a
 * finding; {@code close()} of streams; channels configured as non-blocking are still reported.
 */
public final class BlockingMethods {

  static final String MAY_BLOCK = "dev.percpu.qual.MayBlock";

  private static final String TIME_UNIT = "java.util.concurrent.TimeUnit";

  /** Which overloads of a listed method block. */
  private enum Shape {
    ANY,
    /**
     * only the overloads whose last parameter is a {@code TimeUnit}: {@code tryLock(5, SECONDS)}
     */
    TIMED,
    /** only the overloads with parameters: {@code new Socket(host, port)} connects */
    WITH_ARGUMENTS
  }

  /**
   * One listed method: {@code name} declared on {@code owner}, matched on its subtypes too unless
   * {@code exactOwner} ({@code Object.wait} must not make every {@code wait} of every class block).
   */
  private record Rule(String owner, Shape shape, boolean exactOwner) {}

  /** method simple name ({@code <init>} for constructors) -> the rules for that name. */
  private static final Map<String, List<Rule>> BUILT_IN_RULES = builtInRules();

  /** Types whose I/O methods never wait: in memory, or console printing that swallows errors. */
  private static final Set<String> NOT_BLOCKING_OWNERS =
      Set.of(
          "java.io.ByteArrayInputStream",
          "java.io.ByteArrayOutputStream",
          "java.io.StringReader",
          "java.io.StringWriter",
          "java.io.CharArrayReader",
          "java.io.CharArrayWriter",
          "java.io.StringBufferInputStream",
          "java.io.PrintStream",
          "java.io.PrintWriter");

  private static final BlockingMethods BUILT_IN = new BlockingMethods(Map.of());

  /** method name -> owners configured with {@code OWNER#METHOD}. */
  private final Map<String, Set<String>> configured;

  private BlockingMethods(Map<String, Set<String>> configured) {
    this.configured = configured;
  }

  /** The built-in list, {@code @MayBlock} and {@code synchronized} methods, no configuration. */
  public static BlockingMethods builtIn() {
    return BUILT_IN;
  }

  /**
   * These methods plus the configured entries {@code OWNER#METHOD} (blank entries are skipped), for
   * example {@code com.acme.Rpc#call}; {@code OWNER#<init>} names constructors.
   *
   * @throws IllegalArgumentException naming the first malformed entry and what is wrong with it
   */
  public BlockingMethods withSpecs(List<String> specs) {
    Map<String, Set<String>> merged = new HashMap<>();
    configured.forEach((name, owners) -> merged.put(name, new HashSet<>(owners)));
    for (String text : specs) {
      if (text.isBlank()) {
        continue;
      }
      String s = text.trim();
      int hash = s.indexOf('#');
      if (hash <= 0 || hash != s.lastIndexOf('#') || hash == s.length() - 1) {
        throw invalid(text, "expected OWNER#METHOD");
      }
      String owner = s.substring(0, hash);
      String method = s.substring(hash + 1);
      if (!isQualifiedName(owner)) {
        throw invalid(text, "'" + owner + "' is not a qualified type name");
      }
      if (!method.equals("<init>") && !isIdentifier(method)) {
        throw invalid(text, "'" + method + "' is not a method name (or <init>)");
      }
      merged.computeIfAbsent(method, k -> new HashSet<>()).add(owner);
    }
    if (merged.isEmpty()) {
      return this;
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    merged.forEach((name, owners) -> frozen.put(name, Set.copyOf(owners)));
    return new BlockingMethods(Map.copyOf(frozen));
  }

  /**
   * A short name of {@code method} when a call of it may block, such as {@code "Thread.sleep"},
   * {@code "new Socket"} or {@code "Counter.add (synchronized)"}; empty when it does not.
   */
  public Optional<String> describe(ExecutableElement method, Types types, Elements elements) {
    return describe(method, null, types, elements);
  }

  /**
   * As {@link #describe(ExecutableElement, Types, Elements)}, for a call on a receiver of static
   * type {@code receiverType} (or {@code null}): {@code bytes.write(data)} on a {@code
   * ByteArrayOutputStream} never blocks, though {@code OutputStream.write} may.
   */
  public Optional<String> describe(
      ExecutableElement method, TypeMirror receiverType, Types types, Elements elements) {
    try {
      if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
        return Optional.empty();
      }
      if (isListed(method, owner, types) || isConfigured(method, owner, types)) {
        if (isNotBlockingOwner(owner.asType(), types)
            || (receiverType != null && isNotBlockingOwner(receiverType, types))) {
          return Optional.empty();
        }
        return Optional.of(shortName(method, owner));
      }
      if (isMayBlock(method, owner, types, elements)) {
        return Optional.of(shortName(method, owner));
      }
      if (method.getModifiers().contains(Modifier.SYNCHRONIZED) && !isJdk(owner)) {
        return Optional.of(shortName(method, owner) + " (synchronized)");
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      // An incomplete class path (a missing supertype) must not crash the compiler.
      return Optional.empty();
    }
  }

  private static boolean isListed(ExecutableElement method, TypeElement owner, Types types) {
    List<Rule> rules = BUILT_IN_RULES.get(method.getSimpleName().toString());
    if (rules == null) {
      return false;
    }
    for (Rule rule : rules) {
      if (shapeMatches(rule.shape(), method)
          && (rule.exactOwner()
              ? owner.getQualifiedName().contentEquals(rule.owner())
              : MapOperation.isSubtypeOf(owner.asType(), rule.owner(), types))) {
        return true;
      }
    }
    return false;
  }

  private boolean isConfigured(ExecutableElement method, TypeElement owner, Types types) {
    if (configured.isEmpty()) {
      return false;
    }
    Set<String> owners = configured.get(method.getSimpleName().toString());
    if (owners == null) {
      return false;
    }
    for (String o : owners) {
      if (MapOperation.isSubtypeOf(owner.asType(), o, types)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMayBlock(
      ExecutableElement method, TypeElement owner, Types types, Elements elements) {
    if (hasMayBlock(method)) {
      return true;
    }
    if (method.getKind() != ElementKind.METHOD
        || isJdk(owner)
        || method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE)
        || elements.getTypeElement(MAY_BLOCK) == null) {
      return false; // nothing to inherit, or the annotation is not on the class path at all
    }
    Deque<TypeMirror> work = new ArrayDeque<>(types.directSupertypes(owner.asType()));
    Set<String> seen = new HashSet<>();
    while (!work.isEmpty()) {
      TypeMirror t = work.poll();
      if (t.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement e = (TypeElement) ((DeclaredType) t).asElement();
      if (isJdk(e) || !seen.add(e.getQualifiedName().toString())) {
        continue; // the JDK's own types carry no @MayBlock: skip them and their supertypes
      }
      for (ExecutableElement m : ElementFilter.methodsIn(e.getEnclosedElements())) {
        if (m.getSimpleName().equals(method.getSimpleName())
            && hasMayBlock(m)
            && elements.overrides(method, m, owner)) {
          return true;
        }
      }
      work.addAll(types.directSupertypes(t));
    }
    return false;
  }

  private static boolean hasMayBlock(Element element) {
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(MAY_BLOCK)) {
        return true;
      }
    }
    return false;
  }

  private static boolean shapeMatches(Shape shape, ExecutableElement method) {
    List<? extends VariableElement> params = method.getParameters();
    switch (shape) {
      case TIMED:
        if (params.isEmpty()) {
          return false;
        }
        TypeMirror last = params.get(params.size() - 1).asType();
        return last.getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) last).asElement())
                .getQualifiedName()
                .contentEquals(TIME_UNIT);
      case WITH_ARGUMENTS:
        return !params.isEmpty();
      default:
        return true;
    }
  }

  private static boolean isNotBlockingOwner(TypeMirror type, Types types) {
    for (String o : NOT_BLOCKING_OWNERS) {
      if (MapOperation.isSubtypeOf(type, o, types)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJdk(TypeElement owner) {
    String q = owner.getQualifiedName().toString();
    return q.startsWith("java.") || q.startsWith("javax.") || q.startsWith("jdk.");
  }

  private static String shortName(ExecutableElement method, TypeElement owner) {
    return method.getKind() == ElementKind.CONSTRUCTOR
        ? "new " + owner.getSimpleName()
        : owner.getSimpleName() + "." + method.getSimpleName();
  }

  private static boolean isQualifiedName(String s) {
    for (String part : s.split("\\.", -1)) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException(
        "invalid blocking method entry '" + text.trim() + "': " + why);
  }

  private static Map<String, List<Rule>> builtInRules() {
    Map<String, List<Rule>> rules = new HashMap<>();
    // Threads, monitors, parking.
    add(rules, "java.lang.Thread", Shape.ANY, false, "sleep", "join");
    add(rules, "java.lang.Object", Shape.ANY, true, "wait");
    add(rules, "java.util.concurrent.locks.LockSupport", Shape.ANY, true, "park", "parkNanos");
    add(rules, "java.util.concurrent.locks.LockSupport", Shape.ANY, true, "parkUntil");
    add(rules, "java.lang.Process", Shape.ANY, false, "waitFor");
    // Futures and tasks.
    add(rules, "java.util.concurrent.Future", Shape.ANY, false, "get");
    add(rules, "java.util.concurrent.CompletableFuture", Shape.ANY, false, "join");
    add(rules, "java.util.concurrent.ForkJoinTask", Shape.ANY, false, "join", "invoke");
    add(
        rules,
        "java.util.concurrent.ExecutorService",
        Shape.ANY,
        false,
        "invokeAll",
        "invokeAny",
        "awaitTermination",
        "close");
    // Locks and synchronisers.
    add(rules, "java.util.concurrent.locks.Lock", Shape.ANY, false, "lock", "lockInterruptibly");
    add(rules, "java.util.concurrent.locks.Lock", Shape.TIMED, false, "tryLock");
    add(
        rules,
        "java.util.concurrent.locks.Condition",
        Shape.ANY,
        false,
        "await",
        "awaitUninterruptibly",
        "awaitNanos",
        "awaitUntil");
    add(
        rules,
        "java.util.concurrent.locks.StampedLock",
        Shape.ANY,
        false,
        "readLock",
        "writeLock",
        "readLockInterruptibly",
        "writeLockInterruptibly");
    add(
        rules,
        "java.util.concurrent.locks.StampedLock",
        Shape.TIMED,
        false,
        "tryReadLock",
        "tryWriteLock");
    add(rules, "java.util.concurrent.CountDownLatch", Shape.ANY, false, "await");
    add(rules, "java.util.concurrent.CyclicBarrier", Shape.ANY, false, "await");
    add(
        rules,
        "java.util.concurrent.Semaphore",
        Shape.ANY,
        false,
        "acquire",
        "acquireUninterruptibly");
    add(rules, "java.util.concurrent.Semaphore", Shape.TIMED, false, "tryAcquire");
    add(
        rules,
        "java.util.concurrent.Phaser",
        Shape.ANY,
        false,
        "awaitAdvance",
        "awaitAdvanceInterruptibly",
        "arriveAndAwaitAdvance");
    add(rules, "java.util.concurrent.Exchanger", Shape.ANY, false, "exchange");
    // Blocking queues.
    add(rules, "java.util.concurrent.BlockingQueue", Shape.ANY, false, "put", "take");
    add(rules, "java.util.concurrent.BlockingQueue", Shape.TIMED, false, "offer", "poll");
    add(
        rules,
        "java.util.concurrent.BlockingDeque",
        Shape.ANY,
        false,
        "putFirst",
        "putLast",
        "takeFirst",
        "takeLast");
    add(
        rules,
        "java.util.concurrent.BlockingDeque",
        Shape.TIMED,
        false,
        "offerFirst",
        "offerLast",
        "pollFirst",
        "pollLast");
    add(rules, "java.util.concurrent.TransferQueue", Shape.ANY, false, "transfer");
    add(rules, "java.util.concurrent.TransferQueue", Shape.TIMED, false, "tryTransfer");
    // Streams, readers and writers.
    add(
        rules,
        "java.io.InputStream",
        Shape.ANY,
        false,
        "read",
        "readAllBytes",
        "readNBytes",
        "skip",
        "skipNBytes",
        "transferTo");
    add(rules, "java.io.OutputStream", Shape.ANY, false, "write", "flush");
    add(rules, "java.io.Reader", Shape.ANY, false, "read", "readLine", "skip", "transferTo");
    add(rules, "java.io.Writer", Shape.ANY, false, "write", "append", "flush");
    add(
        rules,
        "java.io.DataInput",
        Shape.ANY,
        false,
        "readFully",
        "skipBytes",
        "readBoolean",
        "readByte",
        "readUnsignedByte",
        "readShort",
        "readUnsignedShort",
        "readChar",
        "readInt",
        "readLong",
        "readFloat",
        "readDouble",
        "readLine",
        "readUTF");
    add(
        rules,
        "java.io.DataOutput",
        Shape.ANY,
        false,
        "write",
        "writeBoolean",
        "writeByte",
        "writeShort",
        "writeChar",
        "writeInt",
        "writeLong",
        "writeFloat",
        "writeDouble",
        "writeBytes",
        "writeChars",
        "writeUTF");
    add(rules, "java.io.ObjectInput", Shape.ANY, false, "readObject");
    add(rules, "java.io.ObjectOutput", Shape.ANY, false, "writeObject");
    add(rules, "java.io.Console", Shape.ANY, false, "readLine", "readPassword");
    add(rules, "java.io.FileInputStream", Shape.WITH_ARGUMENTS, true, "<init>"); // opens a file
    add(rules, "java.io.FileOutputStream", Shape.WITH_ARGUMENTS, true, "<init>");
    add(rules, "java.io.FileReader", Shape.WITH_ARGUMENTS, true, "<init>");
    add(rules, "java.io.FileWriter", Shape.WITH_ARGUMENTS, true, "<init>");
    add(rules, "java.io.RandomAccessFile", Shape.WITH_ARGUMENTS, true, "<init>");
    // Channels and selectors.
    add(rules, "java.nio.channels.ReadableByteChannel", Shape.ANY, false, "read");
    add(rules, "java.nio.channels.WritableByteChannel", Shape.ANY, false, "write");
    add(
        rules,
        "java.nio.channels.FileChannel",
        Shape.ANY,
        false,
        "force",
        "lock",
        "transferTo",
        "transferFrom");
    add(rules, "java.nio.channels.ServerSocketChannel", Shape.ANY, false, "accept");
    add(rules, "java.nio.channels.SocketChannel", Shape.ANY, false, "connect", "finishConnect");
    add(rules, "java.nio.channels.DatagramChannel", Shape.ANY, false, "receive", "send");
    add(rules, "java.nio.channels.Selector", Shape.ANY, false, "select");
    // Sockets and the network.
    add(rules, "java.net.Socket", Shape.ANY, false, "connect");
    add(rules, "java.net.Socket", Shape.WITH_ARGUMENTS, true, "<init>"); // connects
    add(rules, "java.net.ServerSocket", Shape.ANY, false, "accept");
    add(rules, "java.net.DatagramSocket", Shape.ANY, false, "receive", "send");
    add(rules, "java.net.InetAddress", Shape.ANY, true, "getByName", "getAllByName");
    add(rules, "java.net.URL", Shape.ANY, true, "openStream");
    add(
        rules,
        "java.net.URLConnection",
        Shape.ANY,
        false,
        "connect",
        "getInputStream",
        "getOutputStream",
        "getContent");
    add(rules, "java.net.HttpURLConnection", Shape.ANY, false, "getResponseCode");
    add(rules, "java.net.http.HttpClient", Shape.ANY, false, "send");
    // Files.
    add(
        rules,
        "java.nio.file.Files",
        Shape.ANY,
        true,
        "readAllBytes",
        "readAllLines",
        "readString",
        "readAttributes",
        "readSymbolicLink",
        "write",
        "writeString",
        "newBufferedReader",
        "newBufferedWriter",
        "newInputStream",
        "newOutputStream",
        "newByteChannel",
        "newDirectoryStream",
        "lines",
        "list",
        "walk",
        "walkFileTree",
        "find",
        "copy",
        "move",
        "delete",
        "deleteIfExists",
        "createFile",
        "createDirectory",
        "createDirectories",
        "createTempFile",
        "createTempDirectory",
        "size",
        "mismatch");
    Map<String, List<Rule>> frozen = new HashMap<>();
    rules.forEach((name, list) -> frozen.put(name, List.copyOf(list)));
    return Map.copyOf(frozen);
  }

  private static void add(
      Map<String, List<Rule>> rules,
      String owner,
      Shape shape,
      boolean exactOwner,
      String... names) {
    for (String name : names) {
      rules.computeIfAbsent(name, k -> new ArrayList<>()).add(new Rule(owner, shape, exactOwner));
    }
  }
}
