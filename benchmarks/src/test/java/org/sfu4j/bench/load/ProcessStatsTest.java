package org.sfu4j.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessStatsTest {

  @Test
  void ticksAreUtimePlusStimeEvenWithSpacesInComm() {
    String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 1000 0 0 0 "
        + "1234 567 0 0 20 0 30 0 100 8000000 2000 18446744073709551615";
    assertEquals(1234 + 567, ProcessStats.parseTicks(stat));
  }

  @Test
  void directMemoryFromMicrometerOrNettySeries() {
    String micrometer = "# HELP x\njvm_buffer_memory_used_bytes{id=\"mapped\"} 5.0\n"
        + "jvm_buffer_memory_used_bytes{id=\"direct\"} 1048576.0\n";
    assertEquals(1048576.0, ProcessStats.parseDirectBytes(micrometer));
    assertEquals(42.0, ProcessStats.parseDirectBytes("netty_allocator_memory_used{memory_type=\"direct\"} 42\n"));
    assertTrue(Double.isNaN(ProcessStats.parseDirectBytes("up 1\n")));
  }

  @Test
  void readsThisProcess() {
    ProcessStats s = new ProcessStats(ProcessHandle.current().pid(), null, null);
    assertTrue(s.cpuTicks() >= 0);
    assertTrue(s.rssMb() > 1);
    assertTrue(s.runDelayNanos() >= 0);
    assertTrue(s.directMb() >= 0);
    assertTrue(Double.isNaN(s.cpuCoresSinceLast()));
  }
}
