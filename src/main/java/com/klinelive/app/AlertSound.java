package com.klinelive.app;

import java.util.concurrent.Executor;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * A short two-note chime for a fired alert, synthesised (no sound file to ship) and played on a background
 * thread. Where the machine has no sound device it falls back to the system beep, and where it has none of those
 * either, it stays silent: a missing speaker never costs an alert.
 */
final class AlertSound {

    private static final float RATE = 44_100;
    private static final byte[] CHIME = chime();

    private final Executor background;

    AlertSound(Executor background) {
        this.background = background;
    }

    /** Plays the chime without waiting for it. */
    void play() {
        background.execute(AlertSound::playNow);
    }

    /** Plays the chime and returns when it ends; false when there was no sound device. */
    static boolean playNow() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format, CHIME.length);
            line.start();
            line.write(CHIME, 0, CHIME.length);
            line.drain();
            return true;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            beep();
            return false;
        }
    }

    private static void beep() {
        try {
            java.awt.Toolkit.getDefaultToolkit().beep();
        } catch (UnsupportedOperationException e) {
            // Headless, or no toolkit: nothing can make a sound here.
        }
    }

    /** 16-bit little-endian PCM: E6 then A6, 90 ms each, with soft edges so it does not click. */
    static byte[] chime() {
        double[] notes = {1318.5, 1760.0};
        int perNote = (int) (RATE * 0.09);
        byte[] pcm = new byte[notes.length * perNote * 2];
        int i = 0;
        for (double hz : notes) {
            for (int n = 0; n < perNote; n++) {
                double envelope = Math.min(1, Math.min(n, perNote - n) / (RATE * 0.01));
                short sample = (short) (Math.sin(2 * Math.PI * hz * n / RATE) * envelope * 0.3 * Short.MAX_VALUE);
                pcm[i++] = (byte) sample;
                pcm[i++] = (byte) (sample >> 8);
            }
        }
        return pcm;
    }
}
