package dev.percpu.internal;

import jdk.jfr.Category;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event that {@link JfrBlockingWatch#sync} commits and then waits to see come out of the
 * stream: once it has, every event committed before it has been handled too.
 */
@Name("dev.percpu.SyncMarker")
@Label("Blocking Detection Sync")
@Category("percpu")
@Enabled(false)
@StackTrace(false)
final class SyncMarkerEvent extends jdk.jfr.Event {
  @Label("Marker")
  long marker;
}
