package dev.cubby;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Imports run one way: cli -> server -> s3 -> auth, store, meta; the engine knows nothing of HTTP.
 * The S3 error catalogue ({@code error}) and the settings ({@code config}) are leaves every layer may use.
 * No two top-level packages depend on each other, directly or around a loop.
 * The key store ({@code keys}) joins auth's sealing to meta's table; cli and server's start-up ({@code ServerSecrets}) open it.
 * Bucket policies ({@code policy}) implement auth's BucketPolicies over the store's bucket settings.
 * The FUSE mount ({@code fuse}) is a second door onto store and meta beside S3, never through it.
 */
@AnalyzeClasses(packages = "dev.cubby", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule storeAndMetaKnowNoHttp = noClasses()
            .that().resideInAnyPackage("dev.cubby.store..", "dev.cubby.meta..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cubby.s3..", "dev.cubby.server..",
                    "dev.cubby.auth..", "dev.cubby.keys..", "dev.cubby.cli..", "io.helidon..");

    @ArchTest
    static final ArchRule noSqlOutsideMeta = noClasses()
            .that().resideOutsideOfPackage("dev.cubby.meta..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..");

    @ArchTest
    static final ArchRule s3DoesNotReachUpIntoServerOrCli = noClasses()
            .that().resideInAnyPackage("dev.cubby.s3..", "dev.cubby.auth..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cubby.server..", "dev.cubby.cli..", "io.helidon..");

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("dev.cubby.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theErrorCatalogueIsALeaf = classes()
            .that().resideInAPackage("dev.cubby.error..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cubby.error..", "java..");

    @ArchTest
    static final ArchRule settingsKnowNoOtherLayer = noClasses()
            .that().resideInAPackage("dev.cubby.config..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cubby.cli..", "dev.cubby.server..",
                    "dev.cubby.s3..", "dev.cubby.auth..", "dev.cubby.keys..", "dev.cubby.tls..", "dev.cubby.store..",
                    "dev.cubby.meta..", "dev.cubby.fuse..", "dev.cubby.checksum..");

    @ArchTest
    static final ArchRule authKnowsNoS3NorTheTree = noClasses()
            .that().resideInAPackage("dev.cubby.auth..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cubby.s3..", "dev.cubby.store..",
                    "dev.cubby.meta..", "dev.cubby.keys..");

    /** Failures of store and meta become S3 errors in s3.StoreErrors alone, so the server needs no sidecar type. */
    @ArchTest
    static final ArchRule theServerLeavesStorageFailuresToS3 = noClasses()
            .that().resideInAPackage("dev.cubby.server..")
            .should().dependOnClassesThat().resideInAPackage("dev.cubby.meta..");

    /** Bucket policies are decided from what auth hands them and what the store holds, never from HTTP. */
    @ArchTest
    static final ArchRule policiesKnowNoHttp = noClasses()
            .that().resideInAPackage("dev.cubby.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cubby.s3..", "dev.cubby.server..",
                    "dev.cubby.cli..", "dev.cubby.keys..", "io.helidon..");

    @ArchTest
    static final ArchRule keyStoreKnowsNoHttp = noClasses()
            .that().resideInAPackage("dev.cubby.keys..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cubby.s3..", "dev.cubby.server..",
                    "dev.cubby.cli..", "io.helidon..");

    @ArchTest
    static final ArchRule certificatesKnowNoHttpNorTheTree = noClasses()
            .that().resideInAPackage("dev.cubby.tls..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cubby.s3..", "dev.cubby.server..", "dev.cubby.auth..",
                    "dev.cubby.cli..", "dev.cubby.store..", "dev.cubby.meta..", "io.helidon..");

    @ArchTest
    static final ArchRule handlersNeverTouchTheFileSystemDirectly = noClasses()
            .that().resideInAnyPackage("dev.cubby.s3..", "dev.cubby.server..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files");

    @ArchTest
    static final ArchRule fuseUsesStoreAndMetaNeverS3 = noClasses()
            .that().resideInAPackage("dev.cubby.fuse..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cubby.s3..", "dev.cubby.server..",
                    "dev.cubby.auth..", "dev.cubby.keys..", "dev.cubby.cli..", "io.helidon..");

    /** store.Posix is the one binding of libc outside the mount (openat2 for the symlink rule). */
    private static final String POSIX_BINDING = "dev\\.cubby\\.store\\.Posix(\\$.*)?";

    @ArchTest
    static final ArchRule onlyFuseAndCliSeeFuse = noClasses()
            .that().resideInAnyPackage("dev.cubby.store..", "dev.cubby.meta..", "dev.cubby.s3..", "dev.cubby.auth..")
            .and().haveNameNotMatching(POSIX_BINDING)
            .should().dependOnClassesThat().resideInAnyPackage("dev.cubby.fuse..", "ru.serce.jnrfuse..", "jnr..");

    @ArchTest
    static final ArchRule thePosixBindingUsesOnlyJnrFfi = noClasses()
            .that().haveNameMatching(POSIX_BINDING)
            .should().dependOnClassesThat().resideInAnyPackage("dev.cubby.fuse..", "ru.serce.jnrfuse..");
}
