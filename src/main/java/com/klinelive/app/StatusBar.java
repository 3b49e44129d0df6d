package com.klinelive.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The strip under the chart: transport badge, connection state, round trip, rate, rejections, staleness. */
final class StatusBar extends HBox {

    static final String STYLE = "status-bar";
    static final String BADGE = "transport-badge";
    static final String HEALTHY = "healthy";
    static final String WARNING = "warning";

    final Label transport = new Label();
    final Label state = new Label();
    final Label stale = new Label();
    final Label message = new Label();

    StatusBar(StatusViewModel model) {
        getStyleClass().add(STYLE);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(14);
        setPadding(new Insets(3, 10, 3, 10));

        transport.getStyleClass().add(BADGE);
        transport.textProperty().bind(model.transportProperty());
        model.healthyProperty()
                .addListener((obs, was, is) ->
                        transport.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(HEALTHY), is));
        state.textProperty().bind(model.stateProperty());
        state.setId("feed-state");
        Label feed = new Label();
        feed.setId("feed-name");
        feed.textProperty().bind(model.feedProperty());
        Label rtt = new Label();
        rtt.textProperty().bind(model.roundTripProperty());
        Label rate = new Label();
        rate.setId("tick-rate");
        rate.textProperty().bind(model.rateProperty());
        Label rejected = new Label();
        rejected.setId("rejected");
        rejected.textProperty().bind(model.rejectedProperty());
        stale.getStyleClass().add(WARNING);
        stale.setId("stale");
        stale.textProperty().bind(model.staleProperty());
        stale.visibleProperty().bind(model.staleProperty().isNotEmpty());
        stale.managedProperty().bind(stale.visibleProperty());
        message.getStyleClass().add(WARNING);
        message.setId("status-message");
        message.textProperty().bind(model.messageProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(transport, state, stale, message, spring, feed, rtt, rate, rejected);
    }
}
