package org.breakout.io.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.breakout.io.export.ScheduleView;

/**
 * The timetable page: one self-contained HTML file (inline CSS and SVG, no network, readable without
 * JavaScript) from the precompiled jte template {@code src/main/jte/timetable.jte}, which escapes every value.
 */
public final class TimetableHtml {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "org.breakout.io.html.templates");

    private TimetableHtml() {
    }

    public static String render(ScheduleView view) {
        StringOutput output = new StringOutput();
        ENGINE.render("timetable.jte", TimetablePage.of(view), output);
        return output.toString();
    }
}
