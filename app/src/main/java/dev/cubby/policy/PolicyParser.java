package dev.cubby.policy;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a bucket policy's JSON strictly: every field known, every value of the right shape,
 * each Resource within the policy's own bucket. A policy that is not so is refused whole with
 * MalformedPolicy, saying which statement and which field is wrong and how to write it.
 */
final class PolicyParser {
    /** S3's limit on a bucket policy. */
    static final int MAX_BYTES = 20 * 1024;
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> TOP_FIELDS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_FIELDS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final String S3_ARN = "arn:aws:s3:::";
    private static final String IF_EXISTS = "ifexists";
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private final String bucket;

    private PolicyParser(String bucket) {
        this.bucket = bucket;
    }

    /**
     * @param bucket the bucket the policy is for: each Resource must lie in it
     * @throws S3Exception MalformedPolicy, saying what is wrong
     */
    static PolicyDocument parse(String json, String bucket) {
        return new PolicyParser(bucket).document(json);
    }

    private PolicyDocument document(String json) {
        if (json.isBlank()) {
            throw malformed("The policy is empty: send a JSON document with a Version and a Statement.");
        }
        if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw malformed("The policy is larger than " + MAX_BYTES / 1024 + " KiB, the most a bucket policy may be.");
        }
        JsonValue root;
        try (var reader = READERS.createReader(new StringReader(json))) {
            root = reader.readValue();
        } catch (JsonParsingException e) {
            // KeyStrategy.NONE refuses a field given twice, which would otherwise hide one of its values
            String what = e.getMessage() != null && e.getMessage().contains("uplicate")
                    ? "names a field twice" : "is not valid JSON";
            throw malformed("The policy " + what + " (line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ").");
        } catch (JsonException e) {
            throw malformed("The policy is not valid JSON.");
        }
        if (!(root instanceof JsonObject top)) {
            throw malformed("The policy must be a JSON object with a Version and a Statement.");
        }
        unknownFields(top, TOP_FIELDS, "The policy");
        if (top.containsKey("Version")) {
            String version = string(top.get("Version"), "The policy's Version");
            if (!VERSIONS.contains(version)) {
                throw malformed("The policy's Version must be \"2012-10-17\" (or the older \"2008-10-17\"), not \""
                        + version + "\".");
            }
        }
        if (top.containsKey("Id")) {
            string(top.get("Id"), "The policy's Id");
        }
        JsonValue statements = top.get("Statement");
        if (statements == null) {
            throw malformed("The policy has no Statement: give one statement object or an array of them.");
        }
        List<JsonValue> list = statements instanceof JsonArray array ? array : List.of(statements);
        if (list.isEmpty()) {
            throw malformed("The policy's Statement array is empty: give at least one statement.");
        }
        var parsed = new ArrayList<Statement>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonObject object)) {
                throw malformed("Statement " + (i + 1) + " must be a JSON object.");
            }
            parsed.add(statement(object, i + 1));
        }
        return new PolicyDocument(parsed);
    }

    private Statement statement(JsonObject object, int number) {
        String sid = object.containsKey("Sid") ? string(object.get("Sid"), "Statement " + number + "'s Sid") : null;
        String where = "Statement " + number + (sid == null || sid.isEmpty() ? "" : " (Sid \"" + sid + "\")");
        unknownFields(object, STATEMENT_FIELDS, where);

        String effect = object.containsKey("Effect") ? string(object.get("Effect"), where + ": Effect") : null;
        if (effect == null) {
            throw malformed(where + " has no Effect: write \"Effect\": \"Allow\" or \"Deny\".");
        }
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw malformed(where + ": Effect must be \"Allow\" or \"Deny\", not \"" + effect + "\".");
        }
        if (object.containsKey("NotPrincipal")) {
            throw malformed(where + ": NotPrincipal is not supported; name the principals the statement applies "
                    + "to in Principal instead.");
        }
        if (!object.containsKey("Principal")) {
            throw malformed(where + " has no Principal: a bucket policy names who it applies to (\"*\" for "
                    + "everyone, or {\"AWS\": \"arn:aws:iam::cubby:user/NAME\"}).");
        }
        PrincipalPattern principal = principal(object.get("Principal"), where);

        boolean notAction = either(object, "Action", "NotAction", where);
        List<Wildcard> actions = new ArrayList<>();
        for (String action : strings(object.get(notAction ? "NotAction" : "Action"),
                where + ": " + (notAction ? "NotAction" : "Action"))) {
            actions.add(action(action, where));
        }
        boolean notResource = either(object, "Resource", "NotResource", where);
        List<Wildcard> resources = new ArrayList<>();
        for (String resource : strings(object.get(notResource ? "NotResource" : "Resource"),
                where + ": " + (notResource ? "NotResource" : "Resource"))) {
            resources.add(resource(resource, where));
        }
        List<Condition> conditions = object.containsKey("Condition")
                ? conditions(object.get("Condition"), where) : List.of();
        return new Statement(sid, effect.equals("Allow"), principal, actions, notAction, resources, notResource,
                conditions);
    }

    /** @return whether the statement uses the negated field */
    private static boolean either(JsonObject object, String field, String negated, String where) {
        boolean plain = object.containsKey(field);
        boolean not = object.containsKey(negated);
        if (plain && not) {
            throw malformed(where + " has both " + field + " and " + negated + ": give one of them.");
        }
        if (!plain && !not) {
            throw malformed(where + " has no " + field + " (or " + negated + ").");
        }
        return not;
    }

    private static PrincipalPattern principal(JsonValue value, String where) {
        if (value instanceof JsonString text) {
            if (text.getString().equals("*")) {
                return PrincipalPattern.ANYONE;
            }
            throw malformed(where + ": Principal must be \"*\" or an object such as {\"AWS\": \"ARN\"}, not \""
                    + text.getString() + "\".");
        }
        if (!(value instanceof JsonObject object) || object.isEmpty()) {
            throw malformed(where + ": Principal must be \"*\" or an object such as {\"AWS\": \"ARN\"}.");
        }
        var aws = new ArrayList<String>();
        var canonical = new ArrayList<String>();
        boolean anyone = false;
        for (var entry : object.entrySet()) {
            String field = where + ": Principal's " + entry.getKey();
            switch (entry.getKey()) {
                case "AWS" -> {
                    for (String id : strings(entry.getValue(), field)) {
                        if (id.equals("*")) {
                            anyone = true;
                        } else if (PrincipalPattern.validAwsValue(id)) {
                            aws.add(id);
                        } else {
                            throw malformed(field + " value \"" + id + "\" is not a principal: write \"*\", an "
                                    + "access key id, or arn:aws:iam::ACCOUNT:user/NAME.");
                        }
                    }
                }
                case "CanonicalUser" -> canonical.addAll(strings(entry.getValue(), field));
                default -> throw malformed(where + ": Principal type \"" + entry.getKey() + "\" is not supported: "
                        + "use \"AWS\" or \"CanonicalUser\".");
            }
        }
        return anyone ? PrincipalPattern.ANYONE : new PrincipalPattern(false, aws, canonical);
    }

    private static Wildcard action(String action, String where) {
        if (action.equals("*")) {
            return Wildcard.ignoringCase(action);
        }
        int colon = action.indexOf(':');
        String service = colon < 0 ? "" : action.substring(0, colon);
        String name = colon < 0 ? "" : action.substring(colon + 1);
        if (!service.equalsIgnoreCase("s3") || name.isEmpty() || !name.matches("[A-Za-z*?]+")) {
            throw malformed(where + ": Action \"" + action + "\" is not valid: a bucket policy's actions are \"*\" "
                    + "or s3:NAME, where NAME may hold * and ? (s3:GetObject, s3:Get*, s3:*).");
        }
        return Wildcard.ignoringCase(action);
    }

    private Wildcard resource(String resource, String where) {
        if (resource.equals("*")) {
            return Wildcard.exact(resource);
        }
        if (!resource.startsWith(S3_ARN) || resource.length() == S3_ARN.length()) {
            throw malformed(where + ": Resource \"" + resource + "\" is not valid: write arn:aws:s3:::" + bucket
                    + " for the bucket or arn:aws:s3:::" + bucket + "/PREFIX* for its objects.");
        }
        String path = resource.substring(S3_ARN.length());
        int slash = path.indexOf('/');
        String bucketPart = slash < 0 ? path : path.substring(0, slash);
        if (!Wildcard.exact(bucketPart).matches(bucket)) {
            throw malformed(where + ": Resource \"" + resource + "\" lies outside bucket " + bucket
                    + ": a bucket's policy may only name the bucket itself and its objects.");
        }
        return Wildcard.exact(resource);
    }

    private static List<Condition> conditions(JsonValue value, String where) {
        if (!(value instanceof JsonObject block)) {
            throw malformed(where + ": Condition must be an object such as {\"IpAddress\": {\"aws:SourceIp\": "
                    + "\"192.0.2.0/24\"}}.");
        }
        var conditions = new ArrayList<Condition>();
        for (var operatorEntry : block.entrySet()) {
            String written = operatorEntry.getKey();
            String field = where + ": Condition " + written;
            String name = written;
            var qualifier = Condition.Qualifier.SINGLE;
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("foranyvalue:")) {
                qualifier = Condition.Qualifier.FOR_ANY_VALUE;
                name = name.substring("ForAnyValue:".length());
            } else if (lower.startsWith("forallvalues:")) {
                qualifier = Condition.Qualifier.FOR_ALL_VALUES;
                name = name.substring("ForAllValues:".length());
            }
            boolean ifExists = name.toLowerCase(Locale.ROOT).endsWith(IF_EXISTS);
            if (ifExists) {
                name = name.substring(0, name.length() - IF_EXISTS.length());
            }
            ConditionOperator operator = ConditionOperator.named(name);
            if (operator == null || (operator == ConditionOperator.NULL && (ifExists
                    || qualifier != Condition.Qualifier.SINGLE))) {
                throw malformed(field + ": the operator \"" + written + "\" is not supported (String..., Numeric..., "
                        + "Date..., Bool, IpAddress, NotIpAddress, Arn..., Null, with IfExists or ForAnyValue:/"
                        + "ForAllValues: where IAM allows them).");
            }
            if (!(operatorEntry.getValue() instanceof JsonObject keys) || keys.isEmpty()) {
                throw malformed(field + " must be an object of condition keys, e.g. {\"aws:SourceIp\": "
                        + "\"192.0.2.0/24\"}.");
            }
            for (var keyEntry : keys.entrySet()) {
                String keyField = field + " on " + keyEntry.getKey();
                List<String> values = conditionValues(keyEntry.getValue(), keyField);
                for (String v : values) {
                    if (!operator.accepts(v)) {
                        throw malformed(keyField + ": \"" + v + "\" is not " + operator.kind.expected + ".");
                    }
                }
                conditions.add(new Condition(operator, qualifier, ifExists, keyEntry.getKey(), values));
            }
        }
        return conditions;
    }

    /** Condition values may be strings, numbers or booleans, alone or in an array. */
    private static List<String> conditionValues(JsonValue value, String field) {
        List<JsonValue> items = value instanceof JsonArray array ? array : List.of(value);
        if (items.isEmpty()) {
            throw malformed(field + " has no value.");
        }
        var values = new ArrayList<String>();
        for (JsonValue item : items) {
            switch (item.getValueType()) {
                case STRING -> values.add(((JsonString) item).getString());
                case NUMBER, TRUE, FALSE -> values.add(item.toString());
                default -> throw malformed(field + ": a condition value must be a string, number or boolean.");
            }
        }
        return values;
    }

    private static void unknownFields(JsonObject object, Set<String> known, String where) {
        for (String field : object.keySet()) {
            if (!known.contains(field)) {
                throw malformed(where + " has an unknown field \"" + field + "\" (known: " + String.join(", ",
                        known.stream().sorted().toList()) + ").");
            }
        }
    }

    private static String string(JsonValue value, String field) {
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw malformed(field + " must be a string.");
    }

    /** A string or a non-empty array of strings. */
    private static List<String> strings(JsonValue value, String field) {
        if (value instanceof JsonString text) {
            return List.of(text.getString());
        }
        if (value instanceof JsonArray array && !array.isEmpty()) {
            var values = new ArrayList<String>();
            for (JsonValue item : array) {
                values.add(string(item, field + "'s values each"));
            }
            return values;
        }
        throw malformed(field + " must be a string or a non-empty array of strings.");
    }

    private static S3Exception malformed(String message) {
        return S3Exception.of(S3ErrorCode.MALFORMED_POLICY, message);
    }
}
