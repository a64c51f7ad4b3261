package org.sfu4j.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns Netty LEAK reports into test failures.
 *
 * <p>Auto-registered for every test class (META-INF/services + surefire's
 * {@code junit.jupiter.extensions.autodetection.enabled=true}). It installs a leak detector factory
 * whose detectors record every report; after each test class it forces GC, lets the detectors poll
 * their reference queues, and fails the class if anything leaked. Netty reports a leak only after
 * the leaked buffer was collected, so detection is per class, not per test method.
 */
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {

  private static final List<String> LEAKS = new ArrayList<>();

  static {
    if (ResourceLeakDetector.getLevel().ordinal() < ResourceLeakDetector.Level.PARANOID.ordinal()) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
  }

  /** Reports recorded since the last {@link #drainLeaks()}; for tests that assert on leaks. */
  public static synchronized List<String> drainLeaks() {
    List<String> copy = new ArrayList<>(LEAKS);
    LEAKS.clear();
    return copy;
  }

  static synchronized void record(String report) {
    LEAKS.add(report);
  }

  /** Forces collection and detector polling, so leaks of already-dropped buffers surface now. */
  public static void collectAndPoll() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      // Allocation makes the detector drain its reference queue and report.
      for (int j = 0; j < 8; j++) {
        ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(8);
        probe.release();
        ByteBuf heap = ByteBufAllocator.DEFAULT.heapBuffer(8);
        heap.release();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    collectAndPoll();
    drainLeaks(); // leaks from earlier classes were already reported there
  }

  @Override
  public void afterAll(ExtensionContext context) {
    collectAndPoll();
    List<String> leaks = drainLeaks();
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          "Netty reported " + leaks.size() + " ByteBuf leak(s) in "
              + context.getDisplayName() + ":\n" + String.join("\n----\n", leaks));
    }
  }

  private static final class RecordingFactory extends ResourceLeakDetectorFactory {
    @Override
    @SuppressWarnings("deprecation")
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval, long maxActive) {
      return new RecordingDetector<>(resource, samplingInterval);
    }

    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
      return new RecordingDetector<>(resource, samplingInterval);
    }
  }

  private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
    RecordingDetector(Class<T> resource, int samplingInterval) {
      super(resource, samplingInterval);
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      record("LEAK: " + resourceType + records);
      super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      record("LEAK: " + resourceType + " (untraced)");
      super.reportUntracedLeak(resourceType);
    }
  }
}
