package dev.berth.app.layers;

import dev.berth.app.common.AppServices;
import dev.berth.engine.build.Dockerfile;
import dev.berth.layers.Advice;
import dev.berth.layers.DockerfileAdvisor;
import dev.berth.layers.DockerfileSteps;
import dev.berth.layers.ImageAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Advice on the image and, once one is in use, its Dockerfile, whose lines the steps then name. */
final class AdviceModel {

    private final AppServices services;
    private final ReadOnlyObjectProperty<ImageAnalysis> analysis;
    private final ObservableList<Advice> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> dockerfile = new ReadOnlyObjectWrapper<>(this, "dockerfile");
    private final ReadOnlyObjectWrapper<List<Dockerfile.Instruction>> stepLines =
            new ReadOnlyObjectWrapper<>(this, "stepLines", List.of());
    private Dockerfile parsedDockerfile;

    AdviceModel(AppServices services, ReadOnlyObjectProperty<ImageAnalysis> analysis) {
        this.services = services;
        this.analysis = analysis;
    }

    /** Reads a Dockerfile so advice and steps can name its lines. */
    void useDockerfile(Path path) {
        if (path == null) {
            return;
        }
        services.executor().submit(() -> Dockerfile.parse(Files.readString(path)), df -> {
            parsedDockerfile = df;
            dockerfile.set(path);
            refresh();
        }, e -> services.notifier().error("Cannot read " + path, e));
    }

    /** Advises again; a no-op until the image has been read. */
    void refresh() {
        ImageAnalysis a = analysis.get();
        if (a == null) {
            return;
        }
        Dockerfile df = parsedDockerfile;
        services.executor().submit(() -> new Advised(DockerfileAdvisor.advise(a, df),
                df == null ? List.<Dockerfile.Instruction>of() : new ArrayList<>(DockerfileSteps.linesOf(df, a.steps()))), result -> {
                    items.setAll(result.advice());
                    stepLines.set(result.lines());
                }, e -> services.notifier().error("Cannot give advice", e));
    }

    ObservableList<Advice> items() {
        return items;
    }

    ReadOnlyObjectProperty<Path> dockerfileProperty() {
        return dockerfile.getReadOnlyProperty();
    }

    /** One Dockerfile line per step (null for the base image's), once a Dockerfile is in use. */
    ReadOnlyObjectProperty<List<Dockerfile.Instruction>> stepLinesProperty() {
        return stepLines.getReadOnlyProperty();
    }

    private record Advised(List<Advice> advice, List<Dockerfile.Instruction> lines) {
    }
}
