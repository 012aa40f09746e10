package coder.notifications.templates;

import coder.notifications.delivery.Action;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.loader.StringLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders templates (Pebble) to Markdown, and Markdown (CommonMark) to plain text and HTML. Every value that
 * comes from an event or a user is escaped for where it lands (Markdown text, a URL, a plain label), so it
 * renders as literal text; only the access URL, which the operator configured, is trusted.
 */
@ApplicationScoped
public class TemplateRenderer {

    private final PebbleEngine markdownEngine = engine("markdown", new MarkdownEscaping());
    private final PebbleEngine urlEngine = engine("url", new UrlEscaping());
    private final PebbleEngine labelEngine = engine("label", TemplateRenderer::oneLine);
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer html =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder()
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
            .build();

    /** The template's Markdown for this message. */
    public String markdown(String template, RenderContext context) {
        return render(markdownEngine, template, context).strip();
    }

    /** The body as delivered: the greeting with the recipient's name, then the template's Markdown. */
    public String bodyMarkdown(String template, RenderContext context) {
        return "Hi " + new MarkdownEscaping().escape(context.userName()) + "\n\n" + markdown(template, context);
    }

    /** The text on one line: every kind of line break becomes a space, so a value can never start a new line. */
    public static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }

    /** The actions with labels and URLs filled in; an action whose URL is not http(s) is dropped. */
    public List<Action> actions(List<Action> templates, RenderContext context) {
        var actions = new ArrayList<Action>();
        for (var action : templates) {
            var url = render(urlEngine, action.url(), context).strip();
            if (url.startsWith("http://") || url.startsWith("https://")) {
                actions.add(
                        new Action(render(labelEngine, action.label(), context).strip(), url));
            }
        }
        return actions;
    }

    public String plainText(String markdown) {
        return text.render(parser.parse(markdown)).strip();
    }

    public String html(String markdown) {
        return html.render(parser.parse(markdown));
    }

    private static String render(PebbleEngine engine, String template, RenderContext context) {
        var output = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(output, variables(context));
        } catch (PebbleException | IOException e) {
            throw new IllegalStateException("the template cannot be rendered: " + e.getMessage(), e);
        }
        return output.toString();
    }

    private static Map<String, Object> variables(RenderContext context) {
        var variables = new HashMap<String, Object>();
        variables.put("user_name", context.userName());
        variables.put("user_username", context.userUsername());
        variables.put("user_email", context.userEmail());
        variables.put("labels", context.labels());
        variables.put("data", context.data());
        variables.put("access_url", new SafeString(context.accessUrl()));
        return variables;
    }

    private static PebbleEngine engine(
            String name, io.pebbletemplates.pebble.extension.escaper.EscapingStrategy strategy) {
        return new PebbleEngine.Builder()
                .loader(new StringLoader())
                .autoEscaping(true)
                .addEscapingStrategy(name, strategy)
                .defaultEscapingStrategy(name)
                .newLineTrimming(false)
                .strictVariables(false)
                .build();
    }

    /** Data of an event as plain Java values for templates. */
    public static Map<String, Object> dataOf(JsonObject data) {
        var values = new HashMap<String, Object>();
        data.forEach((key, value) ->
                values.put(key, value instanceof jakarta.json.JsonString text ? text.getString() : value.toString()));
        return values;
    }
}
