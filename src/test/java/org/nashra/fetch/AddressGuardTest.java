package org.nashra.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressGuardTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "127.0.0.1, loopback",
            "127.0.0.2, loopback",
            "10.1.2.3, private",
            "172.16.0.1, private",
            "192.168.1.1, private",
            "169.254.169.254, link-local",      // cloud metadata endpoint
            "100.64.0.1, carrier-grade",
            "0.0.0.0, unspecified",
            "224.0.0.1, multicast",
            "255.255.255.255, reserved",
            "::1, loopback",
            "::, unspecified",
            "fe80::1, link-local",
            "fd12:3456::1, unique-local",
            "::ffff:127.0.0.1, loopback",       // IPv4-mapped
            "ff02::1, multicast",
    })
    void refusesNonPublicAddresses(String literal, String reason) throws UnknownHostException {
        assertThat(AddressGuard.blockedReason(InetAddress.getByName(literal))).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "172.32.0.1", "100.128.0.1"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(AddressGuard.blockedReason(InetAddress.getByName(literal))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "127.0.0.1, 127.0.0.1 is a loopback address",
            "[::1], [::1] is a loopback address",
            "10.0.0.5, 10.0.0.5 is a private address",
            "169.254.169.254, 169.254.169.254 is a link-local address",
            "localhost, localhost is a loopback name",
            "LocalHost., LocalHost. is a loopback name",
            "feeds.localhost, feeds.localhost is a loopback name",
    })
    void hostsRefusedWithoutALookupAreNamedWithTheirReason(String host, String reason) {
        assertThat(new AddressGuard(List.of("192.168.1.1")).refusedWithoutLookup(host)).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource({"93.184.215.14", "[2606:4700:4700::1111]", "news.example.org", "localhost.example.org", "192.168.1.1"})
    void publicOrAllowedHostsAndNamesAreNotRefusedBeforeTheyResolve(String host) {
        assertThat(new AddressGuard(List.of("192.168.1.1")).refusedWithoutLookup(host)).isNull();
    }

    @Test
    void anAllowedLoopbackIsNotRefused() {
        AddressGuard guard = new AddressGuard(List.of("127.0.0.1", "localhost"));
        assertThat(guard.refusedWithoutLookup("127.0.0.1")).isNull();
        assertThat(guard.refusedWithoutLookup("localhost")).isNull();
        assertThat(guard.refusedWithoutLookup("127.0.0.2")).isEqualTo("127.0.0.2 is a loopback address");
    }

    /** QA run: the refusal named the Java field allowPrivateHosts; an operator writes fetch.allow_private_hosts. */
    @Test
    void theRefusalNamesTheKeyAndFileAnOperatorEdits() throws UnknownHostException {
        GuardedDnsResolver dns = new GuardedDnsResolver(h -> new InetAddress[]{InetAddress.getByName("127.0.0.1")},
                new AddressGuard(List.of()));
        assertThatThrownBy(() -> dns.resolve("127.0.0.1"))
                .hasMessageContaining("127.0.0.1 is a loopback address, which is refused unless fetch.allow_private_hosts"
                        + " in the settings file (config/nashra.yml")
                .hasMessageNotContaining("allowPrivateHosts");
    }

    @Test
    void theResolverRefusesANameIfAnyOfItsAddressesIsPrivate() throws UnknownHostException {
        InetAddress pub = InetAddress.getByName("93.184.215.14");
        InetAddress priv = InetAddress.getByName("10.0.0.5");
        GuardedDnsResolver dns = new GuardedDnsResolver(h -> new InetAddress[]{pub, priv},
                new AddressGuard(List.of("Intranet.Example.")));

        assertThatThrownBy(() -> dns.resolve("mixed.example.org"))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("mixed.example.org resolves to 10.0.0.5, a private address");
        assertThat(dns.resolve("intranet.example")).containsExactly(pub, priv);
    }
}
