package dev.percpu.internal;

import jdk.jfr.Category;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event committed by the pinning thread when an outermost pin begins in assertion mode, once
 * its slot is won ({@link JfrBlockingWatch}). Disabled unless the watch's recording enables it, so
 * a user's own recording never carries it.
 */
@Name("dev.percpu.PinBegan")
@Label("Pin Began")
@Category("percpu")
@Enabled(false)
@StackTrace(false)
final class PinBeganEvent extends jdk.jfr.Event {
  @Label("Pin")
  long pin;

  @Label("CPU")
  int cpu;
}
