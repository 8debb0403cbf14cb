package io.localpack.asm.web;

import io.localpack.asm.domain.CloudServiceException;
import io.localpack.asm.domain.ServiceConfiguration;
import io.localpack.xml.SafeXml;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;

/** Reads the roles and instance counts out of a deployment's .cscfg document, which is XML. */
@Component
class ServiceConfigurationXml implements ServiceConfiguration {

    @Override
    public Map<String, Integer> roles(String cscfg) {
        Element root;
        try {
            root = parser().parse(new InputSource(new StringReader(cscfg))).getDocumentElement();
        } catch (Exception e) {
            throw CloudServiceException.badRequest("The service configuration is not valid XML.");
        }
        if (!"ServiceConfiguration".equals(root.getLocalName())) {
            throw CloudServiceException.badRequest("The service configuration must have a ServiceConfiguration root.");
        }
        Map<String, Integer> roles = new LinkedHashMap<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element role && "Role".equals(role.getLocalName())) {
                String name = role.getAttribute("name");
                if (name.isBlank() || !name.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")) {
                    throw CloudServiceException.badRequest("A Role in the service configuration has no valid name.");
                }
                int count = 1;
                for (Node c = role.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element instances && "Instances".equals(instances.getLocalName())) {
                        try {
                            count = Integer.parseInt(instances.getAttribute("count"));
                        } catch (NumberFormatException e) {
                            count = -1;
                        }
                    }
                }
                if (count < 1 || count > 50) {
                    throw CloudServiceException.badRequest("Role " + name + " must have an Instances count from 1 to 50.");
                }
                roles.put(name, count);
            }
        }
        if (roles.isEmpty()) {
            throw CloudServiceException.badRequest("The service configuration defines no Role.");
        }
        return roles;
    }

    /** DTDs and external entities off: configuration comes from the tenant. */
    private static DocumentBuilder parser() throws Exception {
        return SafeXml.newBuilder();
    }
}
