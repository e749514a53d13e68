package dk.qnet.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house plan: no package of the suite depends on itself through others. Every package is a
 * slice of its own, so a service that imports a {@code rest} package's records while that
 * resource calls the service is a cycle too. Reads the compiled main classes each module's
 * build wrote ({@code target/classes}), as IngressRoutingTest reads their OpenAPI documents.
 */
class PackageCyclesTest {

    static final List<String> MODULES = List.of("contracts", "platform", "platform-pages", "matching-engine", "referral-service",
            "matching-service", "activity-service", "statistics-service");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        Path root = Path.of(System.getProperty("qnet.project.root", "../..")).toAbsolutePath().normalize();
        List<Path> dirs = new ArrayList<>();
        for (String module : MODULES) {
            Path dir = root.resolve(module).resolve("target/classes/dk/qnet");
            assertTrue(Files.isDirectory(dir), module + " is built before deploy/checks (" + dir + ")");
            dirs.add(root.resolve(module).resolve("target/classes"));
        }
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPaths(dirs);
    }

    @Test
    void noFeatureDependsOnItselfThroughAnother() {
        // A feature with its sub-packages (referral-service's service, matching-service's match, ...)
        // as one slice: ArchUnit reports the cycles of one granularity only partly, so both are checked.
        slices().matching("dk.qnet.(*).(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("dk.qnet.(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * One persistence style: services, resources, pages, consumers and jobs work with repositories
     * (Panache's, or a store that speaks SQL where a query needs PostgreSQL itself), never with the
     * EntityManager themselves.
     */
    @Test
    void onlyRepositoriesSpeakToTheDatabase() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Resource")
                .or().haveSimpleNameEndingWith("Pages").or().haveSimpleNameEndingWith("Consumer")
                .or().haveSimpleNameEndingWith("Job").or().haveSimpleNameEndingWith("Dispatcher")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .check(classes);
    }

    /** Every "now" and "today" comes from platform's SuiteClock, so one injected Clock sets the time for all. */
    @Test
    void nobodyReadsTheSystemClockButSuiteClock() {
        noClasses().that().resideOutsideOfPackage("dk.qnet.platform.time")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now", java.time.ZoneId.class)
                .orShould().callMethod(java.time.YearMonth.class, "now")
                .orShould().callMethod(java.time.YearMonth.class, "now", java.time.ZoneId.class)
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }
}
