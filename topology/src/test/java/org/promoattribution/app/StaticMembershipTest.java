package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StaticMembershipTest {
    private static final Supplier<String> PERSISTED = () -> "id-from-data-dir";
    /** In a pod, no id is written to the data dir: the pod's name is the identity. */
    private static final Supplier<String> NOT_ASKED = () -> {
        throw new AssertionError("the data dir's id was asked for");
    };

    @Test
    void thePodNameFromTheDownwardApiNamesTheMember() {
        assertThat(StaticMembership.instanceId(new Properties(),
                Map.of("POD_NAME", "promo-attribution-2", "HOSTNAME", "other"), NOT_ASKED))
                .hasValue("promo-attribution-2");
    }

    @Test
    void inKubernetesWithoutPodNameTheHostNameIsThePodName() {
        assertThat(StaticMembership.instanceId(new Properties(),
                Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "HOSTNAME", "promo-attribution-0"), NOT_ASKED))
                .hasValue("promo-attribution-0");
    }

    @Test
    void outsideKubernetesTheHostNameIsNotUsedForAContainerGetsANewOneEachTime() {
        assertThat(StaticMembership.instanceId(new Properties(), Map.of("HOSTNAME", "3f2a9c1b7d0e"), PERSISTED))
                .hasValue("id-from-data-dir");
    }

    @Test
    void withoutAPodTheIdKeptInTheDataDirNamesTheMember() {
        assertThat(StaticMembership.instanceId(new Properties(), Map.of(), PERSISTED)).hasValue("id-from-data-dir");
    }

    @Test
    void aConfiguredGroupInstanceIdIsTheOperatorsAndLeftAlone() {
        Properties configured = new Properties();
        configured.setProperty("group.instance.id", "chosen");
        assertThat(StaticMembership.instanceId(configured, Map.of("POD_NAME", "pod-0"), NOT_ASKED)).isEmpty();
    }

    @Test
    void theStreamsRebalanceProtocolHasNoStaticMembershipSoNoIdIsSet() {
        Properties configured = new Properties();
        configured.setProperty("group.protocol", "streams");
        assertThat(StaticMembership.instanceId(configured, Map.of("POD_NAME", "pod-0"), NOT_ASKED)).isEmpty();
    }
}
