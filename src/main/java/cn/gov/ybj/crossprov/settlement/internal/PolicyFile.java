package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.settlement.BandScope;
import cn.gov.ybj.crossprov.settlement.DeductibleMode;
import cn.gov.ybj.crossprov.settlement.DeductibleRule;
import cn.gov.ybj.crossprov.settlement.FundBase;
import cn.gov.ybj.crossprov.settlement.FundRule;
import cn.gov.ybj.crossprov.settlement.HospitalGrade;
import cn.gov.ybj.crossprov.settlement.PolicyCatalogue;
import cn.gov.ybj.crossprov.settlement.PolicyKey;
import cn.gov.ybj.crossprov.settlement.PolicyVersion;
import cn.gov.ybj.crossprov.settlement.RatioBand;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.shared.RegionCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads policy versions from the JSON policy file ({@code reference/settlement/demo-policies.json};
 * the format is described in docs/settlement.md). Every value goes through the records' validation;
 * a bad file is refused as a whole with the position of the first problem. Amounts and percents
 * are read as decimals (never as floating point). In a grade map, {@code "ALL"} stands for every
 * grade not listed by name.
 */
public final class PolicyFile {

    /** The demo policies on the classpath. DEMO DATA, not any area's real policy. */
    public static final String DEMO_RESOURCE = "reference/settlement/demo-policies.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PolicyFile() {
    }

    /** The demo policies ({@link #DEMO_RESOURCE}) as a catalogue. */
    public static PolicyCatalogue demo() {
        try (InputStream in = PolicyFile.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_RESOURCE + " is not on the classpath");
            }
            return PolicyCatalogue.of(read(in, DEMO_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<PolicyVersion> read(InputStream in, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new BusinessRuleException("政策文件 " + source + " 不是有效的 JSON：" + e.getOriginalMessage(),
                    "The policy file " + source + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode policies = root == null ? null : root.get("policies");
        if (policies == null || !policies.isArray()) {
            throw new BusinessRuleException("政策文件 " + source + " 缺少 policies 数组",
                    "The policy file " + source + " has no policies array");
        }
        List<PolicyVersion> versions = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            JsonNode p = policies.get(i);
            try {
                versions.add(at("policies[" + i + "]", () -> policy(p)));
            } catch (Located e) {
                String where = source + " " + e.path;
                throw new BusinessRuleException(where + "：" + e.problem.messageZh(), where + ": " + e.problem.messageEn());
            }
        }
        return versions;
    }

    /** A refusal and where in the file it was found. */
    private static final class Located extends RuntimeException {
        final String path;
        final BusinessRuleException problem;

        Located(String path, BusinessRuleException problem) {
            super(path, problem, false, false);
            this.path = path;
            this.problem = problem;
        }
    }

    /** Runs one step of the reading; a refusal inside it is located at {@code segment} (inner segments appended). */
    private static <T> T at(String segment, Supplier<T> step) {
        try {
            return step.get();
        } catch (Located e) {
            throw new Located(segment + e.path, e.problem);
        } catch (BusinessRuleException e) {
            throw new Located(segment, e);
        }
    }

    private static PolicyVersion policy(JsonNode p) {
        PolicyKey key = new PolicyKey(RegionCode.of(text(p, "insuredArea")),
                InsuranceType.parse(text(p, "insuranceType")).orElseThrow(() -> unknown("insuranceType", p)),
                PersonType.parse(text(p, "personType")).orElseThrow(() -> unknown("personType", p)));
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(text(p, "effectiveFrom"));
        } catch (DateTimeParseException e) {
            throw unknown("effectiveFrom", p);
        }
        JsonNode d = node(p, "deductible");
        DeductibleMode mode = parseEnum(DeductibleMode.class, text(d, "mode"), "deductible.mode");
        DeductibleRule deductible = at(".deductible", () -> new DeductibleRule(mode,
                at(".amounts", () -> gradeMap(node(d, "amounts"), PolicyFile::money)),
                d.has("subsequent") ? at(".subsequent", () -> gradeMap(d.get("subsequent"), PolicyFile::money)) : Map.of()));
        List<FundRule> funds = new ArrayList<>();
        JsonNode fundNodes = node(p, "funds");
        for (int k = 0; k < fundNodes.size(); k++) {
            JsonNode f = fundNodes.get(k);
            funds.add(at(".funds[" + k + "]", () -> {
                Map<HospitalGrade, List<RatioBand>> bands = at(".bands", () -> gradeMap(node(f, "bands"), PolicyFile::bands));
                return new FundRule(text(f, "code"), text(f, "name"), parseEnum(FundBase.class, text(f, "base"), "base"),
                        f.hasNonNull("baseFund") ? f.get("baseFund").asText() : null,
                        parseEnum(BandScope.class, text(f, "scope"), "scope"), bands, money(node(f, "annualCap")));
            }));
        }
        return new PolicyVersion(key, effectiveFrom, deductible, funds);
    }

    /**
     * One policy read from its JSON object (the format of one entry of {@code policies}), e.g. as
     * stored in the database; refused with the position of the first problem in {@code source}.
     */
    public static PolicyVersion fromJson(JsonNode policy, String source) {
        try {
            return at("", () -> policy(policy));
        } catch (Located e) {
            String where = source + (e.path.isEmpty() ? "" : " " + e.path);
            throw new BusinessRuleException(where + "：" + e.problem.messageZh(), where + ": " + e.problem.messageEn());
        }
    }

    /** Parses JSON text with decimals kept exact (never floating point). */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The policy as one entry of the file's {@code policies} (every grade listed, no {@code ALL}). */
    public static ObjectNode toJson(PolicyVersion v) {
        ObjectNode p = toKeyJson(v.key(), v.effectiveFrom());
        p.set("deductible", deductibleJson(v.deductible()));
        p.set("funds", fundsJson(v.funds()));
        return p;
    }

    /** The key and date part of a policy's JSON. */
    public static ObjectNode toKeyJson(PolicyKey key, LocalDate effectiveFrom) {
        ObjectNode p = JSON.createObjectNode();
        p.put("insuredArea", key.insuredArea().toString());
        p.put("insuranceType", key.insuranceType().name());
        p.put("personType", key.personType().name());
        p.put("effectiveFrom", effectiveFrom.toString());
        return p;
    }

    public static ObjectNode deductibleJson(DeductibleRule d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("mode", d.mode().name());
        n.set("amounts", amountsJson(d.amounts()));
        if (!d.subsequentAmounts().isEmpty()) {
            n.set("subsequent", amountsJson(d.subsequentAmounts()));
        }
        return n;
    }

    public static ArrayNode fundsJson(List<FundRule> funds) {
        ArrayNode array = JSON.createArrayNode();
        for (FundRule f : funds) {
            ObjectNode n = array.addObject();
            n.put("code", f.code());
            n.put("name", f.name());
            n.put("base", f.base().name());
            if (f.baseFund() != null) {
                n.put("baseFund", f.baseFund());
            }
            n.put("scope", f.scope().name());
            n.put("annualCap", f.annualCap().yuan());
            ObjectNode bands = n.putObject("bands");
            for (HospitalGrade g : HospitalGrade.values()) {
                ArrayNode list = bands.putArray(g.name());
                for (RatioBand b : f.bands(g)) {
                    ObjectNode band = list.addObject();
                    band.put("from", b.from().yuan());
                    if (b.to() != null) {
                        band.put("to", b.to().yuan());
                    }
                    band.put("percent", b.percent());
                }
            }
        }
        return array;
    }

    private static ObjectNode amountsJson(Map<HospitalGrade, Money> amounts) {
        ObjectNode n = JSON.createObjectNode();
        for (HospitalGrade g : HospitalGrade.values()) {
            n.put(g.name(), amounts.get(g).yuan());
        }
        return n;
    }

    /** Compact JSON text of a node. */
    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RatioBand> bands(JsonNode array) {
        List<RatioBand> bands = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode b = array.get(i);
            bands.add(at("[" + i + "]", () -> new RatioBand(money(node(b, "from")),
                    b.hasNonNull("to") ? money(b.get("to")) : null, decimal(node(b, "percent")))));
        }
        return bands;
    }

    private static <T> Map<HospitalGrade, T> gradeMap(JsonNode object, Function<JsonNode, T> value) {
        Map<HospitalGrade, T> map = new EnumMap<>(HospitalGrade.class);
        T all = null;
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            T v = at("." + e.getKey(), () -> value.apply(e.getValue()));
            if (e.getKey().equals("ALL")) {
                all = v;
            } else {
                map.put(HospitalGrade.parse(e.getKey()).orElseThrow(() -> new BusinessRuleException(
                        "未知的医院等级：" + e.getKey(), "Unknown hospital grade: " + e.getKey())), v);
            }
        }
        if (all != null) {
            for (HospitalGrade g : HospitalGrade.values()) {
                map.putIfAbsent(g, all);
            }
        }
        return map;
    }

    private static JsonNode node(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new BusinessRuleException("缺少 " + field, "Missing " + field);
        }
        return n;
    }

    private static String text(JsonNode parent, String field) {
        return node(parent, field).asText();
    }

    private static Money money(JsonNode n) {
        return new Money(decimal(n));
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        try {
            return new BigDecimal(n.asText().strip());
        } catch (NumberFormatException e) {
            throw new BusinessRuleException("不是数值：" + n.asText(), "Not a number: " + n.asText());
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException(field + " 的值不正确：" + value, "Unknown value of " + field + ": " + value);
        }
    }

    private static BusinessRuleException unknown(String field, JsonNode p) {
        return new BusinessRuleException(field + " 的值不正确：" + p.path(field).asText(),
                "Unknown value of " + field + ": " + p.path(field).asText());
    }
}
