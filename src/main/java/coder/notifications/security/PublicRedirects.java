package coder.notifications.security;

import coder.notifications.config.DeploymentSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;

/**
 * Every redirect points at {@code CODER_NOTIFICATIONS_PUBLIC_URL}, never at the request's {@code Host} header: the
 * server makes a relative {@code Location} absolute with the Host it was sent, so {@code Host: evil.com} would send
 * a browser (or a poisoned cache) to another site. Redirects to other sites (the identity provider) stay as they
 * are. Mapped in web.xml, after the Host check.
 */
public class PublicRedirects extends HttpFilter {

    @Inject
    DeploymentSettings deployment;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(onPublicUrl(request, location));
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, isLocation(name) ? onPublicUrl(request, value) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, isLocation(name) ? onPublicUrl(request, value) : value);
            }
        });
    }

    private static boolean isLocation(String name) {
        return "Location".equalsIgnoreCase(name);
    }

    /** The location on the public URL when it is one of this service's own; as given when it is another site. */
    String onPublicUrl(HttpServletRequest request, String location) {
        URI target;
        try {
            target = URI.create(request.getRequestURI()).resolve(location);
        } catch (IllegalArgumentException e) {
            return deployment.page("/");
        }
        if (target.isAbsolute() && !ownAuthority(request, target)) {
            return location;
        }
        var path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return deployment.page(path)
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
    }

    /** Whether the server made the location absolute with this request's own host and port. */
    private static boolean ownAuthority(HttpServletRequest request, URI target) {
        var authority = target.getRawAuthority();
        return authority != null
                && (authority.equalsIgnoreCase(request.getHeader("Host"))
                        || authority.equalsIgnoreCase(request.getServerName() + ":" + request.getServerPort()));
    }
}
