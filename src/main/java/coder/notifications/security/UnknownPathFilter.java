package coder.notifications.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers a path that no servlet serves and no static file matches with the 404 of the error shape itself. The
 * server's file handler would log a warning (SRVE0190E, with the path) and write an FFDC file for each of them: log
 * noise that anyone can cause without signing in. A folder (such as {@code /static}) is not served either: the
 * server would redirect it, built on the request's Host header. The answer is written here rather than with
 * {@code sendError}, whose status the server loses on a request that upgrades to HTTP/2 (it answers 200). Mapped
 * in web.xml, after the Host check.
 */
public class UnknownPathFilter extends HttpFilter {

    private static final byte[] NOT_FOUND =
            "{\"message\": \"No such resource.\", \"detail\": \"\", \"validations\": []}\n"
                    .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHttpServletMapping().getMappingMatch() == MappingMatch.DEFAULT && !aFile(request)) {
            response.setStatus(404);
            response.setContentType("application/json");
            response.setContentLength(NOT_FOUND.length);
            response.getOutputStream().write(NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean aFile(HttpServletRequest request) throws IOException {
        var path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        var context = request.getServletContext();
        // A folder lists its entries; a file lists nothing (null or an empty set, depending on the server).
        var entries = context.getResourcePaths(path);
        return !path.startsWith("/WEB-INF")
                && !path.startsWith("/META-INF")
                && !path.endsWith("/")
                && context.getResource(path) != null
                && (entries == null || entries.isEmpty());
    }
}
