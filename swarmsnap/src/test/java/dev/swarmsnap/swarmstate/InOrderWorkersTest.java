package dev.swarmsnap.swarmstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InOrderWorkersTest {

  @Test
  void resultsReachTheSinkInSubmissionOrderOnTheSubmittingThread() {
    List<Integer> seen = new ArrayList<>();
    Thread caller = Thread.currentThread();
    try (var workers = new InOrderWorkers<Integer, Integer>(3, 1000, i -> {
      LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(200_000));
      return i * 2;
    }, (i, r) -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      assertThat(r).isEqualTo(i * 2);
      seen.add(i);
    })) {
      for (int i = 0; i < 500; i++) {
        workers.submit(i, 10);
      }
      workers.finish();
    }
    assertThat(seen).hasSize(500).isSorted();
  }

  @Test
  void bytesInFlightStayBoundedButOneLargeItemAlwaysPasses() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    List<Integer> seen = new ArrayList<>();
    try (var workers = new InOrderWorkers<Integer, Integer>(4, 100, i -> i, (i, r) -> {
      inFlight.addAndGet(-size(i));
      seen.add(i);
    })) {
      for (int i = 0; i < 300; i++) {
        peak.accumulateAndGet(inFlight.addAndGet(size(i)), Math::max);
        workers.submit(i, size(i));
      }
      workers.finish();
    }
    assertThat(seen).hasSize(300);
    // 100 bytes of queued items plus the one being submitted; a 1000-byte item went through alone
    assertThat(peak.get()).isLessThanOrEqualTo(1000 + 100);
  }

  @Test
  void theFirstFailureInOrderIsThrownAndLaterItemsNeverReachTheSink() {
    List<Integer> seen = new ArrayList<>();
    var workers = new InOrderWorkers<Integer, Integer>(2, 1000, i -> {
      if (i == 40 || i == 45) {
        LockSupport.parkNanos(i == 40 ? 5_000_000 : 0); // the later failure finishes first
        throw new IllegalArgumentException("item " + i);
      }
      return i;
    }, (i, r) -> seen.add(i));
    assertThatThrownBy(() -> {
      try (workers) {
        for (int i = 0; i < 100; i++) {
          workers.submit(i, 1);
        }
        workers.finish();
      }
    }).isInstanceOf(IllegalArgumentException.class).hasMessage("item 40");
    assertThat(seen).hasSize(40).isSorted();
  }

  private static int size(int i) {
    return i % 50 == 7 ? 1000 : 3;
  }
}
