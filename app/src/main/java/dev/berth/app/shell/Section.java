package dev.berth.app.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The sidebar's entries, in order. */
public enum Section {
    CONTAINERS("Containers", Material2AL.INBOX),
    IMAGES("Images", Material2AL.LAYERS),
    VOLUMES("Volumes", Material2MZ.STORAGE),
    NETWORKS("Networks", Material2AL.DEVICE_HUB),
    COMPOSE("Compose", Material2AL.ACCOUNT_TREE),
    SYSTEM("System", Material2AL.INFO);

    private final String title;
    private final Ikon icon;

    Section(String title, Ikon icon) {
        this.title = title;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    /** Node id of its sidebar button, e.g. {@code nav-containers}. */
    public String navId() {
        return "nav-" + name().toLowerCase();
    }
}
