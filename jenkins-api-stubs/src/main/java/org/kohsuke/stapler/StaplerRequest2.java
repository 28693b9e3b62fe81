package org.kohsuke.stapler;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

public interface StaplerRequest2 extends HttpServletRequest {
    String getRestOfPath();

    RequestDispatcher getView(Object it, String viewName) throws IOException;
}
