package coder.notifications.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.regex.Pattern;

/**
 * Refuses a request whose {@code Host} header is not a host name or address with an optional port (or that has
 * two), with a 400 in the API's error shape, before anything builds a URL from it: the REST layer would
 * otherwise fail on it with a 500. Mapped in web.xml, first of the filters.
 */
public class HostHeaderFilter extends HttpFilter {

    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?"
                    + "|\\[[0-9A-Fa-f:.]{2,45}])(?::[0-9]{1,5})?");
    private static final byte[] REFUSAL = """
            {"message": "Bad request: the Host header must be a host name or address, with an optional port.", \
            "detail": "", "validations": [{"field": "Host", "detail": "is malformed"}]}
            """.getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var hosts = Collections.list(request.getHeaders("Host"));
        if (hosts.size() > 1
                || (hosts.size() == 1 && !HOST.matcher(hosts.get(0)).matches())) {
            response.setStatus(400);
            response.setContentType("application/json");
            response.setContentLength(REFUSAL.length);
            response.getOutputStream().write(REFUSAL);
            return;
        }
        chain.doFilter(request, response);
    }
}
