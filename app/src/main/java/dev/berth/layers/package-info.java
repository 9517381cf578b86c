/**
 * Layer analysis: how an image is built, what each layer changes, how much space is wasted, how two
 * images differ and why a build missed the cache. Reads the engine's {@code docker save} stream once,
 * keeps a compact index per layer and never writes a file. No JavaFX here.
 */
package dev.berth.layers;
