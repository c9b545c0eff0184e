package dev.swarmsnap.lab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class one lab for all its tests: brought up before the first test (name {@code t}
 * plus random characters), injected into any {@link Lab} parameter of test and lifecycle methods,
 * and always brought down after the class, even when tests fail. Needs root and docker.io.
 *
 * <pre>{@code
 * @LabSwarm(managers = 3, workers = 1)
 * class BackupIT {
 *   @Test
 *   void backsUpAFollower(Lab lab) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LabExtension.class)
public @interface LabSwarm {
  int managers() default 3;

  int workers() default 1;

  boolean autolock() default false;

  boolean sampleObjects() default true;
}
