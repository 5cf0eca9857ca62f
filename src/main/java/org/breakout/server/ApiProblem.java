package org.breakout.server;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Json;

/**
 * An answer other than success, as an RFC 9457 problem document ({@code application/problem+json}): a title, the
 * detail, and for bad input every problem with its place (JSON path, or row and column) — the same messages the
 * command line prints. Never a stack trace.
 */
public final class ApiProblem extends RuntimeException {

    /** One problem in an input: the file, where in it (JSON path, row and column; may be empty) and what to fix. */
    public record Item(String file, String where, String message) {
    }

    private final int status;
    private final String title;
    private final List<Item> items;

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiProblem(int status, String title, String detail, List<Item> items) {
        super(detail);
        this.status = status;
        this.title = title;
        this.items = List.copyOf(items);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "Not found", what + " does not exist, or is not yours");
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad request", detail);
    }

    public int status() {
        return status;
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("type", "about:blank");
        node.put("title", title);
        node.put("status", status);
        node.put("detail", getMessage());
        if (!items.isEmpty()) {
            ArrayNode problems = node.putArray("problems");
            for (Item item : items) {
                ObjectNode problem = problems.addObject();
                if (item.file() != null) {
                    problem.put("file", item.file());
                }
                problem.put("where", item.where() == null ? "" : item.where());
                problem.put("message", item.message());
            }
        }
        return node;
    }
}
