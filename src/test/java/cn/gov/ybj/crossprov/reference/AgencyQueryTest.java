package cn.gov.ybj.crossprov.reference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 异地就医经办机构查询 on the embedded PostgreSQL: service and public API, filters combined, stable paging. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgencyQueryTest {

    @Autowired
    Agencies agencies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;

    private List<String> areaCodes(String likePrefix) {
        return jdbc.sql("SELECT code FROM app.pooling_area WHERE code LIKE ? ORDER BY code").param(likePrefix + "%")
                .query(String.class).list();
    }

    private JsonNode get(String division, String name, Integer page, Integer size) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/public/agencies");
        if (division != null) uri.queryParam("division", division);
        if (name != null) uri.queryParam("name", name);
        if (page != null) uri.queryParam("page", page);
        if (size != null) uri.queryParam("size", size);
        ResponseEntity<JsonNode> response = http.getForEntity(uri.build().encode().toUri(), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(item -> codes.add(item.get("areaCode").asText()));
        return codes;
    }

    @Test
    void everyPoolingAreaHasItsAgencyAndTheApiNeedsNoLogin() {
        long areas = jdbc.sql("SELECT count(*) FROM app.pooling_area").query(Long.class).single();
        assertThat(areas).isGreaterThan(300);
        JsonNode all = get(null, null, null, null);
        assertThat(all.get("total").asLong()).isEqualTo(areas);
        assertThat(all.get("page").asInt()).isZero();
        assertThat(all.get("size").asInt()).isEqualTo(20);
        assertThat(all.get("items")).hasSize(20);
        JsonNode first = all.get("items").get(0);
        // the columns of the screen: 序号, 所属省份, 统筹区, 经办机构名称, 地址, 联系电话 — never the bank account
        assertThat(first.get("no").asLong()).isEqualTo(1);
        assertThat(first.get("areaCode").asText()).isEqualTo("110000");
        assertThat(first.get("provinceName").asText()).isEqualTo("北京市");
        assertThat(first.get("areaName").asText()).isEqualTo("北京市");
        assertThat(first.has("name")).isTrue();
        assertThat(first.has("address")).isTrue();
        assertThat(first.has("phone")).isTrue();
        assertThat(all.toString()).doesNotContain("bank");
    }

    @Test
    void divisionFilterTakesEverythingInsideAProvinceCityOrCounty() {
        // province: all its areas, including county-level demo districts (110105, 110108)
        JsonNode beijing = get("110000", null, 0, 50);
        assertThat(codes(beijing)).containsExactlyElementsOf(areaCodes("11")).contains("110000", "110105", "110108");
        assertThat(beijing.get("items").get(1).get("provinceName").asText()).isEqualTo("北京市");
        JsonNode fujian = get("350000", null, 0, 50);
        assertThat(codes(fujian)).containsExactlyElementsOf(areaCodes("35")).contains("350200");
        assertThat(fujian.get("total").asLong()).isEqualTo(areaCodes("35").size());
        // city and county
        assertThat(codes(get("350200", null, 0, 50))).containsExactly("350200");
        assertThat(codes(get("110105", null, 0, 50))).containsExactly("110105");
        // a county without its own pooling area has none
        assertThat(get("350203", null, 0, 50).get("total").asLong()).isZero();
    }

    @Test
    void filtersCombine() {
        String xiamen = jdbc.sql("SELECT agency_name FROM app.pooling_area WHERE code = '350200'").query(String.class).single();
        String part = xiamen.substring(3, 6);
        List<String> byName = jdbc.sql("SELECT code FROM app.pooling_area WHERE agency_name LIKE ? ORDER BY code")
                .param("%" + part + "%").query(String.class).list();
        assertThat(byName).contains("350200");

        assertThat(codes(get(null, part, 0, 200))).containsExactlyElementsOf(byName);
        // name AND division
        assertThat(codes(get("350000", part, 0, 200)))
                .containsExactlyElementsOf(byName.stream().filter(c -> c.startsWith("35")).toList());
        assertThat(get("110000", part, 0, 200).get("total").asLong())
                .isEqualTo(byName.stream().filter(c -> c.startsWith("11")).count());
        // LIKE wildcards in the input are taken literally
        assertThat(agencies.count(new Agencies.Filter(null, "%"))).isZero();
        assertThat(agencies.count(new Agencies.Filter(null, "_"))).isZero();
        // blank filters are no filters
        assertThat(agencies.count(new Agencies.Filter(" ", " "))).isEqualTo(areaCodes("").size());
    }

    @Test
    void pagingIsStableAndNumbered() {
        List<String> expected = areaCodes("");
        List<String> paged = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        int size = 37;
        for (int page = 0; page * size < expected.size(); page++) {
            JsonNode slice = get(null, null, page, size);
            assertThat(slice.get("total").asLong()).isEqualTo(expected.size());
            slice.get("items").forEach(item -> {
                paged.add(item.get("areaCode").asText());
                numbers.add(item.get("no").asLong());
            });
            // the same page twice gives the same rows
            assertThat(codes(get(null, null, page, size))).isEqualTo(codes(slice));
        }
        assertThat(paged).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
        assertThat(numbers).first().isEqualTo(1L);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1L);
        }
        // past the end: empty; size is clamped
        assertThat(get(null, null, 1000, size).get("items")).isEmpty();
        JsonNode big = get(null, null, 0, 100_000);
        assertThat(big.get("size").asInt()).isEqualTo(Agencies.MAX_PAGE_SIZE);
        assertThat(big.get("items")).hasSize(Math.min(expected.size(), Agencies.MAX_PAGE_SIZE));
        assertThat(get(null, null, -3, 0).get("page").asInt()).isZero();
    }
}
