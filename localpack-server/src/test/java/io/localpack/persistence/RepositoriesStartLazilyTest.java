package io.localpack.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.repository.Repository;
import org.springframework.test.context.TestPropertySource;

/**
 * A start makes no repository that the start itself does not use (io.localpack.LazyRepositories), and every
 * repository can still be made: its queries parse and validate against the model, which an eager start used to show.
 */
@SpringBootTest(properties = "localpack.test.context=lazy-repositories")
@TestPropertySource("classpath:localpack-test.properties")
class RepositoriesStartLazilyTest {

    @Autowired ConfigurableListableBeanFactory beanFactory;

    @Test
    void aStartLeavesRepositoriesUnmadeAndEachCanBeMade() {
        List<String> repositories = Arrays.asList(beanFactory.getBeanNamesForType(Repository.class, true, false));
        assertThat(repositories).hasSizeGreaterThan(20);
        // the ones only a request uses (the start loads fixtures and polls jobs through plain SQL and its own few)
        assertThat(repositories).contains("virtualMachineRepository", "vmCheckpointRepository",
                "hostedServiceRepository");
        assertThat(made(repositories)).doesNotContain("virtualMachineRepository", "vmCheckpointRepository",
                "hostedServiceRepository");

        assertThat(beanFactory.getBeansOfType(Repository.class)).hasSameSizeAs(repositories);
        assertThat(made(repositories)).containsExactlyInAnyOrderElementsOf(repositories);
    }

    private List<String> made(List<String> repositories) {
        return repositories.stream().filter(beanFactory::containsSingleton).toList();
    }
}
