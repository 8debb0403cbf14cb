package io.localpack.admin.httpfaults;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Closes the connection without an answer when an HTTP fault rule said "drop": the servlet API cannot abort a
 * connection, Tomcat's own response can (the client sees the connection closed, as with a crashed server).
 */
@Component
class ConnectionDropValve extends ValveBase implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String DROP_ATTRIBUTE = ConnectionDropValve.class.getName() + ".drop";

    ConnectionDropValve() {
        super(true);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(this);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(DROP_ATTRIBUTE) != null) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        }
    }
}
