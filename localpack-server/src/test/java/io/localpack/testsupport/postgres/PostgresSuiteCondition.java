package io.localpack.testsupport.postgres;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL suite: skips every test, with the reason, when no PostgreSQL server can be had, except on CI
 * ({@code CI=true}), where that fails the run instead. Registered for the {@code postgres-suite} Surefire execution
 * through JUnit's extension auto-detection (META-INF/services), so test classes need not know about it.
 */
public class PostgresSuiteCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.isPostgresSuite()) {
            return ConditionEvaluationResult.enabled("not the PostgreSQL suite");
        }
        PostgresTestServers.Resolution resolution = PostgresTestServers.resolve();
        if (resolution.available()) {
            return ConditionEvaluationResult.enabled("PostgreSQL suite on " + resolution.server().description());
        }
        if (TestDatabase.isCi()) {
            throw new IllegalStateException("CI=true: the PostgreSQL suite must run. " + resolution.failureMessage());
        }
        return ConditionEvaluationResult.disabled("PostgreSQL suite skipped. " + resolution.failureMessage());
    }
}
