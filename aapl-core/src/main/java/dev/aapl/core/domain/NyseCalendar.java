package dev.aapl.core.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The regular sessions of the New York Stock Exchange, as Yahoo's hourly bars follow them.
 *
 * <p>A full session runs 09:30 to 16:00 New York time and has seven hourly bars starting
 * 09:30, 10:30 … 15:30; the last lasts 30 minutes. Early closes at 13:00 fall on July 3 and
 * December 24 when those are Monday to Thursday, and on the day after Thanksgiving. On those
 * days Yahoo's hourly series has three bars, 09:30, 10:30 and 11:30, the last running to the
 * close, and this calendar follows it. Full holidays are the ten NYSE holidays with their
 * observed-day rules (Saturday moves to Friday, Sunday to Monday, except that a Saturday New
 * Year's Day is not observed), Juneteenth from 2022, and the unscheduled closings since 2001.
 * Daylight-saving changes are handled by doing all arithmetic in the New York zone.
 */
public final class NyseCalendar implements TradingCalendar {

    /** The zone of the exchange. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final LocalTime OPEN = LocalTime.of(9, 30);
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    private static final int FULL_DAY_BARS = 7;
    private static final int EARLY_CLOSE_BARS = 3;

    /** Closings for national days of mourning, weather and the 2001 attacks. */
    private static final Set<LocalDate> UNSCHEDULED_CLOSINGS = Set.of(
            LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13),
            LocalDate.of(2001, 9, 14), LocalDate.of(2004, 6, 11), LocalDate.of(2007, 1, 2),
            LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30), LocalDate.of(2018, 12, 5),
            LocalDate.of(2025, 1, 9));

    private static final NyseCalendar INSTANCE = new NyseCalendar();

    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    private NyseCalendar() {
    }

    /** @return the calendar; it holds no state but a cache of holidays */
    public static NyseCalendar instance() {
        return INSTANCE;
    }

    @Override
    public ZoneId zone() {
        return NEW_YORK;
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        return !holidays(date.getYear()).contains(date) && !UNSCHEDULED_CLOSINGS.contains(date);
    }

    /**
     * @param date a date
     * @return whether the exchange is closed that weekday for a holiday or an unscheduled closing
     */
    public boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).contains(date) || UNSCHEDULED_CLOSINGS.contains(date);
    }

    @Override
    public boolean isEarlyClose(LocalDate date) {
        if (!isTradingDay(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        boolean mondayToThursday = day != DayOfWeek.FRIDAY;
        if (date.getMonth() == Month.JULY && date.getDayOfMonth() == 3) {
            return mondayToThursday;
        }
        if (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24) {
            return mondayToThursday;
        }
        return date.equals(thanksgiving(date.getYear()).plusDays(1));
    }

    /**
     * @param date a trading day
     * @return the time the session ends in New York, 16:00 or 13:00
     */
    public LocalTime closeTime(LocalDate date) {
        return isEarlyClose(date) ? EARLY_CLOSE : CLOSE;
    }

    @Override
    public List<Instant> barStarts(LocalDate date) {
        if (!isTradingDay(date)) {
            return List.of();
        }
        int count = isEarlyClose(date) ? EARLY_CLOSE_BARS : FULL_DAY_BARS;
        List<Instant> starts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            starts.add(ZonedDateTime.of(date, OPEN.plusHours(i), NEW_YORK).toInstant());
        }
        return List.copyOf(starts);
    }

    @Override
    public boolean isBarStart(Instant instant) {
        ZonedDateTime local = instant.atZone(NEW_YORK);
        return barStarts(local.toLocalDate()).contains(instant);
    }

    @Override
    public Instant barEnd(Instant barStart) {
        LocalDate date = dateOf(barStart);
        List<Instant> starts = barStarts(date);
        int index = starts.indexOf(barStart);
        if (index < 0) {
            throw new IllegalArgumentException(barStart + " (" + barStart.atZone(NEW_YORK)
                    + ") is not the start of an hourly NYSE bar");
        }
        if (index < starts.size() - 1) {
            return starts.get(index + 1);
        }
        return ZonedDateTime.of(date, closeTime(date), NEW_YORK).toInstant();
    }

    @Override
    public Instant nextBarStart(Instant instant) {
        LocalDate date = dateOf(instant);
        for (Instant start : barStarts(date)) {
            if (start.isAfter(instant)) {
                return start;
            }
        }
        return barStarts(nextTradingDay(date)).get(0);
    }

    @Override
    public boolean isComplete(Instant barStart, Instant now) {
        return !barEnd(barStart).isAfter(now);
    }

    @Override
    public LocalDate nextTradingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isTradingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    @Override
    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate previous = date.minusDays(1);
        while (!isTradingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    @Override
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(NEW_YORK).toLocalDate();
    }

    /**
     * @param from first date, inclusive
     * @param to last date, inclusive
     * @return the trading days between them, oldest first
     */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /**
     * @param barStart the start of an hourly bar
     * @return how long the bar lasts: an hour, or less for the last bar of a session
     */
    public Duration barLength(Instant barStart) {
        return Duration.between(barStart, barEnd(barStart));
    }

    private Set<LocalDate> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, NyseCalendar::computeHolidays);
    }

    private static Set<LocalDate> computeHolidays(int year) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            days.add(observed(newYear));
        }
        days.add(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
        days.add(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
        days.add(easterSunday(year).minusDays(2));
        days.add(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(
                DayOfWeek.MONDAY)));
        if (year >= 2022) {
            days.add(observed(LocalDate.of(year, 6, 19)));
        }
        days.add(observed(LocalDate.of(year, 7, 4)));
        days.add(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
        days.add(thanksgiving(year));
        days.add(observed(LocalDate.of(year, 12, 25)));
        return Set.copyOf(days);
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate thanksgiving(int year) {
        return nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
    }

    private static LocalDate nthWeekday(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
