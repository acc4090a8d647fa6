package org.xieshang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.PageClient;
import org.xieshang.support.PageClient.Page;
import org.xieshang.support.TestSupport;

/** Issue 15 point 8 on the pages: rename, retire, a refused delete said plainly, and the unit import. */
class ReferenceDataPagesTest extends ApiTestBase {

    private static final String PASSWORD = "reference-pass-1";

    @Test
    void theOfficeRenamesRetiresAndImportsOthersMayNot() throws IOException {
        TestSupport.Account office = TestSupport.account(admin, List.of("ADMIN"), null, null, PASSWORD);
        TestSupport.Account staff = TestSupport.account(admin, List.of("PROPOSAL_STAFF"), null, null, PASSWORD);
        PageClient page = new PageClient(port).signIn(office.username(), PASSWORD);
        PageClient other = new PageClient(port).signIn(staff.username(), PASSWORD);
        long unit = Fixtures.unit(admin);
        String renamed = TestSupport.unique("改名单位");

        assertThat(page.get("/reference/units").body()).contains("action=\"/reference/units/" + unit + "/rename\"")
                .contains("href=\"/reference/units/import\"");
        assertThat(other.get("/reference/units").body()).doesNotContain("/reference/units/" + unit + "/rename");
        assertEquals(403, other.post("/reference/units/" + unit + "/retire", Map.of()).status());

        Page done = page.post("/reference/units/" + unit + "/rename", Map.of("name", renamed));
        assertEquals(302, done.status(), done::toString);
        assertEquals(302, page.post("/reference/units/" + unit + "/retire", Map.of()).status());
        Page list = page.get("/reference/units");
        assertThat(list.body()).contains(renamed).contains("已停用").contains("action=\"/reference/units/" + unit + "/reinstate\"");
        Page blank = page.post("/reference/units/" + unit + "/rename", Map.of("name", " "));
        assertEquals(400, blank.status());
        assertThat(blank.body()).contains("id=\"ref-problem\"");
        assertEquals(404, page.post("/reference/planets/" + unit + "/retire", Map.of()).status());

        // a sector with a member: the delete is refused with the reason on the page
        long sector = Fixtures.sector(admin);
        Fixtures.member(admin, sector);
        Page refused = page.post("/reference/sectors/" + sector + "/delete", Map.of());
        assertEquals(409, refused.status());
        assertThat(refused.body()).contains("id=\"ref-problem\"").contains("停用");

        // import: preview with a row error, then a clean file imported
        String name = TestSupport.unique("导入单位");
        Page preview = page.upload("/reference/units/import", Map.of("step", "preview"), "file", "u.xlsx",
                xlsx(List.of(List.of(name, "政府部门"), List.of(renamed, "其他"))));
        assertEquals(200, preview.status(), preview::toString);
        assertThat(preview.body()).contains("id=\"import-preview\"").contains(name).contains("已存在");
        Page refusedImport = page.upload("/reference/units/import", Map.of("step", "commit"), "file", "u.xlsx",
                xlsx(List.of(List.of(name, "政府部门"), List.of(renamed, "其他"))));
        assertEquals(400, refusedImport.status());
        Page imported = page.upload("/reference/units/import", Map.of("step", "commit"), "file", "u.xlsx",
                xlsx(List.of(List.of(name, "政府部门"))));
        assertEquals(302, imported.status(), imported::toString);
        assertThat(page.get("/reference/units").body()).contains(name);
        Page notExcel = page.upload("/reference/units/import", Map.of("step", "preview"), "file", "u.xlsx", "x".getBytes());
        assertEquals(400, notExcel.status());
        assertThat(notExcel.body()).contains("id=\"file-error\"");
        assertEquals(403, other.get("/reference/units/import").status());
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("单位");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("单位名称");
            header.createCell(1).setCellValue("单位类型");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
