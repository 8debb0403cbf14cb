package io.localpack.asm.domain;

import java.util.Optional;

/** The two slots of a cloud service, spelled as clients require in responses. */
public enum DeploymentSlot {
    Production,
    Staging;

    /** URL slot names arrive in any case. */
    public static Optional<DeploymentSlot> parse(String text) {
        for (DeploymentSlot s : values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public DeploymentSlot other() {
        return this == Production ? Staging : Production;
    }
}
