package org.promoattribution.layers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The commands ({@code cli}) are the top of the tools: they use the other packages (load,
 * simulate, admin, bench), never the reverse, so each of those can be used without the launcher.
 */
@AnalyzeClasses(packages = "org.promoattribution", importOptions = {ImportOption.DoNotIncludeTests.class,
        ToolsLayersTest.ToolsOnly.class})
class ToolsLayersTest {
    /** The tools module's own classes: the pipeline's and the libraries' cannot reach its commands. */
    static final class ToolsOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return location.contains("/tools/target/classes/"); // none found: the rule fails, as it checks nothing
        }
    }

    @ArchTest
    static final ArchRule nothingBelowTheCommandsUsesThem = noClasses()
            .that().resideOutsideOfPackage("org.promoattribution.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.promoattribution.cli..");
}
