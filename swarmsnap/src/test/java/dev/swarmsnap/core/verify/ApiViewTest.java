package dev.swarmsnap.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiViewTest {
  @Test
  void objectsALaterViewNoLongerListsAreDroppedTheRestIsKeptAsItWas() {
    byte[] swarm = bytes("{\"ID\":\"c1\",\"Version\":{\"Index\":5}}");
    byte[] secrets = bytes("[{\"ID\":\"s1\",\"Version\":{\"Index\":7},\"Spec\":{\"Name\":\"s\"}}]");
    ApiView before = new ApiView(Map.of(
        "swarm", swarm,
        "configs", bytes("[{\"ID\":\"gone\",\"Version\":{\"Index\":9},\"Spec\":{\"Name\":\"g\"}},"
            + "{\"ID\":\"kept\",\"Version\":{\"Index\":10},\"Spec\":{\"Name\":\"k\"}}]"),
        "secrets", secrets,
        "networks", bytes("[{\"Id\":\"n1\",\"Name\":\"net\",\"Scope\":\"swarm\"}]")));
    ApiView later = new ApiView(Map.of(
        "configs", bytes("[{\"ID\":\"kept\",\"Version\":{\"Index\":12},\"Spec\":{\"Name\":\"k\"}},"
            + "{\"ID\":\"new\",\"Version\":{\"Index\":13},\"Spec\":{\"Name\":\"n\"}}]"),
        "secrets", bytes("not json"),
        "networks", bytes("[]")));

    ApiView expected = before.withoutObjectsRemovedBy(later, java.util.Set.of());

    assertThat(expected.list("configs").orElseThrow()).extracting(ApiObject::id).containsExactly("kept");
    assertThat(expected.list("configs").orElseThrow().get(0).version().getAsLong())
        .as("the earlier version").isEqualTo(10);
    assertThat(expected.list("networks").orElseThrow()).isEmpty();
    assertThat(expected.documents().get("secrets")).as("unreadable later: kept whole").isEqualTo(secrets);
    assertThat(expected.documents().get("swarm")).isEqualTo(swarm);
  }

  @Test
  void anObjectTheCopyHoldsIsKeptThoughALaterViewNoLongerListsIt() {
    ApiView before = new ApiView(Map.of("configs", bytes("[{\"ID\":\"held\",\"Version\":{\"Index\":9}},"
        + "{\"ID\":\"gone\",\"Version\":{\"Index\":10}}]")));
    ApiView later = new ApiView(Map.of("configs", bytes("[]")));

    ApiView expected = before.withoutObjectsRemovedBy(later, java.util.Set.of("held"));

    assertThat(expected.list("configs").orElseThrow()).as("removed after the copy: the copy has it, the view keeps it")
        .extracting(ApiObject::id).containsExactly("held");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
