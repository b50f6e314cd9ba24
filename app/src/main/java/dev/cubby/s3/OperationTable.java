package dev.cubby.s3;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Picks the operation for a request and holds the handler for each. Requests for S3
 * sub-resources Cubby does not implement are refused by name, never served as the plain
 * operation (a PUT ?acl must not overwrite the object with an empty body).
 */
public final class OperationTable {
    /** S3 sub-resources and operation selectors, so an unimplemented one is recognised as such. */
    private static final Set<String> KNOWN_SUBRESOURCES = Set.of("accelerate", "acl", "analytics", "attributes",
            "cors", "delete", "encryption", "intelligent-tiering", "inventory", "legal-hold", "lifecycle",
            "location", "logging", "metadataTable", "metrics", "notification", "object-lock", "ownershipControls",
            "policy", "policyStatus", "publicAccessBlock", "replication", "requestPayment", "restore", "retention",
            "select", "session", "tagging", "torrent", "uploadId", "uploads", "versioning", "versions", "website",
            "renameObject");

    private final Map<Operation, Handler> handlers = new EnumMap<>(Operation.class);

    public OperationTable bind(Operation operation, Handler handler) {
        handlers.put(operation, handler);
        return this;
    }

    public Handler handler(Operation operation) {
        Handler handler = handlers.get(operation);
        if (handler == null) {
            throw new IllegalStateException("no handler bound for " + operation);
        }
        return handler;
    }

    /** Rows in matching order: a row that also needs a header before the same request's plain row. */
    private static final List<Operation> MATCH_ORDER = Arrays.stream(Operation.values())
            .sorted(Comparator.comparing(operation -> !operation.hasHeaderSelector()))
            .toList();

    public static Operation resolve(String method, Operation.Target target, Map<String, String> query) {
        return resolve(method, target, query, header -> false);
    }

    /**
     * The operation a request asks for. A request to an object that names a version other than
     * {@code null} is refused here, whatever its operation (see {@link VersionId}).
     *
     * @param hasHeader whether the request carries a header, by lower-case name
     */
    public static Operation resolve(String method, Operation.Target target, Map<String, String> query,
                                    Predicate<String> hasHeader) {
        Operation operation = pick(method, target, query, hasHeader);
        if (target == Operation.Target.OBJECT && query.containsKey("versionId")) {
            VersionId.requireNull(query.get("versionId"), "versionId");
        }
        return operation;
    }

    private static Operation pick(String method, Operation.Target target, Map<String, String> query,
                                  Predicate<String> hasHeader) {
        for (Operation operation : MATCH_ORDER) {
            if (operation.hasSelector() && operation.matches(method, target, query) && operation.headerHolds(hasHeader)) {
                return operation;
            }
        }
        for (String name : query.keySet()) {
            if (KNOWN_SUBRESOURCES.contains(name)) {
                throw S3Exception.of(S3ErrorCode.NOT_IMPLEMENTED, "Cubby does not implement " + method + " ?" + name
                        + " on " + describe(target) + ".");
            }
        }
        for (Operation operation : MATCH_ORDER) {
            if (!operation.hasSelector() && operation.matches(method, target, query) && operation.headerHolds(hasHeader)) {
                return operation;
            }
        }
        throw S3Exception.of(S3ErrorCode.METHOD_NOT_ALLOWED, "The method " + method + " is not allowed on "
                + describe(target) + ".");
    }

    private static String describe(Operation.Target target) {
        return switch (target) {
            case SERVICE -> "the service";
            case BUCKET -> "a bucket";
            case OBJECT -> "an object";
        };
    }
}
