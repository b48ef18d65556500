package dev.percpu.errorprone;

import com.google.errorprone.ErrorProneFlags;
import dev.percpu.analysis.ApiMethodSpec;
import dev.percpu.analysis.BlockingMethods;
import dev.percpu.analysis.MapMethods;
import dev.percpu.analysis.PerCpuApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the checks read from {@code -XepOpt:} flags, parsed once per check instance, in the
 * spirit of NullAway's single {@code Config}.
 *
 * <ul>
 *   <li>{@code -XepOpt:PerCpu:EnteringMethods=OWNER#METHOD=ROLE,...}: methods users cannot annotate
 *       that enter a per-CPU allocation or a map or cache (run a caller's closure with exclusive
 *       access to it), or alias, invoke or defer closures (see {@link
 *       dev.percpu.analysis.ApiMethodSpec} for the form), for example {@code
 *       com.acme.Cache#get=map-compute:1:concurrent};
 *   <li>{@code -XepOpt:PerCpu:ApiMethods=...}: the deprecated name of {@code EnteringMethods}, from
 *       when it described per-CPU API methods only; it still works, and the entries of both flags
 *       combine;
 *   <li>{@code -XepOpt:PerCpu:BlockingMethods=OWNER#METHOD,...}: methods of libraries users cannot
 *       annotate with {@code @MayBlock} that may block the calling thread, for {@code
 *       PerCpuBlockingWhilePinned}, for example {@code com.acme.Rpc#call} (the method of that name
 *       on OWNER and its subtypes; {@code OWNER#<init>} for constructors);
 *   <li>{@code -XepOpt:PerCpu:TypeArgumentAliasing=false}: do not treat two handles of unknown
 *       origin with the same type argument as possible aliases (turns most of {@code
 *       PerCpuPossibleNestedAccess} off);
 *   <li>{@code -XepOpt:PerCpu:DocsUrl=https://.../docs/}: where a copy of the project's {@code
 *       docs/} is published; each diagnostic then links {@code DOCS_URL/bugpattern/NAME.md}. No
 *       default: the project has no published site, and a dead link is worse than none.
 * </ul>
 *
 * <p>A malformed flag never throws out of javac: it yields a config whose {@link #error()} names
 * the flag and the entry, which {@code PerCpuNestedAccess} reports as an error diagnostic.
 *
 * @param api the shared API model, with configured methods
 * @param mapMethods the map and cache methods, built in and configured
 * @param blockingMethods the methods that may block, built in and configured
 * @param typeArgumentAliasing whether unknown handles with one type argument may alias
 * @param docsUrl the docs base from {@code -XepOpt:PerCpu:DocsUrl}, ending in {@code /}
 * @param error why the flags were rejected, if they were
 */
public record PerCpuConfig(
    PerCpuApi api,
    MapMethods mapMethods,
    BlockingMethods blockingMethods,
    boolean typeArgumentAliasing,
    Optional<String> docsUrl,
    Optional<String> error) {

  static final String ENTERING_METHODS = "PerCpu:EnteringMethods";

  /** The deprecated name of {@link #ENTERING_METHODS}. */
  static final String API_METHODS = "PerCpu:ApiMethods";

  static final String BLOCKING_METHODS = "PerCpu:BlockingMethods";

  static final String TYPE_ARGUMENT_ALIASING = "PerCpu:TypeArgumentAliasing";
  static final String DOCS_URL = "PerCpu:DocsUrl";

  /** The defaults: annotations only, type-argument aliasing on. */
  public static PerCpuConfig defaults() {
    return new PerCpuConfig(
        PerCpuApi.annotationsOnly(),
        MapMethods.builtIn(),
        BlockingMethods.builtIn(),
        true,
        Optional.empty(),
        Optional.empty());
  }

  /** Parses the flags; never throws for a malformed value. */
  public static PerCpuConfig fromFlags(ErrorProneFlags flags) {
    List<String> specs = new ArrayList<>();
    for (String flag : List.of(API_METHODS, ENTERING_METHODS)) {
      try {
        for (String text : flags.getListOrEmpty(flag)) {
          if (!text.isBlank()) {
            ApiMethodSpec.parse(text); // each entry's error names the flag it came from
            specs.add(text);
          }
        }
      } catch (RuntimeException e) {
        return invalid("-XepOpt:" + flag + ": " + e.getMessage());
      }
    }
    PerCpuApi api;
    MapMethods mapMethods;
    try {
      api = specs.isEmpty() ? PerCpuApi.annotationsOnly() : PerCpuApi.create(specs);
      mapMethods = MapMethods.create(specs);
    } catch (IllegalArgumentException e) {
      // only a clash between entries is left, perhaps across the two flags: name both
      return invalid(
          "-XepOpt:" + ENTERING_METHODS + " (with " + API_METHODS + "): " + e.getMessage());
    }
    BlockingMethods blockingMethods;
    try {
      blockingMethods = BlockingMethods.builtIn().withSpecs(flags.getListOrEmpty(BLOCKING_METHODS));
    } catch (RuntimeException e) {
      return invalid("-XepOpt:" + BLOCKING_METHODS + ": " + e.getMessage());
    }
    Optional<String> aliasing = flags.get(TYPE_ARGUMENT_ALIASING);
    boolean typeArgumentAliasing = true;
    if (aliasing.isPresent()) {
      String v = aliasing.get().trim();
      if (v.equalsIgnoreCase("true") || v.isEmpty()) {
        typeArgumentAliasing = true;
      } else if (v.equalsIgnoreCase("false")) {
        typeArgumentAliasing = false;
      } else {
        return invalid("-XepOpt:" + TYPE_ARGUMENT_ALIASING + "=" + v + ": expected true or false");
      }
    }
    Optional<String> docsUrl = flags.get(DOCS_URL).map(String::trim);
    if (docsUrl.isPresent() && !docsUrl.get().matches("https?://[^\\s/]+(/\\S*)?")) {
      return invalid(
          "-XepOpt:" + DOCS_URL + "=" + docsUrl.get() + ": expected an absolute http(s) URL");
    }
    return new PerCpuConfig(
        api,
        mapMethods,
        blockingMethods,
        typeArgumentAliasing,
        docsUrl.map(u -> u.endsWith("/") ? u : u + "/"),
        Optional.empty());
  }

  private static PerCpuConfig invalid(String why) {
    return new PerCpuConfig(
        PerCpuApi.annotationsOnly(),
        MapMethods.builtIn(),
        BlockingMethods.builtIn(),
        true,
        Optional.empty(),
        Optional.of("invalid percpu flag " + why));
  }
}
