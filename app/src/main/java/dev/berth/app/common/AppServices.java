package dev.berth.app.common;

import dev.berth.app.concurrent.BackgroundExecutor;
import dev.berth.engine.Engine;

/** What every view needs: the engine facade, the background executor and the notifier. */
public record AppServices(Engine engine, BackgroundExecutor executor, Notifier notifier) {
}
