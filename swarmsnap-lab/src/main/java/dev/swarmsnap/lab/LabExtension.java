package dev.swarmsnap.lab;

import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link LabSwarm}: one lab per test class, kept in the class's extension
 * store, brought down in {@code afterAll}. Settings are {@link LabSettings#defaults()}; the
 * {@code swarmsnap.lab.registry} system property moves the registry, and {@code swarmsnap.lab.dockerd}
 * (a path) picks the engine binary, so a whole test run can be pointed at another Docker engine.
 */
public final class LabExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabExtension.class);
  private static final String KEY = "lab";
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final SecureRandom random = new SecureRandom();

  @Override
  public void beforeAll(ExtensionContext context) {
    LabSwarm config =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LabSwarm.class)
            .orElseThrow(() -> new ExtensionConfigurationException("LabExtension needs @LabSwarm on the test class"));
    LabSpec spec =
        new LabSpec(uniqueName(), config.managers(), config.workers(), config.autolock(), Optional.empty(), config.sampleObjects());
    Lab lab = new Labs(settings()).up(spec);
    context.getStore(NAMESPACE).put(KEY, lab);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Lab lab = context.getStore(NAMESPACE).remove(KEY, Lab.class);
    if (lab != null) {
      lab.down();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Lab.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Lab lab = context.getStore(NAMESPACE).get(KEY, Lab.class);
    if (lab == null) {
      throw new ExtensionConfigurationException("no lab: is the test class annotated with @LabSwarm?");
    }
    return lab;
  }

  /** The system property naming the dockerd binary of every lab; absent or blank = {@code dockerd} on PATH. */
  public static final String DOCKERD_PROPERTY = "swarmsnap.lab.dockerd";

  private static LabSettings settings() {
    LabSettings settings = LabSettings.defaults();
    String registry = System.getProperty("swarmsnap.lab.registry");
    if (registry != null && !registry.isBlank()) {
      settings = settings.withRegistryDir(java.nio.file.Path.of(registry));
    }
    String dockerd = System.getProperty(DOCKERD_PROPERTY);
    if (dockerd != null && !dockerd.isBlank()) {
      settings = settings.withDockerd(dockerd);
    }
    return settings;
  }

  /** {@code t} + 6 random characters: short enough for netns and hostnames, unlikely to collide. */
  private String uniqueName() {
    StringBuilder name = new StringBuilder("t");
    for (int i = 0; i < 6; i++) {
      name.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return name.toString();
  }
}
