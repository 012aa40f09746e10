package coder.notifications.delivery.smtp;

import coder.notifications.delivery.Notification;

/**
 * The two bodies of an email: a greeting, the rendered body, one line (text) or button (HTML) per action, and
 * a footer linking to the recipient's notification settings and to the one-click unsubscribe of this template.
 */
public final class EmailBody {

    private EmailBody() {}

    public static String text(Notification notification) {
        var text = new StringBuilder("Hi ")
                .append(notification.recipientName())
                .append(",\n\n")
                .append(withoutGreeting(notification.body()))
                .append("\n\n");
        var actions = notification.payload().actions();
        for (var action : actions) {
            text.append(action.label()).append(": ").append(action.url()).append('\n');
        }
        return text.append(actions.isEmpty() ? "--\n" : "\n--\n")
                .append("Manage your notification settings: ")
                .append(notification.settingsUrl())
                .append('\n')
                .append("Stop receiving emails like this: ")
                .append(notification.unsubscribeUrl())
                .append('\n')
                .toString();
    }

    public static String html(Notification notification) {
        var buttons = new StringBuilder();
        for (var action : notification.payload().actions()) {
            buttons.append("<a href=\"")
                    .append(escape(action.url()))
                    .append(
                            "\" style=\"display:inline-block;margin:4px;padding:10px 20px;background:#18181b;color:#fff;"
                                    + "border-radius:8px;text-decoration:none\">")
                    .append(escape(action.label()))
                    .append("</a>\n");
        }
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="UTF-8"><title>%s</title></head>
                <body style="font-family:Inter,Arial,sans-serif;color:#18181b;max-width:600px;margin:auto;padding:24px">
                <h1 style="font-size:20px;font-weight:500;text-align:center">%s</h1>
                <p>Hi %s,</p>
                %s
                <div style="text-align:center;margin:24px 0">
                %s</div>
                <p style="font-size:12px;color:#71717a;text-align:center">
                <a href="%s" style="color:#2563eb">Manage your notification settings</a> ·
                <a href="%s" style="color:#2563eb">Stop receiving emails like this</a></p>
                </body></html>
                """.formatted(
                        escape(notification.title()),
                        escape(notification.title()),
                        escape(notification.recipientName()),
                        withoutGreetingHtml(notification.bodyHtml()),
                        buttons,
                        escape(notification.settingsUrl()),
                        escape(notification.unsubscribeUrl()));
    }

    /** The notification's body begins with the webhook's greeting ("Hi name"); the email has its own. */
    private static String withoutGreeting(String body) {
        return body.startsWith("Hi ") && body.contains("\n\n") ? body.substring(body.indexOf("\n\n") + 2) : body;
    }

    private static String withoutGreetingHtml(String html) {
        return html.startsWith("<p>Hi ")
                ? html.substring(html.indexOf("</p>") + 4).strip()
                : html;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
