package io.localpack.junit5;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the extension starts LocalPack: which fixtures, whether it resets between tests, further settings. */
record LocalPackSettings(String fixtureSet, List<String> fixtures, boolean resetBetweenTests, boolean instantJobs,
                         Map<String, String> properties) {

    static final LocalPackSettings DEFAULT = new LocalPackSettings("", List.of(), true, true, Map.of());

    LocalPackSettings withFixtureSet(String name) {
        return new LocalPackSettings(name, fixtures, resetBetweenTests, instantJobs, properties);
    }

    LocalPackSettings withFixtures(List<String> locations) {
        return new LocalPackSettings(fixtureSet, List.copyOf(locations), resetBetweenTests, instantJobs, properties);
    }

    LocalPackSettings withResetBetweenTests(boolean reset) {
        return new LocalPackSettings(fixtureSet, fixtures, reset, instantJobs, properties);
    }

    LocalPackSettings withInstantJobs(boolean instant) {
        return new LocalPackSettings(fixtureSet, fixtures, resetBetweenTests, instant, properties);
    }

    LocalPackSettings withProperty(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(properties);
        more.put(key, value);
        return new LocalPackSettings(fixtureSet, fixtures, resetBetweenTests, instantJobs, more);
    }
}
