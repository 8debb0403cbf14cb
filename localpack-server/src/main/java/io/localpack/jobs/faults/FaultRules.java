package io.localpack.jobs.faults;

import io.localpack.jobs.JobRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The fault rules the engine consults when a runner starts a job. */
@Service
public class FaultRules {

    private final FaultRuleRepository repository;

    FaultRules(FaultRuleRepository repository) {
        this.repository = repository;
    }

    public FaultRule add(String operation, UUID targetObjectId, UUID templateId, int errorCode, String errorName,
                         String message, String recommendedAction, int httpStatus, int atStep, Integer times) {
        FaultRule rule = new FaultRule(UUID.randomUUID(), operation, targetObjectId, templateId, errorCode, errorName,
                message, recommendedAction, httpStatus, atStep, times,
                OffsetDateTime.now(ZoneOffset.UTC));
        repository.insert(rule);
        return rule;
    }

    public List<FaultRule> list() {
        return repository.findAll();
    }

    public boolean remove(UUID id) {
        return repository.delete(id);
    }

    public int clear() {
        return repository.deleteAll();
    }

    /**
     * The first live rule matching the job, consumed if it is counted. Empty when no rule fires.
     * Called once per run attempt of a job whose claim said a rule could fire.
     */
    public Optional<FaultRule> fire(String kind, UUID targetObjectId, Map<String, String> parameters) {
        for (FaultRule rule : repository.findLive()) {
            if (rule.matches(kind, targetObjectId, parameters, JobRequest.TEMPLATE_ID)
                    && (rule.remaining() == null || repository.consume(rule.id()))) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
