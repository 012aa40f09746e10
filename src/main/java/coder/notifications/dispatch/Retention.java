package coder.notifications.dispatch;

import coder.notifications.config.CoderDuration;
import coder.notifications.config.InboxSettings;
import coder.notifications.inbox.InboxStore;
import coder.notifications.lifecycle.NotifierLog;
import coder.notifications.messages.ActivityStore;
import coder.notifications.messages.MessageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Deletes messages whose last change is older than seven days, in batches, one replica at a time; inbox items older
 * than CODER_NOTIFICATIONS_INBOX_RETENTION; and audit entries older than 90 days.
 */
@ApplicationScoped
public class Retention {

    static final Duration KEEP = Duration.ofDays(7);
    static final int BATCH = 1000;
    static final Duration FIRST_RUN = Duration.ofSeconds(10);
    static final Duration EVERY = Duration.ofMinutes(10);

    @Inject
    MessageStore messages;

    @Inject
    NotifierLog log;

    @Inject
    coder.notifications.audit.AuditStore audit;

    @Inject
    InboxStore inbox;

    @Inject
    ActivityStore activity;

    @Inject
    InboxSettings inboxSettings;

    public void purge() {
        int deleted;
        int total = 0;
        do {
            deleted = messages.purge(KEEP, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("purged " + total + " messages older than " + KEEP.toDays() + " days");
        }
        var items = 0;
        do {
            deleted = inbox.purge(inboxSettings.retention(), BATCH);
            items += deleted;
        } while (deleted == BATCH);
        if (items > 0) {
            log.info("purged " + items + " inbox items older than " + CoderDuration.format(inboxSettings.retention()));
        }
        // The overview's counters outlive the messages they counted by a day: its weekly chart stays whole.
        activity.purge();
        var entries = audit.purge();
        if (entries > 0) {
            log.info("purged " + entries + " audit entries older than 90 days");
        }
    }
}
