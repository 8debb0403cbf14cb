package io.localpack.vmm.service;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/** VMM.ServicingWindow: when a service may be serviced. All members are nullable; a service without one reads all-null. */
@Embeddable
public class ServicingWindow {

    @Column(name = "sw_category")
    private String category;
    @Column(name = "sw_name")
    private String name;
    @Column(name = "sw_description")
    private String description;
    @Column(name = "sw_owner")
    private String owner;
    @Column(name = "sw_time_zone")
    private Integer timeZone;
    @Column(name = "sw_start_date")
    private OffsetDateTime startDate;
    @Column(name = "sw_start_time_of_day")
    private String startTimeOfDay;
    @Column(name = "sw_weekly_schedule_day_of_week")
    private String weeklyScheduleDayOfWeek;
    @Column(name = "sw_monthly_schedule_day_of_week")
    private String monthlyScheduleDayOfWeek;
    @Column(name = "sw_day_of_month")
    private String dayOfMonth;
    @Column(name = "sw_week_of_month")
    private String weekOfMonth;
    @Column(name = "sw_days_to_recur")
    private Integer daysToRecur;
    @Column(name = "sw_months_to_recur")
    private Integer monthsToRecur;
    @Column(name = "sw_weeks_to_recur")
    private Integer weeksToRecur;
    @Column(name = "sw_minutes_duration")
    private Integer minutesDuration;
    @Column(name = "sw_schedule_type")
    private String scheduleType;

    public String getCategory() {
        return category;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getOwner() {
        return owner;
    }

    public Integer getTimeZone() {
        return timeZone;
    }

    public OffsetDateTime getStartDate() {
        return startDate;
    }

    public String getStartTimeOfDay() {
        return startTimeOfDay;
    }

    public String getWeeklyScheduleDayOfWeek() {
        return weeklyScheduleDayOfWeek;
    }

    public String getMonthlyScheduleDayOfWeek() {
        return monthlyScheduleDayOfWeek;
    }

    public String getDayOfMonth() {
        return dayOfMonth;
    }

    public String getWeekOfMonth() {
        return weekOfMonth;
    }

    public Integer getDaysToRecur() {
        return daysToRecur;
    }

    public Integer getMonthsToRecur() {
        return monthsToRecur;
    }

    public Integer getWeeksToRecur() {
        return weeksToRecur;
    }

    public Integer getMinutesDuration() {
        return minutesDuration;
    }

    public String getScheduleType() {
        return scheduleType;
    }
}
