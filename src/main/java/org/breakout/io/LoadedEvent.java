package org.breakout.io;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;

/**
 * An event file as read: the planning problem, the JSON document it came from (the writer fills the
 * decisions into a copy of it, so fields breakout does not know are kept), and warnings that do not stop
 * solving (unknown fields, preferences that can never be met, …).
 */
public record LoadedEvent(Path source, ObjectNode document, Schedule schedule, List<Problem> warnings) {
}
