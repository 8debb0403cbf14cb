package io.localpack.testcontainers;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the container tests only where a Docker daemon answers and a base image for LocalPack's image is at hand
 * (skipped with the reason otherwise); with {@code LOCALPACK_REQUIRE_DOCKER=true} (set by {@code .ci/run} when it
 * found Docker) a missing daemon or base fails instead of skipping.
 */
class DockerAvailable implements ExecutionCondition {

    static final String REQUIRE = "LOCALPACK_REQUIRE_DOCKER";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Docker and a base image are there");
        }
        if (Boolean.parseBoolean(System.getenv(REQUIRE))) {
            throw new IllegalStateException(REQUIRE + "=true but " + missing);
        }
        return ConditionEvaluationResult.disabled("Container tests skipped: " + missing);
    }

    private static String missing() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return "no Docker daemon answers (apt-get install -y docker.io, start dockerd, then run the tests again)";
        }
        if (LocalPackImage.baseImage().isEmpty()) {
            return "no base image for LocalPack's image: set LOCALPACK_BASE_IMAGE, pull " + LocalPackImage.PUBLIC_BASE
                    + ", or build one offline with docker/build-base-image.sh";
        }
        return null;
    }

}
