package io.localpack.vmroles;

import io.localpack.vmroles.Models.ResourceDefinition;
import java.util.Map;

/**
 * Reads the JSON documents a role keeps (its resource definition and parameter values as stored), so the rules can
 * act on a role after its creation. The JSON adapter ({@code web}) provides it: the domain knows no JSON.
 */
public interface ResourceDefinitions {

    ResourceDefinition parse(String resourceDefinitionJson);

    /** Stored parameter values (a JSON object of strings) by name. */
    Map<String, String> parameterText(String parameterValuesJson);
}
