package org.xieshang.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xieshang.committee.ReferenceDataApiTest.assertField;
import static org.xieshang.committee.ReferenceDataApiTest.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/** Issue 15 point 8: reference data is renamed and retired, deleted only when nothing refers to it, units imported. */
class ReferenceDataChangeApiTest extends ApiTestBase {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void everyKindIsRenamedAndRetiredAndComesBack() {
        long termId = admin.post("/api/v1/terms", Map.of("name", TestSupport.unique("届"), "startDate", "2026-01-10",
                "endDate", "2031-01-09")).id();
        long sessionId = Fixtures.created(admin.post("/api/v1/terms/" + termId + "/sessions",
                Map.of("name", "第一次会议", "year", 2026, "startDate", "2026-03-01")));
        Map<String, Long> rows = Map.of(
                "/api/v1/sectors/", Fixtures.sector(admin),
                "/api/v1/units/", Fixtures.unit(admin),
                "/api/v1/special-committees/", Fixtures.created(admin.post("/api/v1/special-committees",
                        Map.of("name", TestSupport.unique("专委")))),
                "/api/v1/terms/", termId,
                "/api/v1/sessions/", sessionId);
        rows.forEach((path, id) -> {
            String name = TestSupport.unique("新名");
            Res renamed = admin.patch(path + id, Map.of("name", " " + name + " "));
            assertThat(renamed.status()).as("%s %s", path, renamed).isEqualTo(200);
            assertThat(renamed.get("name")).isEqualTo(name);
            assertThat(renamed.json().path("retired").asBoolean()).isFalse();
            long version = renamed.json().path("version").asLong();

            Res retired = admin.patch(path + id, Map.of("retired", true, "version", version));
            assertThat(retired.status()).as("%s %s", path, retired).isEqualTo(200);
            assertThat(retired.json().path("retired").asBoolean()).isTrue();
            assertThat(retired.get("name")).isEqualTo(name);
            // the old version lost: one change wins, the other is told
            assertProblem(admin.patch(path + id, Map.of("retired", false, "version", version)), 409);
            Res back = admin.patch(path + id, Map.of("retired", false, "version", retired.json().path("version").asLong()));
            assertThat(back.json().path("retired").asBoolean()).isFalse();

            assertField(admin.patch(path + id, Map.of("name", " ")), "name");
            assertField(admin.patch(path + id, Map.of("name", "名".repeat(201))), "name");
            assertField(admin.patch(path + id, Map.of("retired", "perhaps")), "retired");
            assertProblem(admin.patch(path + 987654321L, Map.of("name", "x")), 404);
            assertProblem(admin.delete(path + 987654321L), 404);
        });
        // every change is in the audit trail
        String audit = admin.get("/api/v1/audit/entries?entityType=Unit&entityId=" + rows.get("/api/v1/units/")).body();
        assertThat(audit).contains("UPDATE").contains("retired");
        // a retired term still lists; its sessions are still there
        admin.patch("/api/v1/terms/" + termId, Map.of("retired", true));
        Res term = admin.get("/api/v1/terms/" + termId);
        assertThat(term.json().path("retired").asBoolean()).isTrue();
        assertThat(term.json().path("sessions").values()).hasSize(1);
    }

    /** The sessions are cached per committee (issue 16): every change on this node shows on the next read. */
    @Test
    void theCachedSessionsShowEveryChangeAtOnce() {
        long termId = admin.post("/api/v1/terms", Map.of("name", TestSupport.unique("届"), "startDate", "2071-01-10",
                "endDate", "2076-01-09")).id();
        assertThat(admin.get("/api/v1/sessions").status()).isEqualTo(200); // read, and so cached, before the session exists
        long sessionId = Fixtures.created(admin.post("/api/v1/terms/" + termId + "/sessions",
                Map.of("name", "第一次会议", "year", 2071, "startDate", "2071-03-01")));
        assertThat(session(sessionId).path("name").asString()).isEqualTo("第一次会议");
        String name = TestSupport.unique("新名");
        assertThat(admin.patch("/api/v1/sessions/" + sessionId, Map.of("name", name)).status()).isEqualTo(200);
        assertThat(session(sessionId).path("name").asString()).isEqualTo(name);
        assertThat(admin.patch("/api/v1/sessions/" + sessionId, Map.of("retired", true)).status()).isEqualTo(200);
        assertThat(session(sessionId).path("retired").asBoolean()).isTrue();
        assertThat(admin.delete("/api/v1/sessions/" + sessionId).status()).isEqualTo(204);
        assertThat(session(sessionId)).isNull();
    }

    /** The session of that id in {@code GET /api/v1/sessions}, or null. */
    private tools.jackson.databind.JsonNode session(long id) {
        for (var s : admin.get("/api/v1/sessions").json().path("items").values()) {
            if (s.path("id").asLong() == id) {
                return s;
            }
        }
        return null;
    }

    @Test
    void aNameTakenIsAConflict() {
        String taken = TestSupport.unique("界别");
        admin.post("/api/v1/sectors", Map.of("name", taken));
        long id = Fixtures.sector(admin);
        assertProblem(admin.patch("/api/v1/sectors/" + id, Map.of("name", taken)), 409);
        // renaming to its own name is no conflict
        Res same = admin.get("/api/v1/sectors").json().path("items").values().stream()
                .filter(s -> s.path("id").asLong() == id).findFirst().map(s -> admin.patch("/api/v1/sectors/" + id,
                        Map.of("name", s.path("name").asString()))).orElseThrow();
        assertThat(same.status()).isEqualTo(200);
    }

    @Test
    void onlyWhatNothingRefersToIsDeleted() {
        // unreferenced: deleted
        long free = Fixtures.unit(admin);
        assertThat(admin.delete("/api/v1/units/" + free).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/audit/entries?entityType=Unit&entityId=" + free).body()).contains("DELETE");
        assertThat(admin.get("/api/v1/units").json().path("items").values())
                .noneSatisfy(u -> assertThat(u.path("id").asLong()).isEqualTo(free));

        // a unit with a handler's account, a sector with a member, a term with a session: refused, plainly
        Map<String, Object> handler = Fixtures.userBody(admin, TestSupport.unique("u-h"), "UNIT_HANDLER");
        assertThat(admin.post("/api/v1/users", handler).status()).isEqualTo(201);
        long unitId = ((Number) handler.get("unitId")).longValue();
        Res refused = admin.delete("/api/v1/units/" + unitId);
        assertProblem(refused, 409);
        assertThat(refused.get("detail")).contains("停用");
        assertThat(admin.lang("en").delete("/api/v1/units/" + unitId).get("detail")).contains("retire it instead");
        assertThat(admin.get("/api/v1/units").json().path("items").values())
                .anySatisfy(u -> assertThat(u.path("id").asLong()).isEqualTo(unitId));

        long sectorId = Fixtures.sector(admin);
        Fixtures.member(admin, sectorId);
        assertProblem(admin.delete("/api/v1/sectors/" + sectorId), 409);

        long termId = admin.post("/api/v1/terms", Map.of("name", TestSupport.unique("届"), "startDate", "2026-01-10",
                "endDate", "2031-01-09")).id();
        long sessionId = Fixtures.created(admin.post("/api/v1/terms/" + termId + "/sessions",
                Map.of("name", "第一次会议", "year", 2026, "startDate", "2026-03-01")));
        assertProblem(admin.delete("/api/v1/terms/" + termId), 409);
        assertThat(admin.delete("/api/v1/sessions/" + sessionId).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/terms/" + termId).status()).isEqualTo(204);
        long sc = Fixtures.created(admin.post("/api/v1/special-committees", Map.of("name", TestSupport.unique("专委"))));
        assertThat(admin.delete("/api/v1/special-committees/" + sc).status()).isEqualTo(204);
    }

    @Test
    void onlyTheCommitteeOfficeChangesOrImports() throws IOException {
        long unitId = Fixtures.unit(admin);
        long sectorId = Fixtures.sector(admin);
        byte[] file = workbook(List.of(List.of(TestSupport.unique("单位"), "政府部门")));
        for (String role : Fixtures.ROLES) {
            if (role.equals("ADMIN")) {
                continue;
            }
            Api user = Fixtures.signedIn(admin, role);
            assertProblem(user.patch("/api/v1/units/" + unitId, Map.of("retired", true)), 403);
            assertProblem(user.delete("/api/v1/units/" + unitId), 403);
            assertProblem(user.patch("/api/v1/sectors/" + sectorId, Map.of("name", "x")), 403);
            assertProblem(user.delete("/api/v1/sectors/" + sectorId), 403);
            assertProblem(user.upload("/api/v1/units/import/preview", "file", "u.xlsx", XLSX, file), 403);
            assertProblem(user.upload("/api/v1/units/import", "file", "u.xlsx", XLSX, file), 403);
            assertProblem(user.get("/api/v1/units/import/template"), 403);
        }
        assertProblem(api.patch("/api/v1/units/" + unitId, Map.of("retired", true)), 401);
        assertProblem(api.delete("/api/v1/units/" + unitId), 401);
        assertThat(admin.get("/api/v1/units").json().path("items").values())
                .anySatisfy(u -> {
                    assertThat(u.path("id").asLong()).isEqualTo(unitId);
                    assertThat(u.path("retired").asBoolean()).isFalse();
                });
    }

    @Test
    void unitsAreImportedWithAPreviewAndRowErrors() throws IOException {
        String taken = TestSupport.unique("已有单位");
        admin.post("/api/v1/units", Map.of("name", taken, "type", "OTHER"));
        String a = TestSupport.unique("区教育局");
        String b = TestSupport.unique("某某街道");
        byte[] bad = workbook(List.of(List.of(a, "政府部门"), List.of(b, "TOWNSHIP"), List.of(taken, "其他"),
                List.of(a, "其他"), List.of(TestSupport.unique("u"), "部委"), List.of("", "其他")));
        Res preview = admin.upload("/api/v1/units/import/preview", "file", "units.xlsx", XLSX, bad);
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(preview.json().path("ok").asInt()).isEqualTo(2);
        assertThat(preview.json().path("rejected").asInt()).isEqualTo(4);
        assertThat(preview.json().path("rows").values()).extracting(r -> r.path("row").asInt(), r -> r.path("ok").asBoolean())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true), org.assertj.core.groups.Tuple.tuple(3, true),
                        org.assertj.core.groups.Tuple.tuple(4, false), org.assertj.core.groups.Tuple.tuple(5, false),
                        org.assertj.core.groups.Tuple.tuple(6, false), org.assertj.core.groups.Tuple.tuple(7, false));
        assertThat(preview.json().path("rows").get(2).path("message").asString()).contains(taken);
        assertThat(preview.json().path("rows").get(4).path("message").asString()).contains("部委");

        // all or nothing: a file with a bad row imports none
        Res refused = admin.upload("/api/v1/units/import", "file", "units.xlsx", XLSX, bad);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().path("imported").asInt()).isZero();
        assertThat(refused.json().path("rejected").values()).hasSize(4);
        assertThat(unitNames()).doesNotContain(a, b);

        Res done = admin.upload("/api/v1/units/import", "file", "units.xlsx", XLSX,
                workbook(List.of(List.of(a, "政府部门"), List.of(b, "Township / street"))));
        assertThat(done.json().path("imported").asInt()).as("%s", done).isEqualTo(2);
        assertThat(unitNames()).contains(a, b);
        assertThat(admin.get("/api/v1/units").json().path("items").values()).anySatisfy(u -> {
            assertThat(u.path("name").asString()).isEqualTo(b);
            assertThat(u.path("type").asString()).isEqualTo("TOWNSHIP");
        });

        Res template = admin.get("/api/v1/units/import/template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).isEqualTo(XLSX);

        // bad files: not a workbook, no header, missing column, no rows, no file
        assertField(admin.upload("/api/v1/units/import/preview", "file", "u.xlsx", XLSX, "not excel".getBytes()), "file");
        assertField(admin.upload("/api/v1/units/import/preview", "file", "u.xlsx", XLSX, sheet(List.of())), "file");
        assertField(admin.upload("/api/v1/units/import/preview", "file", "u.xlsx", XLSX,
                sheet(List.of(List.of("单位名称"), List.of("某单位")))), "file");
        assertField(admin.upload("/api/v1/units/import/preview", "file", "u.xlsx", XLSX, workbook(List.of())), "file");
        assertField(admin.upload("/api/v1/units/import", "file", "u.xlsx", XLSX, new byte[0]), "file");
        assertThat(admin.lang("en").upload("/api/v1/units/import/preview", "file", "u.xlsx", XLSX, "x".getBytes())
                .json().path("errors").get(0).path("message").asString()).contains("xlsx");
    }

    private List<String> unitNames() {
        return admin.get("/api/v1/units").json().path("items").values().stream().map(u -> u.path("name").asString()).toList();
    }

    static byte[] workbook(List<List<String>> rows) throws IOException {
        List<List<String>> all = new java.util.ArrayList<>();
        all.add(List.of("单位名称", "单位类型"));
        all.addAll(rows);
        return sheet(all);
    }

    static byte[] sheet(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("单位");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
