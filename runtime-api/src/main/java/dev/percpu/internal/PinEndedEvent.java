package dev.percpu.internal;

import jdk.jfr.Category;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event committed by the pinning thread when an outermost pin of assertion mode ends, just
 * after its slot is released ({@link JfrBlockingWatch}).
 */
@Name("dev.percpu.PinEnded")
@Label("Pin Ended")
@Category("percpu")
@Enabled(false)
@StackTrace(false)
final class PinEndedEvent extends jdk.jfr.Event {
  @Label("Pin")
  long pin;
}
