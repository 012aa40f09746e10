package coder.notifications.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coder.notifications.delivery.Action;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    static final String TITLE = "Workspace \"{{ labels.name }}\" deleted";
    static final String BODY = """
            Your workspace **{{ labels.name }}** was deleted.
            The specified reason was "**{{ labels.reason }}{% if labels.initiator %} ({{ labels.initiator }}){% endif %}**".""";

    final TemplateRenderer renderer = new TemplateRenderer();

    static RenderContext context(Map<String, String> labels) {
        return new RenderContext("danny", "danny", "danny@example.com", labels, Map.of(), "https://coder.example.com");
    }

    @Test
    void theReferenceRenderingOfWorkspaceDeleted() {
        var context = context(Map.of("name", "my-workspace", "reason", "initiated by user", "initiator", "danny"));
        assertEquals("Workspace \"my-workspace\" deleted", renderer.plainText(renderer.markdown(TITLE, context)));
        var body = "Hi danny\n\n" + renderer.markdown(BODY, context);
        assertEquals(
                "Hi danny\n\nYour workspace my-workspace was deleted.\nThe specified reason was \"initiated by user (danny)\".",
                renderer.plainText(body));
    }

    @Test
    void aMissingOptionalLabelLeavesNoStrayPunctuation() {
        var context = context(Map.of("name", "w", "reason", "autodeleted due to dormancy"));
        assertEquals(
                "Your workspace w was deleted.\nThe specified reason was \"autodeleted due to dormancy\".",
                renderer.plainText(renderer.markdown(BODY, context)));
    }

    @Test
    void markdownInALabelIsLiteralText() {
        var context = context(Map.of(
                "name", "[x](http://evil) *bold* <b>tag</b> `code`", "reason", "# heading", "initiator", "- item"));
        var markdown = renderer.markdown(BODY, context);
        var html = renderer.html(markdown);
        assertFalse(html.contains("href"), html);
        assertFalse(
                html.contains("<b>") || html.contains("<em>") || html.contains("<code>") || html.contains("<h1>"),
                html);
        var text = renderer.plainText(markdown);
        assertTrue(text.contains("[x](http://evil) *bold* <b>tag</b> `code`"), text);
        assertTrue(text.contains("# heading (- item)"), text);
    }

    @Test
    void htmlInALabelIsEscaped() {
        var html = renderer.html(
                renderer.markdown(BODY, context(Map.of("name", "<script>alert(1)</script>", "reason", "x"))));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void lineBreaksInALabelCannotStartNewBlocks() {
        var markdown = renderer.markdown(
                "{{ labels.custom_message }}",
                context(Map.of("custom_message", "line one\r\n# not a heading\n- not a list")));
        var html = renderer.html(markdown);
        assertFalse(html.contains("<h1>") || html.contains("<li>"), html);
        assertEquals("line one # not a heading - not a list", renderer.plainText(markdown));
    }

    @Test
    void aLabelAtTheStartOfALineCannotOpenABlock() {
        for (var value : new String[] {"# title", "- item", "1. first", "> quote", "=== ", "+ plus"}) {
            var html = renderer.html(
                    renderer.markdown("{{ labels.custom_message }}", context(Map.of("custom_message", value))));
            assertTrue(html.startsWith("<p>"), value + " became " + html);
        }
    }

    @Test
    void templateSyntaxInALabelIsNotEvaluated() {
        var markdown = renderer.markdown(
                BODY, context(Map.of("name", "{{ user_email }} {% if true %}x{% endif %}", "reason", "r")));
        assertTrue(renderer.plainText(markdown).contains("{{ user_email }} {% if true %}x{% endif %}"), markdown);
    }

    @Test
    void actionUrlsEscapeLabelsAndKeepTheAccessUrl() {
        var actions = renderer.actions(
                List.of(
                        new Action("View workspace", "{{ access_url }}/@{{ user_username }}/{{ labels.name }}"),
                        new Action("Bad", "{{ labels.name }}")),
                context(Map.of("name", "../../evil?x=1 y")));
        assertEquals(1, actions.size());
        assertEquals(
                "https://coder.example.com/@danny/..%2F..%2Fevil%3Fx%3D1%20y",
                actions.get(0).url());
        assertEquals("View workspace", actions.get(0).label());
    }
}
