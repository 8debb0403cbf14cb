package io.localpack.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.localpack.fixtures.StateControl;
import io.localpack.jobs.JobsProperties;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /_localpack/info}: what this LocalPack is and holds, for people and for test suites' logs. */
@RestController
@Tag(name = "Info", description = "What this LocalPack is and holds")
public class InfoController {

    /** Entity sets of both APIs and the table each is stored in. */
    private static final Map<String, String> ENTITY_SETS = entitySets();
    /** User names and passwords in a JDBC URL: {@code user:pw@host}, {@code ?password=}, {@code ;PASSWORD=}. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)//[^/@]*@|[?&;](password|user)=[^&;]*");

    private final DataSource dataSource;
    private final StateControl state;
    private final JobsProperties jobs;
    private final Environment environment;
    private final ObjectProvider<BuildProperties> build;

    InfoController(DataSource dataSource, StateControl state, JobsProperties jobs, Environment environment,
                   ObjectProvider<BuildProperties> build) {
        this.dataSource = dataSource;
        this.state = state;
        this.jobs = jobs;
        this.environment = environment;
        this.build = build;
    }

    @GetMapping(path = "/_localpack/info", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Version, database, auth mode, fixtures, job timings, entity counts")
    public Map<String, Object> info() throws SQLException {
        Map<String, Object> info = new LinkedHashMap<>();
        BuildProperties properties = build.getIfAvailable();
        info.put("version", properties == null ? "unknown (not built by Maven)" : properties.getVersion());
        info.put("database", database());
        info.put("authMode", environment.getProperty("localpack.auth.mode", "none"));
        info.put("fixtureSetsLoaded", state.loadedSets());
        info.put("jobs", jobTimings());
        Map<String, Long> rows = state.rowsPerTable();
        Map<String, Long> entities = new LinkedHashMap<>();
        ENTITY_SETS.forEach((set, table) -> entities.put(set, rows.get(table)));
        info.put("entities", entities);
        info.put("rowsPerTable", rows);
        return info;
    }

    private Map<String, Object> database() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            Map<String, Object> db = new LinkedHashMap<>();
            db.put("kind", meta.getDatabaseProductName());
            db.put("version", meta.getDatabaseProductVersion());
            db.put("url", withoutCredentials(meta.getURL()));
            return db;
        }
    }

    static String withoutCredentials(String url) {
        return URL_CREDENTIALS.matcher(url).replaceAll(m -> m.group().startsWith("//") ? "//" : "");
    }

    private Map<String, Object> jobTimings() {
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("enabled", jobs.enabled());
        timing.put("durationFactor", jobs.durationFactor());
        timing.put("defaultDuration", jobs.defaultDuration().toString());
        Map<String, String> perKind = new LinkedHashMap<>();
        jobs.durations().keySet().stream().sorted()
                .forEach(kind -> perKind.put(kind, jobs.durationOf(kind).toString()));
        timing.put("durations", perKind);
        timing.put("pollInterval", jobs.pollInterval().toString());
        timing.put("workerThreads", jobs.workerThreads());
        return timing;
    }

    private static Map<String, String> entitySets() {
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("Services", "services");
        sets.put("VirtualMachines", "virtual_machines");
        sets.put("ComputerTiers", "computer_tiers");
        sets.put("ServiceTemplates", "service_templates");
        sets.put("Clouds", "clouds");
        sets.put("Jobs", "jobs");
        sets.put("HostedServices", "asm_hosted_services");
        sets.put("Deployments", "asm_deployments");
        sets.put("RoleInstances", "asm_role_instances");
        return sets;
    }
}
