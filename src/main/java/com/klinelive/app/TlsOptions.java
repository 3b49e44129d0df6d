package com.klinelive.app;

import com.klinelive.feed.TrustStores;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;

/** The {@code --trust-store} options shared by the viewer and {@code record}. */
public final class TlsOptions {

    @Option(
            names = "--trust-store",
            paramLabel = "FILE",
            description = "Trust the certificates in this PKCS#12/JKS file for wss/https feeds (self-signed test "
                    + "certificates); host names are still verified.")
    Path trustStore;

    @Option(
            names = "--trust-store-password",
            paramLabel = "PASSWORD",
            defaultValue = "${env:KLINELIVE_TRUST_PASSWORD}",
            description = "Password of the trust store (default: $KLINELIVE_TRUST_PASSWORD).")
    String password;

    /** The TLS settings asked for, or null for the JDK's defaults. */
    SSLContext sslContext() {
        return trustStore == null
                ? null
                : TrustStores.context(trustStore, password == null ? null : password.toCharArray());
    }
}
