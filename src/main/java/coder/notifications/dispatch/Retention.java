package coder.notifications.dispatch;

import coder.notifications.messages.MessageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** Deletes messages whose last change is older than seven days, in batches, one replica at a time. */
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
    }
}
