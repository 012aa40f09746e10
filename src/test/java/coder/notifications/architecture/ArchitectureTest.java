package coder.notifications.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules that keep the capability packages readable: who may touch the database, and no package cycles. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("coder.notifications");
    }

    @Test
    void resourcesNeverTouchTheEntityManager() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .or()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .check(classes);
    }

    @Test
    void onlyStoresTouchTheEntityManager() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Store")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .because("each table has one store, and only stores run queries")
                .check(classes);
    }

    @Test
    void capabilityPackagesDoNotFormCycles() {
        slices().matching("coder.notifications.(*)..").should().beFreeOfCycles().check(classes);
    }
}
