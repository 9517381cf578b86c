package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkRulesTest {

    @Test
    void namesKeepToLettersDigitsAndPunctuationCompose() {
        assertThat(NetworkRules.name("backend_1.net-a")).isEmpty();
        assertThat(NetworkRules.name("x")).isEmpty();
        assertThat(NetworkRules.name("")).contains("Name the network");
        assertThat(NetworkRules.name("my net")).get().asString().startsWith("A network name uses");
        assertThat(NetworkRules.name("-x")).isPresent();
    }

    @Test
    void subnetsAreCidrRangesOfEitherFamily() {
        assertThat(NetworkRules.subnet("")).isEmpty();
        assertThat(NetworkRules.subnet("172.28.0.0/16")).isEmpty();
        assertThat(NetworkRules.subnet("fd00:1::/64")).isEmpty();
        assertThat(NetworkRules.subnet("172.28.0.0")).isPresent();
        assertThat(NetworkRules.subnet("172.28.0.0/33")).isPresent();
        assertThat(NetworkRules.subnet("300.1.1.1/8")).isPresent();
        assertThat(NetworkRules.subnet("example.com/24")).isPresent();
    }

    @Test
    void aGatewayMustSitInsideItsSubnet() {
        assertThat(NetworkRules.gateway("", "")).isEmpty();
        assertThat(NetworkRules.gateway("172.28.5.254", "172.28.0.0/16")).isEmpty();
        assertThat(NetworkRules.gateway("172.29.0.1", "172.28.0.0/16")).contains(
                "The gateway 172.29.0.1 is outside the subnet 172.28.0.0/16");
        assertThat(NetworkRules.gateway("fd00:1::1", "fd00:1::/64")).isEmpty();
        assertThat(NetworkRules.gateway("fd00:2::1", "fd00:1::/64")).isPresent();
        assertThat(NetworkRules.gateway("10.0.0.1", "")).contains("A gateway needs a subnet to sit in");
        assertThat(NetworkRules.gateway("router", "10.0.0.0/8")).get().asString().startsWith("The gateway is an address");
        assertThat(NetworkRules.gateway("172.28.0.0", "172.28.0.0/16")).contains(
                "The gateway cannot be the subnet's network or broadcast address");
        assertThat(NetworkRules.gateway("172.28.255.255", "172.28.0.0/16")).isPresent();
        assertThat(NetworkRules.gateway("10.0.0.1", "10.0.0.0/31")).isEmpty();
    }
}
