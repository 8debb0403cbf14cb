package io.localpack.asm.domain;

import java.util.Map;

/**
 * What the domain needs from a deployment's configuration document (.cscfg): its roles and instance counts. The
 * document is XML; reading it is the web layer's job, so the domain stays free of XML types.
 */
public interface ServiceConfiguration {

    /**
     * Role name to instance count, in document order.
     *
     * @throws CloudServiceException the document is not a valid service configuration
     */
    Map<String, Integer> roles(String document);
}
