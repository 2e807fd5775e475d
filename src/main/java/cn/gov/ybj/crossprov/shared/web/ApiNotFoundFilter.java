package cn.gov.ybj.crossprov.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Controllers answer "not yours or not there" with an empty 404 ({@code ResponseEntity.notFound()});
 * this gives such answers under {@code /api/} the same bilingual body as every other refusal.
 */
class ApiNotFoundFilter extends OncePerRequestFilter {

    static final String BODY = "{\"messageZh\":\"未找到请求的资源\",\"messageEn\":\"Not found\"}";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Tracking tracking = new Tracking(response);
        chain.doFilter(request, tracking);
        if (response.getStatus() == 404 && !tracking.touched && !response.isCommitted()) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(BODY);
        }
    }

    /** Notes whether anything wrote a body or an error page will. */
    private static final class Tracking extends HttpServletResponseWrapper {

        boolean touched;

        Tracking(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            touched = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            touched = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int sc) throws IOException {
            touched = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            touched = true;
            super.sendError(sc, msg);
        }
    }
}
