package dev.swarmsnap.swarmstate.convert;

import static dev.swarmsnap.swarmstate.convert.ProtoJson.flag;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.mapIfAny;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.nanos;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.number;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.object;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.text;
import static dev.swarmsnap.swarmstate.convert.ProtoJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmsnap.swarmstate.proto.swarmkit.ConfigReference;
import dev.swarmsnap.swarmstate.proto.swarmkit.ContainerSpec;
import dev.swarmsnap.swarmstate.proto.swarmkit.FileTarget;
import dev.swarmsnap.swarmstate.proto.swarmkit.HealthConfig;
import dev.swarmsnap.swarmstate.proto.swarmkit.Mount;
import dev.swarmsnap.swarmstate.proto.swarmkit.Privileges;
import dev.swarmsnap.swarmstate.proto.swarmkit.SecretReference;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A swarmkit {@code ContainerSpec} as the Engine API's {@code ContainerSpec}: mirrors moby's
 * {@code containerSpecFromGRPC} (daemon/cluster/convert/container.go), with one change the export
 * format asks for: secret and config references keep their names and drop their IDs, because IDs
 * mean nothing in another swarm. The registry auth in pull options is never converted (moby does
 * not either: it is a credential).
 */
final class ContainerSpecConverter {
  private final ObjectMapper tmpfsOptionsParser = new ObjectMapper();

  ObjectNode convert(ContainerSpec c) {
    ObjectNode n = object();
    text(n, "Image", c.getImage());
    mapIfAny(n, "Labels", c.getLabelsMap());
    texts(n, "Command", c.getCommandList());
    texts(n, "Args", c.getArgsList());
    text(n, "Hostname", c.getHostname());
    texts(n, "Env", c.getEnvList());
    text(n, "Dir", c.getDir());
    text(n, "User", c.getUser());
    texts(n, "Groups", c.getGroupsList());
    if (c.hasPrivileges()) {
      n.set("Privileges", privileges(c.getPrivileges()));
    }
    if (c.hasInit()) {
      n.put("Init", c.getInit().getValue());
    }
    text(n, "StopSignal", c.getStopSignal());
    flag(n, "TTY", c.getTty());
    flag(n, "OpenStdin", c.getOpenStdin());
    flag(n, "ReadOnly", c.getReadOnly());
    if (c.getMountsCount() > 0) {
      ArrayNode mounts = n.putArray("Mounts");
      c.getMountsList().forEach(m -> mounts.add(mount(m)));
    }
    if (c.hasStopGracePeriod()) {
      n.put("StopGracePeriod", nanos(c.getStopGracePeriod()));
    }
    if (c.hasHealthcheck()) {
      n.set("Healthcheck", health(c.getHealthcheck()));
    }
    texts(n, "Hosts", c.getHostsList());
    if (c.hasDnsConfig()) {
      ObjectNode dns = n.putObject("DNSConfig");
      texts(dns, "Nameservers", c.getDnsConfig().getNameserversList());
      texts(dns, "Search", c.getDnsConfig().getSearchList());
      texts(dns, "Options", c.getDnsConfig().getOptionsList());
    }
    ArrayNode secrets = object().arrayNode();
    c.getSecretsList().stream().filter(SecretReference::hasFile).forEach(s -> secrets.add(secret(s)));
    if (!secrets.isEmpty()) {
      n.set("Secrets", secrets);
    }
    ArrayNode configs = object().arrayNode();
    c.getConfigsList().stream().filter(r -> r.hasFile() || r.hasRuntime()).forEach(r -> configs.add(config(r)));
    if (!configs.isEmpty()) {
      n.set("Configs", configs);
    }
    n.put("Isolation", isolation(c.getIsolation()));
    mapIfAny(n, "Sysctls", c.getSysctlsMap());
    texts(n, "CapabilityAdd", c.getCapabilityAddList());
    texts(n, "CapabilityDrop", c.getCapabilityDropList());
    if (c.getUlimitsCount() > 0) {
      ArrayNode ulimits = n.putArray("Ulimits");
      c.getUlimitsList().forEach(u -> ulimits.addObject().put("Name", u.getName()).put("Hard", u.getHard()).put("Soft", u.getSoft()));
    }
    number(n, "OomScoreAdj", c.getOomScoreAdj());
    return n;
  }

  /** moby's {@code IsolationFromGRPC}: the default is written as {@code "default"}, not left out. */
  private static String isolation(ContainerSpec.Isolation i) {
    return switch (i) {
      case ISOLATION_HYPERV -> "hyperv";
      case ISOLATION_PROCESS -> "process";
      case ISOLATION_DEFAULT -> "default";
      default -> "";
    };
  }

  private static ObjectNode privileges(Privileges p) {
    ObjectNode n = object();
    if (p.hasCredentialSpec()) {
      Privileges.CredentialSpec cs = p.getCredentialSpec();
      n.putObject("CredentialSpec")
          .put("Config", cs.hasConfig() ? cs.getConfig() : "")
          .put("File", cs.hasFile() ? cs.getFile() : "")
          .put("Registry", cs.hasRegistry() ? cs.getRegistry() : "");
    }
    if (p.hasSelinuxContext()) {
      Privileges.SELinuxContext s = p.getSelinuxContext();
      n.putObject("SELinuxContext").put("Disable", s.getDisable()).put("User", s.getUser())
          .put("Role", s.getRole()).put("Type", s.getType()).put("Level", s.getLevel());
    }
    if (p.hasSeccomp()) {
      ObjectNode s = n.putObject("Seccomp");
      s.put("Mode", switch (p.getSeccomp().getMode()) {
        case UNCONFINED -> "unconfined";
        case CUSTOM -> "custom";
        default -> "default";
      });
      if (!p.getSeccomp().getProfile().isEmpty()) {
        s.put("Profile", Base64.getEncoder().encodeToString(p.getSeccomp().getProfile().toByteArray()));
      }
    }
    if (p.hasApparmor()) {
      n.putObject("AppArmor").put("Mode",
          p.getApparmor().getMode() == Privileges.AppArmorOpts.AppArmorMode.DISABLED ? "disabled" : "default");
    }
    n.put("NoNewPrivileges", p.getNoNewPrivileges());
    return n;
  }

  private ObjectNode mount(Mount m) {
    ObjectNode n = object();
    n.put("Type", m.getType().name().toLowerCase(Locale.ROOT));
    text(n, "Source", m.getSource());
    text(n, "Target", m.getTarget());
    flag(n, "ReadOnly", m.getReadonly());
    if (m.hasBindOptions()) {
      Mount.BindOptions b = m.getBindOptions();
      ObjectNode bn = n.putObject("BindOptions");
      bn.put("Propagation", b.getPropagation().name().toLowerCase(Locale.ROOT));
      flag(bn, "NonRecursive", b.getNonrecursive());
      flag(bn, "CreateMountpoint", b.getCreatemountpoint());
      flag(bn, "ReadOnlyNonRecursive", b.getReadonlynonrecursive());
      flag(bn, "ReadOnlyForceRecursive", b.getReadonlyforcerecursive());
    }
    if (m.hasVolumeOptions()) {
      Mount.VolumeOptions v = m.getVolumeOptions();
      ObjectNode vn = n.putObject("VolumeOptions");
      flag(vn, "NoCopy", v.getNocopy());
      mapIfAny(vn, "Labels", v.getLabelsMap());
      text(vn, "Subpath", v.getSubpath());
      if (v.hasDriverConfig()) {
        vn.set("DriverConfig", ProtoJson.driver(v.getDriverConfig()));
      }
    }
    if (m.hasTmpfsOptions()) {
      Mount.TmpfsOptions t = m.getTmpfsOptions();
      ObjectNode tn = n.putObject("TmpfsOptions");
      number(tn, "SizeBytes", t.getSizeBytes());
      number(tn, "Mode", Integer.toUnsignedLong(t.getMode()));
      tmpfsOptions(t.getOptions()).ifPresent(o -> tn.set("Options", o));
    }
    return n;
  }

  /**
   * moby stores tmpfs options as a JSON {@code [][]string} in a string and drops what does not
   * parse ({@code tmpfsOptionsFromGRPC}); so do we.
   */
  private Optional<JsonNode> tmpfsOptions(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode parsed = tmpfsOptionsParser.readTree(text);
      boolean valid = parsed != null && parsed.isArray() && !parsed.isEmpty();
      for (JsonNode row : valid ? parsed : object().arrayNode()) {
        valid &= row.isArray();
        for (JsonNode cell : row) {
          valid &= cell.isTextual();
        }
      }
      return valid ? Optional.of(parsed) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static ObjectNode health(HealthConfig h) {
    ObjectNode n = object();
    texts(n, "Test", h.getTestList());
    number(n, "Interval", nanos(h.getInterval()));
    number(n, "Timeout", nanos(h.getTimeout()));
    number(n, "StartPeriod", nanos(h.getStartPeriod()));
    number(n, "StartInterval", nanos(h.getStartInterval()));
    number(n, "Retries", h.getRetries());
    return n;
  }

  private static ObjectNode secret(SecretReference s) {
    ObjectNode n = object();
    n.set("File", fileTarget(s.getFile()));
    n.put("SecretName", s.getSecretName());
    return n;
  }

  private static ObjectNode config(ConfigReference r) {
    ObjectNode n = object();
    if (r.hasRuntime()) {
      n.putObject("Runtime");
    } else {
      n.set("File", fileTarget(r.getFile()));
    }
    n.put("ConfigName", r.getConfigName());
    return n;
  }

  /** {@code SecretReferenceFileTarget} / {@code ConfigReferenceFileTarget}: no omitempty, all written. */
  private static ObjectNode fileTarget(FileTarget f) {
    return object().put("Name", f.getName()).put("UID", f.getUid()).put("GID", f.getGid())
        .put("Mode", Integer.toUnsignedLong(f.getMode()));
  }
}
