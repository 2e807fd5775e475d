/**
 * Official documents as PDF (凭证, 信息表, slips, notices): {@link cn.gov.ybj.crossprov.documents.PdfDocument}
 * describes one (title, header line, field sections, tables, paragraphs), {@link cn.gov.ybj.crossprov.documents.Documents}
 * renders it on A4 with page numbers and the Chinese font embedded as a subset, and
 * {@link cn.gov.ybj.crossprov.documents.ChineseAmount} writes amounts in 大写. Knows no business module.
 */
@ApplicationModule(displayName = "Documents", allowedDependencies = {"shared"})
package cn.gov.ybj.crossprov.documents;

import org.springframework.modulith.ApplicationModule;
