package com.klinelive.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS settings that trust the certificates of a trust store file (PKCS#12 or JKS), for feeds with self-signed or
 * private-CA certificates. Host names are still verified against the certificate: trusting a certificate never
 * means trusting it for any host.
 */
public final class TrustStores {

    private TrustStores() {}

    /**
     * An SSL context trusting exactly the certificates in {@code file}.
     *
     * @throws IllegalArgumentException with a message a user can act on, when the file cannot be read
     */
    public static SSLContext context(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the trust store " + file + ": " + e.getMessage(), e);
        }
    }
}
