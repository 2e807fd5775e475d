package cn.gov.ybj.crossprov.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** A link to a generated file (a PDF, an Excel sheet): made when clicked, not with the screen. */
public final class Downloads {

    public static final String PDF = "application/pdf";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    public static Anchor anchor(String id, String text, String fileName, String contentType, Supplier<byte[]> content) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] b = content.get();
            return new DownloadResponse(new ByteArrayInputStream(b), fileName, contentType, b.length);
        }), text);
        a.setId(id);
        return a;
    }
}
