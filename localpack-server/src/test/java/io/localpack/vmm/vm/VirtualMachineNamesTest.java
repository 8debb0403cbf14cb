package io.localpack.vmm.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Names of new machines, and the tier plans: no database needed. */
class VirtualMachineNamesTest {

    @Test
    void initialsTakeTheFirstLetterOfWordsAndNumbersWhole() {
        assertThat(VirtualMachine.initialsOf("Network Gateway 1")).isEqualTo("NG1");
        assertThat(VirtualMachine.initialsOf("contoso-shop_v2 12")).isEqualTo("CSV12");
        assertThat(VirtualMachine.initialsOf("  ")).isEqualTo("SVC");
        assertThat(VirtualMachine.initialsOf(null)).isEqualTo("SVC");
    }

    @Test
    void templatesWithoutAPlanDeployOneMachine() {
        assertThat(ComputerTierPlan.forTemplate("Network Gateway")).singleElement()
                .satisfies(tier -> assertThat(tier.instanceCount()).isEqualTo(2));
        assertThat(ComputerTierPlan.forTemplate("SQL-backed Website")).extracting(ComputerTierPlan::name)
                .containsExactly("Web Tier", "Data Tier");
        assertThat(ComputerTierPlan.forTemplate("My Own Template")).containsExactly(ComputerTierPlan.SINGLE_MACHINE);
        assertThat(ComputerTierPlan.forTemplate(null)).containsExactly(ComputerTierPlan.SINGLE_MACHINE);
        assertThatThrownBy(() -> new ComputerTierPlan("Empty", "E", 0, 1, 1024, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Empty");
    }
}
