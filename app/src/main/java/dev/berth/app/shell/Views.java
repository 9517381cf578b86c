package dev.berth.app.shell;

import dev.berth.app.common.AppServices;
import dev.berth.app.compose.ComposeView;
import dev.berth.app.containers.ContainersView;
import dev.berth.app.images.ImagesView;
import dev.berth.app.networks.NetworksView;
import dev.berth.app.system.SystemView;
import dev.berth.app.volumes.VolumesView;

/** Which view each sidebar section opens. */
final class Views {

    private Views() {
    }

    static View create(Section section, AppServices services) {
        return switch (section) {
            case CONTAINERS -> new ContainersView(services);
            case IMAGES -> new ImagesView(services);
            case VOLUMES -> new VolumesView(services);
            case NETWORKS -> new NetworksView(services);
            case COMPOSE -> new ComposeView(services);
            case SYSTEM -> new SystemView(services);
        };
    }
}
