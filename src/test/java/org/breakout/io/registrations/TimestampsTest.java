package org.breakout.io.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void formTimesAsTheEventFileWritesThem() {
        Timestamps dutch = Timestamps.forColumn(List.of("16-4-2025 9:00:19", "3-5-2025 14:02:00"));
        assertThat(dutch.note()).isNull();
        assertThat(dutch.parse("3-5-2025 14:02:00")).isEqualTo("2025-05-03T14:02:00");
        assertThat(dutch.parse("2025-04-16 09:00")).isEqualTo("2025-04-16T09:00:00");
        assertThat(dutch.parse("2025-04-16T09:00:19.123")).isEqualTo("2025-04-16T09:00:19");
        assertThat(dutch.parse("2025/04/16 9:00:19 PM GMT+2")).isEqualTo("2025-04-16T21:00:19");
        assertThat(dutch.parse("2025-04-16T09:00:19+02:00")).isEqualTo("2025-04-16T09:00:19+02:00");
        assertThat(dutch.parse("gisteren")).isNull();
        assertThat(dutch.parse("31-2-2025 9:00")).isNull();

        Timestamps american = Timestamps.forColumn(List.of("4/16/2025 9:00:19", "5/3/2025 2:02:00 PM"));
        assertThat(american.parse("5/3/2025 2:02:00 PM")).isEqualTo("2025-05-03T14:02:00");
        assertThat(american.parse("5/3/2025 12:15:00 AM")).isEqualTo("2025-05-03T00:15:00");
    }

    @Test
    void anUnsettledDayMonthOrderIsANote() {
        Timestamps slashes = Timestamps.forColumn(List.of("3/4/2025 9:00", "5/6/2025 10:00"));
        assertThat(slashes.parse("3/4/2025 9:00")).isEqualTo("2025-03-04T09:00:00");
        assertThat(slashes.note()).contains("month/day/year");

        Timestamps dashes = Timestamps.forColumn(List.of("3-4-2025 9:00"));
        assertThat(dashes.parse("3-4-2025 9:00")).isEqualTo("2025-04-03T09:00:00");
        assertThat(dashes.note()).contains("day-month-year");
    }
}
