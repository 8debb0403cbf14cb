package io.localpack.subscriptions.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spellings clients send, made canonical: keywords lower-cased, slashes collapsed, ids untouched. */
class SubscriptionPathsTest {

    @ParameterizedTest
    @CsvSource({
            "/subscriptions/, /subscriptions",
            "//subscriptions, /subscriptions",
            "/Subscriptions/86E93B7F-25e3-4c44-8ca1-3ebdbd2dfc06/Certificates/ABCDEF, "
                    + "/subscriptions/86E93B7F-25e3-4c44-8ca1-3ebdbd2dfc06/certificates/ABCDEF",
            "//subscriptions//x/AddOns/ExtraVMs/1, /subscriptions/x/addons/ExtraVMs/1",
            "/PLANS/Goldpn7k2xq4f/, /plans/Goldpn7k2xq4f",
            "/AddOns/ExtraVMsaoq2w7k1, /addons/ExtraVMsaoq2w7k1",
            "/subscriptions/x/UsageSummaries, /subscriptions/x/usagesummaries",
            "/plans/Quota, /plans/Quota",
    })
    void canonicalPaths(String sent, String canonical) {
        assertThat(SubscriptionPaths.canonical(sent)).isEqualTo(canonical);
    }
}
