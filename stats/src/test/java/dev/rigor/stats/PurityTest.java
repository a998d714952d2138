package dev.rigor.stats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The statistics package is pure computation: no I/O, no clocks, no printing, no text formatting. */
class PurityTest {
    private static final JavaClasses STATS = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.rigor.stats");

    @Test
    void doesNoIoAndReadsNoClock() {
        noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.time..", "java.text..",
                "java.util.logging..")
            .check(STATS);
    }

    @Test
    void printsNothingAndFormatsNoText() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(String.class, "format", String.class, Object[].class)
            .orShould().callMethod(String.class, "format", Locale.class, String.class, Object[].class)
            .orShould().callMethod(String.class, "formatted", Object[].class)
            .check(STATS);
    }

    @Test
    void hasNoRandomnessButSeededCommonsRng() {
        noClasses().should().dependOnClassesThat()
            .belongToAnyOf(java.util.Random.class, java.util.SplittableRandom.class, java.util.concurrent.ThreadLocalRandom.class)
            .orShould().callMethod(Math.class, "random")
            .check(STATS);
    }
}
