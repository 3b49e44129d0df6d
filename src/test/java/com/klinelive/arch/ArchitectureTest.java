package com.klinelive.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/ARCHITECTURE.md: one job per package, dependencies one way, data packages free of
 * JavaFX, and only the app wiring concrete transports.
 */
@AnalyzeClasses(packages = "com.klinelive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String JAVA = "java..";

    @ArchTest
    static final ArchRule modelUsesOnlyTheJdk = classes()
            .that()
            .resideInAPackage("com.klinelive.model..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(JAVA, "com.klinelive.model..");

    @ArchTest
    static final ArchRule candleUsesOnlyTheModel = classes()
            .that()
            .resideInAPackage("com.klinelive.candle..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(JAVA, "com.klinelive.model..", "com.klinelive.candle..");

    @ArchTest
    static final ArchRule alertsAreCheckedWithTheJdkAlone = classes()
            .that()
            .resideInAPackage("com.klinelive.alert..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(JAVA, "com.klinelive.alert..");

    @ArchTest
    static final ArchRule workspaceIsDataAndItsFile = classes()
            .that()
            .resideInAPackage("com.klinelive.workspace..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(JAVA, "com.klinelive.workspace..", "com.klinelive.alert..", "com.google.gson..");

    @ArchTest
    static final ArchRule cacheKnowsOnlyCandlesAndSqlite = classes()
            .that()
            .resideInAPackage("com.klinelive.cache..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    JAVA,
                    "com.klinelive.model..",
                    "com.klinelive.candle..",
                    "com.klinelive.cache..",
                    "org.sqlite..",
                    "org.slf4j..");

    /** Scroll-back joins the cache and the feed client: it knows their APIs, never a format, transport or the UI. */
    @ArchTest
    static final ArchRule scrollBackKnowsOnlyCandlesTheCacheAndTheFeedClient = classes()
            .that()
            .resideInAPackage("com.klinelive.scrollback..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    JAVA,
                    "com.klinelive.model..",
                    "com.klinelive.candle..",
                    "com.klinelive.cache..",
                    "com.klinelive.feed",
                    "com.klinelive.scrollback..",
                    "org.slf4j..");

    @ArchTest
    static final ArchRule recordingKnowsOnlyCandles = classes()
            .that()
            .resideInAPackage("com.klinelive.recording..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    JAVA,
                    "com.klinelive.model..",
                    "com.klinelive.candle..",
                    "com.klinelive.recording..",
                    "org.slf4j..");

    @ArchTest
    static final ArchRule protocolDoesNoIoAndKnowsOnlyTheModel = classes()
            .that()
            .resideInAPackage("com.klinelive.feed.protocol..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    JAVA, "com.klinelive.model..", "com.klinelive.feed.protocol..", "com.google.gson..", "org.slf4j..")
            .andShould()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackages("java.net..", "java.nio.channels..", "java.nio.file..");

    @ArchTest
    static final ArchRule transportContractKnowsOnlyTheJdk = classes()
            .that()
            .resideInAPackage("com.klinelive.feed.transport")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(JAVA, "javax.net.ssl..", "com.klinelive.feed.transport");

    @ArchTest
    static final ArchRule restHelperKnowsOnlyHttpAndJson = classes()
            .that()
            .resideInAPackage("com.klinelive.feed.rest")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    JAVA,
                    "com.klinelive.feed.rest",
                    "com.klinelive.feed.transport",
                    "com.google.gson..",
                    "org.slf4j..");

    /** The format SPI and every format: wire knowledge, REST and the model; never the client or the app. */
    @ArchTest
    static final ArchRule formatsUseOnlyProtocolRestAndModel = classes()
            .that()
            .resideInAPackage("com.klinelive.feed.format..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    JAVA,
                    "javax.net.ssl..",
                    "com.klinelive.model..",
                    "com.klinelive.feed.protocol..",
                    "com.klinelive.feed.rest..",
                    "com.klinelive.feed.transport..",
                    "com.klinelive.feed.format..",
                    // The socket.io client: the transport the socketio format brings along.
                    "com.klinelive.feed.socketio..",
                    "com.google.gson..",
                    "org.slf4j..");

    /**
     * A format is one package: it does not reach into another format's. Two exceptions: socketio reads its events
     * with json's field mapping, the same mapping a plain JSON feed uses; and the exchange formats share
     * {@code feed.format.exchange} (strict REST reading, paging, candles), which names no format.
     */
    @ArchTest
    static final ArchRule formatsNeverUseEachOther = slices().matching("com.klinelive.feed.format.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(
                    resideInAPackage("com.klinelive.feed.format.socketio.."),
                    resideInAPackage("com.klinelive.feed.format.json.."))
            .ignoreDependency(
                    DescribedPredicate.alwaysTrue(),
                    JavaClass.Predicates.resideInAPackage("com.klinelive.feed.format.exchange.."));

    /** The mapped JSON decoder reads text: no I/O. */
    @ArchTest
    static final ArchRule mappedJsonDoesNoIo = noClasses()
            .that()
            .resideInAPackage("com.klinelive.feed.format.json..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net..", "java.nio.channels..", "java.nio.file..");

    /** The socket.io client is a transport: it hands on text and knows no format. */
    @ArchTest
    static final ArchRule socketIoIsATransportThatKnowsNoFormat = classes()
            .that()
            .resideInAPackage("com.klinelive.feed.socketio..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    JAVA,
                    "javax.net.ssl..",
                    "com.klinelive.feed.transport..",
                    "com.klinelive.feed.socketio..",
                    "org.java_websocket..",
                    "com.google.gson..",
                    "org.slf4j..");

    /** What the exchange formats share knows none of them. */
    @ArchTest
    static final ArchRule exchangeSharedCodeNamesNoFormat = noClasses()
            .that()
            .resideInAPackage("com.klinelive.feed.format.exchange..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.klinelive.feed.format.binance..",
                    "com.klinelive.feed.format.coinbase..",
                    "com.klinelive.feed.format.okx..",
                    "com.klinelive.feed.format.bybit..",
                    "com.klinelive.feed.format.kraken..",
                    "com.klinelive.feed.format.klinelive..");

    /** The SPI knows no concrete format: they are found through the registry (ServiceLoader) only. */
    @ArchTest
    static final ArchRule noCodeNamesAConcreteFormat = noClasses()
            .that()
            .resideOutsideOfPackages("com.klinelive.feed.format.*..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.klinelive.feed.format.*..");

    @ArchTest
    static final ArchRule scaleIsPureMaths = classes()
            .that()
            .resideInAPackage("com.klinelive.chart.scale..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(JAVA, "com.klinelive.model..", "com.klinelive.chart.scale..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule indicatorsArePureMaths = classes()
            .that()
            .resideInAPackage("com.klinelive.chart.indicator..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(JAVA, "com.klinelive.model..", "com.klinelive.chart.indicator..");

    @ArchTest
    static final ArchRule chartTypesKnowOnlyTheirInputsNotTheControl = classes()
            .that()
            .resideInAPackage("com.klinelive.chart.type..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    JAVA,
                    "javafx..",
                    "com.klinelive.model..",
                    "com.klinelive.chart.scale..",
                    "com.klinelive.chart.indicator..",
                    "com.klinelive.chart.type..");

    @ArchTest
    static final ArchRule drawingToolsKnowOnlyTheirPointsNotTheControl = classes()
            .that()
            .resideInAPackage("com.klinelive.chart.drawing..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(JAVA, "javafx..", "com.klinelive.chart.scale..", "com.klinelive.chart.drawing..");

    /** FX helpers the chart and the app share (timers that do not keep JavaFX pulsing): JavaFX and the JDK only. */
    @ArchTest
    static final ArchRule fxHelpersKnowOnlyJavaFx = classes()
            .that()
            .resideInAPackage("com.klinelive.fx..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(JAVA, "javafx..", "com.klinelive.fx..");

    @ArchTest
    static final ArchRule dataPackagesNeverImportJavaFx = noClasses()
            .that()
            .resideInAnyPackage(
                    "com.klinelive.model..",
                    "com.klinelive.candle..",
                    "com.klinelive.feed..",
                    "com.klinelive.chart.scale..",
                    "com.klinelive.chart.indicator..",
                    "com.klinelive.sim..",
                    "com.klinelive.cache..",
                    "com.klinelive.recording..",
                    "com.klinelive.scrollback..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "com.sun.javafx..");

    @ArchTest
    static final ArchRule feedApiKnowsNoConcreteTransport = noClasses()
            .that()
            .resideInAPackage("com.klinelive.feed")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.klinelive.feed.websocket..",
                    "com.klinelive.feed.longpoll..",
                    "com.klinelive.feed.socketio..",
                    "org.java_websocket..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheAppWiresConcreteTransports = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "com.klinelive.app..",
                    "com.klinelive.feed.websocket..",
                    "com.klinelive.feed.longpoll..",
                    "com.klinelive.feed.socketio..",
                    // The socketio format brings its own transport (FeedFormat.transport).
                    "com.klinelive.feed.format.socketio..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.klinelive.feed.websocket..", "com.klinelive.feed.longpoll..", "com.klinelive.feed.socketio..");

    @ArchTest
    static final ArchRule chartKnowsNothingOfFeedsOrTheApp = noClasses()
            .that()
            .resideInAPackage("com.klinelive.chart..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.klinelive.feed..", "com.klinelive.sim..", "com.klinelive.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule simulatorIsNotTheClient = noClasses()
            .that()
            .resideInAPackage("com.klinelive.sim..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.klinelive.feed",
                    "com.klinelive.feed.websocket..",
                    "com.klinelive.feed.longpoll..",
                    "com.klinelive.chart..",
                    "com.klinelive.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingDependsOnTheApp = noClasses()
            .that()
            .resideOutsideOfPackages("com.klinelive.app..")
            .and()
            .doNotHaveFullyQualifiedName("com.klinelive.Main")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.klinelive.app..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("com.klinelive.(**)").should().beFreeOfCycles();
}
