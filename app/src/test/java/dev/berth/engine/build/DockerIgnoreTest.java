package dev.berth.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code .dockerignore} matching, case by case as the docker CLI documents and implements it. */
class DockerIgnoreTest {

    @Test
    void starStopsAtSlashAndDoubleStarSpansFolders() {
        DockerIgnore ignore = DockerIgnore.parse("*/temp*\n*/*/temp*\n**/*.log\ntemp?\n");

        assertThat(ignore.excludes("somedir/temporary.txt")).isTrue();
        assertThat(ignore.excludes("somedir/temp")).isTrue();
        assertThat(ignore.excludes("somedir/subdir/temporary.txt")).isTrue();
        assertThat(ignore.excludes("temporary.txt")).isFalse();
        assertThat(ignore.excludes("tempa")).isTrue();
        assertThat(ignore.excludes("tempab")).isFalse();
        assertThat(ignore.excludes("a/b/c/debug.log")).isTrue();
        assertThat(ignore.excludes("debug.log")).isTrue();
        assertThat(ignore.excludes("debug.log.txt")).isFalse();
    }

    @Test
    void theLastMatchingLineWinsSoExceptionsBringFilesBack() {
        DockerIgnore ignore = DockerIgnore.parse("*.md\n!README*.md\nREADME-secret.md\n");

        assertThat(ignore.excludes("notes.md")).isTrue();
        assertThat(ignore.excludes("README.md")).isFalse();
        assertThat(ignore.excludes("README-secret.md")).isTrue();
    }

    @Test
    void aMatchingParentFolderExcludesEverythingInside() {
        DockerIgnore ignore = DockerIgnore.parse("# build output\n/target\nnode_modules\n\n./docs/../tmp\n");

        assertThat(ignore.excludes("target")).isTrue();
        assertThat(ignore.excludes("target/classes/App.class")).isTrue();
        assertThat(ignore.excludes("node_modules/x/index.js")).isTrue();
        assertThat(ignore.excludes("tmp/cache")).isTrue();
        assertThat(ignore.excludes("src/target")).isFalse();
        assertThat(ignore.excludes("docs/index.md")).isFalse();
    }

    @Test
    void anExcludedFolderIsWalkedOnlyWhenAnExceptionPointsInside() {
        DockerIgnore ignore = DockerIgnore.parse("build\n!build/keep.txt\nlogs\n");

        assertThat(ignore.excludes("build/other")).isTrue();
        assertThat(ignore.excludes("build/keep.txt")).isFalse();
        assertThat(ignore.mayIncludeInside("build")).isTrue();
        assertThat(ignore.mayIncludeInside("logs")).isFalse();
    }

    @Test
    void charactersWithoutGlobMeaningMatchThemselves() {
        DockerIgnore ignore = DockerIgnore.parse("a+b(1).txt\n[xy]z\n[!q]w\nlit\\*\n");

        assertThat(ignore.excludes("a+b(1).txt")).isTrue();
        assertThat(ignore.excludes("aab(1)xtxt")).isFalse();
        assertThat(ignore.excludes("xz")).isTrue();
        assertThat(ignore.excludes("qz")).isFalse();
        assertThat(ignore.excludes("rw")).isTrue();
        assertThat(ignore.excludes("qw")).isFalse();
        assertThat(ignore.excludes("lit*")).isTrue();
        assertThat(ignore.excludes("literal")).isFalse();
    }

    @Test
    void keepingAddsExceptionsOnlyForExcludedPaths() {
        DockerIgnore ignore = DockerIgnore.parse("*\n").keeping("Dockerfile", ".dockerignore");

        assertThat(ignore.excludes("Dockerfile")).isFalse();
        assertThat(ignore.excludes(".dockerignore")).isFalse();
        assertThat(ignore.excludes("app.jar")).isTrue();
        assertThat(DockerIgnore.none().keeping("Dockerfile").isEmpty()).isTrue();
    }

    @Test
    void badPatternsAreReported() {
        assertThatThrownBy(() -> DockerIgnore.parse("!\n")).hasMessageContaining("illegal exclusion pattern");
        assertThatThrownBy(() -> DockerIgnore.parse("[abc\n")).hasMessageContaining("unterminated character class");
    }
}
