package coder.notifications.incontainer;

import jakarta.enterprise.inject.spi.Extension;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive an in-container test runs in: the WAR the build packaged (every class, library, migration and
 * template of the service), plus the test class, what this package offers, and the extension that keeps the
 * notifier idle. The server adds its "database" library, as for the real application.
 */
public final class Deployments {

    private Deployments() {}

    public static WebArchive service(Class<?>... tests) {
        // A name of its own for each test class: the server never sees the same application stop and start again.
        var war = ShrinkWrap.create(ZipImporter.class, "incontainer-" + tests[0].getSimpleName() + ".war")
                .importFrom(new File("target/coder-notifications.war"))
                .as(WebArchive.class);
        // What the tests share inside the container (not DatabaseBeforeServer: it runs in the test JVM).
        war.addClasses(Rows.class, Transactions.class, Persistence.class, IdleNotifier.class, Deployments.class);
        war.addClasses(tests);
        war.addAsServiceProvider(Extension.class, IdleNotifier.class);
        // A portable extension without beans.xml would make the archive no bean archive at all (CDI 4.0, 12.1):
        // say explicitly what the service relies on, discovery of annotated beans.
        war.addAsWebInfResource(
                new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                        + " bean-discovery-mode=\"annotated\"/>"),
                "beans.xml");
        return war;
    }
}
