package dev.berth.app.networks;

import java.util.Map;

/**
 * What the create form collected: checked already.
 *
 * @param subnet  CIDR range, blank for the engine's pick
 * @param gateway an address in the subnet, blank for the engine's pick
 */
record NetworkForm(String name, String driver, String subnet, String gateway, boolean internal, boolean attachable,
                   Map<String, String> labels) {

    NetworkForm {
        labels = Map.copyOf(labels);
    }
}
