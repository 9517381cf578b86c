package dev.berth.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that runs against the real engine: before its tests the shared engine is
 * connected (the class fails if none answers) and the busybox test image exists; afterwards every
 * container this run created is removed. Use {@link TestEngine#shared()} in the tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealEngine.Extension.class)
public @interface RealEngine {

    /** The lifecycle behind {@link RealEngine}. */
    final class Extension implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            TestImages.busybox(TestEngine.shared());
        }

        @Override
        public void afterAll(ExtensionContext context) {
            TestResources.removeAll(TestEngine.shared());
        }
    }
}
