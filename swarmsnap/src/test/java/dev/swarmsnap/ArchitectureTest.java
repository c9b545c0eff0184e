package dev.swarmsnap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, enforced. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.swarmsnap");

  /**
   * Jackson reads and writes our JSON formats (manifest, repository records, renderers) and the
   * engine's JSON files and answers (API view, docker-state.json); nowhere else.
   */
  private static final String[] JACKSON_USERS = {
      "dev.swarmsnap.archive.manifest..", "dev.swarmsnap.repository", "dev.swarmsnap.cli..",
      "dev.swarmsnap.engine.dockerjava..", "dev.swarmsnap.core.verify..", "dev.swarmsnap.core.replace..",
      "dev.swarmsnap.core.restore..", "dev.swarmsnap.swarmstate", "dev.swarmsnap.lab..",
      "dev.swarmsnap.logical..", "dev.swarmsnap.core.export..",
      "dev.swarmsnap.core.apply..", "dev.swarmsnap.swarmstate.convert.."};

  @Test
  void nothingDependsOnTheCli() {
    noClasses().that().resideOutsideOfPackage("dev.swarmsnap.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.swarmsnap.cli..")
        .check(CLASSES);
  }

  @Test
  void onlyTheCliUsesPicocli() {
    onlyIn("dev.swarmsnap.cli..", "picocli..");
  }

  @Test
  void onlyTheEngineAdapterUsesDockerJava() {
    onlyIn("dev.swarmsnap.engine.dockerjava..", "com.github.dockerjava..");
  }

  @Test
  void onlyCryptoUsesBouncyCastle() {
    onlyIn("dev.swarmsnap.crypto..", "org.bouncycastle..");
  }

  @Test
  void onlyCryptoUsesLibsodiumAndJna() {
    onlyIn("dev.swarmsnap.crypto", "com.goterl..");
    onlyIn("dev.swarmsnap.crypto", "com.sun.jna..");
  }

  @Test
  void onlyTheAgeBoundaryUsesJagged() {
    onlyIn("dev.swarmsnap.crypto.age..", "com.exceptionfactory.jagged..");
  }

  @Test
  void onlyTheS3StoreUsesTheAwsSdk() {
    onlyIn("dev.swarmsnap.repository.s3..", "software.amazon.awssdk..");
  }

  @Test
  void theRepositoryKnowsNothingOfCoreOrTheEngine() {
    noClasses().that().resideInAPackage("dev.swarmsnap.repository..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.swarmsnap.core..", "dev.swarmsnap.engine..", "dev.swarmsnap.swarmstate..", "dev.swarmsnap.archive..")
        .check(CLASSES);
  }

  @Test
  void retentionIsPure() {
    noClasses().that().resideInAPackage("dev.swarmsnap.core.retention..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.swarmsnap.repository..", "dev.swarmsnap.engine..", "dev.swarmsnap.durable..", "dev.swarmsnap.archive..")
        .check(CLASSES);
  }

  @Test
  void onlyTheReaderUsesProtobuf() {
    onlyIn("dev.swarmsnap.swarmstate..", "com.google.protobuf..");
  }

  @Test
  void onlyTheArchiveUsesCommonsCompressAndZstd() {
    onlyIn("dev.swarmsnap.archive..", "org.apache.commons.compress..");
    onlyIn("dev.swarmsnap.archive..", "com.github.luben.zstd..");
  }

  @Test
  void onlyTheMetricsFileUsesThePrometheusLibrary() {
    onlyIn("dev.swarmsnap.metrics..", "io.prometheus..");
  }

  @Test
  void theMetricsFileKnowsNothingOfCore() {
    noClasses().that().resideInAPackage("dev.swarmsnap.metrics..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.swarmsnap.core..", "dev.swarmsnap.engine..")
        .check(CLASSES);
  }

  @Test
  void theArchiveFormatKnowsNothingOfTheUseCases() {
    noClasses().that().resideInAPackage("dev.swarmsnap.archive..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.swarmsnap.core..", "dev.swarmsnap.engine..", "dev.swarmsnap.swarmstate..")
        .check(CLASSES);
  }

  @Test
  void theManifestAndDurableAreLeaves() {
    noClasses().that().resideInAPackage("dev.swarmsnap.archive.manifest..")
        .should().dependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage("dev.swarmsnap..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(
                    "dev.swarmsnap.archive.manifest..", "dev.swarmsnap.error.."))))
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.swarmsnap.durable..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.swarmsnap.core..", "dev.swarmsnap.archive..", "dev.swarmsnap.engine..")
        .check(CLASSES);
  }

  @Test
  void theRepositoryLayerKnowsNoStoreAdapter() {
    noClasses().that().resideInAPackage("dev.swarmsnap.repository")
        .should().dependOnClassesThat().resideInAPackage("dev.swarmsnap.repository.s3..")
        .check(CLASSES);
  }

  @Test
  void engineControlKnowsNothingOfTheHostLock() {
    noClasses().that().resideInAPackage("dev.swarmsnap.engine..")
        .should().dependOnClassesThat().resideInAPackage("dev.swarmsnap.hostlock..")
        .check(CLASSES);
  }

  @Test
  void onlyNamedPackagesUseJackson() {
    noClasses().that().resideOutsideOfPackages(JACKSON_USERS)
        .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
        .check(CLASSES);
  }

  @Test
  void adaptersAndReaderNeverDependOnCore() {
    noClasses().that().resideInAnyPackage("dev.swarmsnap.engine..", "dev.swarmsnap.swarmstate..", "dev.swarmsnap.crypto..")
        .should().dependOnClassesThat().resideInAPackage("dev.swarmsnap.core..")
        .check(CLASSES);
  }

  @Test
  void onlyTheCliAndTheSandboxUseTheLab() {
    noClasses().that().resideOutsideOfPackages("dev.swarmsnap.cli..", "dev.swarmsnap.sandbox..", "dev.swarmsnap.lab..")
        .should().dependOnClassesThat().resideInAPackage("dev.swarmsnap.lab..")
        .check(CLASSES);
  }

  @Test
  void theSandboxKnowsOnlyTheDrillsPortOfCore() {
    noClasses().that().resideInAPackage("dev.swarmsnap.sandbox..")
        .should().dependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage("dev.swarmsnap.core..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("dev.swarmsnap.core.drill"))))
        .check(CLASSES);
  }

  @Test
  void theReaderNeedsNoEngine() {
    noClasses().that().resideInAPackage("dev.swarmsnap.swarmstate..")
        .should().dependOnClassesThat().resideInAPackage("dev.swarmsnap.engine..")
        .check(CLASSES);
  }

  @Test
  void theTopLevelPackagesHaveNoCycles() {
    slices().matching("dev.swarmsnap.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theUseCasesHaveNoCycles() {
    slices().matching("dev.swarmsnap.core.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  private static void onlyIn(String owner, String library) {
    noClasses().that().resideOutsideOfPackage(owner)
        .should().dependOnClassesThat().resideInAPackage(library)
        .allowEmptyShould(true)
        .check(CLASSES);
  }
}
