package dev.swarmsnap.swarmstate.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.swarmsnap.logical.SpecDiff;
import dev.swarmsnap.swarmstate.proto.swarmkit.Annotations;
import dev.swarmsnap.swarmstate.proto.swarmkit.ConfigSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.Driver;
import dev.swarmsnap.swarmstate.proto.swarmkit.SecretSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Secret and config specs against moby's SecretFromGRPC / ConfigFromGRPC (a secret's Data never in the spec). */
@Timeout(30)
class SecretAndConfigConverterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSecretSpecKeepsEverythingButItsValue() throws Exception {
    SecretSpec spec = SecretSpec.newBuilder()
        .setAnnotations(Annotations.newBuilder().setName("db_pass").putLabels("team", "blue"))
        .setData(ByteString.copyFromUtf8("planted-secret-value"))
        .setDriver(Driver.newBuilder().setName("vault").putOptions("path", "kv/db"))
        .setTemplating(Driver.newBuilder().setName("golang"))
        .build();

    String json = new SecretSpecConverter().convert(spec).toString();

    assertThat(new SpecDiff().paths(JSON.readTree("""
        {"Name": "db_pass", "Labels": {"team": "blue"}, "Driver": {"Name": "vault", "Options": {"path": "kv/db"}},
         "Templating": {"Name": "golang"}}
        """), JSON.readTree(json))).isEmpty();
    assertThat(json).doesNotContain("planted-secret-value", "cGxhbnRlZC1zZWNyZXQtdmFsdWU");
  }

  @Test
  void aConfigSpecCarriesItsDataAsBase64() throws Exception {
    ConfigSpec spec = ConfigSpec.newBuilder()
        .setAnnotations(Annotations.newBuilder().setName("app_conf"))
        .setData(ByteString.copyFromUtf8("port=80\n"))
        .setTemplating(Driver.newBuilder().setName("golang"))
        .build();

    assertThat(new SpecDiff().paths(JSON.readTree("""
        {"Name": "app_conf", "Labels": {}, "Data": "cG9ydD04MAo=", "Templating": {"Name": "golang"}}
        """), new ConfigSpecConverter().convert(spec))).isEmpty();
  }
}
