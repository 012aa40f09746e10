package coder.notifications.pages;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /}: a signed-in person goes to the preference center, anyone else to sign in. */
@WebServlet("")
public class Root extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Pages.headers(response);
        response.sendRedirect(Pages.session(request).isPresent() ? PreferenceCenter.PATH : "/sign-in");
    }
}
