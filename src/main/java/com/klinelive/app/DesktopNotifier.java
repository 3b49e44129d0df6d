package com.klinelive.app;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a desktop notification, whatever the desktop offers: the system tray's balloon where there is a tray,
 * else {@code notify-send} (libnotify, on most Linux desktops), else a small always-on-top window of our own in
 * the corner of the screen, which works on any desktop, a bare X server included. Never blocks the caller: the
 * tray and notify-send run on {@code background}, the toast on the FX thread.
 */
final class DesktopNotifier {

    /** The ways a notification can be shown, best first. */
    enum Channel {
        TRAY,
        NOTIFY_SEND,
        TOAST
    }

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);

    private final Executor background;
    private final Channel channel;
    private final ToastWindow toast = new ToastWindow();
    private TrayIcon trayIcon;

    /** A notifier on the best channel this desktop has. */
    DesktopNotifier(Executor background) {
        this(background, bestChannel());
    }

    DesktopNotifier(Executor background, Channel channel) {
        this.background = background;
        this.channel = channel;
    }

    /** The channel notifications go to. */
    Channel channel() {
        return channel;
    }

    /** The toast window, for the channel {@link Channel#TOAST} (tests look at it). */
    ToastWindow toast() {
        return toast;
    }

    /** Hides the toast, if one shows: the viewer is closing. FX thread. */
    void closeToast() {
        toast.close();
    }

    /** Shows {@code title} and {@code text}. Any thread. */
    void show(String title, String text) {
        switch (channel) {
            case TRAY -> background.execute(() -> showInTray(title, text));
            case NOTIFY_SEND -> background.execute(() -> notifySend(title, text));
            case TOAST -> Platform.runLater(() -> toast.show(title, text));
        }
    }

    /** Removes the tray icon, if one was added. */
    void dispose() {
        if (trayIcon != null) {
            SystemTray.getSystemTray().remove(trayIcon);
            trayIcon = null;
        }
    }

    static Channel bestChannel() {
        if (!GraphicsEnvironment.isHeadless() && trayAvailable()) {
            return Channel.TRAY;
        }
        return notifySendOnPath() ? Channel.NOTIFY_SEND : Channel.TOAST;
    }

    private static boolean trayAvailable() {
        try {
            return SystemTray.isSupported();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    static boolean notifySendOnPath() {
        String path = System.getenv("PATH");
        if (path == null
                || !System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("linux")) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "notify-send"))) {
                return true;
            }
        }
        return false;
    }

    private synchronized void showInTray(String title, String text) {
        try {
            if (trayIcon == null) {
                java.awt.Image image = java.awt.Toolkit.getDefaultToolkit()
                        .createImage(DesktopNotifier.class.getResource("icons/icon-32.png"));
                trayIcon = new TrayIcon(image, "KLine Live");
                trayIcon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(trayIcon);
            }
            trayIcon.displayMessage(title, text, TrayIcon.MessageType.INFO);
        } catch (AWTException | RuntimeException e) {
            LOG.warn("the system tray refused the notification: {}", e.toString());
            Platform.runLater(() -> toast.show(title, text));
        }
    }

    private void notifySend(String title, String text) {
        try {
            Process p = new ProcessBuilder("notify-send", "--app-name=KLine Live", "--urgency=normal", title, text)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            } else if (p.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            LOG.debug("notify-send failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // No notification daemon answered (a bare X server): show our own.
        Platform.runLater(() -> toast.show(title, text));
    }
}
