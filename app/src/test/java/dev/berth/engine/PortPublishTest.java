package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortPublishTest {

    @Test
    void readsEveryFormTheCliAccepts() {
        assertThat(PortPublish.parse("8000:8000")).isEqualTo(new PortPublish("", 8000, 8000, 8000, 8000, "tcp"));
        assertThat(PortPublish.parse("127.0.0.1:8080:80/udp"))
                .isEqualTo(new PortPublish("127.0.0.1", 8080, 8080, 80, 80, "udp"));
        assertThat(PortPublish.parse("80")).isEqualTo(new PortPublish("", 0, 0, 80, 80, "tcp"));
        assertThat(PortPublish.parse("127.0.0.1::53/SCTP")).isEqualTo(new PortPublish("127.0.0.1", 0, 0, 53, 53, "sctp"));
        assertThat(PortPublish.parse("[::1]:8080:80")).isEqualTo(new PortPublish("::1", 8080, 8080, 80, 80, "tcp"));
        assertThat(PortPublish.parse("8000-8002:9000-9002"))
                .isEqualTo(new PortPublish("", 8000, 8002, 9000, 9002, "tcp"));
        assertThat(PortPublish.parse("8000-8010:80")).isEqualTo(new PortPublish("", 8000, 8010, 80, 80, "tcp"));
    }

    @Test
    void rangesExpandPortByPortAndAHostRangeForOnePortLetsTheEngineChoose() {
        assertThat(PortPublish.parse("8000-8001:9000-9001/udp").bindings()).containsExactly(
                new PortPublish.Binding(9000, "udp", "", "8000"), new PortPublish.Binding(9001, "udp", "", "8001"));
        assertThat(PortPublish.parse("8000-8010:80").bindings())
                .containsExactly(new PortPublish.Binding(80, "tcp", "", "8000-8010"));
        assertThat(PortPublish.parse("127.0.0.1::80").bindings())
                .containsExactly(new PortPublish.Binding(80, "tcp", "127.0.0.1", ""));
        assertThat(PortPublish.parse("5000-5001").bindings()).extracting(PortPublish.Binding::hostPort)
                .containsExactly("", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8000:8000/tcp", "127.0.0.1:8080:80/udp", "80/tcp", "127.0.0.1::53/sctp",
            "[::1]:8080:80/tcp", "8000-8002:9000-9002/tcp", "8000-8010:80/tcp", "[::]::443/tcp"})
    void writesTheCliFormBack(String form) {
        assertThat(PortPublish.parse(form).toString()).isEqualTo(form);
        assertThat(PortPublish.parse(form.replace("/tcp", ""))).isEqualTo(PortPublish.parse(form));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|Enter a port",
            "8080:|container port is missing",
            "70000:80|host port 70000 is out of range (1-65535)",
            "8080:0|container port 0 is out of range",
            "8080:80/tcpx|Unknown protocol 'tcpx': use tcp, udp or sctp",
            "8080:http|'http' is not a container port number",
            "300.1.1.1:8080:80|'300.1.1.1' is not an IPv4 address",
            "::1:8080:80|IPv6 addresses go in brackets",
            "[::1]8080:80|Write an IPv6 host address as [address]:hostPort:containerPort",
            "8000-8002:9000-9005|Host range 8000-8002 and container range 9000-9005 differ in size",
            "9000-8000:80|ends before it starts",
            "1:2:3:4|Too many ':'"})
    void saysWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> PortPublish.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void browserAddressesUseLocalhostForTheWildcard() {
        assertThat(new PortMapping("0.0.0.0", 8080, 80, "tcp").browserUrl()).isEqualTo("http://localhost:8080");
        assertThat(new PortMapping("::1", 8080, 80, "tcp").browserUrl()).isEqualTo("http://[::1]:8080");
        assertThat(List.of(PortPublish.random(80), PortPublish.of(8080, 80)))
                .extracting(PortPublish::isRandomHostPort).containsExactly(true, false);
    }
}
