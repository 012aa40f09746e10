package coder.notifications.pages;

import coder.notifications.config.InboxSettings;
import coder.notifications.config.Method;
import coder.notifications.config.MethodReadiness;
import coder.notifications.config.NotifierSettings;
import coder.notifications.templates.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** How a template reaches people, in their words: "Webhook · Inbox", "Email", "Inbox". */
@ApplicationScoped
public class MethodWords {

    @Inject
    NotifierSettings notifier;

    @Inject
    InboxSettings inbox;

    /**
     * The template's own method or the deployment's, and the inbox beside it while the inbox is on (as the
     * preference center and the console's trace show it).
     */
    public String of(Template template) {
        var delivered = template.method()
                .filter(own -> own != Method.inbox || inbox.enabled())
                .orElse(notifier.method());
        if (delivered == Method.inbox) {
            return "Inbox";
        }
        var word = MethodReadiness.word(delivered);
        var shown = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        return inbox.enabled() ? shown + " · Inbox" : shown;
    }
}
