package io.localpack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The rooms of LocalPack and the arrows allowed between them (docs/architecture.md). A new dependency against
 * these arrows, a cycle between top-level packages, or a wire type in the domain fails the build.
 */
@AnalyzeClasses(packages = "io.localpack",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotGeneratedBySpringAot.class})
class ArchitectureTest {

    /**
     * Leaves out what {@code spring-boot:process-aot} writes into target/classes at {@code package} (bean definitions
     * such as {@code Foo__BeanDefinitions}, CGLIB proxies): generated code that names every bean's type, not code
     * whose dependencies anyone chose. The PostgreSQL suite runs after {@code package} and would see it.
     */
    static final class NotGeneratedBySpringAot implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("__") && !location.contains("$$SpringCGLIB$$");
        }
    }

    @ArchTest
    static final ArchRule eachPackageUsesOnlyWhatItMay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("admin").definedBy("io.localpack.admin..")
            .layer("vmm").definedBy("io.localpack.vmm..")
            .layer("asm").definedBy("io.localpack.asm..")
            .layer("subscriptions").definedBy("io.localpack.subscriptions..")
            .layer("vmroles").definedBy("io.localpack.vmroles..")
            .layer("fixtures").definedBy("io.localpack.fixtures..")
            .layer("dialect").definedBy("io.localpack.dialect..")
            .layer("jobs").definedBy("io.localpack.jobs..")
            .layer("tenancy").definedBy("io.localpack.tenancy..")
            .layer("web").definedBy("io.localpack.web..")
            .layer("domain").definedBy("io.localpack.domain..")
            .layer("xml").definedBy("io.localpack.xml..")
            .layer("readcache").definedBy("io.localpack.readcache..")
            .whereLayer("admin").mayOnlyAccessLayers("vmm", "asm", "subscriptions", "vmroles", "fixtures", "dialect",
                    "jobs", "tenancy", "web", "domain", "xml", "readcache")
            .whereLayer("vmm").mayOnlyAccessLayers("dialect", "jobs", "tenancy", "web", "domain", "xml", "readcache")
            .whereLayer("asm").mayOnlyAccessLayers("jobs", "tenancy", "web", "domain", "xml", "readcache")
            .whereLayer("subscriptions").mayOnlyAccessLayers("jobs", "tenancy", "web", "domain", "xml")
            .whereLayer("vmroles").mayOnlyAccessLayers("vmm", "jobs", "tenancy", "web", "domain")
            .whereLayer("fixtures").mayOnlyAccessLayers("jobs", "tenancy", "web", "domain")
            .whereLayer("dialect").mayOnlyAccessLayers("xml")
            .whereLayer("jobs").mayOnlyAccessLayers("web", "domain")
            .whereLayer("tenancy").mayOnlyAccessLayers("web", "domain")
            .whereLayer("web").mayNotAccessAnyLayer()
            .whereLayer("domain").mayNotAccessAnyLayer()
            .whereLayer("xml").mayNotAccessAnyLayer()
            .whereLayer("readcache").mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule noCycleBetweenTopLevelPackages = slices().matching("io.localpack.(*)..")
            .should().beFreeOfCycles();

    /**
     * The life-cycle rules of every API are plain Java: the OData and XML adapters translate for them (the
     * subscription API's adapter is {@code subscriptions.web}).
     */
    @ArchTest
    static final ArchRule domainIsFreeOfWireTypes = noClasses()
            .that().resideInAPackage("io.localpack.asm.domain..")
            .or().resideInAPackage("io.localpack.subscriptions")
            .or().resideInAPackage("io.localpack.vmroles")
            .or(vmmFeatureDomain())
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.olingo..", "jakarta.servlet..",
                    "org.springframework.web..", "org.springframework.http..", "javax.xml..", "org.w3c..",
                    "org.xml..", "io.localpack.xml..", "io.localpack.web..", "io.localpack.dialect..",
                    "io.localpack.vmm.odata..", "io.localpack.vmm.edm..", "io.localpack.vmm.query..",
                    "io.localpack.vmm.model..", "io.localpack.vmroles.web..");

    /** The OData service's own machinery; every other vmm subpackage is a feature (service, vm, cloud, …). */
    private static final Set<String> VMM_WIRE_PACKAGES = Set.of("io.localpack.vmm.odata", "io.localpack.vmm.edm",
            "io.localpack.vmm.query", "io.localpack.vmm.model");

    /**
     * The classes of the vmm features without their OData adapters: a feature's entity-set declaration
     * ({@code *EntitySet}) and its writes ({@code *Writes}) translate between the wire and the domain.
     */
    private static DescribedPredicate<JavaClass> vmmFeatureDomain() {
        return DescribedPredicate.describe("are vmm feature classes other than their OData adapters", c -> {
            String pkg = c.getPackageName();
            String outer = c.getName().substring(pkg.length() + 1).split("\\$")[0];
            return pkg.startsWith("io.localpack.vmm.") && !VMM_WIRE_PACKAGES.contains(pkg)
                    && !outer.endsWith("EntitySet") && !outer.endsWith("Writes");
        });
    }
}
