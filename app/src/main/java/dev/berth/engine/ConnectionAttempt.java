package dev.berth.engine;

/** One endpoint Berth tried and the plain reason it did not answer. */
public record ConnectionAttempt(EngineEndpoint endpoint, String failure) {
}
