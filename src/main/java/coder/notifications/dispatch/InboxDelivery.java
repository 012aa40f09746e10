package coder.notifications.dispatch;

import coder.notifications.config.NotifierSettings;
import coder.notifications.inbox.InboxStore;
import coder.notifications.inbox.NewItem;
import coder.notifications.messages.LeasedMessage;
import coder.notifications.messages.MessageStore;
import coder.notifications.messages.Result;
import coder.notifications.templates.TemplateCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The inbox lane's transactions ({@link InboxLane}), one per call: takes inbox messages (locked, not leased), renders
 * them exactly as the notifier renders any message ({@link MessageDispatcher}), stores their items and writes their
 * results, all or nothing. A message whose item exists already (delivered before its result was written) adds no second item.
 */
@ApplicationScoped
@Transactional
public class InboxDelivery {

    /**
     * What a transaction did: the messages it took, the result of each (in the same order), those of them that were
     * rendered and stored (attempts, for the metrics), the items stored now, and how many results it wrote.
     */
    public record Done(
            List<LeasedMessage> taken,
            List<Result> results,
            List<LeasedMessage> attempted,
            List<NewItem> stored,
            int written) {

        static final Done NOTHING = new Done(List.of(), List.of(), List.of(), List.of(), 0);
    }

    @Inject
    MessageStore messages;

    @Inject
    InboxStore items;

    @Inject
    TemplateCache templates;

    @Inject
    MessageDispatcher dispatcher;

    @Inject
    NotifierSettings settings;

    /** Delivers up to {@code count} of the oldest sendable inbox messages; tells {@code taken} their ids first. */
    public Done deliver(int count, Consumer<List<UUID>> taken) {
        var batch = messages.takeInbox(count, settings.maxSendAttempts());
        taken.accept(batch.stream().map(LeasedMessage::id).toList());
        return store(batch);
    }

    /** Delivers the inbox message {@code id} alone, if it is still sendable and no other lane holds it. */
    public Done deliverOne(UUID id) {
        return store(messages.takeInboxMessage(id, settings.maxSendAttempts()));
    }

    /**
     * Counts a failed attempt against the inbox message {@code id} (a retry after the retry interval, or a permanent
     * failure on its last attempt), with the reason; nothing if it is no longer sendable or another lane holds it.
     */
    public Done fail(UUID id, String reason) {
        var taken = messages.takeInboxMessage(id, settings.maxSendAttempts());
        var results =
                taken.stream().map(message -> Result.retryable(message, reason)).toList();
        return new Done(taken, results, taken, List.of(), record(results));
    }

    private Done store(List<LeasedMessage> taken) {
        if (taken.isEmpty()) {
            return Done.NOTHING;
        }
        var byId = templates.byIds(
                taken.stream().map(LeasedMessage::templateId).distinct().toList());
        var results = new ArrayList<Result>(taken.size());
        var attempted = new ArrayList<LeasedMessage>(taken.size());
        var rendered = new ArrayList<NewItem>(taken.size());
        for (var message : taken) {
            var template = byId.get(message.templateId());
            var decided = dispatcher.decidedBeforeSending(message, template);
            if (decided.isPresent()) {
                results.add(decided.get());
                continue;
            }
            attempted.add(message);
            var rendering = dispatcher.render(message, template);
            if (rendering instanceof MessageDispatcher.Rendering.Failed failed) {
                results.add(failed.result());
                continue;
            }
            rendered.add(NewItem.of(((MessageDispatcher.Rendering.Rendered) rendering).notification()));
            results.add(Result.sent(message));
        }
        Set<UUID> stored = rendered.isEmpty() ? Set.of() : items.writeAll(rendered);
        var storedNow =
                rendered.stream().filter(item -> stored.contains(item.id())).toList();
        return new Done(taken, results, attempted, storedNow, record(results));
    }

    private int record(List<Result> results) {
        return messages.recordTaken(results, settings.maxSendAttempts(), settings.retryInterval());
    }
}
